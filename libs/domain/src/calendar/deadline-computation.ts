// Deadlines (domain spec §1): a period running from an instant, counted in
// local days of the case's time zone, with paused intervals excluded. Pure and
// deterministic: runs inside Temporal's workflow sandbox.

import type { HolidayCalendarYear, PeriodSpec } from '../policy/policy.types';
import { pauseEcho, type ComputedDeadline, type ParsedPause, type PauseInterval } from './deadline-basis';
import { CalendarLookup } from './holiday-calendar';
import { formatDay, localDay, localMidnight, parseInstant } from './instants';
import { periodDays } from './month-periods';
import { secondsDeadline } from './seconds-periods';
import { stepBack, walk, type PausedRange } from './working-day-arithmetic';

function validatePauses(pauses: PauseInterval[]): ParsedPause[] {
  return pauses.map((p) => {
    const fromMs = parseInstant(p.from);
    if (p.to === undefined) return { fromMs };
    const toMs = parseInstant(p.to);
    if (toMs < fromMs) throw new RangeError(`Pause ends before it starts: ${p.from} .. ${p.to}`);
    return { fromMs, toMs };
  });
}

function openPauseWarning(p: PauseInterval): string {
  return `Deadline paused since ${p.from} (${p.reason}), no resume yet: due date ignores the open pause`;
}

/**
 * Deadline for `period` running from the instant `start`, in `timeZone`,
 * excluding paused intervals. A period in seconds is a test period (seconds-periods.ts).
 */
export function computeDeadline(args: {
  rule: string;
  period: PeriodSpec;
  start: string;
  calendars: HolidayCalendarYear[];
  timeZone: string;
  pauses?: PauseInterval[];
  /** False: a year without a calendar counts weekends only (workflows started before the fixed-days fallback). */
  fixedDaysOff?: boolean;
}): ComputedDeadline {
  const { rule, period, start, calendars, timeZone } = args;
  const pauses = args.pauses ?? [];
  const startMs = parseInstant(start);
  const parsedPauses = validatePauses(pauses);
  const suspended = pauses.some((p) => p.to === undefined);
  const openWarnings = pauses.filter((p) => p.to === undefined).map(openPauseWarning);
  const startDay = localDay(startMs, timeZone);

  if (period.seconds !== undefined && period.seconds !== null) {
    return secondsDeadline(args, startMs, startDay, parsedPauses, suspended, openWarnings);
  }

  // Pause → excluded local days: from the pause's start date up to the day
  // before the resume date. The day the clock stops is consumed by the pause
  // (the case could not progress that day); the resume day counts again, since
  // the case is live on it. A pause resumed on the day it began excludes none.
  const ranges: PausedRange[] = [];
  const rangeOwner: number[] = [];
  parsedPauses.forEach((p, i) => {
    if (p.toMs === undefined) return; // open pause: ignored, deadline flagged suspended
    ranges.push({ fromDay: localDay(p.fromMs, timeZone), toDay: localDay(p.toMs, timeZone) });
    rangeOwner.push(i);
  });

  const lookup = new CalendarLookup(calendars, args.fixedDaysOff ?? true);
  const days = periodDays(period, startDay);
  const r = walk(startDay, days, period.kind, lookup, ranges);
  const dueAtMs = localMidnight(r.dueDay + 1, timeZone) - 1;

  let remindAtMs: number | undefined;
  if (period.remindBefore !== undefined && period.remindBefore !== null) {
    const remindDay = stepBack(r.dueDay, period.remindBefore, period.kind, lookup, startDay);
    remindAtMs = Math.max(localMidnight(remindDay, timeZone), startMs);
  }

  const { warnings, calendarSources } = lookup.report();
  const excludedByPause = pauses.map(() => 0);
  r.excluded.forEach((n, j) => (excludedByPause[rangeOwner[j]] += n));

  return {
    dueAt: new Date(dueAtMs).toISOString(),
    ...(remindAtMs !== undefined ? { remindAt: new Date(remindAtMs).toISOString() } : {}),
    ...(suspended ? { suspended: true } : {}),
    basis: {
      rule,
      source: period.source,
      start,
      startDate: formatDay(startDay),
      days,
      ...(period.months ? { months: period.months } : {}),
      kind: period.kind,
      pauses: pauses.map((p, i) => ({ ...pauseEcho(p), daysExcluded: excludedByPause[i] })),
      holidaysMet: r.holidaysMet,
      adjustedWorkingDaysMet: r.adjustedWorkingDaysMet,
      ...(r.rolledForwardFrom !== undefined ? { rolledForwardFrom: r.rolledForwardFrom } : {}),
      calendarSources,
      warnings: [...warnings, ...openWarnings],
      dueDate: formatDay(r.dueDay),
    },
  };
}
