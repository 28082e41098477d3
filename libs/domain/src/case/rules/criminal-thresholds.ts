// 立案追诉标准: the facts at or past which a violation is a suspected crime
// (R310 3). The thresholds are policy (`JurisdictionPolicy.criminalThresholds`);
// the facts are the figures a lead, a report or an evidence item records as
// discretion bases (销售金额, 尚未销售的货值金额, 基本农田面积, ...) and the
// earlier penalties the case records (PriorPenalty). Each recording is judged
// on its own figures (two items stating the same sales are not added up); the
// report states the case's figures as found, so a weighted sum usually meets
// there. Earlier penalties accumulate over the case: they are distinct
// decisions, counted once each by their number.

import type { CriminalThreshold, JurisdictionPolicy, RepeatThreshold, WeightedSumThreshold } from '../../policy/policy.types';
import type { DiscretionBaseAmount } from '../case-records';
import type { DiscretionBase } from '../vocabulary';

/**
 * An earlier administrative penalty of the party, recorded as a fact of the
 * case with its source (the decision's number, the agency, the date): what a
 * repeat-offence threshold counts. The officer records it at registration or
 * with the evidence item that proves it (a copy of the decision); prior
 * penalties by other agencies, or before zhifa, count as much as the agency's own.
 */
export interface PriorPenalty {
  /** 处罚决定书文号. */
  decisionNumber: string;
  /** The agency that decided it. */
  agency: string;
  /** When it was decided, YYYY-MM-DD. */
  decidedOn: string;
  /** The act it punished (the officer states it is the same kind of act). */
  act: string;
  /** Where it was recorded on this case: the lead, or an evidence item (its id). */
  recordedWith?: string;
}

/** Square metres in one mu (亩): 15 mu make a hectare. */
export const M2_PER_MU = 10000 / 15;

/** Where the facts that met a threshold were recorded: the lead's registration, the report, or an evidence item (its id). */
export type ThresholdOrigin = { from: 'REGISTRATION' } | { from: 'REPORT' } | { from: 'EVIDENCE'; evidenceId: string };

/** A threshold the case's facts reached, and the facts that reached it: recorded on the event that raised the flag. */
export interface ThresholdMet {
  /** Absent: one figure (the only shape before weighted sums and repeat offences). */
  rule?: 'WEIGHTED_SUM' | 'REPEAT';
  /** The figure compared (one-figure thresholds). */
  kind?: DiscretionBase;
  /** The figure as recorded (yuan or m²), the weighted sum (yuan), or the count of earlier penalties. */
  value: number;
  /** The limit it met, in the threshold's unit. */
  amount: number;
  /** The limit is in mu while the figure is in m² (1 mu = 10,000/15 m²). */
  unit?: 'MU';
  inclusive: boolean;
  offence: string;
  source: string;
  from: ThresholdOrigin['from'];
  evidenceId?: string;
  /** A weighted sum: each figure with its weight. */
  terms?: { kind: DiscretionBase; weight: number; value: number }[];
  /** A repeat offence: the earlier penalties counted (decision numbers), and the window. */
  priorPenalties?: string[];
  withinMonths?: number;
}

/** What a repeat-offence threshold counts: the case's earlier penalties and the date of this act. */
export interface RepeatFacts {
  priorPenalties: readonly PriorPenalty[];
  /** The date of this act (YYYY-MM-DD): when the violation occurred, else when it was discovered. */
  actOn: string;
}

const EPSILON = 1e-9;

export function reaches(t: Pick<CriminalThreshold, 'amount' | 'inclusive'>, value: number): boolean {
  return t.inclusive ? value >= t.amount - EPSILON : value > t.amount + EPSILON;
}

/** A figure against a limit that may be in mu: compared in m² without rounding (value × 15 against mu × 10,000). */
function reachesInUnit(t: Pick<CriminalThreshold, 'amount' | 'inclusive'> & { unit?: 'MU' }, value: number): boolean {
  if (t.unit !== 'MU') return reaches(t, value);
  return reaches({ amount: t.amount * 10000, inclusive: t.inclusive }, value * 15);
}

/** `date` (YYYY-MM-DD) moved back `months`: the same day number, or the earlier month's last day. */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function weightedSum(t: WeightedSumThreshold, bases: readonly DiscretionBaseAmount[] | undefined): ThresholdMet['terms'] | undefined {
  const value = (kind: DiscretionBase) => bases?.find((b) => b.kind === kind)?.value;
  if (t.whileBelow) {
    const bound = value(t.whileBelow.kind);
    if (bound !== undefined && bound >= t.whileBelow.amount - EPSILON) return undefined;
  }
  const terms: NonNullable<ThresholdMet['terms']> = [];
  for (const term of t.terms) {
    // A sum is of figures the case has: a figure missing, or nil (no sales at all), leaves it to the one-figure thresholds.
    const v = value(term.kind);
    if (v === undefined || v <= 0) return undefined;
    terms.push({ kind: term.kind, weight: term.weight, value: v });
  }
  return terms;
}

/** The earlier penalties a repeat threshold counts: distinct decisions within the window before this act, not after it. */
export function countedPenalties(t: Pick<RepeatThreshold, 'withinMonths'>, facts: RepeatFacts): string[] {
  const since = monthsBefore(facts.actOn, t.withinMonths);
  const numbers = new Set<string>();
  for (const p of facts.priorPenalties) if (p.decidedOn >= since && p.decidedOn <= facts.actOn) numbers.add(p.decisionNumber);
  return [...numbers];
}

/**
 * The thresholds of `violationCode` that the facts reach (none when the policy sets none).
 * `repeat` absent: earlier penalties are not judged on this recording.
 */
export function thresholdsMet(
  policy: JurisdictionPolicy,
  violationCode: string,
  bases: readonly DiscretionBaseAmount[] | undefined,
  origin: ThresholdOrigin,
  repeat?: RepeatFacts,
): ThresholdMet[] {
  const met: ThresholdMet[] = [];
  for (const t of policy.criminalThresholds ?? []) {
    if (t.violationCode !== violationCode) continue;
    const common = { amount: t.amount, inclusive: t.inclusive, offence: t.offence, source: t.source, ...origin };
    if (t.rule === 'WEIGHTED_SUM') {
      const terms = weightedSum(t, bases);
      if (!terms) continue;
      const sum = Math.round(terms.reduce((acc, x) => acc + x.weight * x.value, 0) * 100) / 100;
      if (reaches(t, sum)) met.push({ rule: 'WEIGHTED_SUM', value: sum, terms, ...common });
    } else if (t.rule === 'REPEAT') {
      if (!repeat) continue;
      const counted = countedPenalties(t, repeat);
      if (counted.length > 0 && reaches(t, counted.length)) met.push({ rule: 'REPEAT', value: counted.length, priorPenalties: counted, withinMonths: t.withinMonths, ...common });
    } else {
      const figure = bases?.find((b) => b.kind === t.kind);
      if (figure === undefined || !reachesInUnit(t, figure.value)) continue;
      met.push({ kind: t.kind, value: figure.value, ...(t.unit ? { unit: t.unit } : {}), ...common });
    }
  }
  return met;
}
