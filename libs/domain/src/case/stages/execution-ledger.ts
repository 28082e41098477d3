// The execution ledger (履行台账): what the party owes and has paid on a
// served decision at a given instant, by the decision's amount (fine and
// confiscated gains) and the late surcharge (加处罚款). Pure: the same state
// and instant always give the same ledger.
//
// The surcharge (APL 72 (1)): 3 % of the fine for each calendar day the fine
// stays unpaid after the last day of the payment period, never more than the
// fine itself. Not counted:
// - during an approved deferral or instalment plan kept to (APL 66): a day
//   accrues only when a date of the plan in force that day has passed unpaid;
// - while a reconsideration or lawsuit is pending (APL 73 ¶3: 加处罚款的数额
//   在行政复议或者行政诉讼期间不予计算) — from the day it is filed up to the
//   day before it is decided;
// - from the day execution ends (终结执行, ACL 40).
// The base is the fine as decided (APL 72 says 罚款数额), not confiscated
// gains; the total is rounded down to the fen, never up.
//
// Payments go to the decision's amount first, the surcharge after: the
// surcharge runs only while the fine is unpaid, so this order stops it
// soonest, which favours the party; no statute orders otherwise, and ACL 45
// makes the surcharge an accessory of the unpaid money.

import { localDate } from '../../calendar';
import type { CaseState } from '../case-state';
import { fen, ms } from '../rules/validation';
import { challengePending } from './shared';

export interface ExecutionLedger {
  asOf: string;
  /** The base of the surcharge, yuan. */
  fine: number;
  /** The decision's amount due (fine and confiscated gains), yuan. */
  amountDue: number;
  /** Local last day of the payment period in force at `asOf` (the plan's next date once one is approved). */
  dueDate?: string;
  /** Days on which the surcharge accrued. */
  surchargeDays: number;
  surchargeAccrued: number;
  /** The surcharge reached the fine (APL 72 (1)). */
  capped: boolean;
  /** The next day adds surcharge if nothing changes. */
  accruing: boolean;
  paidOnDecision: number;
  paidOnSurcharge: number;
  outstandingOnDecision: number;
  outstandingSurcharge: number;
  outstanding: number;
}

const DAY = 86_400_000;

/** Day number of a local YYYY-MM-DD. */
function dayOf(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
}

function dateOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** One date of a schedule: by the end of `day` the cumulative paid on the decision must reach `cum` (fen). */
interface ScheduleDate {
  day: number;
  cum: number;
}

/** The dates the party is held to on day d: the plan's from the day it was approved, the payment period's before. */
function schedules(s: CaseState, due: number, tz: string): { original: ScheduleDate[]; plan?: { from: number; dates: ScheduleDate[] } } | undefined {
  const plan = s.execution?.plan;
  const originalDate = plan?.replacedDueDate ?? s.deadlines.payment?.basis.dueDate;
  if (!originalDate) return undefined;
  const original = [{ day: dayOf(originalDate), cum: due }];
  if (!plan) return { original };
  let cum = fen(plan.paidBefore);
  const dates = plan.instalments.map((i) => ({ day: dayOf(i.payBy ?? i.dueDate), cum: (cum += fen(i.amount)) }));
  return { original, plan: { from: dayOf(localDate(plan.approvedAt, tz)), dates } };
}

/** The ledger of `s` at the instant `asOf`, days counted in `timeZone`. */
export function executionLedger(s: CaseState, asOf: string, timeZone: string): ExecutionLedger {
  const due = fen(s.decision?.amountDue ?? 0);
  // The fine in force: as a reconsideration or court varied it, else as decided (a revoked decision has nothing due, so nothing accrues).
  const fine = fen((s.decision?.varied?.penalty ?? s.decision?.penalty)?.fineAmount ?? 0);
  const payments = s.payments.filter((p) => ms(p.paidAt) <= ms(asOf)).map((p) => ({ day: dayOf(localDate(p.paidAt, timeZone)), fen: fen(p.amount) }));
  const paidTotal = payments.reduce((a, p) => a + p.fen, 0);
  const paidBefore = (d: number): number => payments.reduce((a, p) => (p.day < d ? a + p.fen : a), 0);
  const today = dayOf(localDate(asOf, timeZone));
  const sched = schedules(s, due, timeZone);
  const endedDay = s.execution?.ended ? dayOf(localDate(s.execution.ended.at, timeZone)) : Infinity;
  const challenges = s.challenges.map((c) => ({
    from: dayOf(localDate(c.filedAt, timeZone)),
    to: c.decidedAt !== undefined ? dayOf(localDate(c.decidedAt, timeZone)) : Infinity,
  }));

  const scheduleOn = (d: number): ScheduleDate[] => (sched?.plan && d >= sched.plan.from ? sched.plan.dates : (sched?.original ?? []));
  const accrues = (d: number): boolean => {
    if (d >= endedDay || challenges.some((c) => c.from <= d && d < c.to)) return false;
    const paid = paidBefore(d);
    return scheduleOn(d).some((x) => x.day < d && paid < x.cum);
  };

  let days = 0;
  let surcharge = 0;
  let capped = false;
  if (sched && fine > 0) {
    const first = Math.min(...sched.original.map((x) => x.day), ...(sched.plan?.dates.map((x) => x.day) ?? []));
    for (let d = first + 1; d <= today && d < endedDay; d++) {
      if (paidBefore(d) >= due) break;
      if (!accrues(d)) continue;
      days++;
      surcharge = Math.floor((fine * 3 * days) / 100);
      if (surcharge >= fine) {
        surcharge = fine;
        capped = true;
        break;
      }
    }
  }

  const onDecision = Math.min(paidTotal, due);
  const onSurcharge = Math.min(paidTotal - onDecision, surcharge);
  const current = scheduleOn(today).find((x) => paidTotal < x.cum);
  const ledger: ExecutionLedger = {
    asOf,
    fine: fine / 100,
    amountDue: due / 100,
    surchargeDays: days,
    surchargeAccrued: surcharge / 100,
    capped,
    accruing: fine > 0 && !capped && paidTotal < due && !challengePending(s) && accrues(today + 1),
    paidOnDecision: onDecision / 100,
    paidOnSurcharge: onSurcharge / 100,
    outstandingOnDecision: (due - onDecision) / 100,
    outstandingSurcharge: (surcharge - onSurcharge) / 100,
    outstanding: (due - onDecision + surcharge - onSurcharge) / 100,
  };
  if (current) ledger.dueDate = dateOf(current.day);
  return ledger;
}

/** Surcharge still owed once the decision's amount is paid (accrual has then stopped): known without a clock. */
export function surchargeOwed(s: CaseState): number {
  const ex = s.execution;
  return ex ? (fen(ex.surchargeAccrued) - fen(ex.surchargePaid)) / 100 : 0;
}
