// The suspected-crime flag's records: why it stands (an officer's grounds or
// the prosecution thresholds the case's figures reached) and the heads'
// reasoned decisions not to transfer that cleared it.

import type { PersonRef } from './case-records';
import type { ThresholdMet } from './rules/criminal-thresholds';

export type { PriorPenalty, ThresholdMet } from './rules/criminal-thresholds';

/** Why SUSPECTED_CRIME stands. */
export interface SuspicionRecord {
  raisedAt: string;
  /** An officer flagged it with grounds, or the figures of a report or evidence item reached a threshold. */
  raisedBy: 'OFFICER' | 'THRESHOLD';
  grounds: string;
  /** The threshold the officer says the facts meet (free text). */
  threshold?: string;
  /** The policy thresholds met, with the figures that met them. */
  thresholdsMet?: ThresholdMet[];
  /** The officer who flagged it. */
  by?: PersonRef;
}

/** A head decided, with reasons, not to transfer a flagged case (R310 5, 11): listed for supervisors. */
export interface NoTransferDecision {
  at: string;
  by: PersonRef;
  reasons: string;
  /** The flag the decision cleared. */
  suspicion?: SuspicionRecord;
}
