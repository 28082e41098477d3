import { CASE_EVENT_TYPES } from '@zhifa/domain';
import { ArchiveJob, ARCHIVE_JOB_EVENT } from './archive.job';
import { CaseReconciliationJob } from './audit/case-reconciliation.job';
import { ChainVerificationJob } from './audit/chain-verification.job';
import { CalendarPublishedJob } from './calendar-published.job';
import { DocumentsJobHandler } from './documents/documents.handler';
import { DisclosureJob } from './disclosure/disclosure.job';
import type { JobBinding } from './dispatch/job-handler';
import { CaseNotificationHandler } from './notifications/case-notification.handler';
import { WebhookDeliveryHandler } from './webhooks/webhook-delivery.handler';

/** Every job handler of the jobs app: exactly one per routed (queue, job name). */
export const JOB_BINDINGS: readonly JobBinding[] = [
  { queue: 'notifications', names: CASE_EVENT_TYPES, use: CaseNotificationHandler, method: 'run' },
  { queue: 'webhooks', names: CASE_EVENT_TYPES, use: WebhookDeliveryHandler, method: 'run' },
  { queue: 'calendar', names: ['CALENDAR_PUBLISHED'], use: CalendarPublishedJob },
  { queue: 'documents', names: DocumentsJobHandler.EVENT_TYPES, use: DocumentsJobHandler, method: 'run' },
  { queue: 'archive', names: [ARCHIVE_JOB_EVENT], use: ArchiveJob, method: 'run' },
  { queue: 'disclosure', names: DisclosureJob.EVENT_TYPES, use: DisclosureJob, method: 'run' },
  // Scheduled (job-schedules.ts), not routed.
  { queue: 'audit', names: ['CHAIN_VERIFICATION'], use: ChainVerificationJob },
  { queue: 'audit', names: ['CASE_RECONCILIATION'], use: CaseReconciliationJob },
];

/** The injectable classes the bindings name. */
export const JOB_HANDLER_CLASSES = [CaseNotificationHandler, WebhookDeliveryHandler, CalendarPublishedJob, DocumentsJobHandler, ArchiveJob, DisclosureJob, ChainVerificationJob, CaseReconciliationJob];
