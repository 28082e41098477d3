import { Module } from '@nestjs/common';
import { EvidenceStore } from '@zhifa/persistence';
import { metricsEndpoint } from '@zhifa/metrics';
import { CaseReporter } from './case-reporter.service';
import { DispatchModule } from './dispatch/dispatch.module';
import { JOB_BINDINGS, JOB_HANDLER_CLASSES } from './job-handlers';
import { JOB_ROUTES } from './job-routes';
import { JOB_SCHEDULES } from './job-schedules';
import { CaseNoticeService } from './notifications/case-notice.service';

@Module({
  // CaseReporter: how a handler leaves its trace on a case (a reportJob Update), injected where a handler needs it;
  // EvidenceStore: where the documents job keeps its PDFs, beside the evidence;
  // CaseNoticeService: who an event tells and what, shared by the notifications and webhooks handlers.
  imports: [
    DispatchModule.register({
      routes: JOB_ROUTES,
      bindings: JOB_BINDINGS,
      schedules: JOB_SCHEDULES,
      handlers: [...JOB_HANDLER_CLASSES, CaseNoticeService, CaseReporter, EvidenceStore],
    }),
  ],
  // GET /metrics on JOBS_METRICS_PORT (0: none).
  providers: [...metricsEndpoint((cfg) => cfg.metrics.jobsPort)],
})
export class JobsModule {}
