import { CaseRunner, commands as C, organisationParty, people, scenario, SYSTEM, archived } from '../testing/case-fixtures';
import type { CommandOf } from './case-commands';
import type { DecideResult } from './decide';

const { officerA: A, head: H } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

function simpleLead(party: 'PERSON' | 'ORGANISATION' = 'PERSON'): CaseRunner {
  const r = new CaseRunner();
  r.exec(C.registerSimple(party === 'ORGANISATION' ? { party: organisationParty, violationCode: 'SAFETY-TRAINING' } : {}), A);
  return r;
}

function fine(amount: number): Partial<CommandOf<'SIMPLE_DECIDE'>> {
  return { penalty: { kinds: ['FINE'], fineAmount: amount } };
}

describe('simple procedure limit (APL 51): warning, or fine ≤ ¥200 person / ≤ ¥3,000 organisation, inclusive', () => {
  it.each([
    ['PERSON', 200, true],
    ['PERSON', 200.01, false],
    ['PERSON', 201, false],
    ['ORGANISATION', 3000, true],
    ['ORGANISATION', 3000.01, false],
    ['ORGANISATION', 3001, false],
  ] as const)('%s fined ¥%s → allowed: %s', (party, amount, allowed) => {
    const r = simpleLead(party);
    const d = r.try(C.simpleDecide(r.now, fine(amount)), A);
    if (allowed) {
      expect(d.ok).toBe(true);
    } else {
      const rej = rejected(d);
      expect(rej).toMatchObject({ code: 'CASE.SIMPLE_FINE_EXCEEDS_LIMIT', status: 422, state: 'LEAD_REGISTERED' });
      expect(rej.reason).toContain(party === 'PERSON' ? '¥200 for a person' : '¥3,000 for an organisation');
      expect(rej.reason).toContain('ordinary procedure');
      expect(rej.allowedActions).toContain('simple-decision');
      expect(rej.allowedActions).toContain('simple-conversion');
    }
  });

  it('a person may be fined ¥200 but not an organisation ¥3,001', () => {
    const r = simpleLead('ORGANISATION');
    expect(rejected(r.try(C.simpleDecide(r.now, fine(3001)), A)).reason).toBe(
      'Fine ¥3,001 exceeds the simple-procedure limit of ¥3,000 for an organisation (APL 51); convert this lead to the ordinary procedure (simple-conversion): the same case continues to the filing decision',
    );
  });

  it('a warning alone is fine; other penalty kinds need the ordinary procedure', () => {
    const r = simpleLead();
    expect(r.try(C.simpleDecide(r.now, { penalty: { kinds: ['WARNING'] } }), A).ok).toBe(true);
    const rej = rejected(r.try(C.simpleDecide(r.now, { penalty: { kinds: ['LICENCE_SUSPENSION'] } }), A));
    expect(rej).toMatchObject({ code: 'CASE.SIMPLE_PENALTY_NOT_ALLOWED', status: 422 });
  });

  it('is served on the spot: direct or on refusal with a witness, never by post', () => {
    const r = simpleLead();
    const base = C.simpleDecide(r.now);
    expect(rejected(r.try({ ...base, service: { ...base.service, method: 'POSTAL' } }, A)).code).toBe('SERVICE.METHOD_NOT_ALLOWED');
    expect(rejected(r.try({ ...base, service: { ...base.service, method: 'REFUSED' } }, A)).code).toBe('SERVICE.WITNESS_REQUIRED');
    expect(r.try({ ...base, service: { ...base.service, method: 'REFUSED', witnesses: ['路人甲'] } }, A).ok).toBe(true);
  });

  it('one officer decides, and must be assigned and certified', () => {
    const r = simpleLead();
    expect(rejected(r.try(C.simpleDecide(r.now), people.officerC)).code).toBe('CASE.NOT_ASSIGNED');
    expect(rejected(r.try(C.simpleDecide(r.now), people.auxiliary)).code).toBe('CASE.AUXILIARY_CANNOT_DECIDE');
  });

  it('ordinary-only steps are refused on a simple case', () => {
    const r = simpleLead();
    expect(rejected(r.try(C.approveFiling(), H)).code).toBe('CASE.TRANSITION_NOT_ALLOWED');
    expect(rejected(scenario('LEAD_REGISTERED').try(C.simpleDecide(r.now), A)).code).toBe('CASE.TRANSITION_NOT_ALLOWED');
  });
});

describe('a full simple lifecycle', () => {
  it('register → evidence → on-the-spot decision and service → report → payment → close → archive', () => {
    const r = new CaseRunner();
    r.exec(C.registerSimple(), A);
    expect(r.s).toMatchObject({ status: 'LEAD_REGISTERED', procedure: 'SIMPLE', deadlines: {}, officers: [{ userId: A.userId }] });

    r.exec(C.evidence(1, r.now, { collectors: [A], kind: 'AUDIO_VISUAL', title: '执法记录仪视频' }), A);
    expect(r.s.evidence).toHaveLength(1);

    r.exec(C.simpleDecide(r.now), A);
    expect(r.status).toBe('SERVED');
    expect(r.s.decision).toMatchObject({ simple: true, outcome: 'PENALTY', amountDue: 200, documentNumber: '长公交简〔2026〕201号' });
    expect(r.s.service).toMatchObject({ method: 'DIRECT', deemedServedAt: '2026-03-02T04:00:00.000Z' });
    // Decided Mon 2 Mar: report within 3 WD (Thu 5 Mar); pay within 15 days of service (Tue 17 Mar).
    expect(r.s.deadlines.simpleReport).toMatchObject({ state: 'OPEN', dueAt: '2026-03-05T15:59:59.999Z' });
    expect(r.s.deadlines.payment).toMatchObject({ state: 'OPEN', dueAt: '2026-03-17T15:59:59.999Z' });

    r.exec(C.reportSimple(), A);
    expect(r.s.deadlines.simpleReport?.state).toBe('MET');
    expect(r.s.simpleReport?.note).toBe('filed with the legal office');

    expect(rejected(r.try(C.pay(250, r.now), A)).code).toBe('PAYMENT.EXCEEDS_AMOUNT_DUE');
    r.exec(C.pay(200, r.now), A);
    expect(r.status).toBe('EXECUTED');
    expect(r.s.deadlines.payment?.state).toBe('MET');
    expect(r.s.deadlines.closure?.state).toBe('OPEN');

    r.exec(C.close(), H);
    expect(r.status).toBe('CLOSED');
    archived(r);
    expect(r.status).toBe('ARCHIVED');
    // Every step met; the party's challenge windows, run from the on-the-spot service, stay open past the file.
    expect(Object.values(r.s.deadlines).filter((d) => d.state !== 'MET').map((d) => [d.kind, d.state])).toEqual([
      ['reconsiderationWindow', 'OPEN'],
      ['litigationWindow', 'OPEN'],
    ]);
    expect(r.log.map((e) => e.event.type)).toEqual([
      'LEAD_REGISTERED',
      'EVIDENCE_RECORDED',
      'SIMPLE_DECISION_MADE',
      'SIMPLE_DECISION_REPORTED',
      'PAYMENT_RECORDED',
      'CASE_CLOSED',
      'ARCHIVE_REQUESTED',
      'CASE_ARCHIVED',
    ]);
  });

  it('a warning is complete on service, but the report must come before closing', () => {
    const r = simpleLead();
    r.exec(C.simpleDecide(r.now, { penalty: { kinds: ['WARNING'] } }), A);
    expect(r.s.deadlines.payment).toBeUndefined();
    expect(r.s.deadlines.closure?.state).toBe('OPEN');
    const rej = rejected(r.try(C.close(), H));
    expect(rej.code).toBe('CASE.SIMPLE_NOT_REPORTED');
    expect(rej.allowedActions).not.toContain('closure');
    r.exec(C.reportSimple(), A);
    r.exec(C.close(), H);
    expect(r.status).toBe('CLOSED');
  });

  it('a late report is recorded as late and clears OVERDUE', () => {
    const r = simpleLead();
    r.exec(C.simpleDecide(r.now), A);
    r.at('2026-03-05T16:00:00.000Z').exec(C.escalation('simpleReport'), SYSTEM);
    expect(r.s.flags).toContain('OVERDUE');
    r.exec(C.reportSimple(), A);
    expect(r.s.deadlines.simpleReport).toMatchObject({ state: 'MET', late: true });
    expect(r.s.flags).not.toContain('OVERDUE');
  });
});
