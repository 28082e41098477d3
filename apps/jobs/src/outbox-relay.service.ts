import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { OutboxRepository } from '@zhifa/persistence';
import { jobIdFor, QUEUES } from './queues';
import { redisConnection } from './redis-connection';

const BATCH = 100;
const IDLE_MS = 500;

/**
 * Moves outbox rows (written in the event's transaction) onto BullMQ. The
 * job id is the event id, so a row sent twice after a crash is one job.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly queues = new Map<string, Queue>();
  private connection?: Redis;
  private stopping = false;
  private loop?: Promise<void>;

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = redisConnection(this.cfg.redisUrl);
    for (const name of QUEUES) this.queues.set(name, new Queue(name, { connection: this.connection }));
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.loop;
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    // BullMQ leaves a connection it was given open: it is ours to close.
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }

  /** Dispatches one batch; returns how many rows it moved. */
  async relayOnce(): Promise<number> {
    return this.outbox.dispatch(BATCH, async (row) => {
      const queue = this.queues.get(row.topic);
      if (!queue) throw new Error(`outbox row ${row.id} names unknown topic ${row.topic}`);
      await queue.add(String(row.payload.type ?? 'event'), { eventId: row.eventId, ...row.payload }, {
        jobId: jobIdFor(row.eventId),
        attempts: 10,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: false,
      });
    });
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let moved = 0;
      try {
        moved = await this.relayOnce();
      } catch (err) {
        this.logger.warn(`relay failed, will retry: ${(err as Error).message}`);
      }
      if (moved < BATCH && !this.stopping) await new Promise((r) => setTimeout(r, IDLE_MS));
    }
  }
}
