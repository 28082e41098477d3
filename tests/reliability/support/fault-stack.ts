import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createLogger, loadConfig } from '@zhifa/config';
import type { Role } from '@zhifa/domain';
import { createApiApp } from '../../../apps/case-api/src/bootstrap';
import { HmacTokenVerifier } from '../../../apps/case-api/src/auth/token-verifier';
import { DEMO_AGENCY, DEMO_USERS } from '../../../infra/seed/demo-people';
import { DEMO_POLICY } from '../../../infra/seed/demo-policy';
import { seedDemo } from '../../../infra/seed/seed';
import { PrivateRedis } from '../../support/private-redis';
import { appEnv } from '../../support/test-env';
import { PrivatePostgres } from './private-postgres';
import { PrivateTemporal, type DynamicConfig } from './private-temporal';
import { WorkerChild } from './worker-child';

/**
 * zhifa on services of this test file's own: a private Postgres, Redis and
 * Temporal dev server on free loopback ports, the worker as a child process
 * (so it can be killed), case-api in the test process (its HTTP answers are
 * what the tests judge). Jobs do not run: the outbox only fills.
 */
export interface FaultStack {
  url: string;
  /** The test's own connection to the private database (to count what was recorded). */
  ds: DataSource;
  pg: PrivatePostgres;
  redis: PrivateRedis;
  temporal: PrivateTemporal;
  worker: WorkerChild;
  api: INestApplication;
  token(username: string): Promise<string>;
  userId(username: string): string;
  close(): Promise<void>;
}

export interface FaultStackOptions {
  /** The Temporal dev server's dynamic config (its limits lowered, say), on top of the CLI's own. */
  temporalConfig?: DynamicConfig;
}

export async function startFaultStack(opts: FaultStackOptions = {}): Promise<FaultStack> {
  const cleanup: (() => Promise<unknown>)[] = [];
  const close = async (): Promise<void> => {
    for (const step of cleanup.reverse()) await step().catch((err: unknown) => console.error('fault stack cleanup:', err));
  };
  try {
    const { pg, url: databaseUrl } = await PrivatePostgres.start();
    cleanup.push(() => pg.destroy());
    const redis = await PrivateRedis.start();
    cleanup.push(() => redis.stop());
    const temporal = await PrivateTemporal.start(opts.temporalConfig);
    cleanup.push(() => temporal.destroy());

    const bundle = process.env.ZHIFA_RELIABILITY_BUNDLE;
    const env = appEnv({
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: `zhifa-rel-${randomUUID()}`,
      PORT: '0',
      ...(bundle ? { WORKFLOW_BUNDLE: bundle } : {}),
    });
    Object.assign(process.env, env);
    const cfg = loadConfig(process.env);

    const api = await createApiApp({ ...cfg, logLevel: 'error' }, createLogger({ ...cfg, logLevel: 'error' }));
    cleanup.push(() => api.close());
    await api.listen(0, '127.0.0.1');
    const url = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    const ds = api.get(DataSource);
    await seedDemo(ds, DEMO_POLICY);

    const worker = new WorkerChild(env);
    // Before the API closes (cleanup runs in reverse): the worker's in-flight appends finish first.
    cleanup.push(() => worker.stop());
    await worker.start();

    const tokens = api.get(HmacTokenVerifier);
    const user = (username: string) => {
      const u = DEMO_USERS.find((x) => x.username === username);
      if (!u) throw new Error(`no demo user ${username}`);
      return u;
    };
    return {
      url,
      ds,
      pg,
      redis,
      temporal,
      worker,
      api,
      userId: (username) => user(username).id,
      token: (username) => {
        const u = user(username);
        return tokens.issue({ sub: u.id, agencyId: DEMO_AGENCY.id, roles: u.roles as Role[] });
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
