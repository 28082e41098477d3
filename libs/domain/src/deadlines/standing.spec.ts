import { byUrgency, deadlineStanding, lapseIsDelay, stillOwed } from './standing';

// 2026-03-10 is the due day in Shanghai: its last instant is 15:59:59.999 UTC.
const DUE = '2026-03-10T15:59:59.999Z';

describe('how a deadline stands', () => {
  it('counts whole local days to the due day, 0 on the day itself, negative once past', () => {
    expect(deadlineStanding(DUE, '2026-03-02T02:00:00Z', 'Asia/Shanghai')).toEqual({ daysLeft: 8, overdue: false });
    // 23:00 on the due day in Shanghai: due today, not yet overdue.
    expect(deadlineStanding(DUE, '2026-03-10T15:00:00Z', 'Asia/Shanghai')).toEqual({ daysLeft: 0, overdue: false });
    // Local midnight after the due day: a day overdue.
    expect(deadlineStanding(DUE, '2026-03-10T16:00:00Z', 'Asia/Shanghai')).toEqual({ daysLeft: -1, overdue: true });
    expect(deadlineStanding(DUE, '2026-03-14T01:00:00Z', 'Asia/Shanghai')).toEqual({ daysLeft: -4, overdue: true });
  });

  it('counts in the zone given, not in UTC', () => {
    // 01:00 on the 10th in Shanghai is still the 9th in UTC.
    expect(deadlineStanding(DUE, '2026-03-09T17:00:00Z', 'Asia/Shanghai').daysLeft).toBe(0);
    expect(deadlineStanding(DUE, '2026-03-09T17:00:00Z', 'UTC').daysLeft).toBe(1);
  });

  it('orders the overdue first, then the earlier due, then what has no due instant', () => {
    const items = [
      { id: 'none' },
      { id: 'later', dueAt: '2026-03-20T15:59:59.999Z', overdue: false },
      { id: 'late', dueAt: '2026-03-01T15:59:59.999Z', overdue: true },
      { id: 'soon', dueAt: '2026-03-05T15:59:59.999Z', overdue: false },
      { id: 'later-late', dueAt: '2026-03-02T15:59:59.999Z', overdue: true },
    ];
    expect([...items].sort(byUrgency).map((i) => i.id)).toEqual(['late', 'later-late', 'soon', 'later', 'none']);
  });

  it('is owed while open or missed; a lapse is a delay for the agency and for payment, not for the party’s windows', () => {
    expect(['OPEN', 'MISSED', 'MET', 'CANCELLED', 'SUSPENDED'].filter((state) => stillOwed({ state: state as never }))).toEqual(['OPEN', 'MISSED']);
    expect(lapseIsDelay('filingDecision')).toBe(true);
    expect(lapseIsDelay('payment')).toBe(true);
    expect(lapseIsDelay('defence')).toBe(false);
    expect(lapseIsDelay('hearingRequest')).toBe(false);
  });
});
