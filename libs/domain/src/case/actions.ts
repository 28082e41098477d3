// Action names are the path suffixes of the HTTP contract after
// `/cases/:id/` ('register' is `POST /cases`). A command maps to one action;
// several commands may share one (suspension: SUSPEND/RESUME/TERMINATE).

import type { CommandType } from './case-commands';

export const ACTION_NAMES = [
  'register',
  'filing',
  'evidence',
  'evidence-custody',
  'investigation-report',
  'case-review',
  'notice',
  'defence',
  'hearing-request',
  'hearing',
  'legal-review-request',
  'legal-review',
  'collective-discussion',
  'decision',
  'service',
  'payments',
  'challenges',
  'extension',
  'suspension',
  'recusal',
  'closure',
  'archive',
  'simple-decision',
  'simple-report',
  'criminal-transfer',
  'criminal-transfer/approval',
  'criminal-transfer/dispatch',
  'criminal-transfer/police-decision',
  'criminal-transfer/reconsideration',
  'criminal-transfer/supervision',
  'criminal-transfer/return',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** null: issued by the workflow's own timers, not exposed as an action. */
export const COMMAND_ACTIONS: Record<CommandType, ActionName | null> = {
  REGISTER_LEAD: 'register',
  DECIDE_FILING: 'filing',
  RECORD_EVIDENCE: 'evidence',
  TRANSFER_CUSTODY: 'evidence-custody',
  SUBMIT_INVESTIGATION_REPORT: 'investigation-report',
  REVIEW_CASE: 'case-review',
  SERVE_NOTICE: 'notice',
  RECORD_DEFENCE: 'defence',
  REQUEST_HEARING: 'hearing-request',
  SCHEDULE_HEARING: 'hearing',
  RECORD_HEARING: 'hearing',
  REQUEST_LEGAL_REVIEW: 'legal-review-request',
  RECORD_LEGAL_REVIEW: 'legal-review',
  RECORD_COLLECTIVE_DISCUSSION: 'collective-discussion',
  DECIDE: 'decision',
  SERVE: 'service',
  RECORD_PAYMENT: 'payments',
  RECORD_CHALLENGE: 'challenges',
  EXTEND_DEADLINE: 'extension',
  SUSPEND: 'suspension',
  RESUME: 'suspension',
  TERMINATE: 'suspension',
  RECUSE: 'recusal',
  CLOSE: 'closure',
  ARCHIVE: 'archive',
  SIMPLE_DECIDE: 'simple-decision',
  REPORT_SIMPLE: 'simple-report',
  DEADLINE_REMINDER: null,
  DEADLINE_ESCALATION: null,
  PROPOSE_TRANSFER: 'criminal-transfer',
  DECIDE_TRANSFER: 'criminal-transfer/approval',
  DISPATCH_TRANSFER: 'criminal-transfer/dispatch',
  RECORD_POLICE_DECISION: 'criminal-transfer/police-decision',
  REQUEST_TRANSFER_RECONSIDERATION: 'criminal-transfer/reconsideration',
  ANSWER_TRANSFER_RECONSIDERATION: 'criminal-transfer/reconsideration',
  REQUEST_TRANSFER_SUPERVISION: 'criminal-transfer/supervision',
  RESOLVE_TRANSFER_SUPERVISION: 'criminal-transfer/supervision',
  RESUME_ADMINISTRATIVE_CASE: 'criminal-transfer/return',
};

/** Commands behind an action, for an edge that routes one path to several commands. */
export function commandsForAction(action: ActionName): CommandType[] {
  return (Object.keys(COMMAND_ACTIONS) as CommandType[]).filter((t) => COMMAND_ACTIONS[t] === action);
}
