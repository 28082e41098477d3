import { Module } from '@nestjs/common';
import { AppConfigModule } from '@zhifa/config';
import { PersistenceModule } from '@zhifa/persistence';
import { CalendarPublishedProcessor } from './calendar-published.processor';
import { CaseEventsProcessor } from './case-events.processor';
import { CaseReporter } from './case-reporter.service';
import { CaseNoticeService } from './notifications/case-notice.service';
import { CaseNotificationHandler } from './notifications/case-notification.handler';
import { OutboxRelayService } from './outbox-relay.service';
import { WebhookDeliveryHandler } from './webhooks/webhook-delivery.handler';
import { WebhooksProcessor } from './webhooks.processor';

@Module({
  imports: [AppConfigModule, PersistenceModule],
  providers: [
    OutboxRelayService,
    CaseNoticeService,
    CaseNotificationHandler,
    CaseEventsProcessor,
    WebhookDeliveryHandler,
    WebhooksProcessor,
    CalendarPublishedProcessor,
    CaseReporter,
  ],
  exports: [CaseReporter],
})
export class JobsModule {}
