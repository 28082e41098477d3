import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { CASE_EVENTS_TOPIC, type CaseEventMessage } from '@zhifa/contracts';
import { NotificationRepository } from '@zhifa/persistence';
import { redisConnection } from './redis-connection';

/**
 * Tells the people on a case what happened on it. Idempotent: one
 * notification per (event, user), so a retried job adds nothing.
 */
@Injectable()
export class CaseEventsProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CaseEvents');
  private worker?: Worker<CaseEventMessage>;
  private connection?: Redis;

  constructor(
    private readonly notifications: NotificationRepository,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = redisConnection(this.cfg.redisUrl);
    this.worker = new Worker<CaseEventMessage>(CASE_EVENTS_TOPIC, (job) => this.handle(job.data), {
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

  async handle(job: CaseEventMessage): Promise<number> {
    const audience = await this.notifications.audience(job.caseId);
    if (!audience) throw new Error(`case ${job.caseId} not projected yet`);
    const message = `${audience.caseNumber}: ${job.type.replace(/_/g, ' ').toLowerCase()} (event ${job.seq})`;
    return this.notifications.add({ caseId: job.caseId, eventId: job.eventId, userIds: audience.userIds, message });
  }
}
