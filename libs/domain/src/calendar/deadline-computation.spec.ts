import { CALENDAR_2026 } from '../policy/calendars-2026';
import type { PeriodSpec } from '../policy/policy.types';
import { computeDeadline } from './index';

const TZ = 'Asia/Shanghai';
const CALS = [CALENDAR_2026];
const NO_2027 = 'No holiday calendar for 2027: weekends and the fixed statutory days off (1 Jan, 1 May, 1–3 Oct) only';

const period = (p: Partial<PeriodSpec>): PeriodSpec => ({ days: 0, kind: 'CALENDAR', source: 'test', ...p });

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

  it('a period crossing into 2027 warns and counts weekends and 1 Jan as off', () => {
    const d = computeDeadline({
      rule: 'closure',
      period: period({ days: 10, kind: 'WORKING', source: 'MSA 77' }),
      start: '2026-12-24T01:00:00Z',
      calendars: CALS,
      timeZone: TZ,
    });
    expect(d.basis.dueDate).toBe('2027-01-08');
    expect(d.dueAt).toBe('2027-01-08T15:59:59.999Z');
    expect(d.basis.holidaysMet).toEqual(['2027-01-01']);
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
