import { SupervisionTransfersController } from './supervision/transfers.controller';
import { SupervisionEvaluationController } from './supervision/evaluation.controller';
import { SupervisionStatisticsController } from './supervision/statistics.controller';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { PersonalDataInterceptor } from './common/personal-data.interceptor';
import { CasePartyController } from './cases/party.controller';
import { PersonalDataReads } from './common/access-reason';
import { SupervisionPersonalDataController } from './supervision/personal-data.controller';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig, AppConfigModule, APP_CONFIG } from '@zhifa/config';
import { PersistenceModule } from '@zhifa/persistence';
import { ActorService } from './auth/actor.service';
import { AuthGuard } from './auth/auth.guard';
import { CommandAuthorisationGuard } from './auth/command-authorisation.guard';
import { HmacTokenVerifier, TokenVerifier } from './auth/token-verifier';
import { CaseCommandRunner } from './cases/case-command-runner.service';
import { CaseDirectoryService } from './cases/case-directory.service';
import { CaseWorkflowClient } from './cases/case-workflow.client';
import { BodiesController } from './bodies/bodies.controller';
import { UsersController } from './users/users.controller';
import { CertificatesController } from './users/certificates.controller';
import { AgenciesController } from './agencies/agencies.controller';
import { AdminEventsController } from './admin-events/admin-events.controller';
import { CalendarsController } from './calendars/calendars.controller';
import { CasesController } from './cases/cases.controller';
import { ArchiveController } from './archive/archive.controller';
import { RecordedPackageVerifier } from './archive/recorded-package.service';
import { LegalReviewController } from './cases/legal-review.controller';
import { DocumentsController } from './cases/documents.controller';
import { DeadlineClock } from './cases/deadline-clock.service';
import { TimelineAuditService } from './cases/timeline-audit.service';
import { STAGE_CONTROLLERS } from './commands';
import { IdempotencyService } from './common/idempotency.service';
import { ProblemFilter } from './common/problem.filter';
import { DevTokensController } from './dev/dev-tokens.controller';
import { EvidenceController } from './evidence/evidence.controller';
import { EvidenceStore } from './evidence/evidence.store';
import { HealthController } from './health/health.controller';
import { MeController } from './me/me.controller';
import { NotificationsController } from './me/notifications.controller';
import { WebhooksController } from './webhooks/webhooks.controller';
import { PeopleController } from './people/people.controller';
import { PoliciesController } from './policies/policies.controller';
import { AdminPoliciesController } from './policies/admin-policies.controller';
import { ProblemsController } from './problems/problems.controller';
import { PublicController } from './public/public.controller';
import { PublicRateLimitGuard } from './public/public-rate-limit.guard';
import { RedisProvider } from './health/redis.provider';
import { SupervisionOverdueController } from './supervision/overdue.controller';
import { SupervisionFailedJobsController } from './supervision/failed-jobs.controller';
import { SupervisionAuditController } from './supervision/audit.controller';
import { FailedJobsService } from './supervision/failed-jobs.service';
import { JobBoard } from './job-board/job-board.service';
import { JobBoardController } from './job-board/job-board.controller';
import { TemporalClientProvider } from './temporal/temporal-client.provider';
import { MetricsModule } from '@zhifa/metrics';
import { TracingModule } from '@zhifa/tracing';
import { ApiMetrics } from './metrics/api-metrics';
import { BacklogGauges } from './metrics/backlog-gauges';
import { CommandRouteTagGuard } from './metrics/command-route-tag.guard';

@Module({})
export class ApiModule {
  static register(cfg: AppConfig): DynamicModule {
    const dev = cfg.nodeEnv !== 'production';
    return {
      module: ApiModule,
      imports: [
        AppConfigModule,
        PersistenceModule,
        JwtModule.registerAsync({
          inject: [APP_CONFIG],
          useFactory: (c: AppConfig) => ({ secret: c.jwt.secret }),
        }),
        MetricsModule.forApp('case-api'),
        TracingModule.forApp('case-api'),
      ],
      controllers: [
        HealthController,
        CasesController,
        LegalReviewController,
        DocumentsController,
        ArchiveController,
        MeController,
        NotificationsController,
        WebhooksController,
        PeopleController,
        ...STAGE_CONTROLLERS,
        EvidenceController,
        PoliciesController,
        AdminPoliciesController,
        CalendarsController,
        BodiesController,
        UsersController,
        CertificatesController,
        AgenciesController,
        AdminEventsController,
        ProblemsController,
        PublicController,
        SupervisionOverdueController,
        SupervisionAuditController,
        SupervisionTransfersController,
        SupervisionEvaluationController,
        SupervisionStatisticsController,
        CasePartyController,
        SupervisionPersonalDataController,
        SupervisionFailedJobsController,
        JobBoardController,
        ...(dev ? [DevTokensController] : []),
      ],
      providers: [
        HmacTokenVerifier,
        { provide: TokenVerifier, useExisting: HmacTokenVerifier },
        // First of the guards: marks a command route for zhifa_commands_total, whichever guard then refuses it.
        { provide: APP_GUARD, useClass: CommandRouteTagGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        // After authentication: the domain judges the caller before the body is read.
        { provide: APP_GUARD, useClass: CommandAuthorisationGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: PersonalDataInterceptor },
        ActorService,
        PersonalDataReads,
        RecordedPackageVerifier,
        IdempotencyService,
        CaseDirectoryService,
        CaseWorkflowClient,
        CaseCommandRunner,
        DeadlineClock,
        TimelineAuditService,
        TemporalClientProvider,
        RedisProvider,
        EvidenceStore,
        FailedJobsService,
        JobBoard,
        PublicRateLimitGuard,
        ApiMetrics,
        BacklogGauges,
      ],
    };
  }
}
