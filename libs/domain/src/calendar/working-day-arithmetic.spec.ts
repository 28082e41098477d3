import { CALENDAR_2026 } from '../policy/calendars-2026';
import { addDays, computeDeadline } from './index';

const CALS = [CALENDAR_2026];
const NO_2027 = 'No holiday calendar for 2027: weekends and the fixed statutory days off (1 Jan, 1 May, 1–3 Oct) only';
const OCT_BLOCK = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'];

describe('addDays WORKING', () => {
  it('demo-data worked example: 7 WD from Mon 2026-09-28 → Tue 2026-10-13', () => {
    const r = addDays({ startDate: '2026-09-28', days: 7, kind: 'WORKING', calendars: CALS });
    expect(r.dueDate).toBe('2026-10-13');
    expect(r.holidaysMet).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(r.adjustedWorkingDaysMet).toEqual(['2026-10-10']);
    expect(r.rolledForwardFrom).toBeUndefined();
    expect(r.warnings).toEqual([]);
    expect(r.calendarSources).toEqual([CALENDAR_2026.source]);
  });

  it('Spring Festival: Sat 14 Feb counts, 15–23 Feb skipped', () => {
    const r = addDays({ startDate: '2026-02-13', days: 3, kind: 'WORKING', calendars: CALS });
    // 14 Feb (Sat, 调休), 24 Feb, 25 Feb
    expect(r.dueDate).toBe('2026-02-25');
    expect(r.adjustedWorkingDaysMet).toEqual(['2026-02-14']);
    expect(r.holidaysMet).toHaveLength(9);
    expect(r.holidaysMet[0]).toBe('2026-02-15');
    expect(r.holidaysMet[8]).toBe('2026-02-23');
  });

  it('Spring Festival: Sat 28 Feb is a working day and can be the last day', () => {
    const r = addDays({ startDate: '2026-02-26', days: 2, kind: 'WORKING', calendars: CALS });
    expect(r.dueDate).toBe('2026-02-28');
    expect(r.adjustedWorkingDaysMet).toEqual(['2026-02-28']);
  });

  it('Sun 4 Jan is a working day; the start day (2025, no calendar) is not consulted', () => {
    const r = addDays({ startDate: '2025-12-31', days: 1, kind: 'WORKING', calendars: CALS });
    expect(r.dueDate).toBe('2026-01-04');
    expect(r.holidaysMet).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(r.adjustedWorkingDaysMet).toEqual(['2026-01-04']);
    expect(r.warnings).toEqual([]);
  });

  it('crossing into 2027 without a calendar: weekends and 1 Jan off, one warning', () => {
    // 25, 28, 29, 30, 31 Dec; 1 Jan 2027 (Fri, 元旦 by the fallback) skipped; 4, 5, 6, 7, 8 Jan
    const r = addDays({ startDate: '2026-12-24', days: 10, kind: 'WORKING', calendars: CALS });
    expect(r.dueDate).toBe('2027-01-08');
    expect(r.warnings).toEqual([NO_2027]);
    expect(r.calendarSources).toEqual([CALENDAR_2026.source]);
    expect(r.holidaysMet).toEqual(['2027-01-01']);
  });

  it('the issue\'s case: 28 Dec 2026 + 5 WD is 5 Jan 2027, not 4 Jan', () => {
    const r = addDays({ startDate: '2026-12-28', days: 5, kind: 'WORKING', calendars: CALS });
    expect(r.dueDate).toBe('2027-01-05');
    expect(r.holidaysMet).toEqual(['2027-01-01']);
    expect(r.warnings).toEqual([NO_2027]);
  });

  it('computeDeadline without the fixed days (a workflow started before them) counts weekends only, and says so', () => {
    const d = computeDeadline({
      rule: 'test',
      period: { days: 5, kind: 'WORKING', source: 'test' },
      start: '2026-12-28T02:00:00Z',
      calendars: CALS,
      timeZone: 'Asia/Shanghai',
      fixedDaysOff: false,
    });
    expect(d.basis.dueDate).toBe('2027-01-04');
    expect(d.basis.holidaysMet).toEqual([]);
    expect(d.basis.warnings).toEqual(['No holiday calendar for 2027: weekends only']);
  });

  it('the fallback knows 1 May and 1–3 Oct, but no lunar holiday and no 调休', () => {
    // 2027-04-30 Fri → 1 May Sat, 2 May Sun, 3 May Mon (working: no notice yet)
    expect(addDays({ startDate: '2027-04-30', days: 1, kind: 'WORKING', calendars: [] }).dueDate).toBe('2027-05-03');
    // 2027-09-30 Thu → 1 Oct Fri off, 2–3 Oct weekend, 4 Oct Mon
    const oct = addDays({ startDate: '2027-09-30', days: 1, kind: 'WORKING', calendars: [] });
    expect(oct.dueDate).toBe('2027-10-04');
    expect(oct.holidaysMet).toEqual(['2027-10-01', '2027-10-02', '2027-10-03']);
    // 2028-05-01 is a Monday: off without a calendar
    expect(addDays({ startDate: '2028-04-28', days: 1, kind: 'WORKING', calendars: [] }).dueDate).toBe('2028-05-02');
  });
});

describe('addDays CALENDAR', () => {
  it('15 calendar days landing in the 1–7 Oct block roll forward to 8 Oct', () => {
    const r = addDays({ startDate: '2026-09-17', days: 15, kind: 'CALENDAR', calendars: CALS });
    expect(r.dueDate).toBe('2026-10-08');
    expect(r.rolledForwardFrom).toBe('2026-10-02');
    // 中秋 and 1 Oct are inside the counted days, 2–7 Oct are rolled over: all are listed once.
    expect(r.holidaysMet).toEqual(['2026-09-25', '2026-09-26', '2026-09-27', ...OCT_BLOCK]);
  });

  it('a period ending on a 调休 Saturday does not roll', () => {
    const r = addDays({ startDate: '2026-09-30', days: 10, kind: 'CALENDAR', calendars: CALS });
    expect(r.dueDate).toBe('2026-10-10');
    expect(r.rolledForwardFrom).toBeUndefined();
    expect(r.adjustedWorkingDaysMet).toEqual(['2026-10-10']);
  });

  it('a period ending on an ordinary Sunday rolls to Monday', () => {
    const r = addDays({ startDate: '2026-10-01', days: 10, kind: 'CALENDAR', calendars: CALS });
    expect(r.dueDate).toBe('2026-10-12');
    expect(r.rolledForwardFrom).toBe('2026-10-11');
    expect(r.holidaysMet).toEqual(OCT_BLOCK.slice(1));
  });

  it('holidays inside a calendar-day period are counted, not skipped', () => {
    const r = addDays({ startDate: '2026-09-28', days: 15, kind: 'CALENDAR', calendars: CALS });
    expect(r.dueDate).toBe('2026-10-13');
    expect(r.holidaysMet).toEqual(OCT_BLOCK);
  });

  it('the issue\'s case: 30 Sep + 3 calendar days lists 1 and 2 Oct too', () => {
    const r = addDays({ startDate: '2026-09-30', days: 3, kind: 'CALENDAR', calendars: CALS });
    expect(r.dueDate).toBe('2026-10-08');
    expect(r.rolledForwardFrom).toBe('2026-10-03');
    expect(r.holidaysMet).toEqual(OCT_BLOCK);
  });

  it('ending on a 2027 weekend rolls forward and warns', () => {
    const r = addDays({ startDate: '2026-12-30', days: 3, kind: 'CALENDAR', calendars: CALS });
    expect(r.rolledForwardFrom).toBe('2027-01-02');
    expect(r.dueDate).toBe('2027-01-04');
    expect(r.holidaysMet).toEqual(['2027-01-01']);
    expect(r.warnings).toEqual([NO_2027]);
  });

  it('rejects negative or fractional days', () => {
    expect(() => addDays({ startDate: '2026-01-05', days: -1, kind: 'CALENDAR', calendars: CALS })).toThrow(
      RangeError,
    );
    expect(() => addDays({ startDate: '2026-01-05', days: 1.5, kind: 'WORKING', calendars: CALS })).toThrow(
      RangeError,
    );
  });
});
