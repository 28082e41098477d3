import type { JobQueue } from '@zhifa/contracts';
import type { JobBinding, JobRoutes, JobSchedule } from './job-handler';

export const DISPATCH_OPTIONS = Symbol('DISPATCH_OPTIONS');

/** How each queue runs its jobs. */
export interface QueueSettings {
  /** Jobs of this queue run at once in one jobs process. */
  concurrency: number;
  /** Runs before a job is kept as failed. */
  attempts: number;
  /** First retry delay; each later one doubles (exponential backoff). */
  backoffMs: number;
}

export const DEFAULT_QUEUE_SETTINGS: Record<JobQueue, QueueSettings> = {
  documents: { concurrency: 2, attempts: 10, backoffMs: 1000 },
  notifications: { concurrency: 4, attempts: 10, backoffMs: 1000 },
  disclosure: { concurrency: 2, attempts: 10, backoffMs: 1000 },
  archive: { concurrency: 1, attempts: 10, backoffMs: 1000 },
  webhooks: { concurrency: 4, attempts: 10, backoffMs: 1000 },
  calendar: { concurrency: 1, attempts: 10, backoffMs: 1000 },
  // A run looks at every case; a failed one is retried a few times, then waits for the next night or a supervisor's retry.
  audit: { concurrency: 1, attempts: 3, backoffMs: 60_000 },
};

export interface DispatchOptions {
  routes: JobRoutes;
  bindings: readonly JobBinding[];
  /** Jobs made by the clock, not by events (a handler bound for one needs no route). */
  schedules?: readonly JobSchedule[];
  /** Redis for the queues; the app's REDIS_URL when absent. */
  redisUrl?: string;
  /** How often the relay looks at the outbox when no NOTIFY woke it. */
  safetyPollMs?: number;
  queues?: Partial<Record<JobQueue, Partial<QueueSettings>>>;
}

export function queueSettings(opts: DispatchOptions, queue: JobQueue): QueueSettings {
  return { ...DEFAULT_QUEUE_SETTINGS[queue], ...opts.queues?.[queue] };
}

/** Between two looks at the outbox when nothing wakes the relay. */
export const SAFETY_POLL_MS = 10_000;
