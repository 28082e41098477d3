import { PerformanceObserver } from 'node:perf_hooks';
import type { OnModuleDestroy } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type CounterConfiguration, type GaugeConfiguration, type HistogramConfiguration } from 'prom-client';

/** The apps that serve metrics; each has one registry of its own. */
export type MetricsApp = 'case-api' | 'worker' | 'jobs';

/** Durations in seconds, from a quick read (5 ms) to a slow document render (1 min). */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * One app's Prometheus registry: Node's process metrics (CPU, memory, event
 * loop, GC, handles) plus the app's own, all named `zhifa_*`. Not the global
 * registry of prom-client: the three apps share one process in the tests, and
 * each must answer with its own metrics only.
 */
export class AppMetrics implements OnModuleDestroy {
  readonly registry = new Registry();
  private readonly failures: Counter<'source'>;
  private readonly stopDefaultMetrics: () => void;

  constructor(readonly app: MetricsApp) {
    this.stopDefaultMetrics = collectStoppableDefaultMetrics(this.registry);
    this.failures = this.counter({
      name: 'zhifa_metrics_read_failures_total',
      help: 'Scrape-time reads (database, Redis) that failed or did not answer in time; their gauges are left out of that scrape',
      labelNames: ['source'],
    });
  }

  /** Nest calls this when the app closes: its GC observer must not outlive it (see collectStoppableDefaultMetrics). */
  onModuleDestroy(): void {
    this.stopDefaultMetrics();
  }

  counter<L extends string>(cfg: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
    return new Counter({ ...cfg, registers: [this.registry] });
  }

  gauge<L extends string>(cfg: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
    return new Gauge({ ...cfg, registers: [this.registry] });
  }

  histogram<L extends string>(cfg: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L> {
    return new Histogram({ buckets: DURATION_BUCKETS, ...cfg, registers: [this.registry] });
  }

  /** The exposition text of every metric (collect callbacks run now). */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /**
   * A value read at scrape time, shared by the gauges that show parts of it:
   * one read per scrape (a reading younger than `reuseMs` is reused), bounded
   * by `timeoutMs`. A read that fails or is late counts in
   * zhifa_metrics_read_failures_total and yields undefined: a gauge then
   * shows NaN (no labels) or no series (labels), never a stale value.
   */
  reading<T>(source: string, read: () => Promise<T>, opts: { timeoutMs?: number; reuseMs?: number } = {}): () => Promise<T | undefined> {
    const timeoutMs = opts.timeoutMs ?? 2_000;
    const reuseMs = opts.reuseMs ?? 1_000;
    let last: { at: number; value: Promise<T | undefined> } | undefined;
    return () => {
      const now = Date.now();
      if (last && now - last.at < reuseMs) return last.value;
      const value = within(read, timeoutMs).catch(() => {
        this.failures.inc({ source });
        return undefined;
      });
      last = { at: now, value };
      return value;
    };
  }
}

/** Seconds since `start` (a process.hrtime.bigint() reading). */
export function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function within<T>(read: () => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      read(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * prom-client's default metrics time garbage collection with a PerformanceObserver that it neither returns
 * nor ever disconnects, and Node keeps every observing observer in one process-wide set. So the observer, and
 * through its callback the registry and everything of the realm it was made in, outlives the app: in an in-band
 * Jest run that is the whole module registry of each finished test file (~50 MB a file). This notes the
 * observers the (synchronous) call starts, so that the app can disconnect them when it closes.
 */
function collectStoppableDefaultMetrics(register: Registry): () => void {
  const observers: PerformanceObserver[] = [];
  const observe = PerformanceObserver.prototype.observe;
  PerformanceObserver.prototype.observe = function (this: PerformanceObserver, ...args: Parameters<PerformanceObserver['observe']>): void {
    observers.push(this);
    observe.apply(this, args);
  };
  try {
    collectDefaultMetrics({ register });
  } finally {
    PerformanceObserver.prototype.observe = observe;
  }
  return () => {
    for (const observer of observers.splice(0)) observer.disconnect();
  };
}
