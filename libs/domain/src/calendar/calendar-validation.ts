// What makes a holiday calendar unfit to publish: each bad date named, so the
// administrator can correct the notice's transcription line by line.

import type { HolidayCalendarYear } from '../policy/policy.types';
import { isLocalDate } from './instants';

export interface CalendarProblem {
  /** The field in fault, e.g. "holidays[3]" or "year". */
  field: string;
  code: 'NOT_A_DATE' | 'OUTSIDE_YEAR' | 'IN_BOTH_LISTS' | 'DUPLICATE' | 'NOT_A_WEEKEND' | 'ALREADY_PUBLISHED';
  en: string;
  zh: string;
}

function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/**
 * The problems of `c` as a new calendar, given the years already published.
 * Empty: it may be published. A weekend working day (调休) must fall on a weekend.
 */
export function calendarProblems(c: HolidayCalendarYear, publishedYears: readonly number[]): CalendarProblem[] {
  const out: CalendarProblem[] = [];
  if (publishedYears.includes(c.year)) {
    out.push({
      field: 'year',
      code: 'ALREADY_PUBLISHED',
      en: `A calendar for ${c.year} is already published; publish a correction as a new year never overwrites one`,
      zh: `${c.year}年的节假日安排已经发布`,
    });
  }
  const holidays = new Set<string>();
  const lists: ['holidays' | 'adjustedWorkingDays', string[]][] = [
    ['holidays', c.holidays],
    ['adjustedWorkingDays', c.adjustedWorkingDays],
  ];
  for (const [name, dates] of lists) {
    const seen = new Set<string>();
    dates.forEach((d, i) => {
      const field = `${name}[${i}]`;
      if (!isLocalDate(d)) {
        out.push({ field, code: 'NOT_A_DATE', en: `${d} is not a date (YYYY-MM-DD)`, zh: `${d}不是有效日期（YYYY-MM-DD）` });
        return;
      }
      if (Number(d.slice(0, 4)) !== c.year) {
        out.push({ field, code: 'OUTSIDE_YEAR', en: `${d} is outside ${c.year}`, zh: `${d}不在${c.year}年内` });
      }
      if (seen.has(d)) out.push({ field, code: 'DUPLICATE', en: `${d} is listed twice`, zh: `${d}重复列出` });
      seen.add(d);
      if (name === 'holidays') holidays.add(d);
      else {
        if (holidays.has(d)) {
          out.push({ field, code: 'IN_BOTH_LISTS', en: `${d} is both a day off and a working day`, zh: `${d}同时列为放假日和调休上班日` });
        }
        const dow = weekday(d);
        if (dow !== 0 && dow !== 6) {
          out.push({ field, code: 'NOT_A_WEEKEND', en: `${d} is not a weekend day: only a weekend day can be an adjusted working day`, zh: `${d}不是周末，不能列为调休上班日` });
        }
      }
    });
  }
  return out;
}
