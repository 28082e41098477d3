// 执行: payments against the amount due and the late surcharge, each with the
// body that collected it (罚缴分离), and the head's deferral or instalment
// plan (APL 66). The ledger is computed in execution-ledger.ts; the demand,
// court enforcement and the end of execution are in enforcement.ts; the
// party's challenges in challenges.ts.

import { armDeadlineOn, cancelDeadline, meetDeadline } from '../deadlines';
import type { CaseState, ExecutionRecord, PaymentCollector, PlanInstalment } from '../case-state';
import { failWith, type RejectionStatus } from '../rejection';
import { rmbUpper, zhDate, zhYuan } from '../messages';
import { inForce } from '../rule-changes';
import { fen, formatYuan, Validator } from '../rules/validation';
import { computeDeadline, isLocalDate, localDate } from '../../calendar';
import type { JurisdictionPolicy } from '../../policy/policy.types';
import { COLLECTOR_KINDS, PAYMENT_PLAN_KINDS, type PaymentPlanKind } from '../vocabulary';
import { all, byRules, inStatus, invalid, stage, type Check, type EvolveMeta } from './kit';
import { completed, outstanding } from './shared';
import { executionLedger, surchargeOwed } from './execution-ledger';
import { inTransferAfterService, servedEvenInTransfer } from './transfer-points';

/** The refusals only this stage gives. */
const CODES = {
  'PAYMENT.NOTHING_DUE': 409,
  'PAYMENT.EXCEEDS_AMOUNT_DUE': 422,
  'PAYMENT.SELF_COLLECTION': 422,
  'PAYMENT.PLAN_EXISTS': 409,
  'PAYMENT.PLAN_DATES_INVALID': 422,
  'PAYMENT.PLAN_SUM_MISMATCH': 422,
  'PAYMENT.DECISION_REVOKED': 409,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

// A revoked or invalid decision is executed no more (nothing is due under it).
const notRevoked: Check = (s) =>
  s.decision?.revoked
    ? fail('PAYMENT.DECISION_REVOKED', {
        en: 'The decision was revoked or found invalid on a challenge: nothing is collected under it',
        zh: '处罚决定已被撤销或确认无效，不得依该决定收缴罚没款',
      })
    : null;

export type ExecutionCommand =
  | { type: 'RECORD_PAYMENT'; amount: number; paidAt: string; receipt: string; collector?: PaymentCollector }
  | { type: 'APPROVE_PAYMENT_PLAN'; kind: PaymentPlanKind; instalments: PlanInstalment[]; reason: string };

export type ExecutionEvent =
  | {
      type: 'PAYMENT_RECORDED';
      amount: number;
      paidAt: string;
      receipt: string;
      /** Paid on the decision's amount due, in all. */
      totalPaid: number;
      amountDue: number;
      /** The decision's amount and the surcharge accrued are both paid. */
      paidInFull: boolean;
      collector?: PaymentCollector;
      /** Surcharge accrued as of the payment, and paid on it in all (since the 'execution-ledger' rule change). */
      surchargeAccrued?: number;
      surchargePaid?: number;
    }
  | {
      type: 'PAYMENT_PLAN_APPROVED';
      kind: PaymentPlanKind;
      instalments: PlanInstalment[];
      reason: string;
      approvedBy: { userId: string; name: string };
      paidBefore: number;
      replacedDueDate: string;
    };

export function executionOf(s: CaseState): ExecutionRecord {
  if (!s.execution) s.execution = { surchargePaid: 0, surchargeAccrued: 0 };
  return s.execution;
}

/** Nothing is owed on the decision nor of a surcharge fixed by its payment, or execution has ended: nothing to pay. */
const somethingDue: Check = (s) =>
  (outstanding(s) > 0 || surchargeOwed(s) > 0) && !s.execution?.ended
    ? null
    : fail('PAYMENT.NOTHING_DUE', { en: 'Nothing is outstanding on this decision', zh: '本处罚决定没有未缴款项' });

const noPlanYet: Check = (s) =>
  s.execution?.plan
    ? fail('PAYMENT.PLAN_EXISTS', {
        en: `A ${s.execution.plan.kind === 'DEFERRAL' ? 'deferral' : 'instalment plan'} was already approved on ${s.execution.plan.approvedAt}`,
        zh: `已于${zhDate(s.execution.plan.approvedAt)}批准${s.execution.plan.kind === 'DEFERRAL' ? '暂缓缴纳' : '分期缴纳'}`,
      })
    : null;

/** A plan date falling on a day off is met on the next working day, as the end of any period is (MSA 80). */
function payBy(approvedAt: string, dueDate: string, policy: JurisdictionPolicy): string {
  const days = Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${localDate(approvedAt, policy.timeZone)}T00:00:00Z`)) / 86_400_000);
  return computeDeadline({ rule: 'payment', period: { days: Math.max(0, days), kind: 'CALENDAR', source: 'APL 66' }, start: approvedAt, calendars: policy.calendars, timeZone: policy.timeZone }).basis.dueDate;
}

/** The plan's first date whose cumulative amount is not yet paid, after `paid` yuan on the decision. */
function nextInstalment(s: CaseState, paid: number): { index: number; dueDate: string; payBy: string } | undefined {
  const plan = s.execution?.plan;
  if (!plan) return undefined;
  let cum = fen(plan.paidBefore);
  for (let i = 0; i < plan.instalments.length; i++) {
    cum += fen(plan.instalments[i].amount);
    const { dueDate, payBy } = plan.instalments[i];
    if (fen(paid) < cum) return { index: i, dueDate, payBy: payBy ?? dueDate };
  }
  return undefined;
}

/** The payment deadline follows the plan: due on the date of the next instalment not yet paid. */
function armPlanDate(s: CaseState, meta: EvolveMeta, paid: number): void {
  const plan = s.execution!.plan!;
  const next = nextInstalment(s, paid);
  if (!next) return;
  const current = s.deadlines.payment;
  if (current && current.basis.dueDate === next.payBy && current.state !== 'MET') return;
  const what = plan.kind === 'DEFERRAL' ? 'deferred payment' : `instalment ${next.index + 1} of ${plan.instalments.length}`;
  armDeadlineOn(s, 'payment', meta.at, next.dueDate, `APL 66 (${what}, approved ${plan.approvedAt})`, meta.at, meta.policy);
}

function recordPayment(s: CaseState, cmd: Extract<ExecutionCommand, { type: 'RECORD_PAYMENT' }>, now: string, timeZone: string, ledgerRules: boolean) {
  const due = s.decision?.amountDue ?? 0;
  if (!ledgerRules) {
    // Before the 'execution-ledger' change: the decision's amount only, no collector.
    const total = (fen(s.amountPaid) + fen(cmd.amount)) / 100;
    if (fen(total) > fen(due)) {
      return fail('PAYMENT.EXCEEDS_AMOUNT_DUE', {
        en: `Payment of ${formatYuan(cmd.amount)} brings the total to ${formatYuan(total)}, above the ${formatYuan(due)} due`,
        zh: `本次缴款${zhYuan(cmd.amount)}后累计缴款${zhYuan(total)}，超过应缴金额${zhYuan(due)}（${rmbUpper(due)}）`,
      });
    }
    return { type: 'PAYMENT_RECORDED' as const, amount: cmd.amount, paidAt: cmd.paidAt, receipt: cmd.receipt, totalPaid: total, amountDue: due, paidInFull: fen(total) === fen(due) };
  }
  const collector = cmd.collector!;
  if (collector.kind === 'ON_THE_SPOT' && s.procedure !== 'SIMPLE') {
    return fail('PAYMENT.SELF_COLLECTION', {
      en: 'The deciding agency and its officers do not collect fines themselves: only on-the-spot decisions may be paid to the officers (APL 67–69); name the bank or payment system',
      zh: '作出罚款决定的行政机关及其执法人员不得自行收缴罚款，当场收缴仅限当场处罚（《行政处罚法》第67条至第69条）；请填写代收银行或电子支付系统',
    });
  }
  // The ledger with this payment in it: a payment that completes the decision's amount stops the surcharge on its day.
  const trial: CaseState = { ...s, payments: [...s.payments, { amount: cmd.amount, paidAt: cmd.paidAt, receipt: cmd.receipt, recordedAt: now }] };
  const l = executionLedger(trial, now, timeZone);
  const paid = (s.payments.reduce((a, p) => a + fen(p.amount), 0) + fen(cmd.amount)) / 100;
  const owed = (fen(due) + fen(l.surchargeAccrued)) / 100;
  if (fen(paid) > fen(owed)) {
    return fail('PAYMENT.EXCEEDS_AMOUNT_DUE', {
      en: `Payment of ${formatYuan(cmd.amount)} brings the total paid to ${formatYuan(paid)}, above the ${formatYuan(due)} due and the ${formatYuan(l.surchargeAccrued)} surcharge accrued (APL 72), ${formatYuan(owed)} in all`,
      zh: `本次缴款${zhYuan(cmd.amount)}后累计缴款${zhYuan(paid)}，超过应缴罚没款${zhYuan(due)}与已产生的加处罚款${zhYuan(l.surchargeAccrued)}之和${zhYuan(owed)}（${rmbUpper(owed)}）（《行政处罚法》第72条）`,
    });
  }
  return {
    type: 'PAYMENT_RECORDED' as const,
    amount: cmd.amount,
    paidAt: cmd.paidAt,
    receipt: cmd.receipt,
    collector: { kind: collector.kind, name: collector.name },
    totalPaid: l.paidOnDecision,
    amountDue: due,
    paidInFull: fen(paid) === fen(owed),
    surchargeAccrued: l.surchargeAccrued,
    surchargePaid: l.paidOnSurcharge,
  };
}

export const execution = stage<ExecutionCommand, ExecutionEvent>()(
  'execution',
  {
    RECORD_PAYMENT: {
      action: 'payments',
      roles: ['OFFICER'],
      from: all(servedEvenInTransfer, byRules(notRevoked, null, 'challenge-effects'), somethingDue),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.amount('amount', cmd.amount, { positive: true }).instant('paidAt', cmd.paidAt, { notFuture: true }).text('receipt', cmd.receipt);
        const ledgerRules = inForce(ctx, 'execution-ledger');
        if (ledgerRules && v.object('collector', cmd.collector)) {
          v.oneOf('collector.kind', cmd.collector.kind, COLLECTOR_KINDS).text('collector.name', cmd.collector.name, { max: 200 });
        }
        if (!v.ok) return invalid(v);
        return recordPayment(s, cmd, ctx.now, ctx.policy.timeZone, ledgerRules);
      },
    },
    APPROVE_PAYMENT_PLAN: {
      action: 'payment-plan',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: all(inStatus(['SERVED']), somethingDue, noPlanYet),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.oneOf('kind', cmd.kind, PAYMENT_PLAN_KINDS).text('reason', cmd.reason, { max: 2000 });
        if (v.array('instalments', cmd.instalments, { min: 1 })) {
          cmd.instalments.forEach((i, n) => {
            if (!v.object(`instalments[${n}]`, i)) return;
            if (!isLocalDate(i.dueDate)) v.add(`instalments[${n}].dueDate`, { en: 'must be a date YYYY-MM-DD', zh: '须为 YYYY-MM-DD 日期' });
            v.amount(`instalments[${n}].amount`, i.amount, { positive: true });
          });
          if (cmd.kind === 'DEFERRAL' && cmd.instalments.length !== 1) v.add('instalments', { en: 'a deferral has exactly one date', zh: '暂缓缴纳只有一个缴纳日期' });
          if (cmd.kind === 'INSTALMENTS' && cmd.instalments.length < 2) v.add('instalments', { en: 'instalments need at least two dates', zh: '分期缴纳至少须有两期' });
        }
        if (!v.ok) return invalid(v);
        const dates = cmd.instalments.map((i) => i.dueDate);
        const badDate = dates.findIndex((d, n) => d <= (n === 0 ? ctx.date : dates[n - 1]));
        if (badDate >= 0) {
          return fail(
            'PAYMENT.PLAN_DATES_INVALID',
            {
              en: `Each date of the plan comes after today (${ctx.date}) and after the one before it: ${dates[badDate]} does not`,
              zh: `缴纳日期须晚于今日（${zhDate(ctx.date)}）并晚于前一期：${zhDate(dates[badDate])}不符合`,
            },
            [{ field: `instalments[${badDate}].dueDate`, message: { en: 'must be after today and the date before it', zh: '须晚于今日及前一期日期' } }],
          );
        }
        const owed = outstanding(s);
        const sum = cmd.instalments.reduce((a, i) => a + fen(i.amount), 0) / 100;
        if (fen(sum) !== fen(owed)) {
          return fail('PAYMENT.PLAN_SUM_MISMATCH', {
            en: `The plan's amounts add up to ${formatYuan(sum)}, but ${formatYuan(owed)} is outstanding on the decision`,
            zh: `各期金额合计${zhYuan(sum)}，与尚未缴纳的罚没款${zhYuan(owed)}（${rmbUpper(owed)}）不一致`,
          });
        }
        return {
          type: 'PAYMENT_PLAN_APPROVED',
          kind: cmd.kind,
          instalments: cmd.instalments.map((i) => ({ dueDate: i.dueDate, amount: i.amount })),
          reason: cmd.reason,
          approvedBy: { userId: ctx.person.userId, name: ctx.person.name },
          paidBefore: s.amountPaid,
          replacedDueDate: s.deadlines.payment?.basis.dueDate ?? ctx.date,
        };
      },
    },
  },
  {
    PAYMENT_RECORDED: (s, e, meta) => {
      s.payments.push({ amount: e.amount, paidAt: e.paidAt, receipt: e.receipt, recordedAt: meta.at, ...(e.collector ? { collector: e.collector } : {}) });
      s.amountPaid = e.totalPaid;
      if (e.surchargeAccrued !== undefined) {
        const ex = executionOf(s);
        ex.surchargeAccrued = e.surchargeAccrued;
        ex.surchargePaid = e.surchargePaid ?? 0;
      }
      // The payment period is for the decision's amount; a surcharge left after it is collected by demand.
      if (fen(e.totalPaid) >= fen(e.amountDue)) meetDeadline(s, 'payment', e.paidAt);
      else if (s.execution?.plan) armPlanDate(s, meta, e.totalPaid);
      if (e.paidInFull) {
        // Paid in full during a transfer proposed after service: the case returns to EXECUTED if the transfer ends there.
        if (inTransferAfterService(s)) s.statusBeforeTransfer = 'EXECUTED';
        else s.status = 'EXECUTED';
        s.executedAt = e.paidAt;
        meetDeadline(s, 'payment', e.paidAt);
        cancelDeadline(s, 'courtEnforcement', e.paidAt);
        completed(s, e.paidAt, meta);
      }
    },
    PAYMENT_PLAN_APPROVED: (s, e, meta) => {
      executionOf(s).plan = {
        kind: e.kind,
        instalments: e.instalments.map((i) => ({ ...i, payBy: payBy(meta.at, i.dueDate, meta.policy) })),
        reason: e.reason,
        approvedBy: e.approvedBy,
        approvedAt: meta.at,
        paidBefore: e.paidBefore,
        replacedDueDate: e.replacedDueDate,
      };
      armPlanDate(s, meta, s.amountPaid);
    },
  },
  CODES,
);
