import { Module } from '@nestjs/common';
import { AppConfigModule } from '@zhifa/config';
import { EvidenceStore, PersistenceModule } from '@zhifa/persistence';
import { CalendarPublishedProcessor } from './calendar-published.processor';
import { CaseEventsProcessor } from './case-events.processor';
import { CaseReporter } from './case-reporter.service';
import { OutboxRelayService } from './outbox-relay.service';
import { DocumentsJobHandler } from './documents/documents.handler';

@Module({
  imports: [AppConfigModule, PersistenceModule],
  // DocumentsJobHandler takes no queue of its own yet: the per-purpose queues wire it to `documents`.
  providers: [OutboxRelayService, CaseEventsProcessor, CalendarPublishedProcessor, CaseReporter, EvidenceStore, DocumentsJobHandler],
  exports: [CaseReporter, DocumentsJobHandler],
})
export class JobsModule {}
