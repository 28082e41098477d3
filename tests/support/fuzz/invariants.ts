import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import type { HttpResult, Stack } from '../stack';

// What every answer to bad input must be, and the record it must leave alone.

/** CI's seed: the same inputs on every run, so a submission is judged on its own change (a new seed each run hunts locally). */
const CI_SEED = 20261203;

/**
 * fast-check's parameters for a fuzz property: `runs` by default; FUZZ_RUNS
 * overrides it (more for a long local hunt), FUZZ_SEED and FUZZ_PATH replay
 * the counterexample a failure printed (its "seed" and "path"). Under CI=true
 * the seed is CI_SEED unless FUZZ_SEED says otherwise; elsewhere a new one.
 */
export function fuzzParameters<T>(runs: number): fc.Parameters<T> {
  const env = process.env;
  const seed = env.FUZZ_SEED ? Number(env.FUZZ_SEED) : env.CI === 'true' ? CI_SEED : undefined;
  return {
    numRuns: env.FUZZ_RUNS ? Number(env.FUZZ_RUNS) : runs,
    ...(seed !== undefined ? { seed } : {}),
    ...(env.FUZZ_PATH ? { path: env.FUZZ_PATH } : {}),
    // Shrinking replays requests against the live stack: bounded, so a failure is reported within the test's time.
    interruptAfterTimeLimit: 240_000,
  };
}

/** The problem codes the API documents (GET /api/v1/problems), with the one status of each. */
export async function documentedProblems(stack: Stack): Promise<Map<string, number>> {
  const res = await fetch(`${stack.url}/api/v1/problems`);
  const { items } = (await res.json()) as { items: { code: string; status: number }[] };
  return new Map(items.map((p) => [p.code, p.status]));
}

/** What went wrong with an answer, or undefined: a 5xx, or a refusal that is not problem+json with a documented code of its status. */
export function undocumented(res: { status: number; contentType: string | null; body: unknown }, codes: Map<string, number>): string | undefined {
  if (res.status >= 500) return `answered ${res.status}: ${JSON.stringify(res.body)}`;
  if (res.status < 400) return undefined;
  if (!res.contentType?.includes('application/problem+json')) return `answered ${res.status} as ${res.contentType}, not application/problem+json: ${JSON.stringify(res.body).slice(0, 300)}`;
  const body = res.body as { code?: unknown; status?: unknown } | null;
  const code = typeof body?.code === 'string' ? body.code : undefined;
  if (!code || !codes.has(code)) return `answered ${res.status} with an undocumented code ${JSON.stringify(body?.code)}`;
  if (codes.get(code) !== res.status || body?.status !== res.status) return `answered ${res.status} with ${code}, documented as ${codes.get(code)}`;
  return undefined;
}

/** Fails with the request when its answer is not a documented one. */
export function expectDocumented(request: string, res: HttpResult<unknown>, codes: Map<string, number>): void {
  const wrong = undocumented({ status: res.status, contentType: res.headers.get('content-type'), body: res.body }, codes);
  if (wrong) throw new Error(`${request} ${wrong}`);
}

/** Tables a request never changes when it is refused (the chain, read models, outbox, idempotency keys, evidence, administration). */
const RECORD_TABLES = [
  'case_events',
  'cases',
  'parties',
  'outbox',
  'idempotency_keys',
  'evidence_items',
  'custody_transfers',
  'case_number_counters',
  'document_number_counters',
  'documents',
  'notifications',
  'users',
  'certificates',
  'certificate_status_changes',
  'agencies',
  'outside_bodies',
  'policies',
  'holiday_calendars',
  'agency_webhooks',
  'admin_events',
  'alerts',
  'job_retries',
  'read_model_repairs',
  'public_disclosures',
];

/** A fingerprint of every recorded row (one md5 per table), to compare before and after a refused request. */
export async function recordFingerprint(ds: DataSource): Promise<Record<string, string>> {
  const select = RECORD_TABLES.map((t) => `(SELECT md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) FROM ${t} r) AS ${t}`).join(', ');
  const [row] = (await ds.query(`SELECT ${select}`)) as Record<string, string>[];
  return row;
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(before).filter((t) => before[t] !== after[t]);
}

/**
 * Sends a request and checks its answer is documented and, when refused,
 * that nothing was recorded. A 2xx may record (a fuzzed body can be valid).
 */
export async function expectRefusedCleanly(
  stack: Stack,
  codes: Map<string, number>,
  request: string,
  send: () => Promise<HttpResult<unknown>>,
): Promise<HttpResult<unknown>> {
  const before = await recordFingerprint(stack.ds);
  const [{ last }] = (await stack.ds.query(`SELECT coalesce(max(id), 0)::text AS last FROM case_events`)) as { last: string }[];
  const res = await send();
  expectDocumented(request, res, codes);
  if (res.status >= 400) {
    const changed = changedTables(before, await recordFingerprint(stack.ds));
    if (changed.length) {
      const events = (await stack.ds.query(`SELECT case_id, seq, type, actor, occurred_at FROM case_events WHERE id > $1 ORDER BY id`, [last])) as { actor: { system?: boolean } }[];
      // A case's own timer (a deadline an accepted fuzzed command set in the past) may record meanwhile, as the system:
      // never the refused request's doing. Anything else, or any other table, is.
      const ownTimer = events.length > 0 && events.every((e) => e.actor.system === true) && changed.every((t) => ['case_events', 'cases', 'outbox'].includes(t));
      if (!ownTimer) throw new Error(`${request} answered ${res.status} ${JSON.stringify(res.body)} but changed ${changed.join(', ')}; events since: ${JSON.stringify(events)}`);
    }
  }
  return res;
}

const ANSWER_WITHIN_MS = 20_000;

/** A request as the fuzz sends it: any body bytes and content type, the answer read whatever it is. */
export async function send(
  stack: Stack,
  method: string,
  path: string,
  opts: { token?: string; body?: string | Buffer | FormData; contentType?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult<unknown>> {
  // A request left unanswered (a case stuck behind a failing append) fails the property with the request, instead of the test's timeout.
  const res = await fetch(`${stack.url}${path}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.contentType ? { 'content-type': opts.contentType } : {}),
      ...opts.headers,
    },
    body: opts.body,
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
  }).catch((err: unknown) => {
    throw new Error(`${method} ${path} got no answer within ${ANSWER_WITHIN_MS} ms: ${String(err)}`);
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: kept as text for the report
  }
  return { status: res.status, headers: res.headers, body };
}
