import { CALENDAR_2026 } from '../policy/calendars-2026';
import { calendarProblems } from './index';

describe('calendarProblems', () => {
  it('the published 2026 calendar has none when 2026 is not yet published', () => {
    expect(calendarProblems(CALENDAR_2026, [])).toEqual([]);
  });

  it('names a year already published', () => {
    expect(calendarProblems(CALENDAR_2026, [2026]).map((p) => [p.field, p.code])).toEqual([['year', 'ALREADY_PUBLISHED']]);
  });

  it('names each bad date by its place in its list', () => {
    const problems = calendarProblems(
      {
        year: 2027,
        holidays: ['2027-01-01', '2026-12-31', '2027-02-30', '2027-01-01'],
        adjustedWorkingDays: ['2027-01-01', '2027-01-06'],
        source: 'test',
      },
      [2026],
    );
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['holidays[1]', 'OUTSIDE_YEAR'],
      ['holidays[2]', 'NOT_A_DATE'],
      ['holidays[3]', 'DUPLICATE'],
      ['adjustedWorkingDays[0]', 'IN_BOTH_LISTS'],
      ['adjustedWorkingDays[0]', 'NOT_A_WEEKEND'],
      ['adjustedWorkingDays[1]', 'NOT_A_WEEKEND'],
    ]);
    for (const p of problems) {
      expect(p.en).toMatch(/\d{4}/);
      expect(p.zh).toMatch(/\d{4}/);
    }
  });
});
