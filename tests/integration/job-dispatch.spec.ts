import 'reflect-metadata';
import { closeTestQueue, openTestQueue } from '../support/test-queue';
import { randomUUID } from 'node:crypto';
import { Injectable, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { jobIdFor, type JobQueue } from '@zhifa/contracts';
import { DispatchModule } from '../../apps/jobs/src/dispatch/dispatch.module';
import type { DispatchedJob, JobBinding, JobRoutes } from '../../apps/jobs/src/dispatch/job-handler';
import { OutboxRelayService } from '../../apps/jobs/src/dispatch/outbox-relay.service';
import { eventually } from '../support/eventually';
import { PrivateRedis } from '../support/private-redis';
import { appEnv } from '../support/test-env';

/** A handler that counts its runs per job, and fails the first runs of the jobs told to. */
@Injectable()
class RecordingJob {
  readonly runs = new Map<string, DispatchedJob[]>();
  readonly failFirst = new Map<string, number>();

  async handle(job: DispatchedJob): Promise<string> {
    this.runs.set(job.id, [...(this.runs.get(job.id) ?? []), job]);
    if ((this.failFirst.get(job.data.eventId as string) ?? 0) >= job.attempt) throw new Error(`planned failure ${job.attempt}`);
    return `done on attempt ${job.attempt}`;
  }

  count(eventId: string, queue: JobQueue): number {
    return this.runs.get(jobIdFor(eventId, queue))?.length ?? 0;
  }
}

// One event type feeding two queues, one feeding one.
const ROUTES: JobRoutes = { notifications: ['TEST_NOTED'], webhooks: ['TEST_NOTED'], documents: ['TEST_RENDERED'] };
const BINDINGS: JobBinding[] = [
  { queue: 'notifications', names: ['TEST_NOTED'], use: RecordingJob },
  { queue: 'webhooks', names: ['TEST_NOTED'], use: RecordingJob },
  { queue: 'documents', names: ['TEST_RENDERED'], use: RecordingJob },
];

// The relay, the purpose queues and their workers on a Redis of the test's
// own and the real Postgres; events are outbox rows written in a transaction,
// as the event store writes them.
describe('dispatch from the outbox to the purpose queues', () => {
  let redis: PrivateRedis;
  let app: INestApplicationContext;
  let ds: DataSource;
  let jobs: RecordingJob;
  let relay: OutboxRelayService;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    Object.assign(process.env, appEnv());
    app = await NestFactory.createApplicationContext(
      DispatchModule.register({
        routes: ROUTES,
        bindings: BINDINGS,
        handlers: [RecordingJob],
        redisUrl: redis.url,
        // Longer than any wait below: a row is relayed in time only if its NOTIFY woke the relay.
        safetyPollMs: 120_000,
        queues: { documents: { backoffMs: 100 } },
      }),
      { logger: ['error'] },
    );
    ds = app.get(DataSource);
    jobs = app.get(RecordingJob);
    relay = app.get(OutboxRelayService);
  });
  afterAll(async () => {
    await redis?.start(); // if a test failed while it was stopped
    await app?.close();
    await redis?.stop();
  });

  async function occur(type: string, n = 1): Promise<string[]> {
    const ids = Array.from({ length: n }, () => `test-${randomUUID()}:1`);
    await ds.transaction(async (m) => {
      for (const id of ids) {
        await m.query(`INSERT INTO outbox (event_id, topic, payload) VALUES ($1, 'case-events', $2)`, [id, JSON.stringify({ type, caseId: randomUUID(), seq: 1, payload: {} })]);
      }
    });
    return ids;
  }
  const pending = async (ids: string[]): Promise<number> =>
    (await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE event_id = ANY($1) AND dispatched_at IS NULL`, [ids]))[0].n;
  const queue = (name: JobQueue) => openTestQueue(name, redis.url);

  it('sends an event to every queue it concerns, woken by the outbox NOTIFY', async () => {
    const [id] = await occur('TEST_NOTED');
    await eventually(async () => jobs.count(id, 'notifications') === 1 && jobs.count(id, 'webhooks') === 1);
    expect(jobs.count(id, 'documents')).toBe(0);
    expect(jobs.runs.get(jobIdFor(id, 'webhooks'))![0]).toMatchObject({ queue: 'webhooks', name: 'TEST_NOTED', attempt: 1, data: { eventId: id, type: 'TEST_NOTED' } });
  });

  it('listens again when its listening connection is cut, and is still woken by the next event', async () => {
    const listeners = async (): Promise<number[]> =>
      (await ds.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'zhifa-outbox-listener' AND datname = current_database()`)).map((r: { pid: number }) => r.pid);
    const [before] = await eventually(async () => ((await listeners()).length === 1 ? listeners() : undefined));
    await ds.query(`SELECT pg_terminate_backend($1)`, [before]);
    // A new connection, listening: the next event's NOTIFY reaches it (the safety poll is far off).
    await eventually(async () => {
      const now = await listeners();
      return now.length === 1 && now[0] !== before;
    });
    const [id] = await occur('TEST_NOTED');
    await eventually(async () => jobs.count(id, 'notifications') === 1 && jobs.count(id, 'webhooks') === 1);
  });

  it('makes one job per queue of an event relayed twice', async () => {
    const [id] = await occur('TEST_NOTED');
    await eventually(async () => (await pending([id])) === 0 && jobs.count(id, 'webhooks') === 1);
    // As after a crash between the add to Redis and the commit: the row is offered again.
    await ds.query(`UPDATE outbox SET dispatched_at = NULL WHERE event_id = $1`, [id]);
    await eventually(async () => (await relay.relayOnce()) >= 0 && (await pending([id])) === 0);

    for (const name of ['notifications', 'webhooks'] as const) {
      const q = queue(name);
      const all = await q.getJobs(['completed', 'waiting', 'active', 'delayed', 'failed']);
      expect(all.filter((j) => j.data.eventId === id).map((j) => j.id)).toEqual([jobIdFor(id, name)]);
      await closeTestQueue(q);
    }
    expect([jobs.count(id, 'notifications'), jobs.count(id, 'webhooks')]).toEqual([1, 1]);
  });

  it('retries a handler that fails twice, with backoff, and records each attempt', async () => {
    const [id] = await occur('TEST_RENDERED').then((ids) => {
      jobs.failFirst.set(ids[0], 2);
      return ids;
    });
    await eventually(async () => jobs.count(id, 'documents') === 3);
    expect(jobs.runs.get(jobIdFor(id, 'documents'))!.map((j) => j.attempt)).toEqual([1, 2, 3]);
    const q = queue('documents');
    const job = await eventually(async () => {
      const j = await q.getJob(jobIdFor(id, 'documents'));
      return (await j?.isCompleted()) ? j : undefined;
    });
    expect(job.attemptsMade).toBe(3);
    expect(job.returnvalue).toBe('done on attempt 3');
    expect(job.opts.backoff).toEqual({ type: 'exponential', delay: 100 });
    await closeTestQueue(q);
  });

  it('loses and repeats nothing when Redis stops while events occur: rows wait in the outbox, every job runs once after', async () => {
    const before = await occur('TEST_NOTED', 3);
    await eventually(async () => before.every((id) => jobs.count(id, 'notifications') === 1 && jobs.count(id, 'webhooks') === 1));

    await redis.stop();
    const during = await occur('TEST_NOTED', 3);
    // Woken by their NOTIFY, the relay cannot add them: its batch rolls back and the rows stay pending.
    await eventually(async () => relay.health().failures > 0);
    expect(await pending(during)).toBe(3);
    await eventually(async () => relay.health().failures > 1);
    expect(await pending(during)).toBe(3);

    await redis.start();
    const after = await occur('TEST_NOTED', 2);
    const all = [...before, ...during, ...after];
    await eventually(async () => all.every((id) => jobs.count(id, 'notifications') >= 1 && jobs.count(id, 'webhooks') >= 1), 30_000);
    expect(await pending(all)).toBe(0);
    // Settled: nothing waits in either queue, and each event ran exactly once per queue.
    for (const name of ['notifications', 'webhooks'] as const) {
      const q = queue(name);
      await eventually(async () => (await q.getJobCounts('waiting', 'active', 'delayed')).waiting === 0 && (await q.getActiveCount()) === 0);
      await closeTestQueue(q);
    }
    expect(all.map((id) => [jobs.count(id, 'notifications'), jobs.count(id, 'webhooks')])).toEqual(all.map(() => [1, 1]));
  });
});
