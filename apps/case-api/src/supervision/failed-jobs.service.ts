import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { JOB_QUEUES, type JobQueue } from '@zhifa/contracts';

/** A failed job as the queues keep it. */
export interface FailedJob {
  queue: JobQueue;
  id: string;
  name: string;
  caseId: string | null;
  eventId: string | null;
  attempts: number;
  maxAttempts: number;
  lastError: string;
  failedAt: string;
}

/** How long a read of the queues may take before the queues count as unreachable. */
const REACH_MS = 5_000;

/** Most failed jobs read per queue, newest first. */
export const FAILED_JOBS_READ = 500;

/** The job states the metrics count per queue. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed'] as const;

export class QueuesUnavailableError extends Error {}
export class JobNotFailedError extends Error {
  constructor(readonly state: string) {
    super(`the job is ${state}, not failed`);
  }
}

/**
 * The failed jobs the jobs app keeps (BullMQ keeps them: removeOnFail is
 * off), read from the purpose queues, and sent back to their queue. Its Redis
 * connection fails fast: a supervisor is told the queues are unreachable
 * instead of waiting for Redis to return.
 */
@Injectable()
export class FailedJobsService implements OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly queues = new Map<JobQueue, Queue>();

  constructor(@Inject(APP_CONFIG) cfg: AppConfig) {
    this.connection = new Redis(cfg.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    this.connection.on('error', () => undefined); // answered as 503 when a read fails
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }

  async failed(): Promise<FailedJob[]> {
    const all = await this.reach(() => Promise.all(JOB_QUEUES.map(async (name) => (await this.queue(name).getFailed(0, FAILED_JOBS_READ - 1)).map((j) => toFailed(name, j as Job)))));
    return all.flat().sort((a, b) => b.failedAt.localeCompare(a.failedAt) || a.id.localeCompare(b.id));
  }

  async one(queue: JobQueue, id: string): Promise<{ job: FailedJob; state: string } | null> {
    return this.reach(async () => {
      const job = (await this.queue(queue).getJob(id)) as Job | undefined;
      if (!job) return null;
      return { job: toFailed(queue, job), state: await job.getState() };
    });
  }

  /** How many jobs each queue holds, by state (for the metrics; completed jobs are not counted). */
  async jobCounts(): Promise<Record<JobQueue, Record<string, number>>> {
    const counts = await this.reach(() => Promise.all(JOB_QUEUES.map((name) => this.queue(name).getJobCounts(...QUEUE_STATES))));
    return Object.fromEntries(JOB_QUEUES.map((name, i) => [name, counts[i]])) as Record<JobQueue, Record<string, number>>;
  }

  /** Sends a failed job back to its queue with a fresh round of attempts; the log of the job says who. */
  async retry(queue: JobQueue, id: string, note: string): Promise<void> {
    await this.reach(async () => {
      const job = (await this.queue(queue).getJob(id)) as Job | undefined;
      if (!job) throw new JobNotFailedError('gone');
      const state = await job.getState();
      if (state !== 'failed') throw new JobNotFailedError(state);
      try {
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      } catch (err) {
        // Another retry won the race: the job is no longer in the failed set.
        throw new JobNotFailedError(await job.getState().catch(() => String((err as Error).message)));
      }
      await job.log(note);
    });
  }

  private queue(name: JobQueue): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection });
      q.on('error', () => undefined);
      this.queues.set(name, q);
    }
    return q;
  }

  private async reach<T>(work: () => Promise<T>): Promise<T> {
    if (this.connection.status === 'wait' || this.connection.status === 'end') await this.connection.connect().catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new QueuesUnavailableError(`no answer from Redis within ${REACH_MS} ms`)), REACH_MS)));
    try {
      return await Promise.race([work(), late]);
    } catch (err) {
      if (err instanceof QueuesUnavailableError) throw err;
      if (err instanceof JobNotFailedError) throw err;
      if (this.connection.status !== 'ready') throw new QueuesUnavailableError((err as Error).message);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }
}

function toFailed(queue: JobQueue, job: Job): FailedJob {
  const data = (job.data ?? {}) as Record<string, unknown>;
  return {
    queue,
    id: job.id!,
    name: job.name,
    caseId: typeof data.caseId === 'string' ? data.caseId : null,
    eventId: typeof data.eventId === 'string' ? data.eventId : null,
    attempts: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    lastError: job.failedReason ?? '',
    failedAt: new Date(job.finishedOn ?? job.timestamp).toISOString(),
  };
}
