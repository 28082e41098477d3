import { AppMetrics } from './app-metrics';
import { listenForScrapes } from './metrics-listener';
import { scrapeAllowed } from './scrape-handler';

const failures = async (m: AppMetrics, source: string) =>
  (await m.registry.getSingleMetric('zhifa_metrics_read_failures_total')!.get()).values.find((v) => v.labels.source === source)?.value ?? 0;

describe('AppMetrics', () => {
  it('keeps a registry of its own, with the process metrics', async () => {
    const a = new AppMetrics('worker');
    const b = new AppMetrics('jobs');
    a.counter({ name: 'zhifa_only_in_a_total', help: 'a' }).inc();
    expect(await a.text()).toContain('zhifa_only_in_a_total 1');
    expect(await b.text()).not.toContain('zhifa_only_in_a_total');
    expect(await b.text()).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it('reads a scrape-time value once for the gauges that share it, and again once it is old', async () => {
    const m = new AppMetrics('case-api');
    let reads = 0;
    const reading = m.reading('postgres', async () => ++reads, { reuseMs: 60_000 });
    expect(await Promise.all([reading(), reading()])).toEqual([1, 1]);
    const fresh = m.reading('postgres', async () => ++reads, { reuseMs: 0 });
    expect(await fresh()).toBe(2);
    expect(await fresh()).toBe(3);
  });

  it('gives up on a read that fails or is late, counting it, so that its gauges show no number', async () => {
    const m = new AppMetrics('case-api');
    const late = m.reading('redis', () => new Promise<number>(() => undefined), { timeoutMs: 20, reuseMs: 0 });
    const broken = m.reading('postgres', () => Promise.reject(new Error('down')), { reuseMs: 0 });
    m.gauge({
      name: 'zhifa_example',
      help: 'x',
      async collect() {
        this.set((await late()) ?? NaN);
      },
    });
    expect(await broken()).toBeUndefined();
    const text = await m.text();
    // prom-client writes "Nan"; Prometheus parses any case of NaN.
    expect(text).toMatch(/^zhifa_example nan$/im);
    expect(await failures(m, 'redis')).toBe(1);
    expect(await failures(m, 'postgres')).toBe(1);
  });
});

describe('the scrape token', () => {
  it('lets anyone scrape when none is set, else only its exact bearer', () => {
    expect(scrapeAllowed(undefined, undefined)).toBe(true);
    expect(scrapeAllowed(undefined, 'a-token-of-length')).toBe(false);
    expect(scrapeAllowed('Bearer a-token-of-length', 'a-token-of-length')).toBe(true);
    expect(scrapeAllowed('bearer a-token-of-length', 'a-token-of-length')).toBe(true);
    expect(scrapeAllowed('Bearer a-token-of-lengthX', 'a-token-of-length')).toBe(false);
    expect(scrapeAllowed('Basic a-token-of-length', 'a-token-of-length')).toBe(false);
  });
});

describe('listenForScrapes', () => {
  it('answers GET /metrics only, with the token when one is set', async () => {
    const m = new AppMetrics('jobs');
    const listener = await listenForScrapes(m, { port: 0, host: '127.0.0.1', token: 'a-token-of-length' });
    try {
      const base = `http://127.0.0.1:${listener.port}`;
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      const ok = await fetch(`${base}/metrics?x=1`, { headers: { authorization: 'Bearer a-token-of-length' } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe(m.contentType);
      expect(await ok.text()).toMatch(/^process_cpu_user_seconds_total /m);
      expect((await fetch(`${base}/`)).status).toBe(404);
      expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
    } finally {
      await listener.close();
    }
  });
});

describe('AppMetrics when its app closes', () => {
  it('disconnects the GC observer prom-client started for it, and leaves PerformanceObserver as it found it', () => {
    const { PerformanceObserver } = jest.requireActual<typeof import('node:perf_hooks')>('node:perf_hooks');
    const observe = PerformanceObserver.prototype.observe;
    const disconnect = jest.spyOn(PerformanceObserver.prototype, 'disconnect');
    try {
      const m = new AppMetrics('worker');
      expect(PerformanceObserver.prototype.observe).toBe(observe);
      expect(disconnect).not.toHaveBeenCalled();
      m.onModuleDestroy();
      expect(disconnect).toHaveBeenCalledTimes(1);
      m.onModuleDestroy();
      expect(disconnect).toHaveBeenCalledTimes(1);
    } finally {
      disconnect.mockRestore();
    }
  });
});
