// Working-day and deadline arithmetic (domain spec §1).
// Pure and deterministic: runs inside Temporal's workflow sandbox, so no clock
// reads, no I/O. Dates are handled as integer day numbers (days since
// 1970-01-01) to keep the arithmetic free of host time-zone effects.

import type { DayKind, HolidayCalendarYear, PeriodSpec } from '../policy/policy.types';

/** A paused interval (中止, hearing, public-notice service...). ISO UTC instants; an open pause has no `to`. */
export interface PauseInterval {
  from: string;
  to?: string;
  reason: string;
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

export interface AddDaysResult {
  dueDate: string;
  holidaysMet: string[];
  adjustedWorkingDaysMet: string[];
  rolledForwardFrom?: string;
  warnings: string[];
  calendarSources: string[];
}

const DAY_MS = 86_400_000;
// A walk longer than this means corrupt input (e.g. a calendar of only holidays).
const MAX_WALK_DAYS = 366 * 200;

// ---------------------------------------------------------------------------
// Date helpers (day numbers)

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A zone designator is mandatory: without one Date.parse uses the host's zone.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function parseDay(date: string): number {
  const m = DATE_RE.exec(date);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return ms / DAY_MS;
    }
  }
  throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${date}`);
}

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

function isWeekend(day: number): boolean {
  // 1970-01-01 was a Thursday (4); 0 = Sunday.
  const dow = (((day + 4) % 7) + 7) % 7;
  return dow === 0 || dow === 6;
}

function parseInstant(instant: string): number {
  const ms = INSTANT_RE.test(instant) ? Date.parse(instant) : NaN;
  if (!Number.isFinite(ms)) {
    throw new RangeError(`Invalid instant (expected ISO 8601 with Z or offset): ${instant}`);
  }
  return ms;
}

// ---------------------------------------------------------------------------
// Time zone helpers (Intl only; Asia/Shanghai has no DST but stay general)

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is what we want.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of `ms` in `timeZone`, re-expressed as if they were UTC. */
function wallClockAsUtc(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
}

function offsetAt(ms: number, timeZone: string): number {
  return wallClockAsUtc(ms, timeZone) - Math.floor(ms / 1000) * 1000;
}

/** UTC ms of local 00:00 on `day` in `timeZone`. */
function localMidnight(day: number, timeZone: string): number {
  const guess = day * DAY_MS;
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return second;
}

function localDay(ms: number, timeZone: string): number {
  return Math.floor(wallClockAsUtc(ms, timeZone) / DAY_MS);
}

/** Local calendar date (YYYY-MM-DD) of an ISO instant in `timeZone`. */
export function localDate(instant: string, timeZone: string): string {
  return formatDay(localDay(parseInstant(instant), timeZone));
}

// ---------------------------------------------------------------------------
// Calendar index

interface YearData {
  holidays: Set<string>;
  adjusted: Set<string>;
  sources: string[];
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

type DayClass = 'HOLIDAY' | 'ADJUSTED' | 'WEEKEND' | 'WEEKDAY';

/** Tracks which years were consulted so the basis names sources and missing years. */
class CalendarLookup {
  private readonly consulted = new Set<number>();

  constructor(private readonly index: Map<number, YearData>) {}

  classify(day: number): DayClass {
    const year = yearOf(day);
    this.consulted.add(year);
    const data = this.index.get(year);
    const iso = formatDay(day);
    // Holiday checked first: a date in both lists is a data error, and a day
    // off is the safer reading for the party.
    if (data?.holidays.has(iso)) return 'HOLIDAY';
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
      if (!data) warnings.push(`No holiday calendar for ${year}: weekends only`);
      else for (const s of data.sources) if (!calendarSources.includes(s)) calendarSources.push(s);
    }
    return { warnings, calendarSources };
  }
}

/** True for a weekday that is not a holiday, or a weekend day listed as 调休 working day. */
export function isWorkingDay(date: string, calendars: HolidayCalendarYear[]): boolean {
  return new CalendarLookup(indexCalendars(calendars)).isWorking(parseDay(date));
}

// ---------------------------------------------------------------------------
// The walk

/** Paused local days as half-open day ranges [fromDay, toDay). */
interface PausedRange {
  fromDay: number;
  toDay: number;
}

interface WalkResult {
  dueDay: number;
  holidaysMet: string[];
  adjustedWorkingDaysMet: string[];
  rolledForwardFrom?: string;
  /** Days excluded per pause range, same order as the input ranges. */
  excluded: number[];
}

function validateDays(days: number): void {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`Period days must be a non-negative integer: ${days}`);
  }
}

function walk(
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
      else counted += 1;
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
    if (cls === 'HOLIDAY' && pauseAt(day) < 0) holidaysMet.push(formatDay(day));
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
  const lookup = new CalendarLookup(indexCalendars(args.calendars));
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

// ---------------------------------------------------------------------------
// Deadlines

function validatePauses(pauses: PauseInterval[]): { fromMs: number; toMs?: number }[] {
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
 * excluding paused intervals.
 */
export function computeDeadline(args: {
  rule: string;
  period: PeriodSpec;
  start: string;
  calendars: HolidayCalendarYear[];
  timeZone: string;
  pauses?: PauseInterval[];
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

  const lookup = new CalendarLookup(indexCalendars(calendars));
  const r = walk(startDay, period.days, period.kind, lookup, ranges);
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
      days: period.days,
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

function pauseEcho(p: PauseInterval): { from: string; to?: string; reason: string } {
  return p.to === undefined ? { from: p.from, reason: p.reason } : { from: p.from, to: p.to, reason: p.reason };
}

/** The day `n` days of `kind` before `dueDay`; stops at `floorDay` (the start day). Pauses are ignored: a reminder is advisory. */
function stepBack(dueDay: number, n: number, kind: DayKind, lookup: CalendarLookup, floorDay: number): number {
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

// Test/demo policies: wall-clock seconds. Closed pauses extend the deadline by
// their overlap with the running period, so demos of 中止 behave like days.
function secondsDeadline(
  args: { rule: string; period: PeriodSpec; start: string; timeZone: string; pauses?: PauseInterval[] },
  startMs: number,
  startDay: number,
  parsedPauses: { fromMs: number; toMs?: number }[],
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
