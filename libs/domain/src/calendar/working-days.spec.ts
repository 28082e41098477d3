import { CALENDAR_2026 } from '../policy/calendars-2026';
import type { PeriodSpec } from '../policy/policy.types';
import { addDays, computeDeadline, isWorkingDay, localDate } from './index';

const TZ = 'Asia/Shanghai';
const CALS = [CALENDAR_2026];
const NO_2027 = 'No holiday calendar for 2027: weekends only';

const period = (p: Partial<PeriodSpec>): PeriodSpec => ({ days: 0, kind: 'CALENDAR', source: 'test', ...p });

describe('CALENDAR_2026', () => {
  it('lists 33 days off and 6 adjusted working days, all valid and in 2026', () => {
    expect(CALENDAR_2026.holidays).toHaveLength(33);
    expect(CALENDAR_2026.adjustedWorkingDays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(CALENDAR_2026.source).toContain('国务院办公厅');
    expect(CALENDAR_2026.source).toContain('2025-11-04');
  });

  it('adjusted working days are all weekend days', () => {
    for (const d of CALENDAR_2026.adjustedWorkingDays) {
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      expect([0, 6]).toContain(dow);
    }
  });
});

describe('localDate', () => {
  it('UTC 16:30 is already the next local day in Asia/Shanghai', () => {
    expect(localDate('2026-09-27T16:30:00Z', TZ)).toBe('2026-09-28');
  });

  it('the last millisecond before local midnight is still the same day', () => {
    expect(localDate('2026-09-27T15:59:59.999Z', TZ)).toBe('2026-09-27');
    expect(localDate('2026-09-27T16:00:00.000Z', TZ)).toBe('2026-09-28');
  });

  it('honours explicit offsets', () => {
    expect(localDate('2026-09-28T00:30:00+08:00', TZ)).toBe('2026-09-28');
    expect(localDate('2026-09-28T00:30:00+08:00', 'UTC')).toBe('2026-09-27');
  });

  it('rejects an instant without a zone designator (host-dependent)', () => {
    expect(() => localDate('2026-09-28T10:00:00', TZ)).toThrow(RangeError);
  });

  it('rejects an unknown time zone', () => {
    expect(() => localDate('2026-09-28T10:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-09-28', true], // Mon
    ['2026-10-01', false], // National Day
    ['2026-10-03', false], // Sat inside the block
    ['2026-10-10', true], // Sat, 调休
    ['2026-10-11', false], // ordinary Sunday
    ['2026-01-04', true], // Sun, 调休
    ['2026-02-14', true], // Sat, 调休
    ['2026-02-23', false], // Mon, Spring Festival
    ['2027-01-01', true], // no 2027 calendar: a Friday counts as working
    ['2027-01-02', false], // Saturday
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date, CALS)).toBe(expected);
  });

  it('without any calendar, only weekends are off', () => {
    expect(isWorkingDay('2026-10-01', [])).toBe(true);
    expect(isWorkingDay('2026-10-10', [])).toBe(false);
  });

  it('rejects an impossible date', () => {
    expect(() => isWorkingDay('2026-02-30', CALS)).toThrow(RangeError);
  });
});

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

  it('crossing into 2027 without a calendar: weekends only, one warning', () => {
    // 25, 28, 29, 30, 31 Dec; 1 Jan 2027 (Fri, no calendar → working); 4, 5, 6, 7 Jan
    const r = addDays({ startDate: '2026-12-24', days: 10, kind: 'WORKING', calendars: CALS });
    expect(r.dueDate).toBe('2027-01-07');
    expect(r.warnings).toEqual([NO_2027]);
    expect(r.calendarSources).toEqual([CALENDAR_2026.source]);
    expect(r.holidaysMet).toEqual([]);
  });
});

describe('addDays CALENDAR', () => {
  it('15 calendar days landing in the 1–7 Oct block roll forward to 8 Oct', () => {
    const r = addDays({ startDate: '2026-09-17', days: 15, kind: 'CALENDAR', calendars: CALS });
    expect(r.dueDate).toBe('2026-10-08');
    expect(r.rolledForwardFrom).toBe('2026-10-02');
    expect(r.holidaysMet).toEqual([
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
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
    expect(r.holidaysMet).toEqual([]);
  });

  it('holidays inside a calendar-day period are counted, not skipped', () => {
    const r = addDays({ startDate: '2026-09-28', days: 15, kind: 'CALENDAR', calendars: CALS });
    expect(r.dueDate).toBe('2026-10-13');
    expect(r.holidaysMet).toEqual([]);
  });

  it('ending on a 2027 weekend rolls forward and warns', () => {
    const r = addDays({ startDate: '2026-12-30', days: 3, kind: 'CALENDAR', calendars: CALS });
    expect(r.rolledForwardFrom).toBe('2027-01-02');
    expect(r.dueDate).toBe('2027-01-04');
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

describe('computeDeadline', () => {
  it('worked example as a deadline: dueAt is 23:59:59.999 local on 13 Oct', () => {
    const d = computeDeadline({
      rule: 'defence',
      period: period({ days: 7, kind: 'WORKING', source: 'APL 45', remindBefore: 2 }),
      start: '2026-09-28T02:00:00Z',
      calendars: CALS,
      timeZone: TZ,
    });
    expect(d.dueAt).toBe('2026-10-13T15:59:59.999Z');
    // 2 WD before 13 Oct: 12 Oct, 10 Oct (Sat, 调休) → 00:00 local on 10 Oct
    expect(d.remindAt).toBe('2026-10-09T16:00:00.000Z');
    expect(d.suspended).toBeUndefined();
    expect(d.basis).toMatchObject({
      rule: 'defence',
      source: 'APL 45',
      start: '2026-09-28T02:00:00Z',
      startDate: '2026-09-28',
      days: 7,
      kind: 'WORKING',
      pauses: [],
      adjustedWorkingDaysMet: ['2026-10-10'],
      calendarSources: [CALENDAR_2026.source],
      warnings: [],
      dueDate: '2026-10-13',
    });
    expect(d.basis.holidaysMet).toHaveLength(7);
  });

  it('uses the local start date: 16:30 UTC on 27 Sep starts on 28 Sep', () => {
    const d = computeDeadline({
      rule: 'defence',
      period: period({ days: 7, kind: 'WORKING' }),
      start: '2026-09-27T16:30:00Z',
      calendars: CALS,
      timeZone: TZ,
    });
    expect(d.basis.startDate).toBe('2026-09-28');
    expect(d.basis.dueDate).toBe('2026-10-13');
  });

  it('90 calendar days without pause: 31 May (Sun) rolls to 1 Jun', () => {
    const d = computeDeadline({
      rule: 'decision',
      period: period({ days: 90, kind: 'CALENDAR', source: 'APL 60' }),
      start: '2026-03-02T02:00:00Z',
      calendars: CALS,
      timeZone: TZ,
    });
    expect(d.basis.rolledForwardFrom).toBe('2026-05-31');
    expect(d.basis.dueDate).toBe('2026-06-01');
    expect(d.dueAt).toBe('2026-06-01T15:59:59.999Z');
  });

  it('90 calendar days with a 10-day pause end 10 days later', () => {
    const d = computeDeadline({
      rule: 'decision',
      period: period({ days: 90, kind: 'CALENDAR', source: 'APL 60' }),
      start: '2026-03-02T02:00:00Z',
      calendars: CALS,
      timeZone: TZ,
      // Local 10 Apr 00:30 → resume local 20 Apr 11:00: 10–19 Apr excluded.
      pauses: [{ from: '2026-04-09T16:30:00Z', to: '2026-04-20T03:00:00Z', reason: '中止' }],
    });
    expect(d.basis.pauses).toEqual([
      { from: '2026-04-09T16:30:00Z', to: '2026-04-20T03:00:00Z', reason: '中止', daysExcluded: 10 },
    ]);
    expect(d.basis.rolledForwardFrom).toBeUndefined();
    expect(d.basis.dueDate).toBe('2026-06-10');
    expect(d.dueAt).toBe('2026-06-10T15:59:59.999Z');
    expect(d.suspended).toBeUndefined();
  });

  it('a pause resumed on the day it began excludes no day', () => {
    const d = computeDeadline({
      rule: 'decision',
      period: period({ days: 90, kind: 'CALENDAR' }),
      start: '2026-03-02T02:00:00Z',
      calendars: CALS,
      timeZone: TZ,
      pauses: [{ from: '2026-04-10T01:00:00Z', to: '2026-04-10T08:00:00Z', reason: 'hearing' }],
    });
    expect(d.basis.pauses[0].daysExcluded).toBe(0);
    expect(d.basis.dueDate).toBe('2026-06-01');
  });

  it('overlapping pauses are not counted twice', () => {
    const d = computeDeadline({
      rule: 'decision',
      period: period({ days: 90, kind: 'CALENDAR' }),
      start: '2026-03-02T02:00:00Z',
      calendars: CALS,
      timeZone: TZ,
      pauses: [
        { from: '2026-04-10T01:00:00Z', to: '2026-04-20T01:00:00Z', reason: '中止' }, // 10–19 Apr
        { from: '2026-04-15T01:00:00Z', to: '2026-04-25T01:00:00Z', reason: 'appraisal' }, // 15–24 Apr
      ],
    });
    expect(d.basis.pauses.map((p) => p.daysExcluded)).toEqual([10, 5]);
    expect(d.basis.dueDate).toBe('2026-06-15');
  });

  it('WORKING period: paused working days are not counted', () => {
    const d = computeDeadline({
      rule: 'defence',
      period: period({ days: 7, kind: 'WORKING' }),
      start: '2026-09-28T02:00:00Z',
      calendars: CALS,
      timeZone: TZ,
      // 29 and 30 Sep paused; resume 1 Oct local.
      pauses: [{ from: '2026-09-29T01:00:00Z', to: '2026-10-01T01:00:00Z', reason: 'hearing' }],
    });
    // 8, 9, 10 (Sat), 12, 13, 14, 15 Oct
    expect(d.basis.dueDate).toBe('2026-10-15');
    expect(d.basis.pauses[0].daysExcluded).toBe(2);
  });

  it('an open pause marks the deadline suspended and is ignored in the arithmetic', () => {
    const d = computeDeadline({
      rule: 'decision',
      period: period({ days: 90, kind: 'CALENDAR' }),
      start: '2026-03-02T02:00:00Z',
      calendars: CALS,
      timeZone: TZ,
      pauses: [{ from: '2026-04-10T01:00:00Z', reason: '中止' }],
    });
    expect(d.suspended).toBe(true);
    expect(d.basis.dueDate).toBe('2026-06-01');
    expect(d.basis.pauses).toEqual([{ from: '2026-04-10T01:00:00Z', reason: '中止', daysExcluded: 0 }]);
    expect(d.basis.warnings.some((w) => w.includes('paused'))).toBe(true);
  });

  it('a period crossing into 2027 warns and counts weekends only', () => {
    const d = computeDeadline({
      rule: 'closure',
      period: period({ days: 10, kind: 'WORKING', source: 'MSA 77' }),
      start: '2026-12-24T01:00:00Z',
      calendars: CALS,
      timeZone: TZ,
    });
    expect(d.basis.dueDate).toBe('2027-01-07');
    expect(d.dueAt).toBe('2027-01-07T15:59:59.999Z');
    expect(d.basis.warnings).toEqual([NO_2027]);
  });

  it('remindAt is never earlier than start', () => {
    const d = computeDeadline({
      rule: 'defence',
      period: period({ days: 7, kind: 'WORKING', remindBefore: 30 }),
      start: '2026-09-28T02:00:00Z',
      calendars: CALS,
      timeZone: TZ,
    });
    expect(d.remindAt).toBe('2026-09-28T02:00:00.000Z');
  });

  it('remindAt for CALENDAR periods counts calendar days back from the due date', () => {
    const d = computeDeadline({
      rule: 'payment',
      period: period({ days: 15, kind: 'CALENDAR', remindBefore: 3 }),
      start: '2026-09-17T02:00:00Z',
      calendars: CALS,
      timeZone: TZ,
    });
    expect(d.basis.dueDate).toBe('2026-10-08');
    expect(d.remindAt).toBe('2026-10-04T16:00:00.000Z'); // 00:00 local, 5 Oct
  });

  it('seconds mode: wall-clock period, remindAt before it, basis flagged', () => {
    const d = computeDeadline({
      rule: 'decision',
      period: period({ days: 90, kind: 'CALENDAR', seconds: 120, remindBefore: 30, source: 'APL 60' }),
      start: '2026-05-01T00:00:00Z',
      calendars: CALS,
      timeZone: TZ,
    });
    expect(d.dueAt).toBe('2026-05-01T00:02:00.000Z');
    expect(d.remindAt).toBe('2026-05-01T00:01:30.000Z');
    expect(d.basis.days).toBe(0);
    expect(d.basis.kind).toBe('CALENDAR');
    expect(d.basis.seconds).toBe(120);
    expect(d.basis.warnings).toContain('test period in seconds');
    expect(d.basis.dueDate).toBe('2026-05-01');
  });

  it('seconds mode: a closed pause extends the wall-clock deadline', () => {
    const d = computeDeadline({
      rule: 'decision',
      period: period({ days: 90, kind: 'CALENDAR', seconds: 120 }),
      start: '2026-05-01T00:00:00Z',
      calendars: CALS,
      timeZone: TZ,
      pauses: [{ from: '2026-05-01T00:01:00Z', to: '2026-05-01T00:01:45Z', reason: '中止' }],
    });
    expect(d.dueAt).toBe('2026-05-01T00:02:45.000Z');
  });

  it('rejects a pause that ends before it starts', () => {
    expect(() =>
      computeDeadline({
        rule: 'decision',
        period: period({ days: 90 }),
        start: '2026-03-02T02:00:00Z',
        calendars: CALS,
        timeZone: TZ,
        pauses: [{ from: '2026-04-10T01:00:00Z', to: '2026-04-09T01:00:00Z', reason: 'x' }],
      }),
    ).toThrow(RangeError);
  });
});
