// Display of the API's values: instants in the agency's time zone, local
// dates as the API gives them, amounts in yuan. Nothing here decides anything.

/** The agency's time zone: deadlines and dates are counted in it (the API's CASE_TIME_ZONE). */
export const AGENCY_TIME_ZONE = 'Asia/Shanghai';

export type Lang = 'zh' | 'en';

const locale = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** The local date (YYYY-MM-DD) of an instant in the agency's time zone. */
export function agencyDate(at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  return new Intl.DateTimeFormat('en-CA', { timeZone: AGENCY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** An instant, shown in the agency's time zone whatever the browser's is. */
export function formatDateTime(at: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: AGENCY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));
}

/** A local date (YYYY-MM-DD) as the API gives it: no time zone conversion. */
export function formatLocalDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** How a deadline stands, as the API counts it (daysLeft, overdue): shown, never computed here. */
export interface DaysLeft {
  /** Days from today to the due day, in the agency's calendar; negative once past. */
  days: number;
  /** The due instant has passed. */
  overdue: boolean;
}

export function formatDaysLeft({ days, overdue }: DaysLeft, lang: Lang): string {
  if (overdue) {
    const late = Math.max(0, -days);
    if (lang === 'zh') return late === 0 ? '今日已超期' : `已超期 ${late} 天`;
    return late === 0 ? 'Overdue today' : `${late} day${late === 1 ? '' : 's'} overdue`;
  }
  if (days === 0) return lang === 'zh' ? '今日到期' : 'Due today';
  return lang === 'zh' ? `剩 ${days} 天` : `${days} day${days === 1 ? '' : 's'} left`;
}

/** An amount in yuan: ¥3,000.00. */
export function yuan(amount: number): string {
  return `¥${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "YYYY-MM-DDTHH:mm:ss" as a wall clock in `zone` reads at the instant `at`. */
export function wallClock(at: Date, zone = AGENCY_TIME_ZONE): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * The instant (ISO 8601 with offset) at which a wall clock in `zone` shows
 * `wall` ("YYYY-MM-DDTHH:mm" or with ":ss"), whatever zone the browser is in.
 */
export function instantOfWallClock(wall: string, zone = AGENCY_TIME_ZONE): string {
  const full = wall.length === 16 ? `${wall}:00` : wall;
  const asUtc = Date.parse(`${full}Z`);
  // How far the zone's clock runs ahead of UTC at an instant (whole seconds).
  const ahead = (t: number) => Date.parse(`${wallClock(new Date(t), zone)}Z`) - Math.floor(t / 1000) * 1000;
  // A second pass settles a day on which the offset changes.
  const minutes = ahead(asUtc - ahead(asUtc)) / 60_000;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${full}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A deadline basis's warning as the reader's language says it. The domain
 * records them in English (they are part of the chained basis); the known
 * ones read in Chinese, anything else is shown as recorded.
 */
export function basisWarning(warning: string, lang: Lang): string {
  if (lang !== 'zh') return warning;
  const m = /^No holiday calendar for (\d{4}): weekends (and the fixed statutory days off \(1 Jan, 1 May, 1–3 Oct\) )?only$/.exec(warning);
  if (!m) return warning;
  return m[2] ? `${m[1]}年节假日安排尚未发布：仅扣除周末及元旦、劳动节（5月1日）、国庆节（10月1日至3日）法定假日` : `${m[1]}年节假日安排尚未发布：仅扣除周末`;
}
