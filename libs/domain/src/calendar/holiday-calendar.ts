// Holiday calendars: the State Council's days off and 调休 weekend working days,
// indexed by year. A year without a calendar counts weekends and the fixed
// statutory days off, with a warning on every deadline that meets it.

import type { HolidayCalendarYear } from '../policy/policy.types';
import { DAY_MS, formatDay, parseDay } from './instants';

interface YearData {
  holidays: Set<string>;
  adjusted: Set<string>;
  sources: string[];
}

export type DayClass = 'HOLIDAY' | 'ADJUSTED' | 'WEEKEND' | 'WEEKDAY';

/**
 * The days off a year without a published calendar still has for certain:
 * the fixed-date holidays of 《全国年节及纪念日放假办法》 (元旦 1 Jan, 劳动节
 * 1 May, 国庆 1–3 Oct; domain spec §1). The lunar holidays and the 调休 swaps
 * are only known from the State Council's yearly notice.
 */
export const FIXED_STATUTORY_DAYS_OFF: readonly string[] = ['01-01', '05-01', '10-01', '10-02', '10-03'];

/** The warning a deadline carries for each year it met without a calendar. */
export function fallbackWarning(year: number, fixedDaysOff = true): string {
  return fixedDaysOff
    ? `No holiday calendar for ${year}: weekends and the fixed statutory days off (1 Jan, 1 May, 1–3 Oct) only`
    : `No holiday calendar for ${year}: weekends only`;
}

function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

function isWeekend(day: number): boolean {
  // 1970-01-01 was a Thursday (4); 0 = Sunday.
  const dow = (((day + 4) % 7) + 7) % 7;
  return dow === 0 || dow === 6;
}

function indexCalendars(calendars: HolidayCalendarYear[]): Map<number, YearData> {
  const byYear = new Map<number, YearData>();
  for (const c of calendars) {
    // Two entries for one year are merged rather than one silently winning.
    let y = byYear.get(c.year);
    if (!y) {
      y = { holidays: new Set(), adjusted: new Set(), sources: [] };
      byYear.set(c.year, y);
    }
    for (const d of c.holidays) y.holidays.add(d);
    for (const d of c.adjustedWorkingDays) y.adjusted.add(d);
    if (!y.sources.includes(c.source)) y.sources.push(c.source);
  }
  return byYear;
}

/** Classifies day numbers and tracks which years were consulted, so a basis names sources and missing years. */
export class CalendarLookup {
  private readonly consulted = new Set<number>();
  private readonly index: Map<number, YearData>;

  /**
   * `fixedDaysOff` false: the fallback of case workflows started before it
   * knew the fixed statutory days (weekends only), so their history replays alike.
   */
  constructor(
    calendars: HolidayCalendarYear[],
    private readonly fixedDaysOff = true,
  ) {
    this.index = indexCalendars(calendars);
  }

  classify(day: number): DayClass {
    const year = yearOf(day);
    this.consulted.add(year);
    const data = this.index.get(year);
    const iso = formatDay(day);
    // Holiday checked first: a date in both lists is a data error, and a day
    // off is the safer reading for the party.
    if (data?.holidays.has(iso)) return 'HOLIDAY';
    if (!data && this.fixedDaysOff && FIXED_STATUTORY_DAYS_OFF.includes(iso.slice(5))) return 'HOLIDAY';
    if (isWeekend(day)) return data?.adjusted.has(iso) ? 'ADJUSTED' : 'WEEKEND';
    return 'WEEKDAY';
  }

  isWorking(day: number): boolean {
    const c = this.classify(day);
    return c === 'WEEKDAY' || c === 'ADJUSTED';
  }

  report(): { warnings: string[]; calendarSources: string[] } {
    const warnings: string[] = [];
    const calendarSources: string[] = [];
    for (const year of [...this.consulted].sort((a, b) => a - b)) {
      const data = this.index.get(year);
      if (!data) warnings.push(fallbackWarning(year, this.fixedDaysOff));
      else for (const s of data.sources) if (!calendarSources.includes(s)) calendarSources.push(s);
    }
    return { warnings, calendarSources };
  }
}

/** True for a weekday that is not a holiday, or a weekend day listed as 调休 working day. */
export function isWorkingDay(date: string, calendars: HolidayCalendarYear[]): boolean {
  return new CalendarLookup(calendars).isWorking(parseDay(date));
}
