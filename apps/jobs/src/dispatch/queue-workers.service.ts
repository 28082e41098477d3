import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import type { JobQueue } from '@zhifa/contracts';
import { DISPATCH_OPTIONS, DispatchOptions, queueSettings } from './dispatch-options';
import { JobRegistry } from './job-registry.service';
import { jobLogFields } from './job-log';
import { JobsMetrics, type JobOutcome } from './jobs-metrics';
import { secondsSince } from '@zhifa/metrics';
import { APP_TRACING, type AppTracing } from '@zhifa/tracing';
import { traced } from './job-span';
import { workerConnection } from './redis-connection';

/**
 * One BullMQ worker per queue that has handlers; each job goes to the one
 * handler of its (queue, name). On shutdown the workers stop taking jobs and
 * wait for those in progress to finish.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];

  constructor(
    private readonly registry: JobRegistry,
    @Inject(DISPATCH_OPTIONS) private readonly opts: DispatchOptions,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly metrics: JobsMetrics,
    @Inject(APP_TRACING) private readonly tracing: AppTracing | null,
  ) {}

  onApplicationBootstrap(): void {
    for (const queue of this.registry.queues()) {
      const connection = workerConnection(this.opts.redisUrl ?? this.cfg.redisUrl);
      connection.on('error', () => undefined); // the worker reports its own errors, below
      this.connections.push(connection);
      const worker = new Worker(queue, (job) => this.measured(queue, job), { connection, concurrency: queueSettings(this.opts, queue).concurrency });
      worker.on('failed', (job: Job | undefined, err: Error) =>
        this.logger.warn({ message: `${queue} job ${job?.id} (${job?.name}) failed, attempt ${job?.attemptsMade}: ${err.message}`, ...jobLogFields(queue, job) }),
      );
      let down = false;
      worker.on('error', (err) => {
        if (!down) this.logger.warn(`${queue} worker: ${err.message}`);
        down = true;
      });
      worker.on('ready', () => (down = false));
      this.workers.push(worker);
    }
  }

  /** Jobs in progress finish; no new one starts. Runs before other providers close what the handlers use. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    if (this.workers.length) this.logger.log('workers stopped: jobs in progress finished');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }

  /** A job run, counted and timed by its outcome. */
  private async measured(queue: JobQueue, job: Job): Promise<unknown> {
    const start = process.hrtime.bigint();
    let outcome: JobOutcome = 'completed';
    try {
      return await (this.tracing ? traced(this.tracing, queue, job, () => this.process(queue, job)) : this.process(queue, job));
    } catch (err) {
      const attemptsLeft = job.attemptsMade + 1 < (job.opts.attempts ?? 1);
      outcome = attemptsLeft && !(err instanceof UnrecoverableError) ? 'retrying' : 'failed';
      throw err;
    } finally {
      this.metrics.runs.inc({ queue, name: job.name, outcome });
      this.metrics.durations.observe({ queue, outcome }, secondsSince(start));
    }
  }

  private async process(queue: JobQueue, job: Job): Promise<unknown> {
    const handle = this.registry.handler(queue, job.name);
    // Only a job added by another version of the relay can lack a handler: retrying will not find one.
    if (!handle) throw new UnrecoverableError(`no handler for ${queue} job ${job.name}`);
    const started = Date.now();
    const result = await handle({ id: job.id!, queue, name: job.name, data: job.data as Record<string, unknown>, attempt: job.attemptsMade + 1 });
    this.logger.log({
      message: `${queue} job ${job.id} (${job.name}) done`,
      ...jobLogFields(queue, job),
      attempt: job.attemptsMade + 1,
      durationMs: Date.now() - started,
    });
    return result;
  }
}
