import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

// The load of each side: (a) HTTP by autocannon, one case per connection;
// (b) and (c) the same number of operations from this process, one
// sequential caller per workflow or case. Each returns every operation's
// latency and the wall time of the whole batch.

export interface LoadResult {
  latencies: number[];
  ok: number;
  failed: number;
  failures: Record<string, number>;
  elapsedMs: number;
}

export const throughput = (r: LoadResult): number => (r.ok / r.elapsedMs) * 1000;

/** A JSON request: method, path (per case), headers, body. */
export interface HttpCall {
  method: 'GET' | 'POST';
  path: string;
  token: string;
  body?: unknown;
}

/** One HTTP call with fetch, a command with a new Idempotency-Key: its status and its body's text. */
export async function request(base: string, c: HttpCall): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}${c.path}`, {
    method: c.method,
    headers: {
      authorization: `Bearer ${c.token}`,
      ...(c.body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
    },
    ...(c.body === undefined ? {} : { body: JSON.stringify(c.body) }),
  });
  return { status: res.status, text: await res.text() };
}

/** One HTTP call (setup and single reads), failing on a status other than `expect`. */
export async function call<T>(base: string, c: HttpCall, expect: number[] = [200, 201]): Promise<T> {
  const { status, text } = await request(base, c);
  if (!expect.includes(status)) throw new Error(`${c.method} ${c.path}: ${status} ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Times `fn` once, in ms. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * `amount` POSTs by autocannon over `paths.length` connections, connection i
 * on paths[i] only (its own case), each request with a new Idempotency-Key.
 */
export function httpLoad(base: string, paths: string[], token: string, body: unknown, amount: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let ok = 0;
  let next = 0;
  const payload = JSON.stringify(body);
  const t0 = performance.now();
  let lastAnswer = t0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: paths.length,
        amount,
        timeout: 120,
        setupClient: (client) => {
          const path = paths[next++ % paths.length];
          client.setRequests([
            {
              method: 'POST',
              path,
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: payload,
              setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }),
            },
          ]);
        },
      },
      (err, result) => {
        if (err) return reject(err);
        const failed = result.errors + result.timeouts + result.non2xx;
        if (result.errors || result.timeouts) failures[`errors/timeouts`] = result.errors + result.timeouts;
        // Until the last answer: autocannon reports done on its one-second tick, which rounded a short load's time up to whole seconds.
        resolve({ latencies, ok, failed, failures, elapsedMs: lastAnswer - t0 });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      lastAnswer = performance.now();
      if (status >= 200 && status < 300) {
        ok++;
        latencies.push(ms);
      } else failures[String(status)] = (failures[String(status)] ?? 0) + 1;
    });
  });
}

/**
 * `amount` operations, `keys.length` callers at once: caller i runs its
 * share one after another on keys[i].
 */
export async function callerLoad(keys: string[], amount: number, op: (key: string, k: number) => Promise<unknown>): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let ok = 0;
  let failed = 0;
  let issued = 0;
  const t0 = performance.now();
  await Promise.all(
    keys.map(async (key) => {
      while (issued < amount) {
        const k = issued++;
        const s = performance.now();
        try {
          await op(key, k);
          latencies.push(performance.now() - s);
          ok++;
        } catch (err) {
          failed++;
          const name = err instanceof Error ? err.name : 'error';
          failures[name] = (failures[name] ?? 0) + 1;
          if (failed === 1) console.error(`  first failure: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }),
  );
  return { latencies, ok, failed, failures, elapsedMs: performance.now() - t0 };
}
