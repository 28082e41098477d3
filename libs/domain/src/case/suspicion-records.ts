// The suspected-crime flag's records: why it stands (an officer's grounds or
// the prosecution thresholds the case's figures reached) and the heads'
// reasoned decisions not to transfer that cleared it.

import type { PersonRef } from './case-records';
import type { ThresholdMet } from './rules/criminal-thresholds';

export type { ThresholdMet } from './rules/criminal-thresholds';

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

/** A head decided, with reasons, not to transfer a flagged case (R310 5, 11): listed for supervisors. */
export interface NoTransferDecision {
  at: string;
  by: PersonRef;
  reasons: string;
  /** The flag the decision cleared. */
  suspicion?: SuspicionRecord;
}
