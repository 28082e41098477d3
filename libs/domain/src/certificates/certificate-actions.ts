// What an administrator may do to a certificate, and when: issue, suspend
// (暂扣), reinstate, revoke (吊销, final) and renew (延续, the number kept).
// Pure: the API reads the certificate and today's local date, asks here, and
// stores the change this returns with its record in the administration log.

import type { CertificateStatus } from '../case/vocabulary';
import { ZH_CERTIFICATE } from '../case/zh-vocabulary';
import { msg, zhDate, type FieldMessage, type Message } from '../case/messages';
import type { CertificateChangeKind, CertificateRecord, CertificateStatusChange } from './certificate-history';

/** A certificate's scope: ENFORCEMENT or LEGAL_REVIEW, optionally with a field after a colon (ENFORCEMENT:market). */
export const CERTIFICATE_SCOPE_PATTERN = /^(ENFORCEMENT|LEGAL_REVIEW)(:[^\s:]{1,60})?$/;

export const CERTIFICATE_ACTIONS = ['SUSPEND', 'REINSTATE', 'REVOKE', 'RENEW'] as const;
export type CertificateAction = (typeof CERTIFICATE_ACTIONS)[number];

/** From which statuses each action may be taken: a revoked certificate is final. */
const ALLOWED_FROM: Readonly<Record<CertificateAction, readonly CertificateStatus[]>> = {
  SUSPEND: ['ACTIVE'],
  REINSTATE: ['SUSPENDED'],
  REVOKE: ['ACTIVE', 'SUSPENDED'],
  RENEW: ['ACTIVE', 'SUSPENDED'],
};

const OUTCOME: Readonly<Record<CertificateAction, { kind: CertificateChangeKind; status?: CertificateStatus }>> = {
  SUSPEND: { kind: 'SUSPENDED', status: 'SUSPENDED' },
  REINSTATE: { kind: 'REINSTATED', status: 'ACTIVE' },
  REVOKE: { kind: 'REVOKED', status: 'REVOKED' },
  RENEW: { kind: 'RENEWED' },
};

const ZH_ACTION: Readonly<Record<CertificateAction, string>> = { SUSPEND: '暂扣', REINSTATE: '恢复', REVOKE: '吊销', RENEW: '延续' };
const EN_DONE: Readonly<Record<CertificateAction, string>> = { SUSPEND: 'suspended', REINSTATE: 'reinstated', REVOKE: 'revoked', RENEW: 'renewed' };

export function allowedCertificateActions(status: CertificateStatus): CertificateAction[] {
  return CERTIFICATE_ACTIONS.filter((a) => ALLOWED_FROM[a].includes(status));
}

/** A new certificate as an administrator issues it. */
export interface CertificateIssue {
  number: string;
  scope: string;
  validFrom: string;
  validTo: string;
}

/** The field problems of an issue (the shapes of the dates and the number are the request's own checks). */
export function issueProblems(i: CertificateIssue): FieldMessage[] {
  const problems: FieldMessage[] = [];
  if (!CERTIFICATE_SCOPE_PATTERN.test(i.scope)) {
    problems.push({ field: 'scope', message: msg('must be ENFORCEMENT or LEGAL_REVIEW, optionally with a field after a colon (ENFORCEMENT:market)', '须为ENFORCEMENT或LEGAL_REVIEW，可加冒号和领域（如ENFORCEMENT:market）') });
  }
  if (i.validTo <= i.validFrom) {
    problems.push({ field: 'validTo', message: msg(`must be after validFrom (${i.validFrom})`, `有效期截止日须晚于起始日（${zhDate(i.validFrom)}）`) });
  }
  return problems;
}

/** The first entry of an issued certificate's history: active from its first day. */
export function issuedChange(i: CertificateIssue): CertificateStatusChange {
  return { kind: 'ISSUED', status: 'ACTIVE', validTo: i.validTo, from: i.validFrom, reason: null };
}

export interface CertificateChangeRequest {
  action: CertificateAction;
  /** The local day the change takes effect (YYYY-MM-DD); not after today. */
  effectiveFrom: string;
  reason?: string;
  /** RENEW: the new last day. */
  validTo?: string;
}

export type CertificateRefusal =
  | { status: 400; code: 'VALIDATION.FAILED'; detail: Message; errors: FieldMessage[] }
  | { status: 409; code: 'CERTIFICATE.TRANSITION_NOT_ALLOWED'; detail: Message; state: CertificateStatus; allowedActions: CertificateAction[] };

/**
 * The dated change an action makes, or why not: the status first (409: a
 * revoked certificate is neither reinstated nor renewed), then the request
 * (400): a reason for every change but a renewal, an effective day not after
 * today and not before the last change (the history stays in order), and a
 * renewal's new last day after the present one.
 */
export function decideCertificateChange(c: CertificateRecord, req: CertificateChangeRequest, today: string): { change: CertificateStatusChange } | { refusal: CertificateRefusal } {
  const allowed = allowedCertificateActions(c.status);
  if (!allowed.includes(req.action)) {
    const zhStatus = ZH_CERTIFICATE[c.status];
    return {
      refusal: {
        status: 409,
        code: 'CERTIFICATE.TRANSITION_NOT_ALLOWED',
        detail: msg(
          `Certificate ${c.number} is ${c.status}: it cannot be ${EN_DONE[req.action]}${c.status === 'REVOKED' ? ' (revocation is final)' : ''}`,
          `执法证件${c.number}${zhStatus}，不能${ZH_ACTION[req.action]}${c.status === 'REVOKED' ? '（吊销不可恢复或延续）' : ''}`,
        ),
        state: c.status,
        allowedActions: allowed,
      },
    };
  }
  const errors: FieldMessage[] = [];
  const reason = req.reason?.trim() ?? '';
  if (req.action !== 'RENEW' && !reason) errors.push({ field: 'reason', message: msg('a reason is required', '须填写理由') });
  const history = Array.isArray(c.history) ? c.history : [];
  const lastFrom = history.length ? history[history.length - 1].from : c.validFrom;
  if (req.effectiveFrom > today) {
    errors.push({ field: 'effectiveFrom', message: msg(`must not be after today (${today}): a change is recorded when it takes effect`, `生效日期不得晚于今天（${zhDate(today)}）`) });
  } else if (req.effectiveFrom < lastFrom) {
    errors.push({ field: 'effectiveFrom', message: msg(`must not precede the certificate's last change or first day (${lastFrom})`, `生效日期不得早于证件上一次变更或生效之日（${zhDate(lastFrom)}）`) });
  }
  let validTo = c.validTo;
  if (req.action === 'RENEW') {
    if (!req.validTo) errors.push({ field: 'validTo', message: msg('the new last day is required', '须填写延续后的有效期截止日') });
    else if (req.validTo <= c.validTo) errors.push({ field: 'validTo', message: msg(`must be after the present last day (${c.validTo})`, `须晚于现有效期截止日（${zhDate(c.validTo)}）`) });
    else validTo = req.validTo;
  }
  if (errors.length) return { refusal: { status: 400, code: 'VALIDATION.FAILED', detail: msg('The change has invalid fields', '证件变更中有字段填写有误'), errors } };
  const outcome = OUTCOME[req.action];
  return { change: { kind: outcome.kind, status: outcome.status ?? c.status, validTo, from: req.effectiveFrom, reason: reason || null } };
}
