import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, BeforeApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { jobIdFor, type JobQueue } from '@zhifa/contracts';
import { OutboxRepository, type OutboxListener, type OutboxMessage } from '@zhifa/persistence';
import { DISPATCH_OPTIONS, DispatchOptions, queueSettings, SAFETY_POLL_MS } from './dispatch-options';
import { JobRegistry } from './job-registry.service';
import { producerConnection } from './redis-connection';
import { JobsMetrics } from './jobs-metrics';

const BATCH = 100;
const RETRY_MS = 500;
const MAX_RETRY_MS = 5_000;
/** A batch not in Redis by then is rolled back and offered again (its job ids keep a late add from doubling it). */
const ADD_TIMEOUT_MS = 10_000;

interface BulkJob {
  name: string;
  data: Record<string, unknown>;
  opts: JobsOptions;
}

/**
 * Moves outbox rows (written in the events' transactions) onto the purpose
 * queues: each row feeds the queues its type is routed to, as one job per
 * queue whose id is the event id and the queue, so a row relayed twice (a
 * crash between Redis and the commit) is still one job per queue. A batch is
 * added with one `addBulk` per queue and marked dispatched only if every add
 * succeeded. The relay sleeps until a NOTIFY from the outbox trigger wakes it,
 * with a slow safety poll (a lost listener connection, a row written while it
 * reconnects).
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly queues = new Map<JobQueue, Queue>();
  private connection?: Redis;
  private listener?: OutboxListener;
  private stopping = false;
  private loop?: Promise<void>;
  /** Set by a NOTIFY; cleared before each look at the outbox, so a wake-up during one is not lost. */
  private woken = true;
  private wakeSleeper?: () => void;
  private interruptSleep?: () => void;
  private failures = 0;
  private lastError?: string;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly registry: JobRegistry,
    @Inject(DISPATCH_OPTIONS) private readonly opts: DispatchOptions,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly metrics: JobsMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = producerConnection(this.opts.redisUrl ?? this.cfg.redisUrl);
    this.connection.on('error', () => undefined); // an outage shows as failed relays, logged below
    this.loop = this.run();
  }

  /** Stops relaying before the workers close: a batch in flight finishes (or rolls back), then nothing more is sent. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.interruptSleep?.();
    await this.loop;
    await this.listener?.close();
    this.listener = undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    // BullMQ leaves a connection it was given open: it is ours to close.
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }

  /** Dispatches one batch; returns how many outbox rows it moved. */
  async relayOnce(): Promise<number> {
    return this.outbox.dispatch(BATCH, async (rows) => {
      const byQueue = new Map<JobQueue, BulkJob[]>();
      for (const row of rows) {
        for (const [queue, job] of this.jobsFor(row)) byQueue.set(queue, [...(byQueue.get(queue) ?? []), job]);
      }
      await withTimeout(
        Promise.all([...byQueue].map(([queue, jobs]) => this.queue(queue).addBulk(jobs))),
        ADD_TIMEOUT_MS,
        `adding ${rows.length} outbox rows to Redis took over ${ADD_TIMEOUT_MS} ms`,
      );
    });
  }

  /** Failed looks at the outbox since the last good one, and the last failure. */
  health(): { failures: number; lastError?: string } {
    return { failures: this.failures, lastError: this.lastError };
  }

  private jobsFor(row: OutboxMessage): [JobQueue, BulkJob][] {
    const name = typeof row.payload.type === 'string' ? row.payload.type : '';
    return (this.registry.routes.get(name) ?? []).map((queue) => {
      const s = queueSettings(this.opts, queue);
      return [
        queue,
        {
          name,
          data: { eventId: row.eventId, ...row.payload },
          opts: {
            jobId: jobIdFor(row.eventId, queue),
            attempts: s.attempts,
            backoff: { type: 'exponential', delay: s.backoffMs },
            removeOnComplete: { age: 7 * 24 * 3600 },
            // Failed jobs are kept for supervisors (GET /supervision/jobs/failed) to read and retry.
            removeOnFail: false,
          },
        },
      ];
    });
  }

  private queue(name: JobQueue): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection! });
      q.on('error', () => undefined);
      this.queues.set(name, q);
    }
    return q;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      await this.listen();
      this.woken = false;
      let moved = 0;
      try {
        moved = await this.relayOnce();
        if (this.failures) this.logger.log(`relaying again after ${this.failures} failed tries`);
        this.failures = 0;
        this.metrics.relayed.inc(moved);
        this.metrics.relayFailures.set(0);
      } catch (err) {
        this.failures++;
        this.metrics.relayFailures.set(this.failures);
        this.lastError = (err as Error).message;
        if (this.failures === 1 || this.failures % 20 === 0) this.logger.warn(`relay failed (${this.failures}×), rows stay pending: ${this.lastError}`);
        // Redis or Postgres is down: back off, whatever wakes us meanwhile.
        await this.sleep(Math.min(RETRY_MS * 2 ** (this.failures - 1), MAX_RETRY_MS), false);
        continue;
      }
      if (moved < BATCH) await this.sleep(this.opts.safetyPollMs ?? SAFETY_POLL_MS, true);
    }
  }

  private async listen(): Promise<void> {
    if (this.listener || this.stopping) return;
    try {
      this.listener = await this.outbox.listen(
        () => this.wake(),
        (err) => {
          this.logger.warn(`outbox listener lost (${err.message}); listening again`);
          this.listener = undefined;
          this.wake();
        },
      );
    } catch (err) {
      this.logger.warn(`cannot listen for outbox rows (${(err as Error).message}); polling every ${this.opts.safetyPollMs ?? SAFETY_POLL_MS} ms`);
    }
  }

  private wake(): void {
    this.woken = true;
    this.wakeSleeper?.();
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (this.stopping || (wakeable && this.woken)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeSleeper = undefined;
        this.interruptSleep = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interruptSleep = done;
      if (wakeable) this.wakeSleeper = done;
    });
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
