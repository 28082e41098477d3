import { Module } from '@nestjs/common';
import { AppConfigModule } from '@zhifa/config';
import { PersistenceModule } from '@zhifa/persistence';
import { CaseEventsProcessor } from './case-events.processor';
import { OutboxRelayService } from './outbox-relay.service';

@Module({
  imports: [AppConfigModule, PersistenceModule],
  providers: [OutboxRelayService, CaseEventsProcessor],
})
export class JobsModule {}
