import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { ensureAgencyKey, PrivateKeyStore } from '@zhifa/archive';
import { ArchiveKeyRepository, createDataSource, migrate } from '@zhifa/persistence';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { seedDemo } from '../../infra/seed/seed';

// The processes the command-path benchmark starts, and nothing else: a
// Temporal dev server on free ports, the apps from the built dist (separate
// processes, as infra/dev.sh and the image start them), the bare twin's
// worker. Each runs in its own process group; stopAll() ends them (apps
// first, so they drain against Temporal, then Temporal) and is called on
// exit and on SIGINT/SIGTERM too.

export const ROOT = resolve(__dirname, '../../..');

interface Started {
  name: string;
  proc: ChildProcess;
  log: string;
}
const started: Started[] = [];

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => res(port));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Spawns a process in its own group, stdout and stderr into `log`. */
export function start(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const fd = openSync(log, 'a');
  const proc = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', fd, fd], detached: true });
  started.push({ name, proc, log });
  return proc;
}

export function pidOf(name: string): number {
  const s = started.find((x) => x.name === name);
  if (!s?.proc.pid) throw new Error(`${name} is not running`);
  return s.proc.pid;
}

/** Fails with the log's tail when a started process has exited. */
export function assertAlive(name: string): void {
  const s = started.find((x) => x.name === name);
  if (s && s.proc.exitCode !== null) {
    const tail = readFileSync(s.log, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`${name} exited (${s.proc.exitCode}); the end of ${s.log}:\n${tail}`);
  }
}

const exited = (p: ChildProcess): Promise<void> =>
  p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', () => r()));

async function stopOne(s: Started, graceMs: number): Promise<void> {
  const pid = s.proc.pid;
  if (!pid || s.proc.exitCode !== null || s.proc.signalCode !== null) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const done = await Promise.race([exited(s.proc).then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone meanwhile */
    }
    await exited(s.proc);
  }
}

/** Stops what this module started: everything but Temporal first, then Temporal. */
export async function stopAll(): Promise<void> {
  const temporal = started.filter((s) => s.name === 'temporal');
  await Promise.all(started.filter((s) => s.name !== 'temporal').map((s) => stopOne(s, 15_000)));
  await Promise.all(temporal.map((s) => stopOne(s, 10_000)));
  started.length = 0;
}

function killAllNow(): void {
  for (const s of started) {
    try {
      if (s.proc.pid && s.proc.exitCode === null) process.kill(-s.proc.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}
process.on('exit', killAllNow);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

export async function waitFor(what: string, check: () => Promise<boolean>, names: string[], timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    names.forEach(assertAlive);
    if (await check().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${what} not ready after ${timeoutMs / 1000} s`);
}

/** The CLI infra/temporal-cli.sh finds (TEMPORAL_CLI, PATH, .tools/bin). */
export function temporalCli(): string {
  return execFileSync('bash', [join(ROOT, 'infra/temporal-cli.sh')], { cwd: ROOT, encoding: 'utf8' }).trim();
}

/** A Temporal dev server of the benchmark's own: free ports, its database in `dir`. */
export async function startTemporal(cli: string, dir: string): Promise<string> {
  const [port, http, ui, metrics] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const address = `127.0.0.1:${port}`;
  start(
    'temporal',
    cli,
    ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port), '--http-port', String(http), '--ui-port', String(ui),
      '--metrics-port', String(metrics), '--db-filename', join(dir, 'temporal.db'), '--log-level', 'warn'],
    process.env,
    join(dir, 'temporal.log'),
  );
  await waitFor(
    'Temporal',
    async () => {
      execFileSync(cli, ['operator', 'cluster', 'health', '--address', address], { stdio: 'ignore' });
      return true;
    },
    ['temporal'],
  );
  return address;
}

/**
 * Drops and re-creates `url`'s database, migrates it and seeds the demo
 * agency (as seed-demo does); with `archiveKeyDir`, also the agency's
 * archive-signing key, which the jobs app needs to seal a case.
 */
export async function scratchDatabase(url: string, archiveKeyDir?: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/bench/.test(name)) throw new Error(`refusing to drop database "${name}": its name must contain "bench"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const ds = createDataSource(url, { logQueries: false });
  await ds.initialize();
  try {
    await migrate(ds);
    await seedDemo(ds, DEMO_POLICY);
    if (archiveKeyDir) await ensureAgencyKey(new ArchiveKeyRepository(ds), new PrivateKeyStore(archiveKeyDir), DEMO_AGENCY.id, new Date());
  } finally {
    await ds.destroy();
  }
}

export interface AppPorts {
  /** case-api's HTTP port (its /metrics too). */
  api: number;
  worker: number;
  /** 0: the jobs app opens no metrics port. */
  jobs: number;
}

/**
 * The environment the apps get, as production sets it: NODE_ENV production
 * (BENCH_NODE_ENV to change), JSON logs at warn, a new JWT secret, a task
 * queue of the run's own, files under `dir`.
 */
export function appEnvironment(o: { databaseUrl: string; redisUrl: string; temporal: string; dir: string; ports: AppPorts }): NodeJS.ProcessEnv {
  return {
    ...process.env, NODE_ENV: process.env.BENCH_NODE_ENV ?? 'production', DATABASE_URL: o.databaseUrl, REDIS_URL: o.redisUrl,
    TEMPORAL_ADDRESS: o.temporal, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: `zhifa-bench-${randomUUID()}`,
    JWT_SECRET: randomBytes(36).toString('base64'), EVIDENCE_DIR: join(o.dir, 'evidence'), ARCHIVE_DIR: join(o.dir, 'archives'),
    ARCHIVE_KEY_DIR: join(o.dir, 'archive-keys'), LOG_LEVEL: 'warn', LOG_FORMAT: 'json', PORT: String(o.ports.api),
    WORKER_METRICS_PORT: String(o.ports.worker), JOBS_METRICS_PORT: String(o.ports.jobs),
  };
}

/** Starts one app from the built dist (`node [nodeArgs] dist/apps/<app>/src/main.js`), its log in `dir`. */
export function startApp(app: 'case-api' | 'worker' | 'jobs', env: NodeJS.ProcessEnv, dir: string, nodeArgs: string[] = []): ChildProcess {
  return start(app, 'node', [...nodeArgs, `dist/apps/${app}/src/main.js`], env, join(dir, `${app}.log`));
}

/** Resident set size of a process (and its children are not counted), in bytes. */
export function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}
