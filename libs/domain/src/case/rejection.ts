// Rejections carry a stable code; the HTTP edge maps them to problem+json.
// 400: the payload is malformed. 403: this actor may not. 409: not in this
// state. 422: well-formed and allowed, but a legal rule forbids the content.

import type { ActionName } from './vocabulary';
import type { CaseEvent } from './case-events';
import type { CaseStatus } from './vocabulary';

export interface FieldError {
  field: string;
  message: string;
}

export type RejectionStatus = 400 | 403 | 409 | 422;

export interface Rejection {
  code: string;
  status: RejectionStatus;
  /** Human, English. */
  reason: string;
  state: CaseStatus | null;
  /** What this actor may do now (empty once archived). */
  allowedActions: ActionName[];
  errors?: FieldError[];
}

/** What decide() answers: the events to record, or the rejection. */
export type DecideResult = { ok: true; events: CaseEvent[] } | { ok: false; rejection: Rejection };

/** A rejection before the state and allowed actions are attached. */
export interface Fail {
  code: string;
  status: RejectionStatus;
  reason: string;
  errors?: FieldError[];
}

/** The status comes from REJECTION_CODES so a code always maps to one HTTP status. */
export function fail(code: RejectionCode, reason: string, errors?: FieldError[]): Fail {
  const status = REJECTION_CODES[code];
  return errors && errors.length > 0 ? { code, status, reason, errors } : { code, status, reason };
}

/** Every code decide() can return, for the edge's documentation and tests. */
export const REJECTION_CODES = {
  // authorisation (403)
  'AUTH.ROLE_NOT_ALLOWED': 403,
  'AUTH.AGENCY_MISMATCH': 403,
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
  'CASE.TRANSFER_PENDING': 409,
  'CASE.SUSPECTED_CRIME_UNRESOLVED': 409,
  'CASE.DEFENCE_PERIOD_RUNNING': 409,
  'CASE.PRE_DECISION_STEP_MISSING': 409,
  'CASE.PAYMENT_OUTSTANDING': 409,
  'CASE.SIMPLE_NOT_REPORTED': 409,
  'CASE.ALREADY_REPORTED': 409,
  'CASE.SIMPLE_FINE_EXCEEDS_LIMIT': 409,
  'CASE.SIMPLE_PENALTY_NOT_ALLOWED': 409,
  'NOTICE.NOT_REQUIRED': 409,
  'HEARING.NOT_ELIGIBLE': 409,
  'PAYMENT.NOTHING_DUE': 409,
  'DEADLINE.NOT_OPEN': 409,
  'DEADLINE.NOT_DUE': 409,
  'DEADLINE.ALREADY_REMINDED': 409,
  'DEADLINE.EXPIRED': 409,
  'TRANSFER.RECONSIDERATION_USED': 409,
  'TRANSFER.SUPERVISION_USED': 409,
  // payload (400)
  'VALIDATION.FAILED': 400,
  // legal rules on the content (422)
  'CASE.TWO_OFFICERS_REQUIRED': 422,
  'CASE.OFFICER_REQUIRED': 422,
  'CASE.OFFICER_CERTIFICATE_INVALID': 422,
  'CASE.NOT_AN_OFFICER': 422,
  'CASE.UNKNOWN_VIOLATION': 422,
  'CASE.LIMITATION_EXPIRED': 422,
  'CASE.EVIDENCE_REQUIRED': 422,
  'CASE.COLLECTOR_NOT_ASSIGNED': 422,
  'EVIDENCE.DUPLICATE_ID': 422,
  'EVIDENCE.NOT_FOUND': 422,
  'EVIDENCE.CUSTODY_MISMATCH': 422,
  'NOTICE.HEARING_RIGHTS_MISSING': 422,
  'HEARING.REQUEST_LATE': 422,
  'HEARING.NOTICE_TOO_SHORT': 422,
  'HEARING.HOST_CONFLICT': 422,
  'COLLECTIVE.QUORUM_NOT_MET': 422,
  'DECISION.HEAVIER_AFTER_DEFENCE': 422,
  'SERVICE.CONSENT_REQUIRED': 422,
  'SERVICE.WITNESS_REQUIRED': 422,
  'SERVICE.METHOD_NOT_ALLOWED': 422,
  'SERVICE.BEFORE_DECISION': 422,
  'PAYMENT.EXCEEDS_AMOUNT_DUE': 422,
  'CHALLENGE.NOT_FOUND': 422,
  'CHALLENGE.DUPLICATE_ID': 422,
  'DEADLINE.NOT_EXTENDABLE': 422,
  'DEADLINE.EXTENSION_REQUIRES_COLLECTIVE_DISCUSSION': 422,
  'RECUSAL.NOT_ON_CASE': 422,
} as const satisfies Record<string, RejectionStatus>;
export type RejectionCode = keyof typeof REJECTION_CODES;
