// Periods counted in months (诉讼 6 months, ALL 46). A month period ends on
// the day of the last month with the start day's number; a month without that
// day ends the period on its last day (the civil-law rule the procedure laws
// share). The start day is not counted, and a last day off rolls forward like
// every other period: the caller walks the calendar days this returns.

import type { PeriodSpec } from '../policy/policy.types';
import { DAY_MS } from './instants';

/** Calendar days from `startDay` to the same day number `months` months later (the month's last day if it has none). */
export function monthPeriodDays(startDay: number, months: number): number {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`Period months must be a non-negative integer: ${months}`);
  const start = new Date(startDay * DAY_MS);
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth() + months;
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const end = Date.UTC(y, m, Math.min(start.getUTCDate(), lastOfTarget));
  return Math.round(end / DAY_MS) - startDay;
}

/** The calendar days a period walks from `startDay`: its months as days, plus its days. */
export function periodDays(period: PeriodSpec, startDay: number): number {
  if (!period.months) return period.days;
  if (period.kind !== 'CALENDAR') throw new RangeError(`A period in months counts calendar days, not ${period.kind}`);
  return monthPeriodDays(startDay, period.months) + period.days;
}
