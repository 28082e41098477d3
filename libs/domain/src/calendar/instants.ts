// The date and instant formats, and dates as integer day numbers (days since
// 1970-01-01) so the arithmetic is free of host time-zone effects. Pure and
// deterministic: runs inside Temporal's workflow sandbox.

export const DAY_MS = 86_400_000;

const DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;
// A zone designator is mandatory: without one Date.parse uses the host's zone.
const TIME_WITH_ZONE = String.raw`T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})`;

/** A local date, YYYY-MM-DD (shape only; `isLocalDate` also checks the day exists). */
export const DATE_PATTERN = new RegExp(`^${DATE}$`);
/** An ISO 8601 instant with Z or an offset, e.g. 2026-09-28T02:00:00Z. */
export const INSTANT_PATTERN = new RegExp(`^${DATE}${TIME_WITH_ZONE}$`, 'i');
/** A local date or an instant, as `DATE_PATTERN` or `INSTANT_PATTERN`. */
export const DATE_OR_INSTANT_PATTERN = new RegExp(`^${DATE}(?:${TIME_WITH_ZONE})?$`, 'i');

/** Day number of a YYYY-MM-DD date, or undefined when it is not a real date. */
function dayOf(date: string): number | undefined {
  const m = DATE_PATTERN.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) return ms / DAY_MS;
  return undefined;
}

/** True for a YYYY-MM-DD string naming a real date (no 30 February). */
export function isLocalDate(v: unknown): v is string {
  return typeof v === 'string' && dayOf(v) !== undefined;
}

/** True for an instant in `INSTANT_PATTERN` that Date.parse accepts. */
export function isInstant(v: unknown): v is string {
  return typeof v === 'string' && INSTANT_PATTERN.test(v) && Number.isFinite(Date.parse(v));
}

export function parseDay(date: string): number {
  const day = dayOf(date);
  if (day === undefined) throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${date}`);
  return day;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Epoch milliseconds of an instant; RangeError unless `isInstant`. */
export function parseInstant(instant: string): number {
  if (!isInstant(instant)) {
    throw new RangeError(`Invalid instant (expected ISO 8601 with Z or offset): ${instant}`);
  }
  return Date.parse(instant);
}

// Time zones through Intl only (Asia/Shanghai has no DST, but the code stays general).

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

/**
 * The last instants converted, per zone: formatToParts costs microseconds and
 * one command asks for the same few instants many times (its `now` once per
 * command type in allowedActions, the same due dates at every command). Pure,
 * so sharing it between workflows in one V8 context changes no outcome.
 */
const WALL_CLOCK_MEMO_SIZE = 4096;
const wallClocks = new Map<string, number>();

/** Wall-clock fields of `ms` in `timeZone`, re-expressed as if they were UTC. */
function wallClockAsUtc(ms: number, timeZone: string): number {
  const key = `${timeZone} ${ms}`;
  const known = wallClocks.get(key);
  if (known !== undefined) return known;
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  if (wallClocks.size >= WALL_CLOCK_MEMO_SIZE) wallClocks.clear();
  wallClocks.set(key, wall);
  return wall;
}

function offsetAt(ms: number, timeZone: string): number {
  return wallClockAsUtc(ms, timeZone) - Math.floor(ms / 1000) * 1000;
}

/** UTC ms of local 00:00 on `day` in `timeZone`. */
export function localMidnight(day: number, timeZone: string): number {
  const guess = day * DAY_MS;
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return second;
}

/** Local day number of the epoch milliseconds `ms` in `timeZone`. */
export function localDay(ms: number, timeZone: string): number {
  return Math.floor(wallClockAsUtc(ms, timeZone) / DAY_MS);
}

/** Local calendar date (YYYY-MM-DD) of an ISO instant in `timeZone`. */
export function localDate(instant: string, timeZone: string): string {
  return formatDay(localDay(parseInstant(instant), timeZone));
}
