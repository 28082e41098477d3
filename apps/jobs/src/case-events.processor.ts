import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { CASE_EVENTS_QUEUE } from './queues';
import { redisConnection } from './redis-connection';

export interface CaseEventJob {
  eventId: string;
  caseId: string;
  seq: number;
  type: string;
}

/**
 * Tells the people on a case what happened on it. Idempotent: one
 * notification per (event, user), so a retried job adds nothing.
 */
@Injectable()
export class CaseEventsProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CaseEvents');
  private worker?: Worker<CaseEventJob>;
  private connection?: Redis;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = redisConnection(this.cfg.redisUrl);
    this.worker = new Worker<CaseEventJob>(CASE_EVENTS_QUEUE, (job) => this.handle(job.data), {
      connection: this.connection,
      concurrency: 4,
    });
    this.worker.on('failed', (job: Job | undefined, err: Error) =>
      this.logger.warn(`job ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`),
    );
  }

  /** Waits for jobs in progress to finish, then stops taking new ones. */
  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
    this.logger.log('stopped: jobs in progress finished');
  }

  async handle(job: CaseEventJob): Promise<number> {
    const rows: { case_number: string; officers: { userId: string }[] }[] = await this.ds.query(
      `SELECT case_number, officers FROM cases WHERE id = $1`,
      [job.caseId],
    );
    if (!rows.length) throw new Error(`case ${job.caseId} not projected yet`);
    const { case_number: caseNumber, officers } = rows[0];
    const message = `${caseNumber}: ${job.type.replace(/_/g, ' ').toLowerCase()} (event ${job.seq})`;
    let added = 0;
    for (const o of officers) {
      const res: unknown[] = await this.ds.query(
        `INSERT INTO notifications (user_id, case_id, event_id, message) VALUES ($1, $2, $3, $4)
         ON CONFLICT (event_id, user_id) DO NOTHING RETURNING id`,
        [o.userId, job.caseId, job.eventId, message],
      );
      added += res.length;
    }
    return added;
  }
}
