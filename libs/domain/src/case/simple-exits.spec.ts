// The exits of a simple-procedure lead (APL 33, 36, 44–45, 51–52): converted
// to the ordinary procedure as the same case, decided without penalty on the
// spot, or closed as no violation; and what the on-the-spot penalty now owes
// (limitation, the party's statement and defence).

import { decide } from './decide';
import type { DecideResult } from './decide';
import { CaseRunner, commands as C, people, SYSTEM, archived } from '../testing/case-fixtures';

const { officerA: A, officerB: B, head: H } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

function simpleLead(over: Parameters<typeof C.registerSimple>[0] = {}): CaseRunner {
  const r = new CaseRunner();
  r.exec(C.registerSimple(over), A);
  return r;
}

describe('a simple lead that does not qualify continues as the same case under the ordinary procedure', () => {
  it('a fine over the limit is refused with the conversion named; converting arms the filing limit from the discovery', () => {
    const r = simpleLead();
    const over = rejected(r.try(C.simpleDecide(r.now, { penalty: { kinds: ['FINE'], fineAmount: 500 } }), A));
    expect(over.code).toBe('CASE.SIMPLE_FINE_EXCEEDS_LIMIT');
    expect(over.reason).toContain('simple-conversion');
    expect(over.reasonZh).toContain('转为普通程序');
    expect(over.allowedActions).toEqual(expect.arrayContaining(['simple-conversion', 'simple-no-penalty', 'simple-dismissal']));

    const caseId = r.s.caseId;
    r.exec(C.convertToOrdinary(), A);
    expect(r.s).toMatchObject({ caseId, procedure: 'ORDINARY', status: 'LEAD_REGISTERED', conversion: { reason: 'the fine due exceeds the simple-procedure limit', by: { userId: A.userId } } });
    // Discovered Mon 2 Mar 2026 (not counted): 15 WD → Mon 23 Mar, as for a lead registered under the ordinary procedure.
    expect(r.s.deadlines.filingDecision).toMatchObject({ state: 'OPEN', dueAt: '2026-03-23T15:59:59.999Z' });

    // The same case goes on: filing by the head, with two officers.
    expect(rejected(r.try(C.simpleDecide(r.now), A)).code).toBe('CASE.TRANSITION_NOT_ALLOWED');
    r.exec(C.approveFiling({ officers: [A, B], violationAt: '2026-03-01' }), H);
    expect(r.s).toMatchObject({ caseId, status: 'FILED', procedure: 'ORDINARY' });
    expect(r.s.deadlines.filingDecision?.state).toBe('MET');
  });

  it('needs a reason, a simple lead, and a certified officer who is not auxiliary', () => {
    const r = simpleLead();
    expect(rejected(r.try({ type: 'CONVERT_TO_ORDINARY', reason: ' ' }, A))).toMatchObject({ code: 'VALIDATION.FAILED', status: 400 });
    expect(rejected(r.try(C.convertToOrdinary(), people.auxiliary)).code).toBe('CASE.AUXILIARY_CANNOT_DECIDE');
    r.exec(C.convertToOrdinary(), A);
    expect(rejected(r.try(C.convertToOrdinary(), A))).toMatchObject({ code: 'CASE.TRANSITION_NOT_ALLOWED', status: 409 });
  });
});

describe('no penalty on the spot (APL 33), then reported, closed and archived', () => {
  it('a first minor violation corrected at once: the no-penalty decision is served, reported and closed', () => {
    const r = simpleLead();
    r.exec(C.simpleNoPenalty(r.now), A);
    expect(r.s).toMatchObject({ status: 'SERVED', procedure: 'SIMPLE' });
    expect(r.s.decision).toMatchObject({ outcome: 'NO_PENALTY', simple: true, amountDue: 0, noPenalty: { ground: 'FIRST_MINOR_CORRECTED' } });
    expect(r.s.deadlines.payment).toBeUndefined();
    expect(r.s.deadlines.simpleReport?.state).toBe('OPEN');
    expect(r.s.deadlines.closure?.state).toBe('OPEN');
    expect(rejected(r.try(C.close(), H)).code).toBe('CASE.SIMPLE_NOT_REPORTED');
    r.exec(C.reportSimple(), A);
    r.exec(C.close(), H);
    archived(r);
    expect(r.status).toBe('ARCHIVED');
  });

  it('needs a known ground and a reason, and is served on the spot', () => {
    const r = simpleLead();
    const bad = rejected(r.try(C.simpleNoPenalty(r.now, { ground: 'SORRY' as never, reason: '' }), A));
    expect(bad.code).toBe('VALIDATION.FAILED');
    expect(bad.errors?.map((e) => e.field)).toEqual(['ground', 'reason']);
    const base = C.simpleNoPenalty(r.now);
    expect(rejected(r.try({ ...base, service: { ...base.service, method: 'POSTAL' } }, A)).code).toBe('SERVICE.METHOD_NOT_ALLOWED');
    expect(r.log).toHaveLength(1);
  });
});

describe('a lead that is no violation is closed (违法事实不成立)', () => {
  it('ends the lead; the head closes it and it is archived', () => {
    const r = simpleLead();
    r.exec(C.dismissSimpleLead(), A);
    expect(r.s).toMatchObject({ status: 'TERMINATED', dismissal: { reason: '违法事实不成立', by: { userId: A.userId } } });
    expect(r.s.decision).toBeUndefined();
    expect(r.s.deadlines.closure?.state).toBe('OPEN');
    // No on-the-spot decision: nothing to report before closing.
    r.exec(C.close(), H);
    archived(r);
    expect(r.status).toBe('ARCHIVED');
  });

  it('needs the facts found', () => {
    const r = simpleLead();
    expect(rejected(r.try({ type: 'DISMISS_SIMPLE_LEAD', reason: '违法事实不成立', facts: '' }, A)).errors?.map((e) => e.field)).toEqual(['facts']);
  });
});

describe('the on-the-spot penalty checks the limitation (APL 36)', () => {
  it('a violation discovered after two years is refused 422 with its dates, and the no-penalty exit named', () => {
    const r = simpleLead();
    const d = r.try(C.simpleDecide(r.now, { violationAt: '2024-03-01' }), A);
    const rej = rejected(d);
    expect(rej).toMatchObject({ code: 'CASE.LIMITATION_EXPIRED', status: 422, state: 'LEAD_REGISTERED' });
    expect(rej.reason).toContain('2-year limitation ended on 2026-03-01');
    expect(rej.reason).toContain('LIMITATION_EXPIRED');
    expect(rej.reasonZh).toContain('超过2年追责时效');
    expect(r.log).toHaveLength(1);
    // The lead leaves by the lawful exit instead.
    const byLimitation = { ground: 'LIMITATION_EXPIRED', reason: '违法行为发生于2024年3月1日，至发现时已超过二年', legalBasis: '《行政处罚法》第三十六条' } as const;
    expect(rejected(r.try(C.simpleNoPenalty(r.now, byLimitation), A)).errors?.map((e) => e.field)).toEqual(['violationAt']);
    r.exec(C.simpleNoPenalty(r.now, { ...byLimitation, violationAt: '2024-03-01' }), A);
    expect(r.s.decision?.noPenalty?.ground).toBe('LIMITATION_EXPIRED');
    expect(r.s.decision?.limitation).toMatchObject({ violationDate: '2024-03-01', lastDiscoveryDate: '2026-03-01', years: 2 });
  });

  it('the limitation is no ground for no penalty while it runs (422 with the dates)', () => {
    const r = simpleLead({ violationAt: '2024-03-02' });
    const rej = rejected(r.try(C.simpleNoPenalty(r.now, { ground: 'LIMITATION_EXPIRED' }), A));
    expect(rej).toMatchObject({ code: 'CASE.LIMITATION_NOT_EXPIRED', status: 422 });
    expect(rej.reason).toContain('it ends on 2026-03-02');
    expect(rej.reasonZh).toContain('未超过2年追责时效');
    expect(r.log).toHaveLength(1);
    // Five years where life, health or financial safety is involved.
    const lhf = simpleLead({ violationAt: '2022-03-05' });
    expect(rejected(lhf.try(C.simpleNoPenalty(lhf.now, { ground: 'LIMITATION_EXPIRED', lifeHealthFinancialSafety: true }), A)).code).toBe('CASE.LIMITATION_NOT_EXPIRED');
    expect(lhf.try(C.simpleNoPenalty(lhf.now, { ground: 'LIMITATION_EXPIRED' }), A).ok).toBe(true);
  });

  it('on the last day of the period it is still in time, and the check is recorded', () => {
    const r = simpleLead();
    r.exec(C.simpleDecide(r.now, { violationAt: '2024-03-02' }), A);
    expect(r.s.decision?.limitation).toMatchObject({ violationDate: '2024-03-02', discoveredDate: '2026-03-02', years: 2, lastDiscoveryDate: '2026-03-02', source: 'APL 36' });
  });

  it('five years where life, health or financial safety is involved', () => {
    const r = simpleLead();
    r.exec(C.simpleDecide(r.now, { violationAt: '2022-03-05', lifeHealthFinancialSafety: true }), A);
    expect(r.s.decision?.limitation).toMatchObject({ years: 5, lifeHealthFinancialSafety: true });
  });

  it('needs the violation date when registration did not give it', () => {
    const r = simpleLead();
    const cmd = C.simpleDecide(r.now);
    delete cmd.violationAt;
    expect(rejected(r.try(cmd, A)).errors?.map((e) => e.field)).toEqual(['violationAt']);
    const registered = simpleLead({ violationAt: '2026-03-01' });
    const without = C.simpleDecide(registered.now);
    delete without.violationAt;
    expect(registered.try(without, A).ok).toBe(true);
  });
});

describe("the party's statement and defence are heard before the on-the-spot penalty (APL 44–45)", () => {
  it('is required: waived, or stated with each point adopted or not and why; it is recorded with the decision', () => {
    const r = simpleLead();
    const cmd = C.simpleDecide(r.now);
    delete cmd.defence;
    expect(rejected(r.try(cmd, A)).errors?.map((e) => e.field)).toEqual(['defence']);
    expect(rejected(r.try(C.simpleDecide(r.now, { defence: { waived: false, statement: '不服' } }), A)).errors?.map((e) => e.field)).toEqual(['defence.points']);
    expect(
      rejected(r.try(C.simpleDecide(r.now, { defence: { waived: false, statement: '不服', points: [{ point: '信号灯故障', adopted: true, reason: '' }] } }), A)).errors?.map((e) => e.field),
    ).toEqual(['defence.points[0].reason']);
    expect(rejected(r.try(C.simpleDecide(r.now, { defence: { waived: true, statement: '不服' } }), A)).errors?.map((e) => e.field)).toEqual(['defence.statement']);
    expect(r.log).toHaveLength(1);

    r.exec(C.simpleDecide(r.now), A);
    expect(r.s.decision?.defence).toEqual({
      waived: false,
      statement: '当事人称信号灯故障',
      points: [{ point: '信号灯故障', adopted: false, reason: '现场核实信号灯正常' }],
    });
  });

  it('a waiver is recorded as such', () => {
    const r = simpleLead();
    r.exec(C.simpleDecide(r.now, { defence: { waived: true } }), A);
    expect(r.s.decision?.defence).toEqual({ waived: true });
  });

  it('history recorded before the rule change replays without either check', () => {
    const r = simpleLead();
    const cmd = C.simpleDecide(r.now, { violationAt: '2020-01-01' });
    delete cmd.defence;
    expect(rejected(r.try(cmd, A)).code).toBe('VALIDATION.FAILED');
    const d = decide(r.state, cmd, { ...r.ctx(A), rulesBefore: 'simple-exits' });
    expect(d.ok).toBe(true);
    if (d.ok) expect(d.events[0]).not.toHaveProperty('limitation');
  });

  it('the report deadline of the on-the-spot decision still runs', () => {
    const r = simpleLead();
    r.exec(C.simpleDecide(r.now), A);
    r.at('2026-03-05T16:00:00.000Z').exec(C.escalation('simpleReport'), SYSTEM);
    expect(r.s.flags).toContain('OVERDUE');
  });
});
