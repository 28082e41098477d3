import { Module } from '@nestjs/common';
import { AppConfigModule } from '@zhifa/config';
import { PersistenceModule } from '@zhifa/persistence';
import { CalendarPublishedProcessor } from './calendar-published.processor';
import { ArchiveJobModule } from './archive-job.module';
import { CaseEventsProcessor } from './case-events.processor';
import { CaseReporter } from './case-reporter.service';
import { OutboxRelayService } from './outbox-relay.service';

@Module({
  imports: [AppConfigModule, PersistenceModule, ArchiveJobModule],
  providers: [OutboxRelayService, CaseEventsProcessor, CalendarPublishedProcessor, CaseReporter],
  exports: [CaseReporter, ArchiveJobModule],
})
export class JobsModule {}
