// A holiday calendar published after a case began reaches it: the running
// deadlines it moves are recomputed and recorded with old and new dates.

import { withCalendar } from '../../policy/calendar-view';
import type { HolidayCalendarYear } from '../../policy/policy.types';
import { CaseRunner, commands as C, people, SYSTEM } from '../../testing/case-fixtures';
import { testPolicy } from '../../testing/test-policy';
import type { DecideResult } from '../decide';

const { officerA: A } = people;

/** Not a real notice: a test calendar that makes Mon 4 Jan 2027 a day off. */
const TEST_2027: HolidayCalendarYear = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-04'],
  adjustedWorkingDays: [],
  source: 'test calendar for 2027 (not a published notice)',
};

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

function decemberLead(): CaseRunner {
  const r = new CaseRunner(testPolicy(), '2026-12-20T02:00:00.000Z');
  r.exec(C.registerOrdinary({ discoveredAt: '2026-12-18T01:00:00.000Z', violationAt: '2026-12-01' }), A);
  return r;
}

describe('RECOMPUTE_DEADLINES: a calendar published mid-case', () => {
  it('before: the fallback counts 1 Jan off and warns; after: the new calendar moves the due date, with old and new', () => {
    const r = decemberLead();
    const before = r.s.deadlines.filingDecision!;
    // 21–31 Dec: 9 WD; 1 Jan off by the fallback; 4–8 Jan: 5; 11 Jan is the 15th.
    expect(before.basis.dueDate).toBe('2027-01-11');
    expect(before.basis.holidaysMet).toEqual(['2027-01-01']);
    expect(before.basis.warnings).toEqual([expect.stringContaining('No holiday calendar for 2027')]);

    const [e] = r.exec({ type: 'RECOMPUTE_DEADLINES', calendar: TEST_2027 }, SYSTEM);
    expect(e).toEqual({
      type: 'DEADLINE_RECOMPUTED',
      calendar: TEST_2027,
      changes: [{ deadline: 'filingDecision', oldDueAt: before.dueAt, newDueAt: '2027-01-12T15:59:59.999Z', oldDueDate: '2027-01-11', newDueDate: '2027-01-12' }],
    });
    const after = r.s.deadlines.filingDecision!;
    expect(after).toMatchObject({ state: 'OPEN', dueAt: '2027-01-12T15:59:59.999Z', reminded: false });
    expect(after.basis.holidaysMet).toEqual(['2027-01-01', '2027-01-04']);
    expect(after.basis.warnings).toEqual([]);
    expect(after.basis.calendarSources).toContain(TEST_2027.source);
  });

  it('a calendar that changes nothing records nothing (409), and only the system may send one', () => {
    const r = decemberLead();
    const other = { ...TEST_2027, year: 2031, holidays: ['2031-01-01'], source: 'test 2031' };
    expect(rejected(r.try({ type: 'RECOMPUTE_DEADLINES', calendar: other }, SYSTEM)).code).toBe('DEADLINE.UNCHANGED');
    expect(rejected(r.try({ type: 'RECOMPUTE_DEADLINES', calendar: TEST_2027 }, A)).status).toBe(403);
  });

  it('deadlines armed later count with the calendar in the policy view', () => {
    const view = withCalendar(testPolicy(), TEST_2027);
    expect(view.calendars.map((c) => c.year)).toEqual([2026, 2027]);
    expect(withCalendar(view, { ...TEST_2027, holidays: ['2027-01-01'] }).calendars.find((c) => c.year === 2027)?.holidays).toEqual(['2027-01-01']);
  });
});

describe('a policy view for a workflow started before the fixed-days fallback', () => {
  it('counts a year without a calendar by weekends only, as its history did', () => {
    const old = new CaseRunner({ ...testPolicy(), weekendsOnlyWithoutCalendar: true }, '2026-12-20T02:00:00.000Z');
    old.exec(C.registerOrdinary({ discoveredAt: '2026-12-18T01:00:00.000Z', violationAt: '2026-12-01' }), A);
    // 21–31 Dec: 9 WD; 1 Jan counted; 4–8 Jan: 5 → Fri 8 Jan is the 15th.
    expect(old.s.deadlines.filingDecision?.basis).toMatchObject({ dueDate: '2027-01-08', holidaysMet: [], warnings: ['No holiday calendar for 2027: weekends only'] });
  });
});
