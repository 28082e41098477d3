import { performance } from 'node:perf_hooks';
import { scrape, sample } from '../command-path/scrape';
import { assertAlive, pidOf, rssOf } from '../command-path/stack';

// Every process's memory through the soak: its resident set (/proc) and,
// for the apps, V8's heap in use (their /metrics), sampled every `everyMs`
// from the start of the load. A process that has exited fails the soak at
// the next sample.

export interface Watched {
  /** As stack.ts started it: 'case-api', 'worker', 'jobs', 'temporal'. */
  name: string;
  /** Its metrics port; none for Temporal. */
  metricsPort?: number;
}

export interface MemorySample {
  /** Seconds since the load started. */
  t: number;
  rss: Record<string, number>;
  heap: Record<string, number>;
  /** V8's heap as reserved (used or not) and the memory outside it that JS objects hold (Buffers), per app. */
  heapTotal: Record<string, number>;
  external: Record<string, number>;
}

export class MemorySampler {
  readonly samples: MemorySample[] = [];
  private timer?: NodeJS.Timeout;
  private t0 = 0;
  private taken = 0;
  private pending: Promise<void> = Promise.resolve();
  failure?: Error;

  constructor(
    private readonly watched: Watched[],
    private readonly everyMs: number,
  ) {}

  /** Takes the sample at 0 s, then one every `everyMs` (each due at start + k × everyMs). */
  start(): void {
    this.t0 = performance.now();
    this.next();
  }

  /** Stops, taking a last sample unless one was taken within half an interval of `endSeconds` (the end of the load); returns it. */
  async stop(endSeconds: number): Promise<MemorySample> {
    clearTimeout(this.timer);
    await this.pending;
    const last = this.samples[this.samples.length - 1];
    if (!last || last.t < endSeconds - this.everyMs / 2000) await this.take();
    return this.samples[this.samples.length - 1];
  }

  /** The sample nearest `seconds` after the start. */
  at(seconds: number): MemorySample {
    return this.samples.reduce((best, s) => (Math.abs(s.t - seconds) < Math.abs(best.t - seconds) ? s : best));
  }

  private next(): void {
    this.pending = this.take().catch((err: unknown) => {
      this.failure ??= err instanceof Error ? err : new Error(String(err));
    });
    const due = this.t0 + ++this.taken * this.everyMs;
    this.timer = setTimeout(() => this.next(), Math.max(0, due - performance.now()));
  }

  private async take(): Promise<void> {
    const t = (performance.now() - this.t0) / 1000;
    const s: MemorySample = { t, rss: {}, heap: {}, heapTotal: {}, external: {} };
    for (const w of this.watched) {
      assertAlive(w.name);
      s.rss[w.name] = rssOf(pidOf(w.name));
      if (!w.metricsPort) continue;
      const text = await scrape(w.metricsPort);
      s.heap[w.name] = sample(text, 'nodejs_heap_size_used_bytes');
      s.heapTotal[w.name] = sample(text, 'nodejs_heap_size_total_bytes');
      s.external[w.name] = sample(text, 'nodejs_external_memory_bytes');
    }
    this.samples.push(s);
  }
}
