// 强制执行: when the payment period passes unpaid, the agency (which has no
// enforcement power of its own) serves a demand (催告, ACL 35, 54), applies to
// the court (ACL 53–57) and records its rulings; or, when nothing can be
// collected, a head ends execution (终结执行, ACL 40) so the case can close.

import { computeDeadline, localDate } from '../../calendar';
import { armDeadlineOn, cancelDeadline, meetDeadline } from '../deadlines';
import type { CaseState, PersonRef } from '../case-state';
import { failWith, type RejectionStatus } from '../rejection';
import { zhDate } from '../messages';
import { ms, Validator } from '../rules/validation';
import { COURT_RULINGS, EXECUTION_END_REASONS, type CourtRuling, type ExecutionEndReason } from '../vocabulary';
import type { JurisdictionPolicy } from '../../policy/policy.types';
import { all, inStatus, invalid, stage, type Check } from './kit';
import { challengePending, challengeWindowsEnd, completed, outstanding } from './shared';
import { executionLedger, surchargeOwed } from './execution-ledger';
import { executionOf } from './execution';

/** The refusals only this stage gives. */
const CODES = {
  'ENFORCEMENT.NOT_OVERDUE': 409,
  'ENFORCEMENT.DEMAND_EXISTS': 409,
  'ENFORCEMENT.DEMAND_TOO_EARLY': 422,
  'ENFORCEMENT.NO_DEMAND': 409,
  'ENFORCEMENT.ALREADY_APPLIED': 409,
  'ENFORCEMENT.CHALLENGE_PENDING': 409,
  'ENFORCEMENT.DEMAND_PERIOD_RUNNING': 422,
  'ENFORCEMENT.CHALLENGE_WINDOWS_OPEN': 422,
  'ENFORCEMENT.APPLICATION_LATE': 422,
  'ENFORCEMENT.NOT_APPLIED': 409,
  'ENFORCEMENT.NOTHING_TO_END': 409,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type EnforcementCommand =
  | { type: 'SERVE_DEMAND'; documentNumber: string; servedAt: string }
  | { type: 'APPLY_COURT_ENFORCEMENT'; court: string; documentNumber: string; appliedAt: string }
  | { type: 'RECORD_COURT_RULING'; ruling: CourtRuling; at: string; note?: string }
  | { type: 'END_EXECUTION'; reason: ExecutionEndReason; facts: string; at: string };

export type EnforcementEvent =
  | { type: 'DEMAND_SERVED'; documentNumber: string; servedAt: string; waitEndsAt: string }
  | { type: 'COURT_ENFORCEMENT_APPLIED'; court: string; documentNumber: string; appliedAt: string; approvedBy: PersonRef }
  | { type: 'COURT_RULING_RECORDED'; ruling: CourtRuling; at: string; note?: string }
  | { type: 'EXECUTION_ENDED'; reason: ExecutionEndReason; facts: string; at: string; approvedBy: PersonRef; unpaid: number };

/** 民法典 202: a period in months ends on the same day of the last month, or that month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The local date the party's challenge windows close: the armed windows
 * (challengeWindowsEnd), or for a case served before they were armed, 6
 * months from service (ALL 46, the later of the two).
 */
export function windowsCloseDate(s: CaseState, timeZone: string): string | undefined {
  const end = challengeWindowsEnd(s);
  if (end) return localDate(end, timeZone);
  return s.service ? addMonths(localDate(s.service.deemedServedAt, timeZone), 6) : undefined;
}

const open: Check = (s) =>
  (outstanding(s) > 0 || surchargeOwed(s) > 0) && !s.execution?.ended
    ? null
    : fail('ENFORCEMENT.NOTHING_TO_END', { en: 'Nothing is outstanding, or execution has ended', zh: '没有未缴款项，或已终结执行' });

// The payment period passed unpaid (escalated by its timer), or a surcharge is left after a late payment.
const overdue: Check = (s) => {
  const p = s.deadlines.payment;
  if (p?.state === 'MISSED' || (p?.state === 'MET' && surchargeOwed(s) > 0)) return null;
  return fail('ENFORCEMENT.NOT_OVERDUE', {
    en: `The payment period ${p ? `runs until ${p.dueAt}` : 'has not started'}: a demand is served only after it passed unpaid (ACL 54)`,
    zh: `缴纳期限${p ? `至${zhDate(p.dueAt)}` : '尚未起算'}，期满仍未履行的方可催告（《行政强制法》第54条）`,
  });
};

const noDemandYet: Check = (s) =>
  s.execution?.demand
    ? fail('ENFORCEMENT.DEMAND_EXISTS', { en: `A demand was served on ${s.execution.demand.servedAt}`, zh: `已于${zhDate(s.execution.demand.servedAt)}送达催告书` })
    : null;

const demanded: Check = (s) =>
  s.execution?.demand ? null : fail('ENFORCEMENT.NO_DEMAND', { en: 'Serve a demand (催告) before applying to the court (ACL 54)', zh: '申请人民法院强制执行前应当催告当事人履行义务（《行政强制法》第54条）' });

const notApplied: Check = (s) =>
  s.execution?.court
    ? fail('ENFORCEMENT.ALREADY_APPLIED', { en: `The court was applied to on ${s.execution.court.appliedAt}`, zh: `已于${zhDate(s.execution.court.appliedAt)}申请人民法院强制执行` })
    : null;

const noChallengePending: Check = (s) =>
  challengePending(s)
    ? fail('ENFORCEMENT.CHALLENGE_PENDING', {
        en: 'A reconsideration or lawsuit is pending: record its result first (ACL 53)',
        zh: '行政复议或者行政诉讼尚未审结，请先记录其结果（《行政强制法》第53条）',
      })
    : null;

const applicationAwaitingRuling: Check = (s) => {
  const c = s.execution?.court;
  const last = c?.rulings[c.rulings.length - 1]?.ruling;
  return c && last !== 'ENFORCED' && last !== 'NOT_ENFORCED'
    ? null
    : fail('ENFORCEMENT.NOT_APPLIED', { en: 'No application to the court awaits a ruling', zh: '没有等待法院裁定的强制执行申请' });
};

/** ACL 54, 69: the demand gives the party 10 working days. */
function demandWaitEnd(servedAt: string, policy: JurisdictionPolicy): string {
  return computeDeadline({
    rule: 'demand',
    period: { days: 10, kind: 'WORKING', source: 'ACL 54, 69' },
    start: servedAt,
    calendars: policy.calendars,
    timeZone: policy.timeZone,
  }).dueAt;
}

export const enforcement = stage<EnforcementCommand, EnforcementEvent>()(
  'enforcement',
  {
    SERVE_DEMAND: {
      action: 'enforcement/demand',
      roles: ['OFFICER'],
      from: all(inStatus(['SERVED']), open, overdue, noDemandYet),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('documentNumber', cmd.documentNumber, { max: 100 }).instant('servedAt', cmd.servedAt, { notFuture: true });
        if (!v.ok) return invalid(v);
        const due = s.deadlines.payment!.dueAt;
        if (ms(cmd.servedAt) <= ms(due)) {
          return fail('ENFORCEMENT.DEMAND_TOO_EARLY', {
            en: `The demand is served after the payment period, which ended ${due} (ACL 54)`,
            zh: `催告书应在缴纳期限（${zhDate(due)}）届满后送达（《行政强制法》第54条）`,
          });
        }
        return { type: 'DEMAND_SERVED', documentNumber: cmd.documentNumber, servedAt: cmd.servedAt, waitEndsAt: demandWaitEnd(cmd.servedAt, ctx.policy) };
      },
    },
    APPLY_COURT_ENFORCEMENT: {
      action: 'enforcement/court',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: all(inStatus(['SERVED']), open, demanded, notApplied, noChallengePending),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('court', cmd.court, { max: 200 }).text('documentNumber', cmd.documentNumber, { max: 100 }).instant('appliedAt', cmd.appliedAt, { notFuture: true });
        if (!v.ok) return invalid(v);
        const demand = s.execution!.demand!;
        if (ms(cmd.appliedAt) <= ms(demand.waitEndsAt)) {
          return fail('ENFORCEMENT.DEMAND_PERIOD_RUNNING', {
            en: `The party has until ${demand.waitEndsAt} after the demand (10 working days, ACL 54, 69): apply after it`,
            zh: `催告书送达后当事人有十个工作日履行，至${zhDate(demand.waitEndsAt)}届满（《行政强制法》第54条、第69条），期满后方可申请`,
          });
        }
        const close = windowsCloseDate(s, ctx.policy.timeZone)!;
        if (localDate(cmd.appliedAt, ctx.policy.timeZone) <= close) {
          return fail('ENFORCEMENT.CHALLENGE_WINDOWS_OPEN', {
            en: `The party may still apply for reconsideration or sue until ${close}: apply to the court after that (ACL 53)`,
            zh: `当事人申请行政复议或者提起行政诉讼的期限至${zhDate(close)}届满，届满后方可申请人民法院强制执行（《行政强制法》第53条）`,
          });
        }
        const limit = s.deadlines.courtEnforcement;
        if (limit && ms(cmd.appliedAt) > ms(limit.dueAt)) {
          return fail('ENFORCEMENT.APPLICATION_LATE', {
            en: `The court is applied to within 3 months of the close of the challenge windows, by ${limit.dueAt} (ACL 53)`,
            zh: `应自复议、诉讼期限届满之日起三个月内申请，即${zhDate(limit.dueAt)}前（《行政强制法》第53条）`,
          });
        }
        return { type: 'COURT_ENFORCEMENT_APPLIED', court: cmd.court, documentNumber: cmd.documentNumber, appliedAt: cmd.appliedAt, approvedBy: { userId: ctx.person.userId, name: ctx.person.name } };
      },
    },
    RECORD_COURT_RULING: {
      action: 'enforcement/ruling',
      roles: ['OFFICER'],
      from: all(inStatus(['SERVED']), applicationAwaitingRuling),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.oneOf('ruling', cmd.ruling, COURT_RULINGS).instant('at', cmd.at, { notFuture: true }).text('note', cmd.note, { optional: true, max: 2000 });
        if (v.ok && ms(cmd.at) < ms(s.execution!.court!.appliedAt)) v.add('at', { en: 'must not be before the application', zh: '不得早于申请日期' });
        if (!v.ok) return invalid(v);
        return { type: 'COURT_RULING_RECORDED', ruling: cmd.ruling, at: cmd.at, ...(cmd.note !== undefined ? { note: cmd.note } : {}) };
      },
    },
    END_EXECUTION: {
      action: 'execution-end',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: all(inStatus(['SERVED']), open),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.oneOf('reason', cmd.reason, EXECUTION_END_REASONS).text('facts', cmd.facts, { max: 2000 }).instant('at', cmd.at, { notFuture: true });
        if (!v.ok) return invalid(v);
        const unpaid = executionLedger(s, cmd.at, ctx.policy.timeZone).outstanding;
        return { type: 'EXECUTION_ENDED', reason: cmd.reason, facts: cmd.facts, at: cmd.at, approvedBy: { userId: ctx.person.userId, name: ctx.person.name }, unpaid };
      },
    },
  },
  {
    DEMAND_SERVED: (s, e, meta) => {
      executionOf(s).demand = { documentNumber: e.documentNumber, servedAt: e.servedAt, waitEndsAt: e.waitEndsAt };
      // ACL 53: the court is applied to within 3 months of the close of the challenge windows.
      const close = windowsCloseDate(s, meta.policy.timeZone);
      const start = challengeWindowsEnd(s) ?? s.service?.deemedServedAt;
      if (close && start) armDeadlineOn(s, 'courtEnforcement', start, addMonths(close, 3), `ACL 53 (3 months from ${close}, when the challenge windows close)`, meta.at, meta.policy);
    },
    COURT_ENFORCEMENT_APPLIED: (s, e) => {
      executionOf(s).court = { court: e.court, documentNumber: e.documentNumber, appliedAt: e.appliedAt, approvedBy: e.approvedBy, rulings: [] };
      meetDeadline(s, 'courtEnforcement', e.appliedAt);
    },
    COURT_RULING_RECORDED: (s, e, meta) => {
      s.execution!.court!.rulings.push({ ruling: e.ruling, at: e.at, ...(e.note !== undefined ? { note: e.note } : {}) });
      if (e.ruling === 'ENFORCED') {
        s.status = 'EXECUTED';
        s.executedAt = e.at;
        cancelDeadline(s, 'payment', e.at);
        completed(s, e.at, meta);
      }
    },
    EXECUTION_ENDED: (s, e, meta) => {
      executionOf(s).ended = { reason: e.reason, facts: e.facts, at: e.at, approvedBy: e.approvedBy, unpaid: e.unpaid };
      cancelDeadline(s, 'payment', e.at);
      cancelDeadline(s, 'courtEnforcement', e.at);
      completed(s, e.at, meta);
    },
  },
  CODES,
);
