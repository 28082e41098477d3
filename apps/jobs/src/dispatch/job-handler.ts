import type { Type } from '@nestjs/common';
import type { AppConfig } from '@zhifa/config';
import type { JobQueue } from '@zhifa/contracts';

/** One job as a handler receives it: no BullMQ type leaks into the handlers. */
export interface DispatchedJob<T = Record<string, unknown>> {
  /** The job id: the event id and the queue (`jobIdFor`), stable across retries and relays. */
  id: string;
  queue: JobQueue;
  /** The job name: the event type that made it (`DECISION_MADE`, `CALENDAR_PUBLISHED`). */
  name: string;
  /** The outbox row's payload plus `eventId` (a case event: `CaseEventMessage`). */
  data: T;
  /** 1 on the first run, 2 on the first retry, ... */
  attempt: number;
}

/**
 * Who handles which jobs: the injectable class `use` (a provider of the jobs
 * app), its method `method` (default `handle`) called with one
 * `DispatchedJob`, for the job names `names` on queue `queue`. Whatever the
 * method resolves to is the job's result; a throw fails this attempt (retried
 * with backoff), an `UnrecoverableError` (bullmq) fails the job for good.
 */
export interface JobBinding {
  queue: JobQueue;
  names: readonly string[];
  use: Type<object>;
  method?: string;
}

/** The event types each queue takes: the relay adds one job per (event, queue). */
export type JobRoutes = Partial<Record<JobQueue, readonly string[]>>;

export type JobHandlerFn = (job: DispatchedJob) => Promise<unknown>;

/**
 * A job the clock makes (a BullMQ job scheduler): job `name` on `queue` at
 * each time the cron `pattern` (read from the config) names, in the cases'
 * time zone. Its handler is bound like any other; it needs no route.
 */
export interface JobSchedule {
  queue: JobQueue;
  name: string;
  pattern: (cfg: AppConfig) => string;
}
