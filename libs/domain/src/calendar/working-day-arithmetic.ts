// Counting periods of working or calendar days (domain spec §1): forward with
// paused days excluded and the roll-forward of MSA 80 / CivPL 85, and back for
// reminders. Works on local day numbers; the start day is never counted.

import type { DayKind, HolidayCalendarYear } from '../policy/policy.types';
import { CalendarLookup } from './holiday-calendar';
import { formatDay, parseDay } from './instants';

export interface AddDaysResult {
  dueDate: string;
  holidaysMet: string[];
  adjustedWorkingDaysMet: string[];
  rolledForwardFrom?: string;
  warnings: string[];
  calendarSources: string[];
}

/** Paused local days as half-open day ranges [fromDay, toDay). */
export interface PausedRange {
  fromDay: number;
  toDay: number;
}

export interface WalkResult {
  dueDay: number;
  holidaysMet: string[];
  adjustedWorkingDaysMet: string[];
  rolledForwardFrom?: string;
  /** Days excluded per pause range, same order as the input ranges. */
  excluded: number[];
}

// A walk longer than this means corrupt input (e.g. a calendar of only holidays).
const MAX_WALK_DAYS = 366 * 200;

function validateDays(days: number): void {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`Period days must be a non-negative integer: ${days}`);
  }
}

/** The last day of `days` days of `kind` after `startDay`, skipping the paused ranges. */
export function walk(
  startDay: number,
  days: number,
  kind: DayKind,
  lookup: CalendarLookup,
  paused: PausedRange[],
): WalkResult {
  validateDays(days);
  const holidaysMet: string[] = [];
  const adjustedWorkingDaysMet: string[] = [];
  const excluded = paused.map(() => 0);
  // Overlapping pauses: a day is credited to the first pause (input order) covering it.
  const pauseAt = (day: number) => paused.findIndex((p) => day >= p.fromDay && day < p.toDay);

  let day = startDay;
  let counted = 0;
  let steps = 0;
  while (counted < days) {
    day += 1;
    if (++steps > MAX_WALK_DAYS) throw new RangeError('Deadline walk did not terminate: check the calendars');
    const p = pauseAt(day);
    if (kind === 'CALENDAR') {
      if (p >= 0) excluded[p] += 1;
      else {
        counted += 1;
        // The basis names every day off inside the period, not only those the last day rolls over.
        if (lookup.classify(day) === 'HOLIDAY') holidaysMet.push(formatDay(day));
      }
      continue;
    }
    const cls = lookup.classify(day);
    const working = cls === 'WEEKDAY' || cls === 'ADJUSTED';
    if (p >= 0) {
      // Only paused working days are "excluded": the others never counted anyway.
      if (working) excluded[p] += 1;
      continue;
    }
    if (cls === 'HOLIDAY') holidaysMet.push(formatDay(day));
    if (cls === 'ADJUSTED') adjustedWorkingDaysMet.push(formatDay(day));
    if (working) counted += 1;
  }

  // Roll forward (MSA 80, CivPL 85). Reached for CALENDAR, and for a zero-day
  // period whose last day is the start day. A paused day cannot be the last day.
  let rolledForwardFrom: string | undefined;
  const rawLast = day;
  let cls = lookup.classify(day);
  while (!(cls === 'WEEKDAY' || cls === 'ADJUSTED') || pauseAt(day) >= 0) {
    const iso = formatDay(day);
    if (cls === 'HOLIDAY' && pauseAt(day) < 0 && !holidaysMet.includes(iso)) holidaysMet.push(iso);
    day += 1;
    if (++steps > MAX_WALK_DAYS) throw new RangeError('Deadline walk did not terminate: check the calendars');
    cls = lookup.classify(day);
  }
  if (day !== rawLast) rolledForwardFrom = formatDay(rawLast);
  if (cls === 'ADJUSTED' && !adjustedWorkingDaysMet.includes(formatDay(day))) {
    adjustedWorkingDaysMet.push(formatDay(day));
  }
  return { dueDay: day, holidaysMet, adjustedWorkingDaysMet, rolledForwardFrom, excluded };
}

/** The day `n` days of `kind` before `dueDay`; stops at `floorDay` (the start day). Pauses are ignored: a reminder is advisory. */
export function stepBack(dueDay: number, n: number, kind: DayKind, lookup: CalendarLookup, floorDay: number): number {
  validateDays(n);
  if (kind === 'CALENDAR') return Math.max(dueDay - n, floorDay);
  let day = dueDay;
  let counted = 0;
  while (counted < n && day > floorDay) {
    day -= 1;
    if (day > floorDay && lookup.isWorking(day)) counted += 1;
  }
  return day;
}

/**
 * Last day of a period of `days` working or calendar days after `startDate`
 * (the start day itself is not counted). CALENDAR periods ending on a
 * non-working day roll forward to the next working day.
 */
export function addDays(args: {
  startDate: string;
  days: number;
  kind: DayKind;
  calendars: HolidayCalendarYear[];
}): AddDaysResult {
  const lookup = new CalendarLookup(args.calendars);
  const r = walk(parseDay(args.startDate), args.days, args.kind, lookup, []);
  const { warnings, calendarSources } = lookup.report();
  return {
    dueDate: formatDay(r.dueDay),
    holidaysMet: r.holidaysMet,
    adjustedWorkingDaysMet: r.adjustedWorkingDaysMet,
    ...(r.rolledForwardFrom !== undefined ? { rolledForwardFrom: r.rolledForwardFrom } : {}),
    warnings,
    calendarSources,
  };
}
