import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { endWorkflowsOf } from './end-workflows';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { createLogger, loadConfig, AppConfig, type LogSink } from '@zhifa/config';
import type { JurisdictionPolicy, Role } from '@zhifa/domain';
import { createApiApp } from '../../apps/case-api/src/bootstrap';
import { HmacTokenVerifier } from '../../apps/case-api/src/auth/token-verifier';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { JobsModule } from '../../apps/jobs/src/jobs.module';
import { ArchiveJobModule } from '../../apps/jobs/src/archive-job.module';
import { ArchiveJob } from '../../apps/jobs/src/archive.job';
import { DEMO_USERS, DEMO_AGENCY } from '../../infra/seed/demo-people';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { seedDemo } from '../../infra/seed/seed';
import { ArchiveKeyRepository } from '@zhifa/persistence';
import { ensureAgencyKey, PrivateKeyStore } from '@zhifa/archive';
import { appEnv } from './test-env';
import { recordOpenApiSamples, SAMPLES_DIR_ENV } from './openapi-samples';
import { PrivateRedis } from './private-redis';
import { ownDatabase } from './own-database';

export interface Stack {
  url: string;
  cfg: AppConfig;
  ds: DataSource;
  api: INestApplication;
  worker: INestApplicationContext;
  jobs?: INestApplicationContext;
  /** The archive job (apps/jobs), called directly in tests that run no jobs app (tests/support/archive-job.ts); with `jobs: true` the archive queue runs it too, under the same job id. */
  archiveJob: ArchiveJob;
  token(username: string): Promise<string>;
  userId(username: string): string;
  close(): Promise<void>;
}

/**
 * The real apps, in this process, against the real Postgres, Redis and the
 * Temporal dev server of the global setup; each suite gets its own task
 * queue so suites never pick up each other's workflow tasks.
 */
export async function startStack(
  opts: {
    jobs?: boolean;
    policy?: JurisdictionPolicy;
    env?: Record<string, string>;
    /**
     * A database and a Redis of the suite's own instead of the shared ones: for
     * a job that reaches every open case (a published calendar), whose outcome
     * would otherwise depend on what the suites running beside it are doing.
     */
    isolated?: boolean;
    /** The three apps log through the apps' own logger (JSON, up to `log`) into this sink instead of only errors to the console. */
    logSink?: LogSink;
  } = {},
): Promise<Stack> {
  const taskQueue = `zhifa-test-${randomUUID()}`;
  const own = opts.isolated ? { db: await ownDatabase(), redis: await PrivateRedis.start() } : undefined;
  const isolation: Record<string, string> = own ? { DATABASE_URL: own.db.url, REDIS_URL: own.redis.url } : {};
  Object.assign(process.env, appEnv({ TEMPORAL_TASK_QUEUE: taskQueue, PORT: '0', ...isolation, ...opts.env }));
  const cfg = loadConfig(process.env);
  const logger = opts.logSink ? createLogger({ logFormat: 'json', logLevel: 'log' }, { sink: opts.logSink }) : undefined;
  const quiet = { logger: logger ?? ['error' as const] };

  const worker = await NestFactory.createApplicationContext(WorkerModule, quiet);
  await worker.init();
  if (opts.jobs) {
    // The suites share one database, and those before ran no jobs app: their events wait in the outbox. They are not
    // this suite's work (their workflows' workers are gone); left pending, the relay would queue them all ahead of it.
    await worker.get(DataSource).query(`UPDATE outbox SET dispatched_at = now() WHERE dispatched_at IS NULL`);
  }
  const jobs = opts.jobs ? await NestFactory.createApplicationContext(JobsModule, quiet) : undefined;
  await jobs?.init();
  const archiveJobs = await NestFactory.createApplicationContext(ArchiveJobModule, quiet);
  await archiveJobs.init();
  // `npm run openapi:examples`: the document's examples are what the suites really exchange.
  const samples = process.env[SAMPLES_DIR_ENV];
  const api = await createApiApp({ ...cfg, logLevel: 'error' }, logger, samples ? (app) => recordOpenApiSamples(app, samples) : undefined);
  await api.listen(0, '127.0.0.1');
  const url = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  const ds = api.get(DataSource);
  await seedDemo(ds, opts.policy ?? DEMO_POLICY);
  await ensureAgencyKey(new ArchiveKeyRepository(ds), new PrivateKeyStore(cfg.archiveKeyDir), DEMO_AGENCY.id, new Date());
  const tokens = api.get(HmacTokenVerifier);

  return {
    url,
    cfg,
    ds,
    api,
    worker,
    jobs,
    archiveJob: archiveJobs.get(ArchiveJob),
    userId: (username) => {
      const u = DEMO_USERS.find((x) => x.username === username);
      if (!u) throw new Error(`no demo user ${username}`);
      return u.id;
    },
    token: async (username) => {
      const u = DEMO_USERS.find((x) => x.username === username);
      if (!u) throw new Error(`no demo user ${username}`);
      return tokens.issue({ sub: u.id, agencyId: DEMO_AGENCY.id, roles: u.roles as Role[] });
    },
    close: async () => {
      await api.close();
      // Ended while the worker still answers, so no job of another suite waits on them meanwhile.
      await endWorkflowsOf(taskQueue);
      await jobs?.close();
      await archiveJobs.close();
      await worker.close();
      await own?.redis.stop();
      await own?.db.drop();
    },
  };
}

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** Plain HTTP against the listening API, as any client would call it. */
export async function http<T = Record<string, unknown>>(
  stack: Stack,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  const res = await fetch(`${stack.url}${path}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
}
