// Test and demo policies: periods in wall-clock seconds instead of the law's
// days. Closed pauses extend the deadline by their overlap with the running
// period, so demos of 中止 behave like days.

import type { PeriodSpec } from '../policy/policy.types';
import { pauseEcho, type ComputedDeadline, type ParsedPause, type PauseInterval } from './deadline-basis';
import { formatDay, localDate } from './instants';

export function secondsDeadline(
  args: { rule: string; period: PeriodSpec; start: string; timeZone: string; pauses?: PauseInterval[] },
  startMs: number,
  startDay: number,
  parsedPauses: ParsedPause[],
  suspended: boolean,
  openWarnings: string[],
): ComputedDeadline {
  const { rule, period, start, timeZone } = args;
  const pauses = args.pauses ?? [];
  const seconds = period.seconds as number;
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`Period seconds must be >= 0: ${seconds}`);

  let dueMs = startMs + seconds * 1000;
  // Merge closed pauses in time order so overlaps are not counted twice.
  const order = parsedPauses
    .map((p, i) => ({ ...p, i }))
    .filter((p) => p.toMs !== undefined)
    .sort((a, b) => a.fromMs - b.fromMs);
  let coveredUntil = startMs;
  for (const p of order) {
    const from = Math.max(p.fromMs, coveredUntil);
    const to = p.toMs as number;
    if (from >= dueMs) break;
    if (to > from) {
      dueMs += to - from;
      coveredUntil = to;
    }
  }

  let remindAtMs: number | undefined;
  if (period.remindBefore !== undefined && period.remindBefore !== null) {
    remindAtMs = Math.max(dueMs - period.remindBefore * 1000, startMs);
  }
  const dueAt = new Date(dueMs).toISOString();
  return {
    dueAt,
    ...(remindAtMs !== undefined ? { remindAt: new Date(remindAtMs).toISOString() } : {}),
    ...(suspended ? { suspended: true } : {}),
    basis: {
      rule,
      source: period.source,
      start,
      startDate: formatDay(startDay),
      days: 0,
      kind: period.kind,
      seconds,
      pauses: pauses.map((p) => ({ ...pauseEcho(p), daysExcluded: 0 })),
      holidaysMet: [],
      adjustedWorkingDaysMet: [],
      calendarSources: [],
      warnings: ['test period in seconds', ...openWarnings],
      dueDate: localDate(dueAt, timeZone),
    },
  };
}
