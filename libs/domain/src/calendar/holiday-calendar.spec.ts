import { CALENDAR_2026 } from '../policy/calendars-2026';
import { isWorkingDay } from './index';

const CALS = [CALENDAR_2026];

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
    ['2027-01-01', false], // no 2027 calendar: 元旦 is a fixed statutory day off
    ['2027-01-04', true], // ... but no 调休 or other day is guessed
    ['2027-01-02', false], // Saturday
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date, CALS)).toBe(expected);
  });

  it('without any calendar, weekends and the fixed statutory days are off', () => {
    expect(isWorkingDay('2026-10-01', [])).toBe(false);
    expect(isWorkingDay('2026-10-05', [])).toBe(true); // Monday: only 1–3 Oct are fixed
    expect(isWorkingDay('2026-10-10', [])).toBe(false);
    expect(isWorkingDay('2026-05-01', [])).toBe(false);
  });

  it('rejects an impossible date', () => {
    expect(() => isWorkingDay('2026-02-30', CALS)).toThrow(RangeError);
  });
});
