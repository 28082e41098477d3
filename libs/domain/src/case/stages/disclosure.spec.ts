import type { DecideResult } from '../decide';
import { commands as C, DAY, people, plus, scenario, SYSTEM } from '../../testing/case-fixtures';
import { disclosurePlan } from './disclosure';

const { officerA: A, head: H } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

describe('事后公示: a penalty decision is published within the policy period, withdrawn after a challenge takes it down', () => {
  it('a penalty decided under the ordinary procedure arms the disclosure deadline (7 WD in the test policy) from the decision', () => {
    const r = scenario('DECIDED');
    const d = r.s.deadlines.disclosure!;
    expect(d).toMatchObject({ state: 'OPEN', owner: 'AGENCY', startAt: r.s.decidedAt, basis: { days: 7, kind: 'WORKING' } });
    expect(r.log.find((e) => e.event.type === 'DECISION_MADE')!.event).toMatchObject({ disclosure: true });
  });

  it('a decision recorded before the rule change owes nothing (replays as it ran)', () => {
    const r = scenario('DECIDED', undefined, 'disclosure');
    expect(r.s.deadlines.disclosure).toBeUndefined();
    expect(r.log.find((e) => e.event.type === 'DECISION_MADE')!.event).not.toHaveProperty('disclosure');
  });

  it('no other outcome and no simple-procedure decision is published', () => {
    const dismissed = scenario('NOTICE_SERVED');
    dismissed.exec(C.defence({ hearingWaived: true }), A);
    dismissed.exec(C.decide({ outcome: 'DISMISS', penalty: undefined, evidenceIds: [], performance: undefined }), H);
    expect(dismissed.s.deadlines.disclosure).toBeUndefined();
    expect(scenario('SIMPLE:SERVED').s.deadlines.disclosure).toBeUndefined();
  });

  it('the job reports the publication: the deadline is met, the case remembers it, a second report is refused by the state (409)', () => {
    const r = scenario('SERVED');
    const [e] = r.exec(C.publishDisclosure(), SYSTEM);
    expect(e).toEqual({ type: 'DISCLOSURE_PUBLISHED', disclosureId: 'disclosure-1' });
    expect(r.s.deadlines.disclosure).toMatchObject({ state: 'MET' });
    expect(r.s.disclosure).toMatchObject({ state: 'PUBLISHED', disclosureId: 'disclosure-1' });
    expect(rejected(r.try(C.publishDisclosure(), SYSTEM))).toMatchObject({ status: 409, code: 'DISCLOSURE.NOT_OWED' });
  });

  it('a person may not report a publication: only the system (the disclosure job) does', () => {
    const r = scenario('SERVED');
    expect(rejected(r.try(C.publishDisclosure(), A)).status).toBe(403);
  });

  it('published late, after the escalation, the deadline is met late and the case leaves OVERDUE', () => {
    const r = scenario('SERVED');
    r.at(plus(r.s.deadlines.disclosure!.dueAt, DAY)).exec(C.escalation('disclosure'), SYSTEM);
    expect(r.s.flags).toContain('OVERDUE');
    r.exec(C.publishDisclosure(), SYSTEM);
    expect(r.s.deadlines.disclosure).toMatchObject({ state: 'MET', late: true });
    expect(r.s.flags).not.toContain('OVERDUE');
  });

  it('closing the case leaves the publication owed; archiving cancels it', () => {
    const r = scenario('CLOSED');
    expect(r.s.deadlines.disclosure?.state).toBe('OPEN');
    r.exec(C.archive(), A);
    expect(r.s.deadlines.disclosure?.state).toBe('CANCELLED');
  });

  it('a minor: nothing is published; the withholding is recorded with its reason, and a publication is refused (422)', () => {
    const r = scenario('SERVED');
    r.state = { ...r.s, party: { type: 'PERSON', name: '王某', idNumber: '140402200901011234', minor: true } };
    expect(disclosurePlan(r.s, 'Asia/Shanghai')).toMatchObject({ publish: false, ground: 'MINOR' });
    expect(rejected(r.try(C.publishDisclosure(), SYSTEM))).toMatchObject({ status: 422, code: 'DISCLOSURE.NOT_PUBLISHABLE' });
    const [e] = r.exec(C.withholdDisclosure(), SYSTEM);
    expect(e).toMatchObject({ type: 'DISCLOSURE_WITHHELD', ground: 'MINOR', reason: { zh: '当事人为未成年人，决定不予公示' } });
    expect(r.s.deadlines.disclosure?.state).toBe('MET');
    expect(r.s.disclosure).toMatchObject({ state: 'WITHHELD', withheld: { ground: 'MINOR' } });
  });

  it('a decision nothing withholds may not be reported withheld (422)', () => {
    expect(rejected(scenario('SERVED').try(C.withholdDisclosure(), SYSTEM))).toMatchObject({ status: 422, code: 'DISCLOSURE.PUBLISHABLE' });
  });

  it('the head states a ground on which the law forbids publication; it is withheld on that ground', () => {
    const r = scenario('NOTICE_SERVED');
    r.exec(C.defence({ hearingWaived: true }), A);
    const bad = rejected(r.try(C.decide({ nonDisclosure: { ground: 'NOT_A_GROUND' as never, reason: '' } }), H));
    expect(bad.errors?.map((e) => e.field).sort()).toEqual(['nonDisclosure.ground', 'nonDisclosure.reason']);
    r.exec(C.decide({ nonDisclosure: { ground: 'STATE_SECRET', reason: '决定书载有经定密的国家秘密事项' } }), H);
    expect(r.s.decision?.nonDisclosure).toEqual({ ground: 'STATE_SECRET', reason: '决定书载有经定密的国家秘密事项' });
    const [e] = r.exec(C.withholdDisclosure(), SYSTEM);
    expect(e).toMatchObject({ ground: 'STATE_SECRET', reason: { zh: '决定书载有经定密的国家秘密事项' } });
  });

  it('a decision revoked before its publication is withheld, naming the body and the outcome', () => {
    const r = scenario('SERVED');
    r.exec(C.challenge(r.now), A);
    r.exec(C.challenge(r.now, 'DECIDED', 'REVOKED'), A);
    const [e] = r.exec(C.withholdDisclosure(), SYSTEM);
    expect(e).toMatchObject({ ground: 'DECISION_CHALLENGED' });
    expect((e as { reason: { zh: string } }).reason.zh).toMatch(/^该行政处罚决定已于2026年\d+月\d+日经长治市人民政府行政复议撤销/);
  });

  it('a published decision revoked by a challenge owes its withdrawal within 3 WD, with the reason; the job withdraws it', () => {
    const r = scenario('SERVED');
    r.exec(C.publishDisclosure(), SYSTEM);
    r.exec(C.challenge(r.now), A);
    expect(rejected(r.try(C.withdrawDisclosure(), SYSTEM))).toMatchObject({ status: 409, code: 'DISCLOSURE.WITHDRAWAL_NOT_OWED' });
    const [outcome] = r.exec(C.challenge(r.now, 'DECIDED', 'REVOKED'), A);
    expect(outcome).toMatchObject({ disclosureWithdrawal: { reason: { zh: expect.stringContaining('长治市人民政府行政复议撤销') } } });
    expect(r.s.deadlines.disclosureWithdrawal).toMatchObject({ state: 'OPEN', basis: { days: 3, kind: 'WORKING' } });
    expect(rejected(r.try({ type: 'RECORD_DISCLOSURE_WITHDRAWAL', disclosureId: 'another' }, SYSTEM))).toMatchObject({ status: 422, code: 'DISCLOSURE.UNKNOWN' });
    const [w] = r.exec(C.withdrawDisclosure(), SYSTEM);
    expect(w).toMatchObject({ type: 'DISCLOSURE_WITHDRAWN', disclosureId: 'disclosure-1' });
    expect(r.s.disclosure).toMatchObject({ state: 'WITHDRAWN', withdrawal: { withdrawnAt: expect.any(String) } });
    expect(r.s.deadlines.disclosureWithdrawal?.state).toBe('MET');
  });

  it('a varied decision is withdrawn too; an upheld one stays published', () => {
    const varied = scenario('SERVED');
    varied.exec(C.publishDisclosure(), SYSTEM);
    varied.exec(C.challenge(varied.now), A);
    varied.exec({ ...C.challenge(varied.now, 'DECIDED', 'VARIED'), penalty: { kinds: ['FINE'], fineAmount: 50000, terms: '罚款伍万元' } }, A);
    expect(varied.s.deadlines.disclosureWithdrawal?.state).toBe('OPEN');
    const upheld = scenario('SERVED');
    upheld.exec(C.publishDisclosure(), SYSTEM);
    upheld.exec(C.challenge(upheld.now), A);
    upheld.exec(C.challenge(upheld.now, 'DECIDED', 'UPHELD'), A);
    expect(upheld.s.deadlines.disclosureWithdrawal).toBeUndefined();
    expect(upheld.s.disclosure?.state).toBe('PUBLISHED');
  });

  it('a withdrawal not made in time escalates like any agency deadline', () => {
    const r = scenario('SERVED');
    r.exec(C.publishDisclosure(), SYSTEM);
    r.exec(C.challenge(r.now), A);
    r.exec(C.challenge(r.now, 'DECIDED', 'CONFIRMED_INVALID'), A);
    r.at(plus(r.s.deadlines.disclosureWithdrawal!.dueAt, DAY)).exec(C.escalation('disclosureWithdrawal'), SYSTEM);
    expect(r.s.flags).toContain('OVERDUE');
    r.exec(C.withdrawDisclosure(), SYSTEM);
    expect(r.s.deadlines.disclosureWithdrawal).toMatchObject({ state: 'MET', late: true });
  });
});
