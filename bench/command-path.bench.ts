import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createDataSource } from '@zhifa/persistence';
import { DEMO_POLICY } from '../infra/seed/demo-policy';
import { bareUpdate } from './workflows/bare.workflow';
import { workflowTaskTimes } from './command-path/histories';
import { listCases, listPlans, volumeDatabase } from './command-path/list';
import { cpuPerOperation, sampleCpu, type CpuSample } from './command-path/cpu';
import { phases, scrapePhases, type Phases } from './command-path/phases';
import { call, callerLoad, httpLoad, throughput, timed, type LoadResult } from './command-path/load';
import { RawCases, rawTemplate } from './command-path/raw';
import { writeReport, type Report, type RunFigures } from './command-path/report';
import { metric } from './command-path/scrape';
import { demoUser as user, tokenIssuer } from './command-path/tokens';
import { appEnvironment, freePort, pidOf, rssOf, ROOT, scratchDatabase, sleep, start, startApp, startTemporal, stopAll, temporalCli, waitFor } from './command-path/stack';
import { machine, finishMachine, median, pct } from './command-path/stats';

// One command's path, side by side in one run (issue 15 item 1):
// (a) HTTP → case-api → Update → validator → record → response (autocannon),
// (b) the same Updates on a workflow that does nothing (bench/workflows),
// (c) the same chained appends and projection on Postgres alone;
// plus registration, a 1,000-event timeline and its verification, the case
// list at volume with its plans, worker memory per cached case, and the
// workflow-task times in the bench cases' histories. See docs/benchmarks.md.
const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const N1 = env('BENCH_REQUESTS', 320); // per run at concurrency 1
const N16 = env('BENCH_REQUESTS_16', N1); // per run at concurrency 16
const RUNS = Math.max(3, env('BENCH_RUNS', 3));
const REGISTRATIONS = env('BENCH_REGISTRATIONS', 20);
const TIMELINE_EVENTS = env('BENCH_TIMELINE_EVENTS', 1000);
const MEMORY_CASES = env('BENCH_MEMORY_CASES', 200);
const LIST_CASES = env('BENCH_LIST_CASES', 100_000);
const LIST_REPS = env('BENCH_LIST_REPS', 5);
const PATH_URL = process.env.BENCH_PATH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zhifa_bench_path';
const LIST_URL = process.env.BENCH_LIST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zhifa_volume';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/13';
const WIDE = 16;

const [ZHANG, LI] = ['officer.zhang', 'officer.li'].map((u) => user(u).id);
const lead = () => ({
  source: 'inspection', discoveredAt: '2026-11-20T02:00:00Z', violationAt: '2026-11-18', party: { type: 'PERSON', name: '王某' },
  violationCode: 'FOOD-UNLICENSED', summary: `bench ${randomUUID()}`, procedure: 'ORDINARY', officerIds: [ZHANG, LI],
});
const evidence = {
  kind: 'ON_SITE_RECORD', title: '现场检查笔录', collectedAt: new Date(Date.now() - 60_000).toISOString(), collectedByIds: [ZHANG, LI],
  location: '长治市潞州区某街12号', text: '检查发现当事人未取得食品经营许可证, 正在销售预包装食品。', credentialsShown: true, rightsExplained: true,
};
const p50 = (r: LoadResult) => median(r.latencies);
const failures = (label: string, r: LoadResult) => (r.failed ? [`${label}: ${r.failed} failed ${JSON.stringify(r.failures)}`] : []);

async function main(): Promise<void> {
  const t0 = Date.now();
  const cli = temporalCli();
  const dir = mkdtempSync(join(tmpdir(), 'zhifa-bench-path-'));
  console.log(`command path: ${N1} commands at 1-way, ${N16} at ${WIDE}-way, ${RUNS} runs; logs in ${dir}`);
  await scratchDatabase(PATH_URL);
  const ds = createDataSource(PATH_URL, { logQueries: false });
  await ds.initialize();
  const [{ version }] = await ds.query<{ version: string }[]>(`SELECT current_setting('server_version') AS version`);
  const m = machine(cli, version);
  const address = await startTemporal(cli, dir);

  const [port, metricsPort, listPort, sdkPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const bareQueue = `zhifa-bench-bare-${randomUUID()}`;
  const appEnv = appEnvironment({ databaseUrl: PATH_URL, redisUrl: REDIS_URL, temporal: address, dir, ports: { api: port, worker: metricsPort, jobs: 0 } });
  // BENCH_CPU_PROF_DIR: the worker and the case-api write V8 CPU profiles there (one per thread) when they stop.
  const prof = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
  // The worker exports the SDK's own metrics (workflow-task latencies) for the phases of a command.
  startApp('worker', { ...appEnv, TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${sdkPort}` }, dir, prof);
  startApp('case-api', appEnv, dir, prof);
  start('bare-worker', 'node', ['dist-bench/bench/bare-worker.js'], { ...process.env, BARE_TEMPORAL_ADDRESS: address, BARE_TASK_QUEUE: bareQueue }, join(dir, 'bare-worker.log'));
  const base = `http://127.0.0.1:${port}`;
  const apps = ['temporal', 'worker', 'case-api', 'bare-worker'];
  await waitFor('case-api', async () => (await fetch(`${base}/ready`)).ok, apps);
  await waitFor('worker', async () => (await metric(metricsPort, 'zhifa_worker_running')) === 1, apps);
  await waitFor('bare worker', async () => readFileSync(join(dir, 'bare-worker.log'), 'utf8').includes('bare worker ready'), apps);

  const token = tokenIssuer(appEnv);
  const [zhang, head] = [await token('officer.zhang'), await token('head.sun')];
  const register = async () => (await call<{ id: string }>(base, { method: 'POST', path: '/api/v1/cases', token: zhang, body: lead() })).id;
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace: 'default' });

  // The cases: 1 + 16 filed cases over HTTP, 1 + 16 bare workflows, 1 + 16 raw cases; a few commands each to warm up.
  const cases: string[] = [];
  for (let i = 0; i <= WIDE; i++) {
    const id = await register();
    await call(base, { method: 'POST', path: `/api/v1/cases/${id}/filing`, token: head, body: { approve: true, reason: 'facts verified on inspection', officerIds: [ZHANG, LI] } });
    cases.push(id);
  }
  const path = (id: string) => `/api/v1/cases/${id}/evidence`;
  const bare: string[] = [];
  for (let i = 0; i <= WIDE; i++) {
    const h = await client.workflow.start('bareWorkflow', { taskQueue: bareQueue, workflowId: `bench-bare-${randomUUID()}` });
    bare.push(h.workflowId);
  }
  const bareOp = (id: string, k: number) => client.workflow.getHandle(id).executeUpdate(bareUpdate, { args: [{ n: k }] });
  for (let w = 0; w < 3; w++) {
    for (const id of cases) await call(base, { method: 'POST', path: path(id), token: zhang, body: evidence });
    for (const id of bare) await bareOp(id, w);
  }
  const raw = new RawCases(ds, await rawTemplate(ds, cases[0]), DEMO_POLICY);
  const rawIds: string[] = [];
  for (let i = 0; i <= WIDE; i++) rawIds.push(await raw.create());
  for (let w = 0; w < 3; w++) for (const id of rawIds) await raw.evidence(id);
  const rawOp = (id: string) => raw.evidence(id);

  // The runs: each side in turn, 1-way then 16-way, so every run compares the same minute.
  const runs: RunFigures[] = [];
  const phaseRuns: Phases[] = [];
  const cpuRuns: { a16: CpuSample; b16: CpuSample }[] = [];
  const problems: string[] = [];
  const scrapeAll = () => scrapePhases({ api: port, worker: metricsPort, sdk: sdkPort });
  for (let r = 1; r <= RUNS; r++) {
    const reg: number[] = [];
    for (let i = 0; i < REGISTRATIONS; i++) reg.push(await timed(register));
    const scraped = await scrapeAll();
    const a1 = await httpLoad(base, [path(cases[0])], zhang, evidence, N1);
    phaseRuns.push(phases(scraped, await scrapeAll()));
    const b1 = await callerLoad([bare[0]], N1, bareOp);
    const c1 = await callerLoad([rawIds[0]], N1, rawOp);
    // CPU by process over each 16-way load: at 16-way the two cores are the bound.
    const cpu = () => sampleCpu({ 'case-api': pidOf('case-api'), worker: pidOf('worker'), 'bare worker': pidOf('bare-worker'), temporal: pidOf('temporal') });
    const cpuA = cpu();
    const a16 = await httpLoad(base, cases.slice(1).map(path), zhang, evidence, N16);
    const cpuB = cpu();
    const b16 = await callerLoad(bare.slice(1), N16, bareOp);
    cpuRuns.push({ a16: cpuPerOperation(cpuA, cpuB, a16.ok), b16: cpuPerOperation(cpuB, cpu(), b16.ok) });
    const c16 = await callerLoad(rawIds.slice(1), N16, rawOp);
    problems.push(...failures(`run ${r} (a) 1-way`, a1), ...failures(`run ${r} (b) 1-way`, b1), ...failures(`run ${r} (c) 1-way`, c1));
    problems.push(...failures(`run ${r} (a) 16-way`, a16), ...failures(`run ${r} (b) 16-way`, b16), ...failures(`run ${r} (c) 16-way`, c16));
    const f: RunFigures = {
      registration: median(reg), a1p50: p50(a1), a1p95: pct(a1.latencies, 0.95), b1p50: p50(b1), b1p95: pct(b1.latencies, 0.95),
      c1p50: p50(c1), c1p95: pct(c1.latencies, 0.95), a16: throughput(a16), b16: throughput(b16), c16: throughput(c16),
      a16p50: p50(a16), b16p50: p50(b16), c16p50: p50(c16), ratioThroughput: throughput(a16) / throughput(b16), ratioP50: p50(a1) / p50(b1),
    };
    runs.push(f);
    console.log(`run ${r}: ${Object.entries(f).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  }

  // A case with TIMELINE_EVENTS events, written through the store; its timeline and verification over HTTP.
  const long = await raw.create();
  for (let done = 2; done < TIMELINE_EVENTS; ) {
    const n = Math.min(50, TIMELINE_EVENTS - done);
    await raw.evidence(long, n);
    done += n;
  }
  const get = (p: string) => call<{ events?: unknown[]; valid?: boolean }>(base, { method: 'GET', path: p, token: head });
  const tl = await get(`/api/v1/cases/${long}/timeline`);
  const vf = await get(`/api/v1/cases/${long}/timeline/verify`);
  if (tl.events?.length !== TIMELINE_EVENTS || vf.valid !== true) problems.push(`timeline: ${tl.events?.length} events, valid=${vf.valid}`);
  const timeline = { timeline: [] as number[], verify: [] as number[], both: [] as number[] };
  for (let r = 0; r < RUNS; r++) {
    const t: number[] = [], v: number[] = [], b: number[] = [];
    for (let i = 0; i < 5; i++) {
      t.push(await timed(() => get(`/api/v1/cases/${long}/timeline`)));
      v.push(await timed(() => get(`/api/v1/cases/${long}/timeline/verify`)));
      b.push(t[t.length - 1] + v[v.length - 1]);
    }
    timeline.timeline.push(median(t));
    timeline.verify.push(median(v));
    timeline.both.push(median(b));
  }

  // Workflow-task times in the histories of the bench cases and of the bare twins.
  const tasks = await workflowTaskTimes(client, cases.map((id) => `case-${id}`));
  const bareTasks = await workflowTaskTimes(client, bare);

  // Worker memory: RSS and heap before and after MEMORY_CASES more cases (each a workflow the worker caches).
  const workerPid = pidOf('worker');
  const mem = async () => ({ rss: rssOf(workerPid), heap: await metric(metricsPort, 'nodejs_heap_size_used_bytes') });
  await sleep(2000);
  const before = await mem();
  let touched = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (touched < MEMORY_CASES) {
      touched++;
      await register();
    }
  }));
  await sleep(2000);
  const after = await mem();

  // The list at volume: its own case-api on the volume database, same server and options.
  console.log('case list: preparing the volume database…');
  const volume = await volumeDatabase(LIST_URL, LIST_CASES, (l) => console.log(`  ${l}`));
  start('case-api-list', 'node', ['dist/apps/case-api/src/main.js'], { ...appEnv, DATABASE_URL: LIST_URL, PORT: String(listPort) }, join(dir, 'case-api-list.log'));
  const listBase = `http://127.0.0.1:${listPort}`;
  await waitFor('case-api (list)', async () => (await fetch(`${listBase}/ready`)).ok, ['case-api-list']);
  const listTokens: Record<string, string> = { 'head.sun': head, 'officer.zhang': zhang };
  const lcs = listCases({ 'officer.li': LI });
  const list = [];
  for (const lc of lcs) {
    const p = `/api/v1/cases?${new URLSearchParams(lc.query).toString()}`;
    const one = () => call<{ total: number }>(listBase, { method: 'GET', path: p, token: listTokens[lc.user] });
    const { total } = await one();
    const perRun: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const xs: number[] = [];
      for (let i = 0; i < LIST_REPS; i++) xs.push(await timed(one));
      perRun.push(median(xs));
    }
    list.push({ name: lc.name, total, perRun });
  }
  const plans = await listPlans(LIST_URL, Object.fromEntries(['head.sun', 'officer.zhang'].map((u) => [u, { id: user(u).id, roles: user(u).roles }])), lcs);

  finishMachine(m);
  const report: Report = {
    machine: m, counts: { N1, N16, RUNS, REGISTRATIONS, TIMELINE_EVENTS, MEMORY_CASES, LIST_CASES, LIST_REPS }, runs, problems,
    timeline, tasks, bareTasks, phases: phaseRuns, cpu: cpuRuns, memory: { before, after, cases: MEMORY_CASES }, volume, list, plans, minutes: (Date.now() - t0) / 60_000,
  };
  writeReport(report, join(ROOT, 'docs/benchmarks.md'), process.env.BENCH_WRITE_DOCS !== '0', process.env.BENCH_LABEL);
  await connection.close();
  await ds.destroy();
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
}

main().catch(async (err: unknown) => {
  console.error(err);
  console.error('the apps\' and Temporal\'s logs are kept in the directory named at the start');
  await stopAll();
  process.exit(1);
});
