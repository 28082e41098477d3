// The calendars a case counts with are not the policy's own: they are the
// published calendars, resolved by year, that reached the case (the workflow
// input, then each calendar published later). The domain reads them from the
// policy view it is given; this builds that view.

import type { HolidayCalendarYear, JurisdictionPolicy } from './policy.types';

/** `policy` counting with `calendars` instead of those it was stored with. */
export function withCalendars(policy: JurisdictionPolicy, calendars: readonly HolidayCalendarYear[]): JurisdictionPolicy {
  return { ...policy, calendars: [...calendars] };
}

/** `policy` with `calendar` added, or replacing the one of its year. */
export function withCalendar(policy: JurisdictionPolicy, calendar: HolidayCalendarYear): JurisdictionPolicy {
  return withCalendars(policy, [...policy.calendars.filter((c) => c.year !== calendar.year), calendar].sort((a, b) => a.year - b.year));
}
