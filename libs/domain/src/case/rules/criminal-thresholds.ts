// 立案追诉标准: the figures at or past which the facts of a violation are a
// suspected crime (R310 3). The thresholds are policy
// (`JurisdictionPolicy.criminalThresholds`); the figures are those a report
// or an evidence item records as discretion bases (销售金额, 货值金额, ...).

import type { CriminalThreshold, JurisdictionPolicy } from '../../policy/policy.types';
import type { DiscretionBaseAmount } from '../case-records';
import type { DiscretionBase } from '../vocabulary';

/** A threshold the case's figures reached, and the figure that reached it: recorded on the event that raised the flag. */
export interface ThresholdMet {
  kind: DiscretionBase;
  /** The figure the case recorded. */
  value: number;
  /** The threshold it met. */
  amount: number;
  inclusive: boolean;
  offence: string;
  source: string;
  /** Where the figure was recorded: the report, or an evidence item (its id). */
  from: 'REPORT' | 'EVIDENCE';
  evidenceId?: string;
}

export function reaches(t: Pick<CriminalThreshold, 'amount' | 'inclusive'>, value: number): boolean {
  return t.inclusive ? value >= t.amount : value > t.amount;
}

/** The thresholds of `violationCode` that `bases` reach (none when the policy sets none). */
export function thresholdsMet(
  policy: JurisdictionPolicy,
  violationCode: string,
  bases: readonly DiscretionBaseAmount[] | undefined,
  from: { from: 'REPORT' } | { from: 'EVIDENCE'; evidenceId: string },
): ThresholdMet[] {
  const met: ThresholdMet[] = [];
  for (const t of policy.criminalThresholds ?? []) {
    if (t.violationCode !== violationCode) continue;
    const figure = bases?.find((b) => b.kind === t.kind);
    if (figure === undefined || !reaches(t, figure.value)) continue;
    met.push({ kind: t.kind, value: figure.value, amount: t.amount, inclusive: t.inclusive, offence: t.offence, source: t.source, ...from });
  }
  return met;
}
