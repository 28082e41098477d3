import { CaseRunner, HOUR, commands as C, people, plus, scenario, SYSTEM } from '../testing/case-fixtures';
import { testPolicy } from '../testing/test-policy';
import type { DecideResult } from './decide';

const { officerA: A, head: H } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

describe('filingDecision: 15 WD from discovery of the lead (MSA 18)', () => {
  it('is armed at registration from discoveredAt', () => {
    const r = scenario('LEAD_REGISTERED');
    const d = r.s.deadlines.filingDecision!;
    // Discovered Sun 1 Mar (local): 2–6, 9–13, 16–20 Mar → Fri 20 Mar.
    expect(d).toMatchObject({
      kind: 'filingDecision',
      owner: 'AGENCY',
      state: 'OPEN',
      startAt: '2026-03-01T01:00:00.000Z',
      dueAt: '2026-03-20T15:59:59.999Z',
      remindAt: '2026-03-16T16:00:00.000Z', // 00:00 local 17 Mar, 3 WD before
      reminded: false,
    });
    expect(d.basis).toMatchObject({ source: 'MSA 18', days: 15, kind: 'WORKING', dueDate: '2026-03-20' });
  });

  it('is not armed for the simple procedure', () => {
    expect(scenario('SIMPLE:LEAD_REGISTERED').s.deadlines).toEqual({});
  });

  it('is met by the filing decision (approval or refusal)', () => {
    expect(scenario('FILED').s.deadlines.filingDecision).toMatchObject({ state: 'MET', metAt: '2026-03-02T03:00:00.000Z' });
    expect(scenario('FILING_DECLINED').s.deadlines.filingDecision?.state).toBe('MET');
  });

  it('extends once by 15 WD with head approval; a second extension is refused', () => {
    const r = scenario('LEAD_REGISTERED');
    r.exec(C.extend('filingDecision'), H);
    // 30 WD from 1 Mar: … 23–27 Mar (20), 30 Mar–3 Apr (25), 7–10 Apr (29; 6 Apr is 清明), 13 Apr (30).
    expect(r.s.deadlines.filingDecision).toMatchObject({ extensions: 1, dueAt: '2026-04-13T15:59:59.999Z', state: 'OPEN' });
    expect(r.s.deadlines.filingDecision?.basis.holidaysMet).toEqual(['2026-04-04', '2026-04-05', '2026-04-06']);
    expect(rejected(r.try(C.extend('filingDecision'), H)).code).toBe('DEADLINE.NOT_EXTENDABLE');
  });
});

describe('reminder and escalation commands from the timers', () => {
  it('reminder: not before remindAt, once, then an event', () => {
    const r = scenario('LEAD_REGISTERED');
    expect(rejected(r.try(C.reminder('filingDecision'), SYSTEM)).code).toBe('DEADLINE.NOT_DUE');
    r.at('2026-03-16T16:00:00.000Z');
    const [e] = r.exec(C.reminder('filingDecision'), SYSTEM);
    expect(e).toEqual({ type: 'DEADLINE_APPROACHING', deadline: 'filingDecision', dueAt: '2026-03-20T15:59:59.999Z' });
    expect(r.s.deadlines.filingDecision?.reminded).toBe(true);
    expect(r.s.flags).toEqual([]);
    expect(rejected(r.try(C.reminder('filingDecision'), SYSTEM)).code).toBe('DEADLINE.ALREADY_REMINDED');
  });

  it('escalation: not before dueAt; at dueAt → DEADLINE_MISSED and OVERDUE', () => {
    const r = scenario('LEAD_REGISTERED');
    r.at('2026-03-20T15:59:59.998Z');
    expect(rejected(r.try(C.escalation('filingDecision'), SYSTEM)).code).toBe('DEADLINE.NOT_DUE');
    r.at('2026-03-20T15:59:59.999Z');
    const [e] = r.exec(C.escalation('filingDecision'), SYSTEM);
    expect(e).toEqual({ type: 'DEADLINE_MISSED', deadline: 'filingDecision', dueAt: '2026-03-20T15:59:59.999Z' });
    expect(r.s.deadlines.filingDecision).toMatchObject({ state: 'MISSED', missedAt: '2026-03-20T15:59:59.999Z' });
    expect(r.s.flags).toContain('OVERDUE');
    // A second timer firing records nothing.
    expect(rejected(r.try(C.escalation('filingDecision'), SYSTEM)).code).toBe('DEADLINE.NOT_OPEN');
  });

  it('doing the act late meets the deadline (late) and clears OVERDUE', () => {
    const r = scenario('LEAD_REGISTERED');
    r.at('2026-03-21T01:00:00.000Z').exec(C.escalation('filingDecision'), SYSTEM);
    expect(r.s.flags).toContain('OVERDUE');
    r.exec(C.approveFiling(), H);
    expect(r.s.deadlines.filingDecision).toMatchObject({ state: 'MET', late: true, missedAt: '2026-03-21T01:00:00.000Z' });
    expect(r.s.flags).not.toContain('OVERDUE');
  });

  it('a missed deadline can no longer be extended', () => {
    const r = scenario('LEAD_REGISTERED');
    r.at('2026-03-21T01:00:00.000Z').exec(C.escalation('filingDecision'), SYSTEM);
    expect(rejected(r.try(C.extend('filingDecision'), H)).code).toBe('DEADLINE.NOT_OPEN');
  });

  it('an extension after expiry (timer not yet fired) is refused', () => {
    const r = scenario('LEAD_REGISTERED');
    r.at('2026-03-21T01:00:00.000Z');
    expect(rejected(r.try(C.extend('filingDecision'), H)).code).toBe('DEADLINE.EXPIRED');
  });

  it('a stale timer after the deadline was met records nothing', () => {
    const r = scenario('FILED');
    r.at('2026-03-20T15:59:59.999Z');
    expect(rejected(r.try(C.escalation('filingDecision'), SYSTEM)).code).toBe('DEADLINE.NOT_OPEN');
    expect(rejected(r.try(C.reminder('filingDecision'), SYSTEM)).code).toBe('DEADLINE.NOT_OPEN');
  });

  it('an unarmed or unknown deadline', () => {
    const r = scenario('FILED');
    expect(rejected(r.try(C.escalation('payment'), SYSTEM)).code).toBe('DEADLINE.NOT_OPEN');
    expect(rejected(r.try({ type: 'DEADLINE_ESCALATION', deadline: 'nope' as never }, SYSTEM)).code).toBe('VALIDATION.FAILED');
  });
});

describe('decision: 90 days from filing, pauses excluded, extendable (APL 60)', () => {
  it('is armed at filing: 90 days from 2 Mar end Sun 31 May → Mon 1 Jun', () => {
    const d = scenario('FILED').s.deadlines.decision!;
    expect(d).toMatchObject({
      startAt: '2026-03-02T03:00:00.000Z',
      dueAt: '2026-06-01T15:59:59.999Z',
      remindAt: '2026-05-21T16:00:00.000Z',
      state: 'OPEN',
    });
    expect(d.basis).toMatchObject({ source: 'APL 60', days: 90, kind: 'CALENDAR', rolledForwardFrom: '2026-05-31' });
  });

  it('suspension (中止) stops the clock; resuming moves the due date by the paused days', () => {
    const r = scenario('FILED');
    r.at('2026-04-10T02:00:00.000Z').exec(C.suspend(), H);
    expect(r.status).toBe('SUSPENDED');
    expect(r.s.statusBeforeSuspension).toBe('FILED');
    expect(r.s.deadlines.decision?.state).toBe('SUSPENDED');
    // The old timer fires while suspended: nothing is recorded.
    r.at('2026-06-01T15:59:59.999Z');
    expect(rejected(r.try(C.escalation('decision'), SYSTEM)).code).toBe('DEADLINE.NOT_OPEN');
    r.at('2026-04-20T02:00:00.000Z').exec(C.resume(), H);
    expect(r.status).toBe('FILED');
    expect(r.s.pauses).toEqual([{ from: '2026-04-10T02:00:00.000Z', to: '2026-04-20T02:00:00.000Z', reason: 'SUSPENSION: Party seriously ill (MSA 46)' }]);
    // 10–19 Apr excluded → 10 Jun.
    expect(r.s.deadlines.decision).toMatchObject({ state: 'OPEN', dueAt: '2026-06-10T15:59:59.999Z' });
    expect(r.s.deadlines.decision?.basis.pauses[0].daysExcluded).toBe(10);
    // A timer armed for the old due date is now early.
    r.at('2026-06-01T15:59:59.999Z');
    expect(rejected(r.try(C.escalation('decision'), SYSTEM)).code).toBe('DEADLINE.NOT_DUE');
  });

  it('hearing time is excluded: from the request to the hearing', () => {
    const r = scenario('HEARING_HELD');
    const d = r.s.deadlines.decision!;
    expect(r.s.pauses).toHaveLength(1);
    expect(r.s.pauses[0].reason).toBe('HEARING');
    expect(d.state).toBe('OPEN');
    // Requested 2 Mar, held 22 Mar: 3–21 Mar excluded (19 days); 19 Jun is 端午 → 22 Jun.
    expect(d.basis.pauses[0].daysExcluded).toBe(19);
    expect(d.basis.dueDate).toBe('2026-06-22');
  });

  it('while the hearing is pending the decision clock is suspended', () => {
    expect(scenario('HEARING_SCHEDULED').s.deadlines.decision?.state).toBe('SUSPENDED');
  });

  it('first extension by the head (+30 days); a further one needs a collective discussion', () => {
    const r = scenario('FILED');
    r.exec(C.extend('decision'), H);
    expect(r.s.deadlines.decision).toMatchObject({ extensions: 1, dueAt: '2026-06-30T15:59:59.999Z' });
    expect(r.s.deadlines.decision?.basis.days).toBe(120);
    expect(rejected(r.try(C.extend('decision'), H)).code).toBe('DEADLINE.EXTENSION_REQUIRES_COLLECTIVE_DISCUSSION');
    r.exec(C.collective(r.now, 'EXTENSION'), H);
    expect(r.status).toBe('FILED'); // an extension discussion does not move the case
    r.exec(C.extend('decision'), H);
    expect(r.s.deadlines.decision).toMatchObject({ extensions: 2, dueAt: '2026-07-30T15:59:59.999Z' });
  });

  it('an extension moves the due date, so the old timer is stale and the reminder may fire again', () => {
    const r = scenario('FILED');
    r.at('2026-05-21T16:00:00.000Z').exec(C.reminder('decision'), SYSTEM);
    expect(r.s.deadlines.decision?.reminded).toBe(true);
    r.exec(C.extend('decision'), H);
    expect(r.s.deadlines.decision?.reminded).toBe(false);
    r.at('2026-06-01T15:59:59.999Z');
    expect(rejected(r.try(C.escalation('decision'), SYSTEM)).code).toBe('DEADLINE.NOT_DUE');
  });

  it('only filingDecision and decision extend', () => {
    const r = scenario('DECIDED');
    expect(rejected(r.try(C.extend('service'), H)).code).toBe('CASE.TRANSITION_NOT_ALLOWED');
    const f = scenario('FILED');
    expect(rejected(f.try(C.extend('payment'), H)).code).toBe('DEADLINE.NOT_EXTENDABLE');
  });

  it('is met by the decision; a missed decision limit leaves OVERDUE until decided', () => {
    const r = scenario('NOTICE_SERVED');
    r.exec(C.defence({ hearingWaived: true }), A);
    r.at('2026-06-02T00:00:00.000Z').exec(C.escalation('decision'), SYSTEM);
    expect(r.s.flags).toContain('OVERDUE');
    r.exec(C.decide(), H);
    expect(r.s.deadlines.decision).toMatchObject({ state: 'MET', late: true });
    expect(r.s.flags).not.toContain('OVERDUE');
  });

  it('termination cancels the decision clock and arms closure', () => {
    const r = scenario('FILED');
    r.exec(C.terminate(), H);
    expect(r.s.deadlines.decision?.state).toBe('CANCELLED');
    expect(r.s.deadlines.closure).toMatchObject({ state: 'OPEN', startAt: '2026-03-02T05:00:00.000Z' });
  });
});

describe('service, payment, closure', () => {
  it('service: 7 WD from the decision (APL 61)', () => {
    const d = scenario('DECIDED').s.deadlines.service!;
    expect(d).toMatchObject({ startAt: '2026-03-02T10:00:00.000Z', dueAt: '2026-03-11T15:59:59.999Z', state: 'OPEN' });
  });

  it('service missed then done: MET late, OVERDUE cleared', () => {
    const r = scenario('DECIDED');
    r.at('2026-03-12T01:00:00.000Z').exec(C.escalation('service'), SYSTEM);
    expect(r.s.flags).toContain('OVERDUE');
    r.exec(C.serve(r.now), A);
    expect(r.s.deadlines.service).toMatchObject({ state: 'MET', late: true });
    expect(r.s.flags).not.toContain('OVERDUE');
  });

  it('payment: 15 days from the deemed service date (APL 67)', () => {
    const d = scenario('SERVED').s.deadlines.payment!;
    expect(d).toMatchObject({ owner: 'PARTY', startAt: '2026-03-02T11:00:00.000Z', dueAt: '2026-03-17T15:59:59.999Z' });
  });

  it('public-notice service: deemed served 30 days after publication, payment runs from then', () => {
    const r = scenario('DECIDED');
    r.at('2026-03-10T02:00:00.000Z').exec(C.serve('2026-03-10T02:00:00.000Z', { method: 'PUBLIC_NOTICE' }), A);
    expect(r.s.service).toMatchObject({ servedAt: '2026-03-10T02:00:00.000Z', deemedServedAt: '2026-04-09T02:00:00.000Z' });
    expect(r.s.servedAt).toBe('2026-04-09T02:00:00.000Z');
    expect(r.s.deadlines.payment).toMatchObject({ startAt: '2026-04-09T02:00:00.000Z', dueAt: '2026-04-24T15:59:59.999Z' });
  });

  it('postal service: the receipt date counts', () => {
    const r = scenario('DECIDED');
    r.at('2026-03-06T02:00:00.000Z').exec(C.serve('2026-03-05T06:00:00.000Z', { method: 'POSTAL' }), A);
    expect(r.s.deadlines.payment?.startAt).toBe('2026-03-05T06:00:00.000Z');
    expect(r.s.deadlines.payment?.basis.dueDate).toBe('2026-03-20');
  });

  it('payment missed: PAYMENT_OVERDUE (the party), not OVERDUE (the agency); full payment clears it', () => {
    const r = scenario('SERVED');
    r.at('2026-03-18T00:00:00.000Z').exec(C.escalation('payment'), SYSTEM);
    expect(r.s.flags).toEqual(['PAYMENT_OVERDUE', 'HEARING_OFFERED']);
    r.exec(C.pay(30000, r.now), A);
    expect(r.status).toBe('SERVED');
    expect(r.s.flags).toContain('PAYMENT_OVERDUE');
    r.exec(C.pay(22000, r.now), A);
    // The decision's amount is paid (late): the period is met, and the surcharge accrued meanwhile is still owed (APL 72).
    expect(r.s.deadlines.payment).toMatchObject({ state: 'MET', late: true });
    expect(r.s.flags).not.toContain('PAYMENT_OVERDUE');
    const surcharge = r.s.execution!.surchargeAccrued;
    expect(surcharge).toBeGreaterThan(0);
    expect(r.status).toBe('SERVED');
    r.exec(C.pay(surcharge, r.now), A);
    expect(r.status).toBe('EXECUTED');
  });

  it('closure: 15 WD from full payment (MSA 77)', () => {
    const r = scenario('EXECUTED');
    expect(r.s.deadlines.closure).toMatchObject({ startAt: '2026-03-02T12:00:00.000Z', dueAt: '2026-03-23T15:59:59.999Z', state: 'OPEN' });
    r.exec(C.close(), H);
    expect(r.s.deadlines.closure?.state).toBe('MET');
  });

  it('closure: from service when nothing is to be paid', () => {
    const r = scenario('NOTICE_SERVED');
    r.exec(C.defence({ hearingWaived: true }), A);
    r.exec(C.decide({ outcome: 'NO_PENALTY', penalty: undefined }), H);
    r.exec(C.serve(r.now), A);
    expect(r.s.deadlines.payment).toBeUndefined();
    expect(r.s.deadlines.closure?.startAt).toBe(r.s.service?.deemedServedAt);
    expect(r.try(C.close(), H).ok).toBe(true);
  });
});

describe('defence window (APL 45, 62): the party’s, not the agency’s', () => {
  it('5 WD from the notice; its lapse raises no flag and frees the decision', () => {
    const r = scenario('NOTICE_SERVED');
    expect(r.s.deadlines.defence).toMatchObject({ owner: 'PARTY', dueAt: '2026-03-09T15:59:59.999Z', state: 'OPEN' });
    expect(rejected(r.try(C.decide(), H)).code).toBe('CASE.DEFENCE_PERIOD_RUNNING');
    // APL 64: the window to ask for a hearing runs beside it, the same 5 WD.
    expect(r.s.deadlines.hearingRequest).toMatchObject({ owner: 'PARTY', dueAt: '2026-03-09T15:59:59.999Z', state: 'OPEN' });
    r.at('2026-03-09T15:59:59.999Z').exec(C.escalation('defence'), SYSTEM);
    expect(r.s.deadlines.defence?.state).toBe('MISSED');
    expect(r.s.flags).not.toContain('OVERDUE');
    expect(rejected(r.try(C.decide(), H)).code).toBe('CASE.HEARING_WINDOW_RUNNING');
    r.exec(C.escalation('hearingRequest'), SYSTEM);
    expect(r.s.flags).not.toContain('OVERDUE');
    expect(r.try(C.decide(), H).ok).toBe(true);
  });

  it('no step may cut the window short: defence must lapse before discussing or deciding', () => {
    const r = scenario('NOTICE_SERVED');
    expect(rejected(r.try(C.collective(r.now), H)).code).toBe('CASE.DEFENCE_PERIOD_RUNNING');
    expect(rejected(r.try(C.requestLegalReview(), A)).code).toBe('CASE.DEFENCE_PERIOD_RUNNING');
    r.exec(C.suspend(), H);
    r.exec(C.resume(), H);
    expect(rejected(r.try(C.decide(), H)).code).toBe('CASE.DEFENCE_PERIOD_RUNNING');
  });

  it('a hearing requested after the window → HEARING.REQUEST_LATE', () => {
    const r = scenario('NOTICE_SERVED');
    r.at('2026-03-10T01:00:00.000Z');
    expect(rejected(r.try(C.requestHearing(r.now), A)).code).toBe('HEARING.REQUEST_LATE');
  });
});

describe('seconds policy (for Temporal tests)', () => {
  it('runs deadlines on wall-clock seconds', () => {
    const r = new CaseRunner(testPolicy({ seconds: true }));
    r.exec(C.registerOrdinary({ discoveredAt: '2026-03-02T01:59:00.000Z' }), A, 0);
    expect(r.s.deadlines.filingDecision).toMatchObject({
      dueAt: plus('2026-03-02T01:59:00.000Z', 150_000),
      remindAt: plus('2026-03-02T01:59:00.000Z', 120_000),
    });
    r.exec(C.approveFiling(), H, 0);
    expect(r.s.deadlines.decision?.dueAt).toBe(plus(r.now, 900_000));
    r.at(plus(r.now, 900_000)).exec(C.escalation('decision'), SYSTEM, HOUR);
    expect(r.s.flags).toContain('OVERDUE');
  });
});
