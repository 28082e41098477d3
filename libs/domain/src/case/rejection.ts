// Rejections carry a stable code; the HTTP edge maps them to problem+json.
// 400: the payload is malformed. 403: this actor may not. 409: not in this
// state. 422: well-formed and allowed, but a legal rule forbids the content.

import type { FieldMessage, Message } from './messages';
import type { CaseStatus } from './vocabulary';

/** A field's problem as a rejection carries it: English, with its Chinese beside it. */
export interface FieldError {
  field: string;
  message: string;
  /** The same, in Chinese (zh-CN). */
  messageZh: string;
}

export type RejectionStatus = 400 | 403 | 409 | 422;

export interface Rejection {
  code: string;
  status: RejectionStatus;
  /** Human, English (what the history and the logs keep). */
  reason: string;
  /** The same, in Chinese (zh-CN), with the case's dates and amounts in local form. */
  reasonZh: string;
  state: CaseStatus | null;
  /** What this actor may do now (empty once archived). */
  allowedActions: string[];
  errors?: FieldError[];
}

/** A rejection before the state and allowed actions are attached. */
export interface Fail {
  code: string;
  status: RejectionStatus;
  reason: string;
  reasonZh: string;
  errors?: FieldError[];
}

/** The status comes from the code's table, so a code always maps to one HTTP status. */
export function fail(code: SharedRejectionCode, reason: Message, errors?: FieldMessage[]): Fail {
  return failure(code, SHARED_REJECTION_CODES[code], reason, errors);
}

/** A stage's own fail(): its codes (declared beside its rules) and the shared ones. */
export function failWith<T extends Record<string, RejectionStatus>>(codes: T) {
  return (code: (keyof T & string) | SharedRejectionCode, reason: Message, errors?: FieldMessage[]): Fail =>
    failure(code, (codes as Record<string, RejectionStatus>)[code] ?? SHARED_REJECTION_CODES[code as SharedRejectionCode], reason, errors);
}

function failure(code: string, status: RejectionStatus, reason: Message, errors?: FieldMessage[]): Fail {
  const f: Fail = { code, status, reason: reason.en, reasonZh: reason.zh };
  if (errors && errors.length > 0) f.errors = errors.map((e) => ({ field: e.field, message: e.message.en, messageZh: e.message.zh }));
  return f;
}

/**
 * The codes several stages (or the gate, the decider and the rules) share;
 * a code only one stage returns is declared in that stage. The whole table,
 * for the edge's documentation and tests, is REJECTION_CODES in the command table.
 */
export const SHARED_REJECTION_CODES = {
  // authorisation (403)
  'AUTH.ROLE_NOT_ALLOWED': 403,
  'AUTH.AGENCY_MISMATCH': 403,
  'AUTH.BODY_MISMATCH': 403,
  'AUTH.CERTIFICATE_INVALID': 403,
  'CASE.AUXILIARY_CANNOT_DECIDE': 403,
  'CASE.NOT_ASSIGNED': 403,
  'REVIEW.REVIEWER_CONFLICT': 403,
  // state (409)
  'CASE.NOT_REGISTERED': 409,
  'CASE.ARCHIVED': 409,
  'CASE.TRANSITION_NOT_ALLOWED': 409,
  'CASE.HEARING_PENDING': 409,
  'CASE.LEGAL_REVIEW_PENDING': 409,
  'CASE.DEFENCE_PERIOD_RUNNING': 409,
  'CASE.HEARING_WINDOW_RUNNING': 409,
  'CASE.PRE_DECISION_STEP_MISSING': 409,
  'DEADLINE.NOT_OPEN': 409,
  // payload (400)
  'VALIDATION.FAILED': 400,
  // legal rules on the content (422)
  'CASE.EVIDENCE_REQUIRED': 422,
  // APL 51: what an on-the-spot decision may impose
  'CASE.SIMPLE_FINE_EXCEEDS_LIMIT': 422,
  'CASE.SIMPLE_PENALTY_NOT_ALLOWED': 422,
  // APL 36: checked at filing and on the simple procedure's on-the-spot decision
  'CASE.LIMITATION_EXPIRED': 422,
  // APL 29: a second fine for one act (rules/same-act.ts), ordinary or simple
  'DECISION.SAME_ACT_FINED': 422,
  // the agency's penalty powers (rules/penalty.ts): the report, the notice and the decision
  'PENALTY.KIND_NOT_EMPOWERED': 422,
  // discretion benchmarks (rules/discretion.ts): the report and the decision
  'DISCRETION.OUT_OF_RANGE': 422,
  'DISCRETION.BASE_MISSING': 422,
  'DISCRETION.NOT_MITIGATION': 422,
  'CASE.TWO_OFFICERS_REQUIRED': 422,
  'CASE.OFFICER_REQUIRED': 422,
  'CASE.OFFICER_CERTIFICATE_INVALID': 422,
  'CASE.NOT_AN_OFFICER': 422,
  // named officers who are not the case's (evidence collectors, confirmers of drafts)
  'CASE.COLLECTOR_NOT_ASSIGNED': 422,
  'EVIDENCE.NOT_FOUND': 422,
  'SERVICE.CONSENT_REQUIRED': 422,
  'SERVICE.WITNESS_REQUIRED': 422,
  'SERVICE.METHOD_NOT_ALLOWED': 422,
} as const satisfies Record<string, RejectionStatus>;
export type SharedRejectionCode = keyof typeof SHARED_REJECTION_CODES;
