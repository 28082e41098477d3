export { EN_DEADLINE, EVENT_NOTICES, NOTICE_SECTIONS, type EventNotice, type NoticeSection } from './event-notices';
export { caseNotice, NOTICE_REASONS, type CaseNotice, type CaseNoticeInput, type NoticeReason, type NoticeRecipient } from './case-notice';
