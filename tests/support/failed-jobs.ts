import { randomUUID } from 'node:crypto';
import { closeTestQueue, openTestQueue } from './test-queue';
import type { JobQueue } from '@zhifa/contracts';
import { eventually } from './eventually';

/**
 * Adds a job to a purpose queue as a relay would, for the running jobs app
 * to take, and waits until its real handler has failed it for good.
 */
export async function jobThatFails(
  redisUrl: string,
  queue: JobQueue,
  job: { name: string; data: Record<string, unknown>; attempts?: number },
): Promise<{ id: string }> {
  const q = openTestQueue(queue, redisUrl);
  try {
    const id = `test-${randomUUID()}__${queue}`;
    await q.add(job.name, job.data, { jobId: id, attempts: job.attempts ?? 1, backoff: { type: 'exponential', delay: 50 }, removeOnFail: false });
    await eventually(async () => (await (await q.getJob(id))?.getState()) === 'failed');
    return { id };
  } finally {
    await closeTestQueue(q);
  }
}

/** A job's state and log lines, read straight from its queue. */
export async function jobRecord(redisUrl: string, queue: JobQueue, id: string): Promise<{ state: string; attemptsMade: number; logs: string[] }> {
  const q = openTestQueue(queue, redisUrl);
  try {
    const job = await q.getJob(id);
    if (!job) return { state: 'missing', attemptsMade: 0, logs: [] };
    return { state: await job.getState(), attemptsMade: job.attemptsMade, logs: (await q.getJobLogs(id)).logs };
  } finally {
    await closeTestQueue(q);
  }
}
