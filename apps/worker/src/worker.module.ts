import { Module } from '@nestjs/common';
import { AppConfigModule } from '@zhifa/config';
import { PersistenceModule } from '@zhifa/persistence';
import { CaseActivitiesService } from './case.activities';
import { TemporalWorkerService } from './temporal/temporal-worker.service';

@Module({
  imports: [AppConfigModule, PersistenceModule],
  providers: [CaseActivitiesService, TemporalWorkerService],
})
export class WorkerModule {}
