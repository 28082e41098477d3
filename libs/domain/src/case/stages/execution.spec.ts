// Execution: the surcharge ledger (APL 72, 73), payment plans (APL 66), the
// collector of each payment (APL 67), demand and court enforcement (ACL 53–54)
// and the end of execution (ACL 40).

import type { CaseDeadline, CaseState } from '../case-state';
import type { DecideResult } from '../decide';
import { CaseRunner, commands as C, DAY, people, plus, scenario, SYSTEM } from '../../testing/case-fixtures';
import { executionLedger } from './execution-ledger';
import { addMonths } from './enforcement';
import { tasksFor } from '../tasks';

const A = people.officerA;
const H = people.head;
const TZ = 'Asia/Shanghai';

function rejected(d: DecideResult) {
  if (d.ok) throw new Error('expected a rejection');
  return d.rejection;
}

/** A served case (fine ¥50,000 and ¥2,000 confiscated) whose payment period ends on the local date `dueDate`. */
function servedDueOn(dueDate: string): CaseState {
  const s = scenario('SERVED').s;
  s.deadlines.payment!.basis.dueDate = dueDate;
  return s;
}

describe('the surcharge ledger (APL 72 (1))', () => {
  it('accrues 3 % of the fine a calendar day from the day after the period, across a month end and the May Day holiday', () => {
    const s = servedDueOn('2026-04-28');
    // 29, 30 April and 1–3 May (holidays count: the surcharge runs in calendar days). 3 May 04:00 in Shanghai is 2 May 20:00 UTC.
    const l = executionLedger(s, '2026-05-02T20:00:00.000Z', TZ);
    expect(l).toMatchObject({ fine: 50000, amountDue: 52000, surchargeDays: 5, surchargeAccrued: 7500, capped: false, accruing: true, outstanding: 59500 });
    // On the last day of the period nothing has accrued yet.
    expect(executionLedger(s, '2026-04-28T15:00:00.000Z', TZ)).toMatchObject({ surchargeDays: 0, surchargeAccrued: 0, accruing: true });
  });

  it('stops at the fine itself', () => {
    const s = servedDueOn('2026-04-28');
    // 33 days: 99 %; the 34th would pass the fine.
    expect(executionLedger(s, '2026-05-31T04:00:00.000Z', TZ)).toMatchObject({ surchargeDays: 33, surchargeAccrued: 49500, capped: false });
    expect(executionLedger(s, '2026-06-01T04:00:00.000Z', TZ)).toMatchObject({ surchargeDays: 34, surchargeAccrued: 50000, capped: true, accruing: false });
    expect(executionLedger(s, '2027-06-01T04:00:00.000Z', TZ)).toMatchObject({ surchargeAccrued: 50000, outstanding: 102000 });
  });

  it('rounds down to the fen, and takes the fine (not confiscated gains) as its base', () => {
    const s = servedDueOn('2026-04-28');
    s.decision!.penalty = { kinds: ['FINE', 'CONFISCATION'], fineAmount: 333.33, confiscationAmount: 100 };
    s.decision!.amountDue = 433.33;
    // 3 days × 3 % × ¥333.33 = ¥29.9997 → ¥29.99.
    expect(executionLedger(s, '2026-05-01T04:00:00.000Z', TZ)).toMatchObject({ surchargeDays: 3, surchargeAccrued: 29.99 });
    s.decision!.penalty = { kinds: ['CONFISCATION'], confiscationAmount: 100 };
    s.decision!.amountDue = 100;
    expect(executionLedger(s, '2026-05-20T04:00:00.000Z', TZ)).toMatchObject({ surchargeAccrued: 0, accruing: false, outstanding: 100 });
  });

  it('is not counted while a reconsideration or lawsuit is pending (APL 73)', () => {
    const s = servedDueOn('2026-04-28');
    // Filed 30 April, decided 2 May: 30 April and 1 May are not counted.
    s.challenges = [{ challengeId: 'c1', kind: 'RECONSIDERATION', filedAt: '2026-04-30T02:00:00.000Z', body: '长治市人民政府', decidedAt: '2026-05-02T02:00:00.000Z', result: 'UPHELD' }];
    expect(executionLedger(s, '2026-05-03T04:00:00.000Z', TZ)).toMatchObject({ surchargeDays: 3, surchargeAccrued: 4500 });
    // Still pending: nothing accrues from its filing on.
    s.challenges = [{ challengeId: 'c1', kind: 'LITIGATION', filedAt: '2026-04-30T02:00:00.000Z', body: '潞州区人民法院' }];
    expect(executionLedger(s, '2026-06-30T04:00:00.000Z', TZ)).toMatchObject({ surchargeDays: 1, surchargeAccrued: 1500, accruing: false });
  });

  it('allocates payments to the decision first, then to the surcharge; accrual stops on the day the decision is paid', () => {
    const s = servedDueOn('2026-04-28');
    s.payments = [{ amount: 52000, paidAt: '2026-05-03T02:00:00.000Z', receipt: 'r1', recordedAt: '2026-05-03T02:00:00.000Z' }];
    const l = executionLedger(s, '2026-06-30T04:00:00.000Z', TZ);
    expect(l).toMatchObject({ surchargeDays: 5, surchargeAccrued: 7500, paidOnDecision: 52000, paidOnSurcharge: 0, outstandingOnDecision: 0, outstandingSurcharge: 7500, accruing: false });
    s.payments.push({ amount: 7000, paidAt: '2026-05-04T02:00:00.000Z', receipt: 'r2', recordedAt: '2026-05-04T02:00:00.000Z' });
    expect(executionLedger(s, '2026-06-30T04:00:00.000Z', TZ)).toMatchObject({ paidOnSurcharge: 7000, outstandingSurcharge: 500, outstanding: 500 });
  });
});

describe('payment plans (APL 66)', () => {
  it('a deferral approved by the head moves the payment deadline: no PAYMENT_OVERDUE and no surcharge while it is kept to', () => {
    const r = scenario('SERVED');
    r.at('2026-03-18T00:00:00.000Z').exec(C.escalation('payment'), SYSTEM);
    expect(r.s.flags).toContain('PAYMENT_OVERDUE');
    expect(rejected(r.try(C.paymentPlan(r.now), A)).code).toBe('AUTH.ROLE_NOT_ALLOWED');
    r.at('2026-03-20T02:00:00.000Z').exec(C.paymentPlan('2026-03-20T02:00:00.000Z'), H);
    expect(r.s.execution?.plan).toMatchObject({ kind: 'DEFERRAL', replacedDueDate: '2026-03-17', paidBefore: 0 });
    expect(r.s.deadlines.payment).toMatchObject({ state: 'OPEN', owner: 'PARTY' });
    expect(r.s.deadlines.payment!.basis.dueDate).toBe('2026-05-19');
    expect(r.s.flags).not.toContain('PAYMENT_OVERDUE');
    // 18 and 19 March (before the approval) accrued; the deferral does not.
    expect(executionLedger(r.s, '2026-05-19T04:00:00.000Z', TZ)).toMatchObject({ surchargeDays: 2, surchargeAccrued: 3000, dueDate: '2026-05-19' });
    // One plan: another is refused.
    expect(rejected(r.try(C.paymentPlan(r.now), H))).toMatchObject({ code: 'PAYMENT.PLAN_EXISTS', status: 409 });
  });

  it('instalments: the deadline follows the next unpaid date; a missed date raises PAYMENT_OVERDUE and surcharge from the day after it', () => {
    const r = scenario('SERVED');
    r.at('2026-03-05T02:00:00.000Z').exec(
      { type: 'APPROVE_PAYMENT_PLAN', kind: 'INSTALMENTS', reason: '分期缴纳', instalments: [{ dueDate: '2026-04-10', amount: 26000 }, { dueDate: '2026-05-11', amount: 26000 }] },
      H,
    );
    expect(r.s.deadlines.payment!.basis.dueDate).toBe('2026-04-10');
    r.at('2026-04-09T02:00:00.000Z').exec(C.pay(26000, '2026-04-09T02:00:00.000Z'), A);
    expect(r.status).toBe('SERVED');
    expect(r.s.deadlines.payment).toMatchObject({ state: 'OPEN' });
    expect(r.s.deadlines.payment!.basis.dueDate).toBe('2026-05-11');
    r.at('2026-05-12T00:00:00.000Z').exec(C.escalation('payment'), SYSTEM);
    expect(r.s.flags).toContain('PAYMENT_OVERDUE');
    // The original period (17 March) passed while the plan was kept to: only 12–14 May count.
    const l = executionLedger(r.s, '2026-05-14T04:00:00.000Z', TZ);
    expect(l).toMatchObject({ surchargeDays: 3, surchargeAccrued: 4500, outstanding: 30500 });
    r.at('2026-05-14T04:00:00.000Z').exec(C.pay(30500, '2026-05-14T04:00:00.000Z'), A);
    expect(r.status).toBe('EXECUTED');
    expect(r.s.flags).not.toContain('PAYMENT_OVERDUE');
  });

  it('a plan date on a day off is met on the next working day (MSA 80), in the deadline and the ledger alike', () => {
    const r = scenario('SERVED');
    r.at('2026-03-05T02:00:00.000Z').exec({ type: 'APPROVE_PAYMENT_PLAN', kind: 'DEFERRAL', reason: '暂缓', instalments: [{ dueDate: '2026-05-17', amount: 52000 }] }, H);
    expect(r.s.deadlines.payment!.basis).toMatchObject({ dueDate: '2026-05-18', rolledForwardFrom: '2026-05-17' });
    expect(executionLedger(r.s, '2026-05-18T12:00:00.000Z', TZ)).toMatchObject({ surchargeDays: 0, dueDate: '2026-05-18' });
    expect(executionLedger(r.s, '2026-05-19T12:00:00.000Z', TZ)).toMatchObject({ surchargeDays: 1, surchargeAccrued: 1500 });
  });

  it('refuses dates not after today and amounts that do not add up to what is outstanding', () => {
    const r = scenario('SERVED');
    const plan = (instalments: { dueDate: string; amount: number }[], kind: 'DEFERRAL' | 'INSTALMENTS' = 'INSTALMENTS') => r.try({ type: 'APPROVE_PAYMENT_PLAN', kind, reason: 'x', instalments }, H);
    expect(rejected(plan([{ dueDate: '2026-03-02', amount: 52000 }], 'DEFERRAL'))).toMatchObject({ code: 'PAYMENT.PLAN_DATES_INVALID', status: 422 });
    expect(rejected(plan([{ dueDate: '2026-05-01', amount: 1 }, { dueDate: '2026-04-01', amount: 51999 }]))).toMatchObject({ code: 'PAYMENT.PLAN_DATES_INVALID' });
    expect(rejected(plan([{ dueDate: '2026-04-01', amount: 2000 }, { dueDate: '2026-05-01', amount: 2000 }]))).toMatchObject({ code: 'PAYMENT.PLAN_SUM_MISMATCH', status: 422 });
    expect(rejected(plan([{ dueDate: '2026-04-01', amount: 26000 }, { dueDate: '2026-05-01', amount: 26000 }], 'DEFERRAL'))).toMatchObject({ code: 'VALIDATION.FAILED', status: 400 });
    expect(plan([{ dueDate: '2026-04-01', amount: 26000 }, { dueDate: '2026-05-01', amount: 26000 }]).ok).toBe(true);
  });
});

describe('payments (APL 67, 72)', () => {
  it('accepts the decision plus the surcharge accrued, refuses a fen more', () => {
    const r = scenario('SERVED');
    r.at('2026-03-18T00:00:00.000Z').exec(C.escalation('payment'), SYSTEM);
    // 18–20 March: 3 days × ¥1,500.
    r.at('2026-03-20T04:00:00.000Z');
    const over = rejected(r.try(C.pay(56500.01, r.now), A));
    expect(over).toMatchObject({ code: 'PAYMENT.EXCEEDS_AMOUNT_DUE', status: 422 });
    expect(over.reasonZh).toContain('加处罚款');
    r.exec(C.pay(56500, r.now), A);
    expect(r.status).toBe('EXECUTED');
    expect(r.s.execution).toMatchObject({ surchargeAccrued: 4500, surchargePaid: 4500 });
    expect(r.s.payments[0].collector).toEqual({ kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' });
  });

  it('names its collector; the deciding agency collects only on the spot (APL 67–69)', () => {
    const r = scenario('SERVED');
    const bare = { type: 'RECORD_PAYMENT' as const, amount: 100, paidAt: r.now, receipt: 'r' };
    expect(rejected(r.try(bare, A))).toMatchObject({ code: 'VALIDATION.FAILED', errors: [expect.objectContaining({ field: 'collector' })] });
    expect(rejected(r.try({ ...bare, collector: { kind: 'ON_THE_SPOT', name: '张伟' } }, A))).toMatchObject({ code: 'PAYMENT.SELF_COLLECTION', status: 422 });
    const simple = scenario('SIMPLE:SERVED');
    expect(simple.try({ ...bare, paidAt: simple.now, collector: { kind: 'ON_THE_SPOT', name: '张伟' } }, A).ok).toBe(true);
  });

  it('replays a payment recorded before the rule change without a collector', () => {
    const r = scenario('SERVED');
    const legacy = new CaseRunner(r.policy, r.now, 'execution-ledger');
    legacy.state = r.s;
    legacy.exec({ type: 'RECORD_PAYMENT', amount: 52000, paidAt: r.now, receipt: 'old' }, A);
    expect(legacy.status).toBe('EXECUTED');
    expect(legacy.s.execution).toBeUndefined();
  });
});

describe('demand and court enforcement (ACL 53–54)', () => {
  function windows(s: CaseState, closeAt: string): void {
    const d = { ...s.deadlines.payment!, kind: 'litigationWindow', dueAt: closeAt, state: 'OPEN' } as CaseDeadline;
    s.deadlines.reconsiderationWindow = { ...d, kind: 'reconsiderationWindow', dueAt: plus(closeAt, -30 * DAY) };
    s.deadlines.litigationWindow = d;
  }

  it('demand after the period, the court 10 working days after it and after the challenge windows, within 3 months', () => {
    const r = scenario('SERVED');
    expect(rejected(r.try(C.demand(r.now), A))).toMatchObject({ code: 'ENFORCEMENT.NOT_OVERDUE', status: 409 });
    r.at('2026-03-18T00:00:00.000Z').exec(C.escalation('payment'), SYSTEM);
    expect(rejected(r.try(C.demand('2026-03-10T02:00:00.000Z'), A))).toMatchObject({ code: 'ENFORCEMENT.DEMAND_TOO_EARLY', status: 422 });
    expect(rejected(r.try(C.applyCourt(r.now), H))).toMatchObject({ code: 'ENFORCEMENT.NO_DEMAND', status: 409 });
    windows(r.s, '2026-04-30T15:59:59.999Z');
    r.at('2026-03-19T02:00:00.000Z').exec(C.demand('2026-03-19T02:00:00.000Z'), A);
    // 10 working days from 19 March: 20, 23–27, 30, 31 March, 1, 2 April.
    expect(r.s.execution!.demand!.waitEndsAt).toBe('2026-04-02T15:59:59.999Z');
    // ACL 53: three months from the close of the windows (30 April) → 30 July.
    expect(r.s.deadlines.courtEnforcement).toMatchObject({ state: 'OPEN', owner: 'AGENCY' });
    expect(r.s.deadlines.courtEnforcement!.basis.dueDate).toBe('2026-07-30');
    r.at('2026-04-02T04:00:00.000Z');
    expect(rejected(r.try(C.applyCourt(r.now), H))).toMatchObject({ code: 'ENFORCEMENT.DEMAND_PERIOD_RUNNING', status: 422 });
    r.at('2026-04-20T04:00:00.000Z');
    expect(rejected(r.try(C.applyCourt(r.now), H))).toMatchObject({ code: 'ENFORCEMENT.CHALLENGE_WINDOWS_OPEN', status: 422 });
    r.at('2026-07-31T04:00:00.000Z');
    expect(rejected(r.try(C.applyCourt(r.now), H))).toMatchObject({ code: 'ENFORCEMENT.APPLICATION_LATE', status: 422 });
    r.at('2026-05-06T04:00:00.000Z');
    r.s.challenges = [{ challengeId: 'c1', kind: 'LITIGATION', filedAt: '2026-04-01T02:00:00.000Z', body: '潞州区人民法院' }];
    expect(rejected(r.try(C.applyCourt(r.now), H))).toMatchObject({ code: 'ENFORCEMENT.CHALLENGE_PENDING', status: 409 });
    r.s.challenges[0].result = 'UPHELD';
    r.s.challenges[0].decidedAt = '2026-05-01T02:00:00.000Z';
    expect(rejected(r.try(C.applyCourt(r.now), A)).code).toBe('AUTH.ROLE_NOT_ALLOWED');
    r.exec(C.applyCourt(r.now), H);
    expect(r.s.deadlines.courtEnforcement).toMatchObject({ state: 'MET' });
    expect(rejected(r.try(C.applyCourt(r.now), H))).toMatchObject({ code: 'ENFORCEMENT.ALREADY_APPLIED' });
    r.exec(C.courtRuling(r.now, 'ACCEPTED'), A);
    r.exec(C.courtRuling(r.now, 'ENFORCED'), A);
    expect(r.status).toBe('EXECUTED');
    expect(r.s.deadlines.closure).toMatchObject({ state: 'OPEN' });
    expect(r.s.flags).not.toContain('PAYMENT_OVERDUE');
  });

  it('without armed windows, they are taken to close 6 months after service (ALL 46)', () => {
    const r = scenario('SERVED');
    r.at('2026-03-18T00:00:00.000Z').exec(C.escalation('payment'), SYSTEM);
    r.exec(C.demand(r.now), A);
    // Served 2 March: windows close 2 September, the court is applied to by 2 December.
    expect(r.s.deadlines.courtEnforcement!.basis.dueDate).toBe('2026-12-02');
    r.at('2026-09-02T04:00:00.000Z');
    expect(rejected(r.try(C.applyCourt(r.now), H)).code).toBe('ENFORCEMENT.CHALLENGE_WINDOWS_OPEN');
    r.at('2026-09-03T04:00:00.000Z');
    expect(r.try(C.applyCourt(r.now), H).ok).toBe(true);
  });

  it("waits for the head to apply to the court, against the courtEnforcement limit; a plan or the end of execution waits for no one", () => {
    const r = scenario('SERVED');
    expect(tasksFor(r.s, H, { now: r.now, policy: r.policy })).toEqual([]);
    r.at('2026-03-18T00:00:00.000Z').exec(C.escalation('payment'), SYSTEM);
    expect(tasksFor(r.s, A, { now: r.now, policy: r.policy }).map((t) => t.action)).toContain('enforcement/demand');
    r.exec(C.demand(r.now), A);
    expect(tasksFor(r.s, H, { now: r.now, policy: r.policy })).toEqual([
      { action: 'enforcement/court', deadline: 'courtEnforcement', dueAt: r.s.deadlines.courtEnforcement!.dueAt, source: expect.stringContaining('ACL 53') },
    ]);
  });

  it('counts months as the civil code does', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-11-29', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
  });
});

describe('the end of execution (ACL 40)', () => {
  it('a head ends execution of an uncollectable fine with the reason; the case can then be closed', () => {
    const r = scenario('SERVED');
    expect(rejected(r.try(C.close(), H))).toMatchObject({ code: 'CASE.PAYMENT_OUTSTANDING', status: 409 });
    expect(rejected(r.try(C.endExecution(r.now), A)).code).toBe('AUTH.ROLE_NOT_ALLOWED');
    r.at('2026-03-18T00:00:00.000Z').exec(C.escalation('payment'), SYSTEM);
    r.at('2026-03-20T04:00:00.000Z').exec(C.endExecution(r.now), H);
    expect(r.s.execution!.ended).toMatchObject({ reason: 'ORGANISATION_DISSOLVED_NO_ASSETS', unpaid: 56500 });
    expect(r.s.deadlines.payment).toMatchObject({ state: 'CANCELLED' });
    expect(r.s.deadlines.closure).toMatchObject({ state: 'OPEN' });
    expect(r.s.flags).not.toContain('PAYMENT_OVERDUE');
    expect(rejected(r.try(C.pay(1, r.now), A)).code).toBe('PAYMENT.NOTHING_DUE');
    expect(rejected(r.try(C.endExecution(r.now), H)).code).toBe('ENFORCEMENT.NOTHING_TO_END');
    r.exec(C.close(), H);
    expect(r.status).toBe('CLOSED');
  });

  it('a surcharge left after a late payment keeps the case open until paid or ended', () => {
    const r = scenario('SERVED');
    r.at('2026-03-18T00:00:00.000Z').exec(C.escalation('payment'), SYSTEM);
    r.at('2026-03-19T04:00:00.000Z').exec(C.pay(52000, r.now), A);
    expect(r.status).toBe('SERVED');
    expect(rejected(r.try(C.close(), H))).toMatchObject({ code: 'CASE.PAYMENT_OUTSTANDING', status: 409 });
    // The demand may be served for the surcharge.
    expect(r.try(C.demand(r.now), A).ok).toBe(true);
    r.exec(C.pay(3000, r.now), A);
    expect(r.status).toBe('EXECUTED');
  });
});
