// What every rejection owes a Chinese reader, checked on each one the domain
// tests produce (CaseRunner.try) and on a sweep of every command in every
// state: a Chinese reason that is not the English one, Chinese on every field
// error, and the case's dates in local form rather than as ISO instants.

import type { Rejection } from '../case/rejection';

const CJK = /[\u4e00-\u9fff]/;
/** An ISO instant (2026-11-20T02:00:00Z) or date (2026-11-20) where a Chinese reader expects 2026年11月20日. */
const ISO_DAY = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?/;

/** What is wrong with a rejection's Chinese, one line per fault; empty when it reads as it should. */
export function chineseFaults(r: Pick<Rejection, 'code' | 'reason' | 'reasonZh' | 'errors'>): string[] {
  const faults: string[] = [];
  const zh = (r as { reasonZh?: unknown }).reasonZh;
  if (typeof zh !== 'string' || !CJK.test(zh)) faults.push(`${r.code}: no Chinese reason for "${r.reason}"`);
  else {
    if (zh === r.reason) faults.push(`${r.code}: the Chinese reason is the English one`);
    // A malformed command's own text (an unparseable instant) is quoted as sent; every other date is the agency's.
    const quoted = r.code === 'VALIDATION.FAILED' && zh.startsWith('提交的内容无法解析');
    if (!quoted && ISO_DAY.test(zh)) faults.push(`${r.code}: an ISO date in the Chinese reason "${zh}"`);
  }
  for (const e of r.errors ?? []) {
    const m = (e as { messageZh?: unknown }).messageZh;
    if (typeof m !== 'string' || !CJK.test(m)) faults.push(`${r.code}: no Chinese message for ${e.field} "${e.message}"`);
    else if (ISO_DAY.test(m) && !m.includes('无法解析')) faults.push(`${r.code}: an ISO date in the Chinese message of ${e.field} "${m}"`);
  }
  return faults;
}

/** Throws when a rejection lacks its Chinese (see chineseFaults). */
export function assertWrittenInChinese(r: Rejection): void {
  const faults = chineseFaults(r);
  if (faults.length > 0) throw new Error(`A rejection not written for a Chinese reader:\n${faults.join('\n')}`);
}
