import { CaseRunner, cert, commands as C, people, person, scenario, SYSTEM } from '../../testing/case-fixtures';
import type { DecideResult } from '../decide';
import { certificateOn, checkNamedOfficers } from './people';

const { officerA: A, officerB: B, officerC, head: H, reviewer: R, auxiliary: AUX } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

describe('certificateOn', () => {
  const c = cert('N1', { validFrom: '2026-01-01', validTo: '2026-03-02' });
  const a = person('u1', 'X', ['OFFICER'], [c]);

  it('is valid on the first and last day, inclusive', () => {
    expect(certificateOn(a, '2026-01-01').certificate?.number).toBe('N1');
    expect(certificateOn(a, '2026-03-02').certificate?.number).toBe('N1');
  });
  it('names the expiry date the day after', () => {
    expect(certificateOn(a, '2026-03-03').problem).toEqual({ en: "X's certificate N1 expired on 2026-03-02", zh: 'X的执法证件N1已于2026年3月2日到期' });
  });
  it('is not valid before validFrom', () => {
    expect(certificateOn(a, '2025-12-31').problem?.en).toContain('not valid until 2026-01-01');
    expect(certificateOn(a, '2025-12-31').problem?.zh).toContain('自2026年1月1日起才生效');
  });
  it('a suspended or revoked certificate acts for nothing, whatever its dates', () => {
    for (const status of ['SUSPENDED', 'REVOKED'] as const) {
      const p = person('u2', 'Y', ['OFFICER'], [cert('N2', { status })]);
      expect(certificateOn(p, '2026-03-02').problem?.en).toBe(`Y's certificate N2 is ${status}`);
      expect(certificateOn(p, '2026-03-02').problem?.zh).toMatch(/^Y的执法证件N2被(暂扣|吊销)$/);
    }
  });
  it('one valid certificate among several is enough', () => {
    const p = person('u3', 'Z', ['OFFICER'], [cert('OLD', { validTo: '2025-12-31' }), cert('NEW')]);
    expect(certificateOn(p, '2026-03-02').certificate?.number).toBe('NEW');
  });
  it('no certificate at all', () => {
    expect(certificateOn(AUX, '2026-03-02').problem).toEqual({ en: '吴辅 holds no enforcement certificate', zh: '吴辅未持有执法证件' });
  });
});

describe('checkNamedOfficers', () => {
  const base = { min: 2, date: '2026-03-02', agencyId: A.agencyId, field: 'officers' };
  it('accepts two distinct certified officers and records their certificate numbers', () => {
    const r = checkNamedOfficers([A, B], base);
    expect(r).toEqual({
      officers: [
        { userId: A.userId, name: A.name, certificateNumber: '14010119001' },
        { userId: B.userId, name: B.name, certificateNumber: '14010119002' },
      ],
    });
  });
  it('the same officer twice is one officer', () => {
    const r = checkNamedOfficers([A, A], base);
    expect('fail' in r && r.fail.code).toBe('CASE.TWO_OFFICERS_REQUIRED');
  });
});

describe('filing: at least two certified officers (APL 42)', () => {
  function filing(officers = [A, B]) {
    const r = new CaseRunner();
    r.exec(C.registerOrdinary(), A);
    return r.try(C.approveFiling({ officers }), H);
  }

  it('one officer instead of two → 422 CASE.TWO_OFFICERS_REQUIRED', () => {
    const rej = rejected(filing([A]));
    expect(rej).toMatchObject({ code: 'CASE.TWO_OFFICERS_REQUIRED', status: 422, state: 'LEAD_REGISTERED' });
    expect(rej.reason).toMatch(/at least 2 distinct officers/i);
    expect(rej.allowedActions).toContain('filing');
  });

  it('an expired certificate → 422 CASE.OFFICER_CERTIFICATE_INVALID naming the expiry', () => {
    const rej = rejected(filing([A, people.expiredOfficer]));
    expect(rej.code).toBe('CASE.OFFICER_CERTIFICATE_INVALID');
    expect(rej.status).toBe(422);
    expect(rej.errors).toEqual([
      { field: 'officers[1]', message: "陈静's certificate 14010119004 expired on 2026-02-28 on 2026-03-02", messageZh: '陈静的执法证件14010119004已于2026年2月28日到期（以2026年3月2日计）' },
    ]);
  });

  it('a suspended certificate → 422 CASE.OFFICER_CERTIFICATE_INVALID', () => {
    const rej = rejected(filing([A, people.suspendedOfficer]));
    expect(rej.code).toBe('CASE.OFFICER_CERTIFICATE_INVALID');
    expect(rej.errors?.[0].message).toContain('is SUSPENDED');
  });

  it('an expired third officer still spoils the assignment', () => {
    expect(rejected(filing([A, B, people.expiredOfficer])).code).toBe('CASE.OFFICER_CERTIFICATE_INVALID');
  });

  it('auxiliary staff or an officer of another agency cannot be assigned', () => {
    const aux = rejected(filing([A, AUX]));
    expect(aux.code).toBe('CASE.NOT_AN_OFFICER');
    expect(aux.errors?.[0].message).toContain('auxiliary staff');
    expect(rejected(filing([A, people.otherAgencyOfficer])).code).toBe('CASE.NOT_AN_OFFICER');
  });

  it('records the assigned officers with their certificate numbers', () => {
    const r = new CaseRunner();
    r.exec(C.registerOrdinary(), A);
    r.exec(C.approveFiling({ officers: [A, officerC] }), H);
    expect(r.s.officers.map((o) => o.certificateNumber)).toEqual(['14010119001', '14010119003']);
  });
});

describe('the actor certificate is checked on the local date of now (Asia/Shanghai)', () => {
  const expiring = person('u-exp', '到期', ['OFFICER'], [cert('EXP-1', { validTo: '2026-03-02' })]);

  function filedWith(now: string) {
    const r = new CaseRunner();
    r.exec(C.registerOrdinary(), A);
    r.exec(C.approveFiling({ officers: [A, expiring] }), H);
    return r.at(now).try(C.evidence(1, '2026-03-02T05:00:00.000Z', { collectors: [A, B] }), expiring);
  }

  it('valid until 23:59:59 local on validTo', () => {
    // 15:59 UTC = 23:59 in Shanghai; B is not assigned, so the collectors check fails after the actor passes.
    expect(rejected(filedWith('2026-03-02T15:59:00.000Z')).code).not.toBe('AUTH.CERTIFICATE_INVALID');
  });

  it('expired from 00:00 local the next day → 403 AUTH.CERTIFICATE_INVALID', () => {
    const rej = rejected(filedWith('2026-03-02T16:00:00.000Z'));
    expect(rej).toMatchObject({ code: 'AUTH.CERTIFICATE_INVALID', status: 403 });
    expect(rej.reason).toContain('expired on 2026-03-02');
  });

  it('a suspended officer on the case cannot act', () => {
    const r = new CaseRunner();
    r.exec(C.registerOrdinary(), A);
    r.exec(C.approveFiling(), H);
    const suspendedA = { ...A, certificates: [cert('14010119001', { status: 'SUSPENDED' })] };
    expect(rejected(r.try(C.evidence(1, r.now), suspendedA)).code).toBe('AUTH.CERTIFICATE_INVALID');
  });
});

describe('evidence: ≥2 certified collectors; auxiliary may draft', () => {
  it('one collector → 422 CASE.TWO_OFFICERS_REQUIRED', () => {
    const r = scenario('FILED');
    expect(rejected(r.try(C.evidence(2, r.now, { collectors: [A] }), A)).code).toBe('CASE.TWO_OFFICERS_REQUIRED');
  });

  it('a collector with an expired certificate → CASE.OFFICER_CERTIFICATE_INVALID', () => {
    const r = scenario('FILED');
    expect(rejected(r.try(C.evidence(2, r.now, { collectors: [A, people.expiredOfficer] }), A)).code).toBe('CASE.OFFICER_CERTIFICATE_INVALID');
  });

  it('collectors must be assigned to the case', () => {
    const r = scenario('FILED');
    const rej = rejected(r.try(C.evidence(2, r.now, { collectors: [A, officerC] }), A));
    expect(rej.code).toBe('CASE.COLLECTOR_NOT_ASSIGNED');
    expect(rej.reason).toContain('王强');
  });

  it('auxiliary staff attached to the case may draft an item, noted as such; the collectors stay the officers', () => {
    const r = scenario('FILED');
    expect(rejected(r.try(C.evidence(2, r.now), AUX))).toMatchObject({ code: 'CASE.NOT_ASSIGNED', status: 403 });
    r.exec(C.attachAuxiliary(), A);
    const [e] = r.exec(C.evidence(2, r.now), AUX);
    expect(e).toMatchObject({ type: 'EVIDENCE_RECORDED', recordedBy: { userId: AUX.userId, auxiliary: true }, draft: true });
    const item = r.s.evidence.find((x) => x.evidenceId === 'ev-2')!;
    expect(item.collectors.map((c) => c.userId)).toEqual([A.userId, B.userId]);
    expect(item.recordedBy.auxiliary).toBe(true);
  });

  it('auxiliary staff cannot be a collector', () => {
    const r = scenario('FILED');
    expect(rejected(r.try(C.evidence(2, r.now, { collectors: [A, B, AUX] }), A)).code).toBe('CASE.NOT_AN_OFFICER');
  });

  it('auxiliary staff of another agency cannot record', () => {
    const r = scenario('FILED');
    const foreignAux = { ...AUX, agencyId: people.otherAgencyOfficer.agencyId };
    expect(rejected(r.try(C.evidence(2, r.now), foreignAux)).code).toBe('AUTH.AGENCY_MISMATCH');
  });
});

describe('auxiliary staff never decide or approve', () => {
  it.each([
    ['DECIDE', 'INVESTIGATION_REPORTED', C.decide()],
    ['DECIDE_FILING', 'LEAD_REGISTERED', C.approveFiling()],
    ['CLOSE', 'EXECUTED', C.close()],
    ['EXTEND_DEADLINE', 'FILED', C.extend('decision')],
    ['SIMPLE_DECIDE', 'SIMPLE:LEAD_REGISTERED', C.simpleDecide('2026-03-02T03:00:00.000Z')],
  ] as const)('%s → 403 CASE.AUXILIARY_CANNOT_DECIDE', (_t, name, command) => {
    const r = scenario(name);
    for (const actor of [AUX, people.auxiliaryHead]) {
      const rej = rejected(r.try(command, actor));
      expect(rej).toMatchObject({ code: 'CASE.AUXILIARY_CANNOT_DECIDE', status: 403 });
    }
  });
});

describe('roles and assignment', () => {
  it('an officer not assigned to the case → 403 CASE.NOT_ASSIGNED', () => {
    const r = scenario('FILED');
    const rej = rejected(r.try(C.evidence(2, r.now), officerC));
    expect(rej).toMatchObject({ code: 'CASE.NOT_ASSIGNED', status: 403, state: 'FILED' });
    expect(rej.allowedActions).toEqual([]);
  });

  it('an officer cannot decide → 403 AUTH.ROLE_NOT_ALLOWED', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    const rej = rejected(r.try(C.decide(), A));
    expect(rej).toMatchObject({ code: 'AUTH.ROLE_NOT_ALLOWED', status: 403 });
    expect(rej.reason).toContain('AGENCY_HEAD');
    expect(rej.allowedActions).toEqual(['evidence', 'evidence-custody', 'auxiliary', 'examination', 'major-case', 'criminal-transfer', 'suspected-crime']);
  });

  it('a head of another agency → AUTH.AGENCY_MISMATCH', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    const foreignHead = { ...H, agencyId: people.otherAgencyOfficer.agencyId };
    expect(rejected(r.try(C.decide(), foreignHead)).code).toBe('AUTH.AGENCY_MISMATCH');
  });

  it('the timers are the only source of deadline events, and never of case acts', () => {
    const r = scenario('FILED');
    expect(rejected(r.try(C.escalation('decision'), H)).code).toBe('AUTH.ROLE_NOT_ALLOWED');
    expect(rejected(r.try(C.suspend(), SYSTEM)).code).toBe('AUTH.ROLE_NOT_ALLOWED');
  });

  it('registering needs a certified officer of the same agency', () => {
    expect(rejected(new CaseRunner().try(C.registerOrdinary(), AUX)).code).toBe('AUTH.ROLE_NOT_ALLOWED');
    expect(rejected(new CaseRunner().try(C.registerOrdinary(), people.expiredOfficer)).code).toBe('AUTH.CERTIFICATE_INVALID');
    expect(rejected(new CaseRunner().try(C.registerOrdinary(), people.otherAgencyOfficer)).code).toBe('AUTH.AGENCY_MISMATCH');
  });
});

describe('查审分离: reviewers and hosts never investigated the case', () => {
  const RO = people.reviewerOfficer;

  function reportedWith(officers = [A, RO]) {
    const r = new CaseRunner();
    r.exec(C.registerOrdinary({ officers }), A);
    r.exec(C.approveFiling({ officers }), H);
    r.exec(C.evidence(1, r.now, { collectors: officers }), A);
    r.exec(C.report(), A);
    return r;
  }

  it('a case officer who is also a legal reviewer cannot review → 403 REVIEW.REVIEWER_CONFLICT', () => {
    const r = reportedWith();
    const rej = rejected(r.try(C.review(), RO));
    expect(rej).toMatchObject({ code: 'REVIEW.REVIEWER_CONFLICT', status: 403 });
    expect(rej.allowedActions).not.toContain('case-review');
    expect(r.try(C.review(), R).ok).toBe(true);
  });

  it('nor do the legal review', () => {
    const r = reportedWith();
    r.exec(C.review(), R);
    r.exec(C.approveNotice(), H);
    r.exec(C.notice(r.now), A);
    r.exec(C.defence({ hearingWaived: true }), A);
    r.exec(C.requestLegalReview(), A);
    expect(rejected(r.try(C.legalReview(), RO)).code).toBe('REVIEW.REVIEWER_CONFLICT');
  });

  it('a recused officer stays conflicted: having investigated is what counts', () => {
    const r = reportedWith([A, B, RO]);
    r.exec(C.recuse(RO.userId), H);
    expect(r.s.officers.map((o) => o.userId)).toEqual([A.userId, B.userId]);
    expect(rejected(r.try(C.review(), RO)).code).toBe('REVIEW.REVIEWER_CONFLICT');
  });

  it('a case officer cannot host the hearing → 422 HEARING.HOST_CONFLICT', () => {
    const r = scenario('HEARING_REQUESTED');
    const rej = rejected(r.try(C.scheduleHearing(r.now, '2026-04-01T01:00:00.000Z', B), A));
    expect(rej).toMatchObject({ code: 'HEARING.HOST_CONFLICT', status: 422 });
  });

  it('the hearing host may record the hearing', () => {
    const r = scenario('HEARING_SCHEDULED');
    r.at('2026-03-25T02:00:00.000Z');
    expect(r.try(C.holdHearing(r.now), people.host).ok).toBe(true);
  });
});

describe('recusal (APL 43)', () => {
  it('removing an officer without a replacement would leave one → CASE.TWO_OFFICERS_REQUIRED', () => {
    const r = scenario('FILED');
    expect(rejected(r.try(C.recuse(people.officerB.userId), H)).code).toBe('CASE.TWO_OFFICERS_REQUIRED');
  });

  it('with a certified replacement: the officer leaves, the replacement joins, the recused person cannot return', () => {
    const r = scenario('FILED');
    const [e] = r.exec(C.recuse(B.userId, officerC), H);
    expect(e).toMatchObject({ type: 'PERSON_RECUSED', role: 'OFFICER', userId: B.userId, replacement: { userId: officerC.userId } });
    expect(r.s.officers.map((o) => o.userId)).toEqual([A.userId, officerC.userId]);
    expect(r.s.recusals).toHaveLength(1);
    expect(rejected(r.try(C.evidence(2, r.now), B)).code).toBe('CASE.NOT_ASSIGNED');
    expect(rejected(r.try(C.evidence(2, r.now, { collectors: [A, B] }), A)).code).toBe('CASE.NOT_AN_OFFICER');
    expect(r.try(C.evidence(2, r.now, { collectors: [A, officerC] }), A).ok).toBe(true);
  });

  it('an expired replacement is refused', () => {
    const r = scenario('FILED');
    expect(rejected(r.try(C.recuse(B.userId, people.expiredOfficer), H)).code).toBe('CASE.OFFICER_CERTIFICATE_INVALID');
  });

  it('recusing the hearing host sends the hearing back to be rescheduled', () => {
    const r = scenario('HEARING_SCHEDULED');
    r.exec(C.recuse(people.host.userId), H);
    expect(r.status).toBe('HEARING_REQUESTED');
    expect(r.s.hearing?.host).toBeUndefined();
    expect(r.s.recusals[0]).toMatchObject({ role: 'HEARING_HOST', userId: people.host.userId });
  });

  it('someone not on the case → RECUSAL.NOT_ON_CASE', () => {
    const r = scenario('FILED');
    expect(rejected(r.try(C.recuse(officerC.userId), H)).code).toBe('RECUSAL.NOT_ON_CASE');
  });
});
