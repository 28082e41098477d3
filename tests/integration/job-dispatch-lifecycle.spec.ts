import 'reflect-metadata';
import { closeTestQueue, openTestQueue } from '../support/test-queue';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { jobIdFor } from '@zhifa/contracts';
import { DispatchModule } from '../../apps/jobs/src/dispatch/dispatch.module';
import type { DispatchedJob } from '../../apps/jobs/src/dispatch/job-handler';
import { eventually } from '../support/eventually';
import { PrivateRedis } from '../support/private-redis';
import { appEnv } from '../support/test-env';

/** A job that runs until the test lets it finish. */
@Injectable()
class SlowJob {
  started = new Set<string>();
  finishedAt = new Map<string, number>();
  release?: () => void;
  private readonly gate = new Promise<void>((r) => (this.release = r));

  async handle(job: DispatchedJob): Promise<void> {
    this.started.add(job.id);
    await this.gate;
    this.finishedAt.set(job.id, Date.now());
  }
}

// Starting and stopping the jobs app's dispatch, on a Redis of the test's own.
describe('the jobs dispatch starting and stopping', () => {
  let redis: PrivateRedis;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    Object.assign(process.env, appEnv());
  });
  afterAll(() => redis?.stop());

  it('shuts down gracefully: the job in progress finishes, then the relay and workers stop', async () => {
    const app = await NestFactory.createApplicationContext(
      DispatchModule.register({ routes: { archive: ['TEST_SLOW'] }, bindings: [{ queue: 'archive', names: ['TEST_SLOW'], use: SlowJob }], handlers: [SlowJob], redisUrl: redis.url }),
      { logger: ['error'] },
    );
    const ds = app.get(DataSource);
    const slow = app.get(SlowJob);
    const eventId = `test-${randomUUID()}:1`;
    await ds.query(`INSERT INTO outbox (event_id, topic, payload) VALUES ($1, 'case-events', $2)`, [eventId, JSON.stringify({ type: 'TEST_SLOW' })]);
    const id = jobIdFor(eventId, 'archive');
    await eventually(async () => slow.started.has(id));

    let closedAt = 0;
    const closing = app.close().then(() => (closedAt = Date.now()));
    // The stimulus: the job is let go a little after shutdown began.
    setTimeout(() => slow.release!(), 300);
    await closing;
    expect(slow.finishedAt.get(id)).toBeLessThanOrEqual(closedAt);

    // It finished as a completed job, not one left active to be found stalled.
    const q = openTestQueue('archive', redis.url);
    expect(await (await q.getJob(id))!.getState()).toBe('completed');
    await closeTestQueue(q);
  });
});
