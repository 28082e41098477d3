// APL 29 (一事不二罚): the cases the API found against the same party for the
// same violation are recorded as a warning on registration and filing; a
// second fine for the act is refused unless the decision says why.

import { decide } from './decide';
import type { DecideResult } from './decide';
import type { SameActCase } from './case-records';
import { CaseRunner, commands as C, people, scenario } from '../testing/case-fixtures';

const { officerA: A, officerB: B, head: H } = people;

const OPEN: SameActCase = { caseId: 'c-open', caseNumber: '长市监立〔2026〕7号', status: 'FILED' };
const FINED: SameActCase = { caseId: 'c-fined', caseNumber: '长市监罚〔2026〕3号', status: 'SERVED', outcome: 'PENALTY', fineAmount: 5000 };
const REVOKED: SameActCase = { ...FINED, caseId: 'c-revoked', caseNumber: '长市监罚〔2026〕4号', revoked: true };
const WARNED: SameActCase = { caseId: 'c-warned', caseNumber: '长市监罚〔2026〕5号', status: 'CLOSED', outcome: 'PENALTY' };

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

describe('the warning on registration and filing', () => {
  it('registration records the other cases of the same party and violation; none, no warning', () => {
    const r = new CaseRunner();
    const [e] = r.exec(C.registerOrdinary({ sameActCases: [OPEN, FINED] }), A);
    expect(e).toMatchObject({ type: 'LEAD_REGISTERED', sameActCases: [OPEN, FINED] });
    expect(r.s.sameActCases).toEqual([OPEN, FINED]);
    const quiet = new CaseRunner();
    const [q] = quiet.exec(C.registerOrdinary({ sameActCases: [] }), A);
    expect(q).not.toHaveProperty('sameActCases');
    expect(quiet.s.sameActCases).toBeUndefined();
  });

  it('filing records the list as it stands then, approved or declined', () => {
    const r = new CaseRunner();
    r.exec(C.registerOrdinary(), A);
    const [e] = r.exec(C.approveFiling({ officers: [A, B], sameActCases: [FINED] }), H);
    expect(e).toMatchObject({ type: 'FILING_APPROVED', sameActCases: [FINED] });
    expect(r.s.sameActCases).toEqual([FINED]);
    const d = new CaseRunner();
    d.exec(C.registerOrdinary(), A);
    expect(d.exec(C.declineFiling(), H)[0]).not.toHaveProperty('sameActCases');
  });

  it('a malformed list from the API is refused as a whole', () => {
    const r = new CaseRunner();
    const bad = rejected(r.try(C.registerOrdinary({ sameActCases: [{ ...OPEN, status: 'OPEN' as never }] }), A));
    expect(bad.errors?.map((e) => e.field)).toEqual(['sameActCases[0].status']);
  });
});

describe('a second fine for one act (APL 29)', () => {
  it('is refused 422 naming the case that fined it, and recorded with a reasoned override', () => {
    const r = scenario('HEARING_HELD');
    const rej = rejected(r.try(C.decide({ sameActCases: [OPEN, FINED, REVOKED, WARNED] }), H));
    expect(rej).toMatchObject({ code: 'DECISION.SAME_ACT_FINED', status: 422, state: 'HEARING_HELD' });
    expect(rej.reason).toContain('长市监罚〔2026〕3号 (¥5,000)');
    expect(rej.reason).not.toContain('4号');
    expect(rej.errors?.map((e) => e.field)).toEqual(['sameActOverrideReason']);

    r.exec(C.decide({ sameActCases: [OPEN, FINED], sameActOverrideReason: '本案为2月20日后另行发生的违法行为，非同一行为' }), H);
    expect(r.s.decision?.sameActOverride).toEqual({ reason: '本案为2月20日后另行发生的违法行为，非同一行为', finedCases: [FINED] });
  });

  it('no fine, a revoked fine, or only a warning elsewhere: nothing to override', () => {
    const warning = scenario('HEARING_HELD');
    expect(warning.try(C.decide({ outcome: 'NO_PENALTY', penalty: undefined, sameActCases: [FINED] }), H).ok).toBe(true);
    const r = scenario('HEARING_HELD');
    r.exec(C.decide({ sameActCases: [OPEN, REVOKED, WARNED] }), H);
    expect(r.s.decision).not.toHaveProperty('sameActOverride');
  });

  it('the on-the-spot fine is held to the same rule', () => {
    const r = new CaseRunner();
    r.exec(C.registerSimple(), A);
    expect(rejected(r.try(C.simpleDecide(r.now, { sameActCases: [FINED] }), A)).code).toBe('DECISION.SAME_ACT_FINED');
    expect(r.try(C.simpleDecide(r.now, { penalty: { kinds: ['WARNING'] }, sameActCases: [FINED] }), A).ok).toBe(true);
    r.exec(C.simpleDecide(r.now, { sameActCases: [FINED], sameActOverrideReason: '另一时间地点的违法行为' }), A);
    expect(r.s.decision?.sameActOverride?.finedCases).toEqual([FINED]);
  });

  it('history recorded before the rule change replays without it', () => {
    const r = scenario('HEARING_HELD');
    expect(decide(r.state, C.decide({ sameActCases: [FINED] }), { ...r.ctx(H), rulesBefore: 'one-fine-per-act' }).ok).toBe(true);
  });
});
