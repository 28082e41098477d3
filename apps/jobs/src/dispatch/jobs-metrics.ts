import { Injectable } from '@nestjs/common';
import { AppMetrics } from '@zhifa/metrics';

/** How one run of a job ended: done, failed with attempts left (retried after backoff), or failed for good (kept for a supervisor). */
export type JobOutcome = 'completed' | 'retrying' | 'failed';

/** The jobs app's metrics: each job run by queue, name and outcome, its duration, and the outbox relay. */
@Injectable()
export class JobsMetrics {
  readonly runs;
  readonly durations;
  readonly relayed;
  readonly relayFailures;

  constructor(metrics: AppMetrics) {
    this.runs = metrics.counter({
      name: 'zhifa_jobs_processed_total',
      help: 'Job runs (each attempt) by queue, job name and outcome: completed, retrying (failed, attempts left) or failed (for good)',
      labelNames: ['queue', 'name', 'outcome'] as const,
    });
    this.durations = metrics.histogram({
      name: 'zhifa_job_duration_seconds',
      help: 'Time one job run took in its handler, by queue and outcome',
      labelNames: ['queue', 'outcome'] as const,
    });
    this.relayed = metrics.counter({
      name: 'zhifa_outbox_relayed_total',
      help: 'Outbox rows this jobs process moved onto the queues',
    });
    this.relayFailures = metrics.gauge({
      name: 'zhifa_outbox_relay_failures',
      help: 'Failed tries to relay the outbox since the last good one (Redis or Postgres unreachable); 0 when relaying works',
    });
  }
}
