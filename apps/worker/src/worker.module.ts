import { Module } from '@nestjs/common';
import { AppConfigModule } from '@zhifa/config';
import { PersistenceModule } from '@zhifa/persistence';
import { metricsEndpoint, MetricsModule } from '@zhifa/metrics';
import { TracingModule } from '@zhifa/tracing';
import { CaseActivitiesService } from './case.activities';
import { TemporalWorkerService } from './temporal/temporal-worker.service';

@Module({
  imports: [AppConfigModule, PersistenceModule, MetricsModule.forApp('worker'), TracingModule.forApp('worker')],
  providers: [CaseActivitiesService, TemporalWorkerService, ...metricsEndpoint((cfg) => cfg.metrics.workerPort)],
})
export class WorkerModule {}
