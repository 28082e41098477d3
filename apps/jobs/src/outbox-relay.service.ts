import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
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
    @InjectDataSource() private readonly ds: DataSource,
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
    return this.ds.transaction(async (m) => {
      const rows: { id: string; event_id: string; topic: string; payload: Record<string, unknown> }[] = await m.query(
        `SELECT id, event_id, topic, payload FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      for (const row of rows) {
        const queue = this.queues.get(row.topic);
        if (!queue) throw new Error(`outbox row ${row.id} names unknown topic ${row.topic}`);
        await queue.add(String(row.payload.type ?? 'event'), { eventId: row.event_id, ...row.payload }, {
          jobId: jobIdFor(row.event_id),
          attempts: 10,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: false,
        });
      }
      if (rows.length) {
        await m.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      }
      return rows.length;
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
