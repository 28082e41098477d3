// 复议 / 诉讼 and what their outcomes do (the 'challenge-effects' rule change).
import { commands as C, DAY, people, plus, scenario, SYSTEM } from '../../testing/case-fixtures';
import { testPolicy } from '../../testing/test-policy';
import type { CaseCommand, CommandOf } from '../case-commands';
import type { DecideResult } from '../decide';
import { decisionFinalAt } from './shared';

const { officerA: A, head: H } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

const decided = (at: string, result: CommandOf<'RECORD_CHALLENGE'>['result'], over: Partial<CommandOf<'RECORD_CHALLENGE'>> = {}): CommandOf<'RECORD_CHALLENGE'> => ({
  ...C.challenge(at, 'DECIDED', result),
  ...over,
});

describe('challenge windows (ARL 20, ALL 46)', () => {
  it('run from service: 60 calendar days and 6 months, owned by the party', () => {
    const r = scenario('SERVED');
    const served = r.s.service!.deemedServedAt;
    expect(r.s.deadlines.reconsiderationWindow).toMatchObject({ owner: 'PARTY', state: 'OPEN', startAt: served, basis: { days: 60, kind: 'CALENDAR' } });
    expect(r.s.deadlines.litigationWindow).toMatchObject({ owner: 'PARTY', state: 'OPEN', startAt: served, basis: { months: 6, kind: 'CALENDAR' } });
  });

  it('lapse without raising OVERDUE; the decision is final once both have', () => {
    const r = scenario('CLOSED');
    const end = r.s.deadlines.litigationWindow!.dueAt;
    r.at(r.s.deadlines.reconsiderationWindow!.dueAt).exec(C.escalation('reconsiderationWindow'), SYSTEM);
    r.at(end).exec(C.escalation('litigationWindow'), SYSTEM);
    expect(r.s.deadlines.litigationWindow?.state).toBe('MISSED');
    expect(r.s.flags).not.toContain('OVERDUE');
    expect(r.s.flags).not.toContain('PAYMENT_OVERDUE');
    expect(decisionFinalAt(r.s)).toBe(end);
  });

  it('the decision is not final while a challenge is pending, nor once revoked', () => {
    const r = scenario('SERVED');
    r.exec(C.challenge(r.now), A);
    expect(decisionFinalAt(r.s)).toBeUndefined();
    r.exec(decided(r.now, 'UPHELD'), A);
    expect(decisionFinalAt(r.s)).toBe(r.s.deadlines.litigationWindow!.dueAt);
    r.exec({ ...C.challenge(r.now), challengeId: 'ch-2', kind: 'LITIGATION' }, A);
    r.exec({ ...decided(r.now, 'REVOKED'), challengeId: 'ch-2', kind: 'LITIGATION' }, A);
    expect(decisionFinalAt(r.s)).toBeUndefined();
  });

  it('under a policy older than the windows: the statutory periods', () => {
    const policy = testPolicy();
    delete policy.deadlines.reconsiderationWindow;
    delete policy.deadlines.litigationWindow;
    const r = scenario('SERVED', policy);
    expect(r.s.deadlines.reconsiderationWindow?.basis).toMatchObject({ days: 60, source: 'ARL 20 (60 days from service)' });
    expect(r.s.deadlines.litigationWindow?.basis).toMatchObject({ months: 6, source: 'ALL 46 (6 months from service)' });
  });

  it('are armed by the on-the-spot service of a simple decision too', () => {
    const r = scenario('SIMPLE:SERVED');
    expect(r.s.deadlines.reconsiderationWindow?.state).toBe('OPEN');
    expect(r.s.deadlines.litigationWindow?.state).toBe('OPEN');
  });

  it('a challenge filed after its window is recorded with a note (the body may accept it for good reason, ARL 20 ¶2)', () => {
    const r = scenario('SERVED');
    const windowEnd = r.s.deadlines.reconsiderationWindow!.dueAt;
    r.at(plus(windowEnd, DAY)).exec(C.challenge(plus(windowEnd, 1000)), A);
    expect(r.s.challenges[0]).toMatchObject({ challengeId: 'ch-1', late: { windowEnd } });
  });
});

describe('outcomes take effect', () => {
  it('REVOKED: nothing due, the payment clock cancelled, no payment taken, and the case can close', () => {
    const r = scenario('SERVED');
    r.exec(C.challenge(r.now), A);
    r.exec(decided(r.now, 'REVOKED'), A);
    expect(r.s.decision).toMatchObject({ amountDue: 0, revoked: true });
    expect(r.s.deadlines.payment?.state).toBe('CANCELLED');
    expect(r.s.deadlines.closure?.state).toBe('OPEN');
    expect(r.s.flags).toContain('DECISION_REVOKED');
    expect(rejected(r.try(C.pay(52000, r.now), A))).toMatchObject({ code: 'PAYMENT.DECISION_REVOKED', status: 409 });
    // The payment timer finds nothing to escalate.
    expect(rejected(r.try(C.escalation('payment'), SYSTEM)).code).toBe('DEADLINE.NOT_OPEN');
    r.exec(C.close(), H);
    expect(r.s.status).toBe('CLOSED');
  });

  it('CONFIRMED_INVALID after payment in full: the money paid is owed back', () => {
    const r = scenario('EXECUTED');
    r.exec(C.challenge(r.now), A);
    r.exec(decided(r.now, 'CONFIRMED_INVALID'), A);
    expect(r.s.decision).toMatchObject({ amountDue: 0, revoked: true, refundOwed: 52000 });
  });

  it('VARIED: the new penalty and its amount; what was paid beyond it is owed back', () => {
    const r = scenario('SERVED');
    r.exec(C.pay(40000, r.now), A);
    r.exec(C.challenge(r.now), A);
    const penalty = { kinds: ['FINE' as const, 'CONFISCATION' as const], fineAmount: 30000, confiscationAmount: 2000 };
    r.exec(decided(r.now, 'VARIED', { penalty }), A);
    expect(r.s.decision).toMatchObject({ amountDue: 32000, refundOwed: 8000, varied: { penalty, challengeId: 'ch-1' } });
    expect(r.s.challenges[0]).toMatchObject({ result: 'VARIED', penalty });
    expect(r.s.deadlines.payment?.state).toBe('CANCELLED');
    // Paid in full under the varied decision.
    expect(r.s.status).toBe('EXECUTED');
    expect(r.s.deadlines.closure?.state).toBe('OPEN');
    r.exec(C.close(), H);
  });

  it('VARIED with money still due: the payment clock runs on for the new amount', () => {
    const r = scenario('SERVED');
    r.exec(C.challenge(r.now), A);
    r.exec(decided(r.now, 'VARIED', { penalty: { kinds: ['FINE'], fineAmount: 20000 } }), A);
    expect(r.s.decision?.amountDue).toBe(20000);
    expect(r.s.deadlines.payment?.state).toBe('OPEN');
    expect(rejected(r.try(C.pay(20001, r.now), A)).code).toBe('PAYMENT.EXCEEDS_AMOUNT_DUE');
    r.exec(C.pay(20000, r.now), A);
    expect(r.s.status).toBe('EXECUTED');
  });

  it('VARIED never burdens the party more (ARL 63, ALL 77): 422, nothing recorded', () => {
    const r = scenario('SERVED');
    r.exec(C.challenge(r.now), A);
    const rej = rejected(r.try(decided(r.now, 'VARIED', { penalty: { kinds: ['FINE'], fineAmount: 60000 } }), A));
    expect(rej).toMatchObject({ code: 'CHALLENGE.VARIED_HEAVIER', status: 422 });
    expect(r.s.challenges[0].result).toBeUndefined();
  });

  it('VARIED needs the penalty, validated as a decision\'s; a penalty with another result is malformed', () => {
    const r = scenario('SERVED');
    r.exec(C.challenge(r.now), A);
    expect(rejected(r.try(decided(r.now, 'VARIED'), A))).toMatchObject({ code: 'VALIDATION.FAILED', errors: [expect.objectContaining({ field: 'penalty' })] });
    expect(rejected(r.try(decided(r.now, 'VARIED', { penalty: { kinds: ['FINE'] } }), A)).errors?.[0].field).toBe('penalty.fineAmount');
    expect(rejected(r.try(decided(r.now, 'UPHELD', { penalty: { kinds: ['WARNING'] } }), A)).errors?.[0].field).toBe('penalty');
  });

  it.each(['UPHELD', 'DISMISSED', 'WITHDRAWN'] as const)('%s leaves the decision as it stands', (result) => {
    const r = scenario('SERVED');
    r.exec(C.challenge(r.now), A);
    r.exec(decided(r.now, result), A);
    expect(r.s.decision).toMatchObject({ amountDue: 52000 });
    expect(r.s.decision?.revoked).toBeUndefined();
    expect(r.s.deadlines.payment?.state).toBe('OPEN');
  });

  it('history replayed from before the rule change folds and judges as it did (the revoked decision still took payment)', () => {
    const r = scenario('SERVED', undefined, 'challenge-effects');
    r.exec(C.challenge(r.now), A);
    r.exec(decided(r.now, 'REVOKED'), A);
    expect(r.s.decision).toMatchObject({ amountDue: 52000, revoked: true });
    r.exec(C.pay(52000, r.now), A);
    expect(r.s.status).toBe('EXECUTED');
  });
});

describe('archiving and supplements (补充归档)', () => {
  it('ARCHIVE waits for a pending challenge: 409 CASE.CHALLENGE_PENDING', () => {
    const r = scenario('CLOSED');
    r.exec({ ...C.challenge(r.now), kind: 'LITIGATION' }, A);
    expect(rejected(r.try(C.archive(), A))).toMatchObject({ code: 'CASE.CHALLENGE_PENDING', status: 409 });
    r.exec({ ...decided(r.now, 'UPHELD'), kind: 'LITIGATION' }, A);
    r.exec(C.archive(), A);
    expect(r.s.status).toBe('ARCHIVING');
  });

  it('an archived case records a later challenge and its outcome as supplements, with its effect', () => {
    const r = scenario('ARCHIVED');
    r.exec({ ...C.challenge(r.now), kind: 'LITIGATION' }, A);
    r.exec({ ...decided(r.now, 'REVOKED'), kind: 'LITIGATION' }, A);
    expect(r.s).toMatchObject({ status: 'ARCHIVED', challenges: [{ supplement: true, result: 'REVOKED' }], decision: { amountDue: 0, refundOwed: 52000 } });
    // Nothing else: the file stays sealed.
    expect(rejected(r.try(C.close() as CaseCommand, people.head)).code).toBe('CASE.ARCHIVED');
  });
});
