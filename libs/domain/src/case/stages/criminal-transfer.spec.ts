// R310's time limits on a criminal transfer (两法衔接), each a deadline with its
// basis: the head's 3 days, the 24-hour dispatch, the police's 3 days from
// receipt, and the 3-day windows for reconsideration and supervision.

import { commands as C, DAY, HOUR, people, plus, scenario, SYSTEM } from '../../testing/case-fixtures';
import type { DecideResult } from '../decide';

const { officerA: A, head: H, police: P } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

describe('R310 time limits are deadlines', () => {
  it('the head decides within 3 calendar days of the proposal; a late head escalates as the agency overdue', () => {
    const r = scenario('TRANSFER_PROPOSED');
    const d = r.s.deadlines.transferApproval!;
    expect(d).toMatchObject({ state: 'OPEN', owner: 'AGENCY' });
    expect(d.basis.source).toContain('R310 5');
    // Calendar days, whatever the weekday: 3 days from the proposal's local date.
    expect(Date.parse(d.dueAt)).toBeGreaterThan(Date.parse(plus(d.startAt, 2 * DAY)));
    r.at(plus(d.dueAt, HOUR)).exec(C.escalation('transferApproval'), SYSTEM);
    expect(r.s.flags).toContain('OVERDUE');
    r.exec(C.approveTransfer(), H);
    expect(r.s.deadlines.transferApproval).toMatchObject({ state: 'MET', late: true });
    expect(r.s.flags).not.toContain('OVERDUE');
  });

  it('an approved transfer is dispatched within 24 hours of the approval', () => {
    const r = scenario('TRANSFER_APPROVED');
    const d = r.s.deadlines.transferDispatch!;
    expect(Date.parse(d.dueAt) - Date.parse(d.startAt)).toBe(24 * HOUR);
    expect(r.s.deadlines.transferApproval?.state).toBe('MET');
    r.exec(C.dispatchTransfer(r.now), A);
    expect(r.s.deadlines.transferDispatch?.state).toBe('MET');
  });

  it('the police have 3 days from dispatch until they sign, then 3 days from the receipt; lateness is theirs', () => {
    const r = scenario('TRANSFERRED');
    const sent = r.s.transfer!.dispatch!.sentAt;
    expect(r.s.deadlines.policeFilingDecision).toMatchObject({ state: 'OPEN', owner: 'POLICE', startAt: sent });
    // An unacknowledged dispatch escalates: the police, not the agency, are late.
    const unacknowledged = scenario('TRANSFERRED');
    unacknowledged.at(plus(unacknowledged.s.deadlines.policeFilingDecision!.dueAt, HOUR)).exec(C.escalation('policeFilingDecision'), SYSTEM);
    expect(unacknowledged.s.flags).toContain('TRANSFER_OVERDUE');
    expect(unacknowledged.s.flags).not.toContain('OVERDUE');

    const receivedAt = plus(sent, 2 * DAY);
    r.at(plus(receivedAt, HOUR)).exec(C.policeDecision('RECEIPT', receivedAt), P);
    expect(r.status).toBe('TRANSFER_RECEIVED');
    expect(r.s.deadlines.policeFilingDecision).toMatchObject({ state: 'OPEN', startAt: receivedAt });
    expect(rejected(r.try(C.policeDecision('RECEIPT', r.now), P))).toMatchObject({ status: 409, code: 'TRANSFER.ALREADY_RECEIVED' });
    r.exec(C.policeDecision('ACCEPT', r.now), P);
    expect(r.s.deadlines.policeFilingDecision?.state).toBe('MET');
  });

  it('a police act dated before the dispatch is refused as content (422)', () => {
    const r = scenario('TRANSFERRED');
    const before = plus(r.s.transfer!.dispatch!.sentAt, -HOUR);
    expect(rejected(r.try(C.policeDecision('RECEIPT', before), P))).toMatchObject({ status: 422, code: 'TRANSFER.RECEIPT_BEFORE_DISPATCH' });
  });

  it('after a refusal the agency has 3 days to ask for reconsideration; the police answer within 3 days; then 3 days for supervision', () => {
    const r = scenario('TRANSFER_DECLINED');
    expect(r.s.deadlines.transferReconsiderationRequest).toMatchObject({ state: 'OPEN', owner: 'AGENCY' });
    expect(r.s.deadlines.transferSupervisionRequest).toMatchObject({ state: 'OPEN' });
    r.exec(C.requestReconsideration(), A);
    expect(r.s.deadlines.transferReconsiderationRequest?.state).toBe('MET');
    expect(r.s.deadlines.transferSupervisionRequest?.state).toBe('CANCELLED');
    expect(r.s.deadlines.transferReconsiderationAnswer).toMatchObject({ state: 'OPEN', owner: 'POLICE' });
    r.exec(C.answerReconsideration(false), P);
    expect(r.s.deadlines.transferReconsiderationAnswer?.state).toBe('MET');
    expect(r.s.deadlines.transferSupervisionRequest).toMatchObject({ state: 'OPEN' });
    r.exec(C.requestSupervision(), A);
    expect(r.s.deadlines.transferSupervisionRequest?.state).toBe('MET');
  });

  it('a window the agency let pass closes the request (409, not offered) and is no delay; the case may still return to its track', () => {
    const r = scenario('TRANSFER_DECLINED');
    const due = r.s.deadlines.transferReconsiderationRequest!.dueAt;
    // Past due before the alarm: the guard sees the instant and refuses already.
    r.at(plus(due, HOUR));
    expect(rejected(r.try(C.requestReconsideration(), A))).toMatchObject({ status: 409, code: 'TRANSFER.WINDOW_CLOSED' });
    r.exec(C.escalation('transferReconsiderationRequest'), SYSTEM);
    r.exec(C.escalation('transferSupervisionRequest'), SYSTEM);
    expect(r.s.flags).not.toContain('OVERDUE');
    expect(rejected(r.try(C.requestSupervision(), A))).toMatchObject({ status: 409, code: 'TRANSFER.WINDOW_CLOSED' });
    r.exec(C.resumeAdministrative(), H);
    expect(r.status).toBe('FILED');
    expect(Object.values(r.s.deadlines).filter((d) => d.kind.startsWith('transfer') && d.state === 'OPEN')).toEqual([]);
  });

  it('a transfer recorded before the limits replays without them', () => {
    const r = scenario('TRANSFERRED', undefined, 'r310-limits');
    expect(r.s.deadlines.transferApproval).toBeUndefined();
    expect(r.s.deadlines.policeFilingDecision).toBeUndefined();
    r.exec(C.policeDecision('RECEIPT', r.now), P);
    expect(r.status).toBe('TRANSFERRED');
  });
});
