// The case lifecycle rules: pure, deterministic, safe in Temporal's workflow sandbox.
export * from './vocabulary';
export * from './actor.types';
export * from './case-state';
export * from './suspicion-records';
export * from './case-commands';
export * from './case-events';
export * from './rejection';
export * from './messages';
export * from './allowed-actions';
export * from './decide';
export { jobReported, reportedJobOf, stampedWithJob } from './job-reports';
export { maskField, maskParty, maskPersonalData, personalFieldsOf, PERSONAL_FIELDS, type PersonalField } from './personal-data';
export type { ArchivePackageRef, ArchiveRecord } from './archive-records';
export * from './rule-changes';
export * from './evolve';
export {
  ACTION_NAMES,
  CASE_EVENT_TYPES,
  COMMAND_ACTIONS,
  COMMAND_RULES,
  COMMAND_SPECS,
  COMMAND_TYPES,
  EVENT_FOLDS,
  REJECTION_CODES,
  STAGES,
  commandsForAction,
  type ActionName,
  type CommandRule,
} from './command-table';
export { actingRole, gate, type GateOptions } from './gate';
export { executionLedger, type ExecutionLedger } from './stages/execution-ledger';
export { AGENCY_RIGHT_WINDOWS, DEADLINE_OWNER, TRANSFER_BODY_OWNERS, EXTENSION_PERIOD, R310_PERIODS, deriveFlags, effectivePeriod, type DeadlineOwner } from './deadlines';
export { preDecisionRequirements, type PreDecisionRequirement } from './rules/pre-decision';
export { assessPenalty, amountDue, checkSimplePenalty, heavierThan, meetsThreshold } from './rules/penalty';
export { certificateOn, certificateValidOn, checkNamedOfficers, investigatorIds, isInvestigator } from './rules/people';
export { deemedServedAt, PUBLIC_NOTICE_DAYS } from './rules/service';
export { limitationCheck, addYears } from './rules/limitation';
export * from './read-access';
export { challengePending, challengeWindowsEnd, decisionFinalAt } from './stages/shared';
export { isSupplement, SUPPLEMENT_COMMANDS } from './supplements';
export { tasksFor, type CaseTask } from './tasks';
export { legalReviewRounds, type LegalReviewRound, type RecordedCaseEvent } from './legal-review-rounds';
export { discretionScale, finePlacement, FINE_PLACEMENTS, type DiscretionScale, type FinePlacement } from './rules/discretion';
export * from './outside-bodies';
