// How a deadline stands on a given instant, as everyone shows it: whole local
// days to its due day in the zone it was counted in, and whether it has passed.
// The caller brings the clock, so the rule stays pure and testable.

import { localDay, parseInstant } from '../calendar/instants';
import { AGENCY_RIGHT_WINDOWS, DEADLINE_OWNER, TRANSFER_BODY_OWNERS, type DeadlineKind, type DeadlineState } from '../case';

export interface DeadlineStanding {
  /** Local days from today to the due day, in the deadline's time zone: 0 on the due day, negative once past. */
  daysLeft: number;
  /** The due instant has passed. */
  overdue: boolean;
}

/** The act a deadline asks for is still owed: the clock runs, or it ran out (escalated) and the act is not done yet. */
export function stillOwed(d: { state: DeadlineState }): boolean {
  return d.state === 'OPEN' || d.state === 'MISSED';
}

export function deadlineStanding(dueAt: string, now: string, timeZone: string): DeadlineStanding {
  const due = parseInstant(dueAt);
  const at = parseInstant(now);
  return { daysLeft: localDay(due, timeZone) - localDay(at, timeZone), overdue: due < at };
}

/** Most urgent first: the overdue before the rest, then the earlier due instant; items without a due instant last. */
export function byUrgency(a: { dueAt?: string; overdue?: boolean }, b: { dueAt?: string; overdue?: boolean }): number {
  if (Boolean(a.overdue) !== Boolean(b.overdue)) return a.overdue ? -1 : 1;
  if (a.dueAt === undefined || b.dueAt === undefined) return a.dueAt === b.dueAt ? 0 : a.dueAt === undefined ? 1 : -1;
  return Date.parse(a.dueAt) - Date.parse(b.dueAt);
}

/**
 * A deadline whose lapse is a delay someone answers for: the agency's own
 * limits, and the party's payment (PAYMENT_OVERDUE, enforced by the agency).
 * A lapsed defence or hearing-request window is the party's choice, as
 * deriveFlags says, and no one's delay.
 */
export function lapseIsDelay(kind: DeadlineKind): boolean {
  // The police's and the procuratorate's limits are watched too: a transfer left unanswered is what supervisors look for.
  return (DEADLINE_OWNER[kind] === 'AGENCY' && !AGENCY_RIGHT_WINDOWS.includes(kind)) || TRANSFER_BODY_OWNERS.includes(DEADLINE_OWNER[kind]) || kind === 'payment';
}
