import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { WEBHOOKS_TOPIC, type CaseEventMessage } from '@zhifa/contracts';
import { WebhookDeliveryHandler } from './webhooks/webhook-delivery.handler';
import { redisConnection } from './redis-connection';

/** The webhooks queue: each event POSTed to its agency's webhook (WebhookDeliveryHandler); retried by the relay's backoff. */
@Injectable()
export class WebhooksProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private worker?: Worker<CaseEventMessage>;
  private connection?: Redis;

  constructor(
    private readonly deliveries: WebhookDeliveryHandler,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = redisConnection(this.cfg.redisUrl);
    this.worker = new Worker<CaseEventMessage>(WEBHOOKS_TOPIC, (job) => this.deliveries.handle(job.data, job.id), {
      connection: this.connection,
      concurrency: 4,
    });
    this.worker.on('failed', (job: Job | undefined, err: Error) =>
      this.logger.warn(`job ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
