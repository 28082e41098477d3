// The shapes of a computed deadline: the due instant and the basis recorded
// with it, so anyone can recount the period by hand.

import type { DayKind } from '../policy/policy.types';

/** A paused interval (中止, hearing, public-notice service...). ISO UTC instants; an open pause has no `to`. */
export interface PauseInterval {
  from: string;
  to?: string;
  reason: string;
}

/** A validated pause in epoch milliseconds. */
export interface ParsedPause {
  fromMs: number;
  toMs?: number;
}

export interface DeadlineBasis {
  /** Deadline kind (e.g. 'decision') or free text. */
  rule: string;
  /** Legal source from PeriodSpec.source. */
  source: string;
  /** ISO instant the period runs from. */
  start: string;
  /** Local YYYY-MM-DD of start (not counted). */
  startDate: string;
  days: number;
  /** A period in months (ALL 46): `days` are the calendar days they came to from the start date. */
  months?: number;
  kind: DayKind;
  seconds?: number;
  pauses: { from: string; to?: string; reason: string; daysExcluded: number }[];
  /** Holidays skipped while counting (YYYY-MM-DD). */
  holidaysMet: string[];
  /** 调休 weekend working days counted (YYYY-MM-DD). */
  adjustedWorkingDaysMet: string[];
  /** Set when the raw last day was a non-working day. */
  rolledForwardFrom?: string;
  /** Source strings of the calendars consulted. */
  calendarSources: string[];
  warnings: string[];
  /** Local YYYY-MM-DD, last day of the period. */
  dueDate: string;
}

export interface ComputedDeadline {
  /** ISO UTC instant: end of dueDate in local time (23:59:59.999 local). */
  dueAt: string;
  remindAt?: string;
  /**
   * True when an open pause is in force. dueAt is then computed ignoring that
   * pause; callers must not arm timers for a suspended deadline.
   */
  suspended?: boolean;
  basis: DeadlineBasis;
}

/** A pause as echoed in the basis (no `to` key for an open pause). */
export function pauseEcho(p: PauseInterval): { from: string; to?: string; reason: string } {
  return p.to === undefined ? { from: p.from, reason: p.reason } : { from: p.from, to: p.to, reason: p.reason };
}
