import { CASE_EVENT_TYPES } from '@zhifa/domain';
import type { JobRoutes } from './dispatch/job-handler';
import { ARCHIVE_JOB_EVENT } from './archive.job';
import { DocumentsJobHandler } from './documents/documents.handler';
import { DisclosureJob } from './disclosure/disclosure.job';

/**
 * The event types each purpose queue takes (job name = event type). A queue
 * is listed here only with handlers for every name in its list: the jobs app
 * refuses to start otherwise (see docs/architecture.md, "Jobs: adding a handler").
 */
export const JOB_ROUTES: JobRoutes = {
  // Every case event tells whom the domain's caseNotice() names (one notification per event and person).
  notifications: CASE_EVENT_TYPES,
  // Every case event is POSTed, signed, to its agency's webhook if it has one (retried apart from the notifications).
  webhooks: CASE_EVENT_TYPES,
  calendar: ['CALENDAR_PUBLISHED'],
  // The events that issue an official document (立案审批表 on FILING_APPROVED, 决定书 on DECISION_MADE...).
  documents: DocumentsJobHandler.EVENT_TYPES,
  // The request to archive: the signed package is built and reported (docs/archives.md).
  archive: [ARCHIVE_JOB_EVENT],
  // 事后公示: a penalty decision published (or withheld), a published one withdrawn after a challenge took it down.
  disclosure: DisclosureJob.EVENT_TYPES,
};
