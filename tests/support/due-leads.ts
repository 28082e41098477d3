import { computeDeadline, localDate } from '@zhifa/domain';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';

const DAY_MS = 86_400_000;

/** Today's local date in the demo agency's zone (the one its deadlines are counted in). */
export function agencyToday(now = new Date()): string {
  return localDate(now.toISOString(), DEMO_POLICY.timeZone);
}

/** Whole days from one local date to another, as a person counts them on a calendar. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * A lead to register whose filing limit (MSA 18: 15 working days under the demo
 * policy, from discovery) falls between `from` and `to` local days from today
 * (negative: already past): its discovery instant, violation date and due day.
 * Found by trying discovery dates one day apart; the limit's count is the
 * domain's, the days from today are counted here on a calendar.
 */
export function leadDueIn(from: number, to: number, now = new Date()): { discoveredAt: string; violationAt: string; dueDate: string } {
  const today = agencyToday(now);
  for (let back = 0; back < 120; back++) {
    const discoveredAt = new Date(now.getTime() - back * DAY_MS - 3600_000).toISOString();
    const { basis } = computeDeadline({
      rule: 'filingDecision',
      period: DEMO_POLICY.deadlines.filingDecision,
      start: discoveredAt,
      calendars: DEMO_POLICY.calendars,
      timeZone: DEMO_POLICY.timeZone,
    });
    const left = daysBetween(today, basis.dueDate);
    if (left >= from && left <= to) {
      const violationAt = new Date(Date.parse(discoveredAt) - 2 * DAY_MS).toISOString().slice(0, 10);
      return { discoveredAt, violationAt, dueDate: basis.dueDate };
    }
  }
  throw new Error(`no discovery date within 120 days puts the filing limit ${from}..${to} days from ${today}`);
}
