// The party's earlier administrative penalties, as an officer records them
// (at registration, or with the evidence item that proves them): validated
// here, kept on the case once each by decision number, and counted by the
// repeat-offence thresholds (criminal-thresholds.ts).

import { isLocalDate } from '../../calendar';
import type { CaseState } from '../case-state';
import type { PriorPenalty } from '../suspicion-records';
import { toLocalDate } from './limitation';
import type { Validator } from './validation';

export function validatePriorPenalties(v: Validator, field: string, list: unknown, today: string): void {
  if (!v.array(field, list, { optional: true })) return;
  const seen = new Set<string>();
  (list as unknown[]).forEach((p, i) => {
    const at = `${field}[${i}]`;
    if (!v.object(at, p)) return;
    v.text(`${at}.decisionNumber`, p.decisionNumber).text(`${at}.agency`, p.agency).text(`${at}.act`, p.act);
    if (!isLocalDate(p.decidedOn)) v.add(`${at}.decidedOn`, { en: 'must be a date YYYY-MM-DD', zh: '须为 YYYY-MM-DD 日期' });
    else if (p.decidedOn > today) v.add(`${at}.decidedOn`, { en: 'must not be in the future', zh: '不得晚于当前日期' });
    if (typeof p.decisionNumber === 'string') {
      if (seen.has(p.decisionNumber)) v.add(`${at}.decisionNumber`, { en: 'is given twice', zh: '重复填写' });
      seen.add(p.decisionNumber);
    }
  });
}

/** The penalties as recorded (only their fields), marked with where they were recorded. */
export function priorPenaltyRecords(list: readonly PriorPenalty[], recordedWith: string): PriorPenalty[] {
  return list.map((p) => ({ decisionNumber: p.decisionNumber, agency: p.agency, decidedOn: p.decidedOn, act: p.act, recordedWith }));
}

/** `known` with those of `added` whose decision number is new. */
export function withPriorPenalties(known: readonly PriorPenalty[] | undefined, added: readonly PriorPenalty[]): PriorPenalty[] {
  const out = [...(known ?? [])];
  for (const p of added) if (!out.some((k) => k.decisionNumber === p.decisionNumber)) out.push({ ...p });
  return out;
}

/** The date of the act a repeat threshold counts back from: when it occurred, else when it was discovered. */
export function actDate(s: Pick<CaseState, 'violationAt' | 'discoveredAt'>, timeZone: string): string {
  return toLocalDate(s.violationAt ?? s.discoveredAt, timeZone);
}
