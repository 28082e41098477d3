import { randomUUID } from 'node:crypto';
import { closeTestQueue, openTestQueue } from './test-queue';
import { eventually } from './eventually';

/**
 * Runs one of the audit queue's scheduled jobs now, as its scheduler would
 * (same queue, same job name), for the running jobs app to take; resolves
 * with the handler's result once it has completed.
 */
export async function runAuditJob<T = unknown>(redisUrl: string, name: 'CHAIN_VERIFICATION' | 'CASE_RECONCILIATION'): Promise<T> {
  const q = openTestQueue('audit', redisUrl);
  try {
    const id = `test-${name}-${randomUUID()}`;
    await q.add(name, {}, { jobId: id, attempts: 1, removeOnFail: false });
    await eventually(async () => {
      const state = await (await q.getJob(id))?.getState();
      if (state === 'failed') throw new Error(`${name} failed: ${(await q.getJob(id))?.failedReason}`);
      return state === 'completed';
    }, 60_000);
    return (await q.getJob(id))!.returnvalue as T;
  } finally {
    await closeTestQueue(q);
  }
}
