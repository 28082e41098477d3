import { Queue } from 'bullmq';
import Redis from 'ioredis';

/**
 * A BullMQ queue on a connection of its own, for tests that look at a queue
 * from outside the jobs app. BullMQ leaves a connection it was handed open on
 * close, so `closeTestQueue` quits it too.
 */
const connections = new WeakMap<Queue, Redis>();

export function openTestQueue(name: string, redisUrl: string): Queue {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const q = new Queue(name, { connection });
  connections.set(q, connection);
  return q;
}

export async function closeTestQueue(q: Queue): Promise<void> {
  await q.close();
  await connections.get(q)?.quit();
}
