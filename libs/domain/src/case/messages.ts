// What a person reads when a command is refused, in the two languages the
// agency works in. Every rejection is written with both sides at its call
// site (fail() takes a Message), so the Chinese sits beside the English and
// the types refuse a rejection without it. The English is what the case
// history and the logs keep; the HTTP edge picks by Accept-Language.
// Chinese dates are the agency's local calendar date (2026年11月20日), amounts
// ¥52,000.00, and in capitals (人民币伍万贰仟元整) where a document would write them.

import { localDate } from '../calendar';

/** One human sentence in English and Chinese (zh-CN). */
export interface Message {
  en: string;
  zh: string;
}

/** A field's problem, in both languages, before it is flattened into a rejection. */
export interface FieldMessage {
  field: string;
  message: Message;
}

export function msg(en: string, zh: string): Message {
  return { en, zh };
}

/**
 * The zone of a check that does not see the case's policy. China keeps one
 * civil time; a handler that has the policy passes policy.timeZone instead.
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local date (YYYY-MM-DD) or an instant as the agency writes the day: 2026年11月20日. */
export function zhDate(dateOrInstant: string, timeZone: string = CHINA_TIME_ZONE): string {
  let day = dateOrInstant;
  if (!LOCAL_DATE.test(day)) {
    try {
      day = localDate(dateOrInstant, timeZone);
    } catch {
      return dateOrInstant;
    }
  }
  const m = LOCAL_DATE.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : dateOrInstant;
}

/** A deadline's last day as the agency writes it: the basis keeps the local date it was counted to. */
export function zhDue(d: { dueAt: string; basis?: { dueDate?: string } } | undefined): string {
  if (!d) return '';
  return zhDate(d.basis?.dueDate ?? d.dueAt);
}

/** ¥52,000.00: yuan grouped by thousands, always to the fen. */
export function zhYuan(amount: number): string {
  const [int, frac] = (Math.round(amount * 100) / 100).toFixed(2).split('.');
  return `¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['仟', '佰', '拾', ''];
const BIG_UNITS = ['', '万', '亿', '万亿'];

// 0 < n < 10000, written with its inner zeros (壹仟零伍拾).
function section(n: number): string {
  const digits = [Math.floor(n / 1000) % 10, Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + SMALL_UNITS[i];
  });
  return out;
}

/** An amount in capitals, as a decision or receipt writes it: 52000 → 人民币伍万贰仟元整. */
export function rmbUpper(amount: number): string {
  const totalFen = Math.round(Math.abs(amount) * 100);
  let yuan = Math.floor(totalFen / 100);
  const jiao = Math.floor(totalFen / 10) % 10;
  const fen = totalFen % 10;
  const sections: number[] = [];
  while (yuan > 0) {
    sections.push(yuan % 10000);
    yuan = Math.floor(yuan / 10000);
  }
  let out = '';
  let gap = false;
  for (let i = sections.length - 1; i >= 0; i--) {
    const s = sections[i];
    if (s === 0) {
      gap = out !== '';
      continue;
    }
    if (out !== '' && (gap || s < 1000)) out += '零';
    gap = false;
    out += section(s) + BIG_UNITS[i];
  }
  if (out !== '') out += '元';
  if (jiao === 0 && fen === 0) return `人民币${out === '' ? '零元' : out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (out !== '') out += '零';
  if (fen > 0) out += `${DIGITS[fen]}分`;
  return `人民币${out}`;
}

/** Items as a Chinese list: 张三、李四. */
export function zhList(items: readonly string[]): string {
  return items.join('、');
}

/** Alternatives as Chinese writes them: 甲、乙或丙. */
export function zhOr(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')}或${items[items.length - 1]}`;
}

/** Messages joined into one: '; ' in English, '；' in Chinese. */
export function joinMessages(parts: readonly Message[]): Message {
  return { en: parts.map((p) => p.en).join('; '), zh: parts.map((p) => p.zh).join('；') };
}

export * from './zh-vocabulary';
