import { CASE_EVENT_TYPES } from '@zhifa/domain';
import { ArchiveJob, ARCHIVE_JOB_EVENT } from './archive.job';
import { CalendarPublishedJob } from './calendar-published.job';
import { DocumentsJobHandler } from './documents/documents.handler';
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
];

/** The injectable classes the bindings name. */
export const JOB_HANDLER_CLASSES = [CaseNotificationHandler, WebhookDeliveryHandler, CalendarPublishedJob, DocumentsJobHandler, ArchiveJob];
