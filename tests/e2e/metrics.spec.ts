import { randomUUID } from 'node:crypto';
import { execFile, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { http, startStack, Stack } from '../support/stack';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import { total } from '../support/prometheus-text';
import { killHard, spawnWorkerProcess } from '../support/worker-process';
import { Client } from './command-helpers';

/** GET a metrics endpoint as Prometheus would. */
async function scrape(url: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(url, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** The script of the compose healthcheck (`test: ["CMD", "node", "-e", <script>]`) that mentions `marker`. */
function composeHealthcheck(marker: string): string {
  const compose = readFileSync(join(__dirname, '../../docker-compose.yml'), 'utf8');
  const scripts = [...compose.matchAll(/^\s+test: (\["CMD", "node", "-e", .*\])$/gm)].map((m) => (JSON.parse(m[1]) as string[])[3]);
  const script = scripts.find((s) => s.includes(marker));
  if (!script) throw new Error(`no node healthcheck in docker-compose.yml mentions ${marker}`);
  return script;
}

/** Runs a compose healthcheck script as Docker would; resolves with its exit code. */
function runHealthcheck(script: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 10_000 }, (err) => resolve(err ? ((err as { code?: number }).code ?? 1) : 0));
  });
}

// /metrics of the three apps, as Prometheus scrapes them: case-api's beside its API, the worker's and the jobs app's on ports of their own.
describe('metrics', () => {
  let stack: Stack;
  let api: Client;
  let workerPort: number;
  let jobsPort: number;

  beforeAll(async () => {
    workerPort = await freePort();
    jobsPort = await freePort();
    stack = await startStack({ jobs: true, env: { WORKER_METRICS_PORT: String(workerPort), JOBS_METRICS_PORT: String(jobsPort) } });
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  const caseApi = () => scrape(`${stack.url}/metrics`);

  it('case-api answers /metrics outside /api/v1 and without a token, in the Prometheus text format, with the process metrics', async () => {
    const res = await caseApi();
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(res.text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect((await http(stack, 'GET', '/api/v1/metrics')).status).toBe(404);
  });

  it('times requests by route pattern and status, not by raw URL', async () => {
    const id = randomUUID();
    const before = total((await caseApi()).text, 'zhifa_http_request_duration_seconds_count', { route: '/api/v1/cases/:id', status: '404' });
    expect((await api.get('officer.zhang', `/cases/${id}`)).status).toBe(404);
    expect((await http(stack, 'GET', '/health')).status).toBe(200);

    const text = await eventually(async () => {
      const t = (await caseApi()).text;
      return total(t, 'zhifa_http_request_duration_seconds_count', { route: '/api/v1/cases/:id', status: '404' }) === before + 1 ? t : undefined;
    });
    expect(total(text, 'zhifa_http_request_duration_seconds_count', { method: 'GET', route: '/health', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(total(text, 'zhifa_http_request_duration_seconds_bucket', { route: '/api/v1/cases/:id', status: '404', le: '+Inf' })).toBe(before + 1);
    expect(text).not.toContain(id);
    // A path no route matched shares one label, whatever its URL.
    const unmatched = total(text, 'zhifa_http_request_duration_seconds_count', { route: 'unmatched', status: '404' });
    await http(stack, 'GET', `/api/v1/no-such-route/${id}`);
    await eventually(async () => total((await caseApi()).text, 'zhifa_http_request_duration_seconds_count', { route: 'unmatched', status: '404' }) === unmatched + 1);
  });

  it('counts commands accepted, and refused by their problem code, whichever step refused them', async () => {
    const commands = async (labels: Record<string, string>) => total((await caseApi()).text, 'zhifa_commands_total', labels);
    const registered = await commands({ action: 'register', outcome: 'accepted' });
    const lead = (await api.register()).id;
    await eventually(async () => (await commands({ action: 'register', outcome: 'accepted' })) === registered + 1);

    // The domain refuses a decision on a lead (409); an officer's filing is refused for the role (403, by the guard before the body); no token at all (401).
    const beforeState = await commands({ action: 'decision', outcome: 'refused', code: 'CASE.TRANSITION_NOT_ALLOWED' });
    const beforeRole = await commands({ action: 'filing', outcome: 'refused', code: 'AUTH.ROLE_NOT_ALLOWED' });
    const decision = await api.command('head.sun', lead, 'decision', { outcome: 'PENALTY', penalty: { kinds: ['WARNING'] }, documentNumber: 'x', text: 'x' });
    expect(decision.body).toMatchObject({ status: 409, code: 'CASE.TRANSITION_NOT_ALLOWED' });
    const filing = await api.command('officer.zhang', lead, 'filing', { approve: true, reason: 'x', officerIds: [api.id('officer.zhang'), api.id('officer.li')] });
    expect(filing.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    const anonymous = await http(stack, 'POST', `/api/v1/cases/${lead}/filing`, { body: {} });
    expect(anonymous.status).toBe(401);

    await eventually(async () => (await commands({ action: 'decision', outcome: 'refused', code: 'CASE.TRANSITION_NOT_ALLOWED' })) === beforeState + 1);
    expect(await commands({ action: 'filing', outcome: 'refused', code: 'AUTH.ROLE_NOT_ALLOWED' })).toBe(beforeRole + 1);
    expect(await commands({ action: 'filing', outcome: 'refused', code: String(anonymous.body.code) })).toBeGreaterThanOrEqual(1);
    // Reads are not commands.
    expect(await commands({ action: 'register', outcome: 'refused' })).toBe(0);
  });

  it('shows the outbox, the queues, stuck cases and open alerts, read at scrape time', async () => {
    const text = (await caseApi()).text;
    expect(text).toMatch(/^zhifa_outbox_pending \d+$/m);
    expect(text).toMatch(/^zhifa_outbox_lag_seconds [\d.e+-]+$/m);
    expect(text).toMatch(/^zhifa_queue_jobs\{queue="notifications",state="failed"\} \d+$/m);
    expect(text).toMatch(/^zhifa_queue_jobs\{queue="documents",state="waiting"\} \d+$/m);
    expect(text).toContain('# TYPE zhifa_stuck_cases gauge');
    expect(text).toContain('# TYPE zhifa_open_alerts gauge');
    expect(total(text, 'zhifa_metrics_read_failures_total')).toBe(0);

    const stuck = (await api.register()).id;
    await stack.ds.query(
      `INSERT INTO stuck_cases (case_id, cause, agency_id, case_number, detail) SELECT id, 'WORKFLOW_MISSING', agency_id, case_number, '{}' FROM cases WHERE id = $1`,
      [stuck],
    );
    try {
      // Readings are reused for a second, so that the gauges of one scrape share one query.
      await eventually(async () => total((await caseApi()).text, 'zhifa_stuck_cases', { cause: 'WORKFLOW_MISSING' }) >= 1);
    } finally {
      await stack.ds.query(`DELETE FROM stuck_cases WHERE case_id = $1`, [stuck]);
    }
  });

  it('the worker serves its process and activity metrics on WORKER_METRICS_PORT', async () => {
    await api.register();
    const text = await eventually(async () => {
      const res = await scrape(`http://127.0.0.1:${workerPort}/metrics`);
      return res.status === 200 && total(res.text, 'zhifa_worker_activities_total', { outcome: 'completed' }) > 0 ? res.text : undefined;
    });
    expect(text).toMatch(/^process_resident_memory_bytes /m);
    expect(text).toMatch(/^zhifa_worker_running 1$/m);
    expect(text).toContain('zhifa_worker_activity_duration_seconds_bucket');
    // Its own registry: none of case-api's metrics.
    expect(text).not.toContain('zhifa_http_request_duration_seconds');
    expect((await scrape(`http://127.0.0.1:${workerPort}/other`)).status).toBe(404);
    // The compose healthcheck of the worker passes against it, and fails with no worker there.
    const check = composeHealthcheck('WORKER_METRICS_PORT');
    expect(await runHealthcheck(check, { WORKER_METRICS_PORT: String(workerPort) })).toBe(0);
    expect(await runHealthcheck(check, { WORKER_METRICS_PORT: String(await freePort()) })).toBe(1);
  });

  it('the jobs app serves jobs processed per queue and the relay on JOBS_METRICS_PORT', async () => {
    await api.register();
    const text = await eventually(async () => {
      const res = await scrape(`http://127.0.0.1:${jobsPort}/metrics`);
      return res.status === 200 && total(res.text, 'zhifa_jobs_processed_total', { queue: 'notifications', outcome: 'completed' }) > 0 ? res.text : undefined;
    }, 30_000);
    expect(total(text, 'zhifa_outbox_relayed_total')).toBeGreaterThan(0);
    expect(total(text, 'zhifa_job_duration_seconds_count', { queue: 'notifications', outcome: 'completed' })).toBeGreaterThan(0);
    expect(text).toMatch(/^zhifa_outbox_relay_failures 0$/m);
    expect(text).not.toContain('zhifa_worker_activities_total');
    expect(await runHealthcheck(composeHealthcheck('JOBS_METRICS_PORT'), { JOBS_METRICS_PORT: String(jobsPort) })).toBe(0);
  });

  it("case-api's compose healthcheck passes once its dependencies answer /ready", async () => {
    const port = new URL(stack.url).port;
    expect(await runHealthcheck(composeHealthcheck('/ready').replace('127.0.0.1:3000', `127.0.0.1:${port}`), {})).toBe(0);
  });

  describe('a worker process of its own: the Temporal SDK exporter, the scrape token', () => {
    let child: ChildProcess | undefined;
    afterAll(async () => {
      if (child) await killHard(child);
    });

    it("serves the SDK's own metrics on TEMPORAL_METRICS_ADDRESS, and its metrics port answers only with the token", async () => {
      const [own, sdk] = [await freePort(), await freePort()];
      const token = `scrape-${randomUUID()}`;
      child = await spawnWorkerProcess({
        ...process.env,
        TEMPORAL_TASK_QUEUE: `zhifa-metrics-${randomUUID()}`,
        WORKER_METRICS_PORT: String(own),
        TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${sdk}`,
        METRICS_TOKEN: token,
      });
      const temporal = await eventually(async () => {
        const res = await scrape(`http://127.0.0.1:${sdk}/metrics`).catch(() => undefined);
        return res?.status === 200 && /^temporal_\w+/m.test(res.text) ? res.text : undefined;
      });
      expect(temporal).toMatch(/^temporal_num_pollers\{/m);

      expect((await scrape(`http://127.0.0.1:${own}/metrics`)).status).toBe(401);
      expect((await scrape(`http://127.0.0.1:${own}/metrics`, { authorization: 'Bearer wrong-token-of-some-length' })).status).toBe(401);
      const allowed = await scrape(`http://127.0.0.1:${own}/metrics`, { authorization: `Bearer ${token}` });
      expect(allowed.status).toBe(200);
      expect(allowed.text).toMatch(/^process_cpu_user_seconds_total /m);
      // The compose healthcheck sends the token the container has.
      const check = composeHealthcheck('WORKER_METRICS_PORT');
      expect(await runHealthcheck(check, { WORKER_METRICS_PORT: String(own), METRICS_TOKEN: token })).toBe(0);
      expect(await runHealthcheck(check, { WORKER_METRICS_PORT: String(own) })).toBe(1);
    });

    it('does not start when the SDK exporter cannot bind its address, and says which variable', async () => {
      const taken = createServer().listen(0, '127.0.0.1');
      await once(taken, 'listening');
      try {
        const port = (taken.address() as AddressInfo).port;
        await expect(
          spawnWorkerProcess({ ...process.env, TEMPORAL_TASK_QUEUE: `zhifa-metrics-${randomUUID()}`, WORKER_METRICS_PORT: '0', TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${port}` }),
        ).rejects.toThrow(`TEMPORAL_METRICS_ADDRESS 127.0.0.1:${port}`);
      } finally {
        taken.close();
      }
    });
  });
});
