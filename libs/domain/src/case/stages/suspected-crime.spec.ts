import { CaseRunner, commands as C, people, scenario } from '../../testing/case-fixtures';
import { testPolicy } from '../../testing/test-policy';
import type { DecideResult } from '../decide';
import type { CaseCommand } from '../case-commands';

const { officerA: A, head: H, reviewer: R } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

/** A filed case of fake or substandard products (the test policy's threshold: sales ≥ ¥50,000). */
function productCase(rulesBefore?: Parameters<typeof scenario>[2]): CaseRunner {
  const r = new CaseRunner(testPolicy(), undefined, rulesBefore);
  r.exec(C.registerOrdinary({ violationCode: 'PRODUCT-FAKE' }), A);
  r.exec(C.approveFiling(), H);
  r.exec(C.evidence(1, r.now), A);
  return r;
}

const reportWithSales = (sales: number): CaseCommand =>
  C.report({ legalBasis: '《产品质量法》第五十条', circumstanceLevel: 'GENERAL', discretionReasons: undefined, discretionBases: [{ kind: 'SALES', value: sales }] });

/** From the report to the point where only the decision is left. */
function throughPreDecision(r: CaseRunner): void {
  r.exec(C.review(), R);
  r.exec(C.approveNotice(), H);
  r.exec(C.notice(r.now), A);
  r.exec(C.defence({ hearingWaived: true }), A);
}

describe('the suspected-crime flag (R310 3, 11)', () => {
  it('a report whose sales reach the prosecution threshold flags the case and records the threshold met', () => {
    const r = productCase();
    const [e] = r.exec(reportWithSales(50000), A);
    expect(e).toMatchObject({ type: 'INVESTIGATION_REPORTED', criminalThresholds: [{ kind: 'SALES', value: 50000, amount: 50000, inclusive: true, from: 'REPORT' }] });
    expect(r.s.flags).toContain('SUSPECTED_CRIME');
    expect(r.s.suspicion).toMatchObject({ raisedBy: 'THRESHOLD', thresholdsMet: [{ kind: 'SALES', value: 50000 }] });
    expect(r.s.suspicion?.grounds).toContain('追诉标准');
    throughPreDecision(r);
    expect(rejected(r.try(C.decide(), H))).toMatchObject({ code: 'CASE.SUSPECTED_CRIME_UNRESOLVED', status: 409 });
  });

  it('sales below the threshold, or another violation code, raise nothing', () => {
    const below = productCase();
    const [e] = below.exec(reportWithSales(49999.99), A);
    expect(e).not.toHaveProperty('criminalThresholds');
    expect(below.s.suspectedCrime).toBe(false);
    const food = scenario('FILED');
    food.exec(C.report({ discretionBases: [{ kind: 'GOODS_VALUE', value: 3000 }, { kind: 'SALES', value: 900000 }] }), A);
    expect(food.s.suspectedCrime).toBe(false);
  });

  it('a report recorded before the rule change replays without the flag', () => {
    const r = productCase('criminal-thresholds');
    const [e] = r.exec(reportWithSales(80000), A);
    expect(e).not.toHaveProperty('criminalThresholds');
    expect(r.s.suspectedCrime).toBe(false);
  });

  it('a head decides, with reasons, not to transfer: the flag clears, the decision is listed, and the penalty may be decided', () => {
    const r = productCase();
    r.exec(reportWithSales(62000), A);
    throughPreDecision(r);
    expect(rejected(r.try(C.decideNotToTransfer(), A)).code).toBe('AUTH.ROLE_NOT_ALLOWED');
    expect(rejected(r.try({ type: 'DECIDE_NOT_TO_TRANSFER', reasons: ' ' }, H))).toMatchObject({ code: 'VALIDATION.FAILED', status: 400 });
    const [e] = r.exec(C.decideNotToTransfer(), H);
    expect(e).toMatchObject({ type: 'NOT_TO_TRANSFER_DECIDED', by: { userId: H.userId } });
    expect(r.s.flags).not.toContain('SUSPECTED_CRIME');
    expect(r.s.noTransferDecisions).toEqual([
      expect.objectContaining({ reasons: C.decideNotToTransfer().reasons, suspicion: expect.objectContaining({ raisedBy: 'THRESHOLD' }) }),
    ]);
    expect(rejected(r.try(C.decideNotToTransfer(), H))).toMatchObject({ code: 'SUSPECTED_CRIME.NOT_FLAGGED', status: 409 });
    expect(r.try(C.decide(), H).ok).toBe(true);
  });

  it('an officer flags the case with grounds; the flag blocks the decision until a head decides', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    throughPreDecision(r);
    expect(r.try(C.decide(), H).ok).toBe(true);
    expect(rejected(r.try(C.flagSuspectedCrime(), H)).code).toBe('AUTH.ROLE_NOT_ALLOWED');
    expect(rejected(r.try({ type: 'FLAG_SUSPECTED_CRIME', grounds: '' }, A)).code).toBe('VALIDATION.FAILED');
    r.exec(C.flagSuspectedCrime(), A);
    expect(r.s.suspicion).toMatchObject({ raisedBy: 'OFFICER', grounds: C.flagSuspectedCrime().grounds, threshold: C.flagSuspectedCrime().threshold, by: { userId: A.userId } });
    expect(rejected(r.try(C.flagSuspectedCrime(), A))).toMatchObject({ code: 'SUSPECTED_CRIME.ALREADY_FLAGGED', status: 409 });
    expect(rejected(r.try(C.decide(), H)).code).toBe('CASE.SUSPECTED_CRIME_UNRESOLVED');
    r.exec(C.decideNotToTransfer(), H);
    expect(r.try(C.decide(), H).ok).toBe(true);
  });

  it('a flagged case may still be proposed for transfer; the transfer made clears the flag', () => {
    const r = scenario('FILED');
    r.exec(C.flagSuspectedCrime(), A);
    r.exec(C.proposeTransfer(), A);
    // While a transfer is proposed the head answers on the proposal, not here.
    expect(rejected(r.try(C.decideNotToTransfer(), H)).code).toBe('CASE.TRANSITION_NOT_ALLOWED');
    r.exec(C.approveTransfer(), H);
    r.exec(C.dispatchTransfer(r.now), A);
    expect(r.s.suspectedCrime).toBe(false);
  });

  it('not once the case is decided', () => {
    const r = scenario('DECIDED');
    expect(rejected(r.try(C.flagSuspectedCrime(), A)).code).toBe('CASE.TRANSITION_NOT_ALLOWED');
  });
});

describe('amounts an evidence item states', () => {
  it('sales on an item reaching the threshold flag the case, naming the item', () => {
    const r = productCase();
    const [e] = r.exec({ ...C.evidence(2, r.now), amounts: [{ kind: 'SALES', value: 75000, note: 'sales ledger' }] }, A);
    expect(e).toMatchObject({ type: 'EVIDENCE_RECORDED', amounts: [{ kind: 'SALES', value: 75000, note: 'sales ledger' }], criminalThresholds: [{ kind: 'SALES', from: 'EVIDENCE', evidenceId: 'ev-2' }] });
    expect(r.s.evidence.at(-1)?.amounts).toEqual([{ kind: 'SALES', value: 75000, note: 'sales ledger' }]);
    expect(r.s.suspicion).toMatchObject({ raisedBy: 'THRESHOLD', thresholdsMet: [{ evidenceId: 'ev-2', value: 75000 }] });
  });

  it('amounts below it are recorded and raise nothing; malformed amounts are refused with 400', () => {
    const r = productCase();
    r.exec({ ...C.evidence(2, r.now), amounts: [{ kind: 'SALES', value: 1000 }] }, A);
    expect(r.s.suspectedCrime).toBe(false);
    const bad = rejected(r.try({ ...C.evidence(3, r.now), amounts: [{ kind: 'WEIGHT', value: -1 }] } as unknown as CaseCommand, A));
    expect(bad).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
  });
});
