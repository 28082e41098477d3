import { DAY, people, plus, scenario } from '../testing/case-fixtures';
import { supervisionAccess } from './access';
import { awaitedFor, deadlinesToWatch } from './overdue';

const { officerA: A, officerB: B, head: H, deputyHead: H2, reviewer: R, supervisor: S } = people;
const agency = [A, B, H, H2, R, S];
const TZ = 'Asia/Shanghai';

describe('the deadlines a supervisor watches', () => {
  it('lists an open deadline once it is within the days asked for, and as overdue once past', () => {
    const r = scenario('LEAD_REGISTERED');
    const due = r.s.deadlines.filingDecision!;
    const far = deadlinesToWatch(r.s, { now: r.now, timeZone: TZ }, 3);
    expect(far).toEqual([]);
    const dayBefore = plus(due.dueAt, -DAY);
    expect(deadlinesToWatch(r.s, { now: dayBefore, timeZone: TZ }, 3)).toEqual([
      { kind: 'filingDecision', dueAt: due.dueAt, dueDate: due.basis.dueDate, source: 'MSA 18', state: 'OPEN', daysLeft: 1, overdue: false },
    ]);
    expect(deadlinesToWatch(r.s, { now: dayBefore, timeZone: TZ }, 0)).toEqual([]);
    const after = plus(due.dueAt, 2 * DAY);
    expect(deadlinesToWatch(r.s, { now: after, timeZone: TZ }, 0)).toEqual([expect.objectContaining({ kind: 'filingDecision', daysLeft: -2, overdue: true })]);
  });

  it("leaves out the party's own windows, and deadlines met", () => {
    const r = scenario('NOTICE_SERVED');
    const kinds = deadlinesToWatch(r.s, { now: plus(r.now, 400 * DAY), timeZone: TZ }, 3).map((d) => d.kind);
    expect(r.s.deadlines.defence?.state).toBe('OPEN');
    expect(kinds).not.toContain('defence');
    expect(kinds).not.toContain('hearingRequest');
    expect(kinds).not.toContain('filingDecision');
    expect(kinds).toContain('decision');
  });

  it('names who the deadline waits for: the heads for filing, the reviewer for the review, else whoever the case waits for', () => {
    const lead = scenario('LEAD_REGISTERED');
    expect(awaitedFor(lead.s, 'filingDecision', agency)).toEqual([
      { userId: H.userId, name: H.name, actions: ['filing'] },
      { userId: H2.userId, name: H2.name, actions: ['filing'] },
    ]);
    const reported = scenario('INVESTIGATION_REPORTED');
    expect(awaitedFor(reported.s, 'caseReview', agency)).toEqual([{ userId: R.userId, name: R.name, actions: ['case-review'] }]);
    // The decision limit, while the case waits for the review: the reviewer.
    expect(awaitedFor(reported.s, 'decision', agency).map((p) => p.userId)).toEqual([R.userId]);
    // Nobody in the list can act: the case officers answer for it.
    expect(awaitedFor(reported.s, 'decision', [S])).toEqual(reported.s.officers.map((o) => ({ userId: o.userId, name: o.name, actions: [] })));
    // The publication is the disclosure job's: the case officers answer for it, not whoever has a task on the case.
    const decided = scenario('DECIDED');
    expect(awaitedFor(decided.s, 'disclosure', agency)).toEqual(decided.s.officers.map((o) => ({ userId: o.userId, name: o.name, actions: [] })));
  });
});

describe('who reads the supervision views', () => {
  it('a supervisor, and no other role', () => {
    expect(supervisionAccess(S)).toEqual({ ok: true });
    expect(supervisionAccess(H)).toMatchObject({ ok: false, code: 'SUPERVISION.SUPERVISOR_ONLY' });
    expect(supervisionAccess(A)).toMatchObject({ ok: false, code: 'SUPERVISION.SUPERVISOR_ONLY' });
  });
});
