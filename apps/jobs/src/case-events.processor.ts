import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { CASE_EVENTS_TOPIC, type CaseEventMessage } from '@zhifa/contracts';
import { CaseNotificationHandler } from './notifications/case-notification.handler';
import { redisConnection } from './redis-connection';

/** The case-events queue: each event's in-app notifications (CaseNotificationHandler). */
@Injectable()
export class CaseEventsProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CaseEvents');
  private worker?: Worker<CaseEventMessage>;
  private connection?: Redis;

  constructor(
    private readonly notifications: CaseNotificationHandler,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = redisConnection(this.cfg.redisUrl);
    this.worker = new Worker<CaseEventMessage>(CASE_EVENTS_TOPIC, (job) => this.notifications.handle(job.data, job.id), {
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
}
