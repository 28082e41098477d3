export { SUPERVISION_ROLES, supervisionAccess, type SupervisionAccess } from './access';
export { awaitedFor, deadlinesToWatch, type AwaitedPerson, type WatchedDeadline } from './overdue';
export { TRANSFER_LIMIT_KINDS, TRANSFER_STAGES, transferWatch, type TransferLimit, type TransferStage, type TransferWatch } from './transfers';
export { noTransferDecisions } from './no-transfer';
export { EVALUATION_CHECKS, evaluateCase, type CaseEvaluation, type CertificateLookup, type EvaluatedCheck, type EvaluatedEvent, type EvaluationGrade } from './evaluation';
export { CERTIFIED_ROLES, timelineRole, auditTimeline, deadlineMarks, deadlinesSettled, type CertificateOnDay, type DeadlineMark, type DeadlineOutcome, type EventAudit, type EventDeadline } from './timeline-audit';
