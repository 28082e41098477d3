import { AdminEventRepository } from './admin-event.repository';
import { AgencyRepository } from './agency.repository';
import { ArchiveKeyRepository } from './archive-key.repository';
import { AlertRepository } from './alert.repository';
import { CalendarRepository } from './calendar.repository';
import { CertificateAdminRepository } from './certificate-admin.repository';
import { CaseEventStore } from './case-event.store';
import { CaseReadRepository } from './case-read.repository';
import { DatabaseRepository } from './database.repository';
import { DocumentRepository } from './document.repository';
import { DisclosureRepository } from './disclosure.repository';
import { IdempotencyRepository } from './idempotency.repository';
import { JobRetryRepository } from './job-retry.repository';
import { NotificationRepository } from './notification.repository';
import { OutboxRepository } from './outbox.repository';
import { OutsideBodyRepository } from './outside-body.repository';
import { PeopleRepository } from './people.repository';
import { PersonalDataAccessRepository } from './personal-data-access.repository';
import { PolicyRepository } from './policy.repository';
import { UserAdminRepository } from './user-admin.repository';
import { StatisticsRepository } from './statistics.repository';
import { WebhookRepository } from './webhook.repository';

export * from './agency.repository';
export * from './archive-key.repository';
import { ReadModelRepository } from './read-model.repository';
import { StuckCaseRepository } from './stuck-case.repository';
import { BacklogRepository } from './backlog.repository';

export * from './admin-event.repository';
export * from './agency.repository';
export * from './alert.repository';
export * from './calendar.repository';
export * from './certificate-admin.repository';
export * from './case-event.store';
export * from './case-read.repository';
export * from './database.repository';
export * from './document.repository';
export * from './disclosure.repository';
export * from './idempotency.repository';
export * from './job-retry.repository';
export * from './notification.repository';
export * from './outbox.repository';
export * from './outside-body.repository';
export * from './people.repository';
export * from './personal-data-access.repository';
export * from './policy.repository';
export * from './user-admin.repository';
export * from './statistics.repository';
export * from './read-model.repository';
export * from './stuck-case.repository';
export * from './webhook.repository';
export * from './backlog.repository';

/** Every repository; each is built on the one DataSource and provided by PersistenceModule. */
export const REPOSITORIES = [
  AdminEventRepository,
  AgencyRepository,
  ArchiveKeyRepository,
  AlertRepository,
  CalendarRepository,
  CertificateAdminRepository,
  CaseEventStore,
  CaseReadRepository,
  DatabaseRepository,
  DocumentRepository,
  DisclosureRepository,
  IdempotencyRepository,
  JobRetryRepository,
  NotificationRepository,
  OutboxRepository,
  OutsideBodyRepository,
  PeopleRepository,
  PersonalDataAccessRepository,
  PolicyRepository,
  UserAdminRepository,
  StatisticsRepository,
  ReadModelRepository,
  StuckCaseRepository,
  WebhookRepository,
  BacklogRepository,
] as const;
