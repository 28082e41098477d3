import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DOCUMENT_TRIGGERS } from '@zhifa/domain';
import { listCases } from './command-path/list';
import { call, callerLoad } from './command-path/load';
import { metric, sampleSum, scrape } from './command-path/scrape';
import { appEnvironment, freePort, ROOT, scratchDatabase, startApp, startTemporal, stopAll, temporalCli, waitFor } from './command-path/stack';
import { finishMachine, machine } from './command-path/stats';
import { demoUser, tokenIssuer } from './command-path/tokens';
import { lead, type Actor, type SoakCase } from './soak/lifecycle';
import { MemorySampler } from './soak/memory';
import { criteria, writeSoak, type SoakReport } from './soak/report';
import { pace, SoakTraffic } from './soak/traffic';

// A bounded soak (issue 15 item 6; `npm run soak`, never in CI): every
// process zhifa runs in production started as production starts it, a
// steady mixed load on hundreds of cases for SOAK_MINUTES, every process's
// memory sampled throughout; it passes when each app's RSS at the end is
// within 10 % of its RSS at minute SOAK_EARLY_MINUTES, nothing failed, and
// every case's chain verifies. See docs/benchmarks.md.
const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const MINUTES = env('SOAK_MINUTES', 10);
const EARLY_MINUTES = env('SOAK_EARLY_MINUTES', 2);
const CASES = env('SOAK_CASES', 300);
const RATE = env('SOAK_RATE', 15);
const SAMPLE_SECONDS = env('SOAK_SAMPLE_SECONDS', 10);
const DATABASE_URL = process.env.SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zhifa_bench_soak';
const REDIS_URL = process.env.SOAK_REDIS_URL ?? 'redis://127.0.0.1:6379/12';
const MAX_IN_FLIGHT = 64;
/** How long the jobs app may take, after the load, to seal the cases whose archive was asked for. */
const SEAL_WAIT_MS = 180_000;
const APPS = ['case-api', 'worker', 'jobs'] as const;

/** Lines an app logged at error or fatal (JSON lines, LOG_FORMAT=json). */
function errorLines(log: string): number {
  return readFileSync(log, 'utf8').split('\n').filter((l) => /"level":"(error|fatal)"/.test(l)).length;
}

async function main(): Promise<void> {
  if (!(EARLY_MINUTES > 0 && EARLY_MINUTES < MINUTES)) throw new Error(`SOAK_EARLY_MINUTES (${EARLY_MINUTES}) must lie between 0 and SOAK_MINUTES (${MINUTES})`);
  const t0 = Date.now();
  const cli = temporalCli();
  const dir = mkdtempSync(join(tmpdir(), 'zhifa-soak-'));
  console.log(`soak: ${MINUTES} min at ${RATE}/s on ${CASES} cases; logs in ${dir}`);
  await scratchDatabase(DATABASE_URL, join(dir, 'archive-keys'));
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  redis.disconnect();
  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  const [{ version }] = (await pg.query<{ version: string }>(`SELECT current_setting('server_version') AS version`)).rows;
  const m = machine(cli, version);
  const address = await startTemporal(cli, dir);

  const ports = { api: await freePort(), worker: await freePort(), jobs: await freePort() };
  const appEnv = appEnvironment({ databaseUrl: DATABASE_URL, redisUrl: REDIS_URL, temporal: address, dir, ports });
  for (const app of APPS) startApp(app, appEnv, dir);
  const base = `http://127.0.0.1:${ports.api}`;
  const names = ['temporal', ...APPS];
  await waitFor('case-api', async () => (await fetch(`${base}/ready`)).ok, names);
  await waitFor('worker', async () => (await metric(ports.worker, 'zhifa_worker_running')) === 1, names);
  await waitFor('jobs', async () => (await fetch(`http://127.0.0.1:${ports.jobs}/metrics`)).ok, names);

  const issue = tokenIssuer(appEnv);
  const actors: Actor[] = ['officer.zhang', 'officer.li', 'head.sun', 'reviewer.liu'];
  const token = Object.fromEntries(await Promise.all(actors.map(async (a) => [a, await issue(a)]))) as Record<Actor, string>;
  const ids = { zhang: demoUser('officer.zhang').id, li: demoUser('officer.li').id };

  // The cases: a third under investigation (filed now; evidence and refusals only), the rest to be taken through the procedure.
  const investigationCount = Math.round(CASES / 3);
  const cases: SoakCase[] = [];
  const setup = await callerLoad(['a', 'b', 'c', 'd'], CASES, async (_, k) => {
    const { id } = await call<{ id: string }>(base, { method: 'POST', path: '/api/v1/cases', token: token['officer.zhang'], body: lead(ids, 'PRODUCT-FAKE') });
    if (k < investigationCount) {
      await call(base, { method: 'POST', path: `/api/v1/cases/${id}/filing`, token: token['head.sun'], body: { approve: true, reason: 'facts verified on inspection', officerIds: [ids.zhang, ids.li] } });
    }
    cases.push({ id, n: k + 1, step: k < investigationCount ? 1 : 0, busy: false });
  });
  if (setup.failed) throw new Error(`setup: ${setup.failed} cases not registered ${JSON.stringify(setup.failures)}`);
  const investigation = cases.filter((c) => c.n <= investigationCount);
  const lifecycle = cases.filter((c) => c.n > investigationCount);
  const setupMinutes = (Date.now() - t0) / 60_000;
  console.log(`setup: ${cases.length} cases registered (${investigation.length} filed) in ${setupMinutes.toFixed(1)} min; the load starts`);

  // The load, memory sampled from its start.
  const sampler = new MemorySampler(
    [{ name: 'case-api', metricsPort: ports.api }, { name: 'worker', metricsPort: ports.worker }, { name: 'jobs', metricsPort: ports.jobs }, { name: 'temporal' }],
    SAMPLE_SECONDS * 1000,
  );
  const owed = Object.keys(DOCUMENT_TRIGGERS);
  const documentsIssued = async (caseId: string) => {
    const { rows } = await pg.query<{ owed: number; issued: number }>(
      `SELECT count(*) FILTER (WHERE type = ANY($2))::int AS owed, count(*) FILTER (WHERE type = 'DOCUMENT_ISSUED')::int AS issued FROM case_events WHERE case_id = $1`,
      [caseId, owed],
    );
    return rows[0].issued >= rows[0].owed;
  };
  const traffic = new SoakTraffic(base, { token, ids }, investigation, lifecycle, listCases({ 'officer.li': ids.li }), documentsIssued);
  const loadStart = Date.now();
  const progress = setInterval(() => {
    const f = traffic.figures;
    const last = sampler.samples[sampler.samples.length - 1];
    const sent = Object.values(f.kinds).reduce((a, k) => a + k.latencies.length, 0);
    console.log(`  ${((Date.now() - loadStart) / 60_000).toFixed(1)} min: ${sent} answered, ${f.errors} errors; RSS / heap used / heap total / external ${APPS.map((a) => `${a} ${[last?.rss[a], last?.heap[a], last?.heapTotal[a], last?.external[a]].map((x) => (x / 1024 ** 2).toFixed(0)).join(' / ')}`).join(', ')} MiB`);
  }, Number(process.env.SOAK_PROGRESS_SECONDS ?? 60) * 1000);
  sampler.start();
  const paced = await pace(RATE, MINUTES * 60_000, MAX_IN_FLIGHT, (k) => traffic.tick(k));
  clearInterval(progress);
  const end = await sampler.stop(MINUTES * 60);
  if (sampler.failure) throw sampler.failure;

  // After the load: the archive requests sealed by the jobs app, then every chain verified.
  const archiving = async () => Number((await pg.query(`SELECT count(*) AS n FROM cases WHERE status = 'ARCHIVING'`)).rows[0].n);
  await waitFor('the archive requests sealed', async () => (await archiving()) === 0, names, SEAL_WAIT_MS).catch((err: unknown) => console.error(String(err)));
  const unsealed = await archiving();
  const statuses = Object.fromEntries(
    (await pg.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM cases GROUP BY status ORDER BY count(*) DESC')).rows.map((r) => [r.status, Number(r.n)]),
  );
  const chains = { checked: 0, valid: 0, events: 0 };
  const verified = await callerLoad(['a', 'b', 'c', 'd'], cases.length, async (_, k) => {
    const v = await call<{ valid: boolean; events: number }>(base, { method: 'GET', path: `/api/v1/cases/${cases[k].id}/timeline/verify`, token: token['head.sun'] });
    chains.checked++;
    if (v.valid) chains.valid++;
    chains.events += v.events;
  });
  if (verified.failed) console.error(`verification: ${verified.failed} requests failed ${JSON.stringify(verified.failures)}`);
  const jobsText = await scrape(ports.jobs);
  const jobs = {
    completed: sampleSum(jobsText, 'zhifa_jobs_processed_total', 'outcome="completed"'),
    retrying: sampleSum(jobsText, 'zhifa_jobs_processed_total', 'outcome="retrying"'),
    failed: sampleSum(jobsText, 'zhifa_jobs_processed_total', 'outcome="failed"'),
  };
  const logErrors = Object.fromEntries(APPS.map((a) => [a, errorLines(join(dir, `${a}.log`))]));

  finishMachine(m);
  const report: SoakReport = {
    machine: m,
    settings: { minutes: MINUTES, earlyMinutes: EARLY_MINUTES, rate: RATE, cases: CASES, investigation: investigation.length, lifecycle: lifecycle.length, sampleSeconds: SAMPLE_SECONDS },
    pace: paced, traffic: traffic.figures, processes: [...APPS.map((name) => ({ name, judged: true })), { name: 'temporal', judged: false }],
    early: sampler.at(EARLY_MINUTES * 60), end, samples: sampler.samples, logErrors, jobs, statuses, unsealed, chains, setupMinutes,
  };
  writeSoak(report, join(ROOT, 'docs/benchmarks.md'), process.env.SOAK_WRITE_DOCS !== '0');
  const missed = criteria(report).filter((c) => !c.met);
  await pg.end();
  await stopAll();
  if (missed.length) {
    console.error(`soak FAILED: ${missed.map((c) => c.name).join('; ')}; the apps' logs are kept in ${dir}`);
    process.exit(1);
  }
  rmSync(dir, { recursive: true, force: true });
  console.log('soak passed');
}

main().catch(async (err: unknown) => {
  console.error(err);
  console.error('the apps\' and Temporal\'s logs are kept in the directory named at the start');
  await stopAll();
  process.exit(1);
});
