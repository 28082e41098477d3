import { Module } from '@nestjs/common';
import { AppConfigModule } from '@zhifa/config';
import { PersistenceModule } from '@zhifa/persistence';
import { CalendarPublishedProcessor } from './calendar-published.processor';
import { CaseEventsProcessor } from './case-events.processor';
import { CaseReporter } from './case-reporter.service';
import { OutboxRelayService } from './outbox-relay.service';
import { DisclosureJob } from './disclosure/disclosure.job';

@Module({
  imports: [AppConfigModule, PersistenceModule],
  // DisclosureJob is a handler without a queue of its own yet: the per-purpose queues (issue 12 item 1) feed it.
  providers: [OutboxRelayService, CaseEventsProcessor, CalendarPublishedProcessor, CaseReporter, DisclosureJob],
  exports: [CaseReporter, DisclosureJob],
})
export class JobsModule {}
