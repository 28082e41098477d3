// What the case keeps of a criminal transfer (两法衔接, R310): the proposal,
// the head's decision, the dispatch, the police's and the procuratorate's
// answers, and what was handed over or imposed before it.

import type { CaseOfficer } from './case-records';
import type { CaseStatus, PenaltyKind, SupervisionOutcome, TransferOutcome } from './vocabulary';

export interface TransferRecord {
  proposedAt: string;
  grounds: string;
  thresholdFacts?: string;
  officers: CaseOfficer[];
  approval?: { approved: boolean; reason: string; at: string };
  /**
   * The decision limit stops at the head's approval, not at the proposal
   * (rule change 'transfer-pause-at-approval'). Absent: a proposal recorded
   * before that change, whose pause began at the proposal.
   */
  clockStopsAtApproval?: boolean;
  dispatch?: { sentAt: string; policeAgency: string; procuratorate: string; documents: string[] };
  receivedAt?: string;
  /** R310 7: the police found themselves competent and the material complete (rule change 'transfer-body-limits'). */
  intakeReviewedAt?: string;
  policeDecision?: { accepted: boolean; reason?: string; at: string };
  reconsideration?: { requestedAt: string; reason: string; answer?: { accepted: boolean; reason: string; at: string } };
  supervision?: {
    requestedAt: string;
    reason: string;
    resolution?: { outcome: SupervisionOutcome; reason: string; at: string };
    /** 要求说明不立案理由: the procuratorate's notice to the police, and their written explanation. */
    explanationRequest?: { at: string; reason: string; explanation?: { at: string; text: string } };
  };
  outcome?: TransferOutcome;
  /** Where the transfer started (rule change 'transfer-from-any-point'). */
  from?: CaseStatus;
  /** After a decision: the penalties that keep running and the money paid for offsetting (R310 11, APL 35). */
  imposed?: { penaltiesRunning: PenaltyKind[]; paidForOffset: number };
  /** R310 7: the units the police forwarded the transfer to, in order. */
  forwards?: { policeAgency: string; at: string; reason: string }[];
  /** R310 7: the police's requests for missing material and the agency's supply. */
  materialRequests?: { requestedAt: string; materials: string[]; supply?: { at: string; documents: string[] } }[];
  /** R310 12: items and files handed over to the police, with the inventory. */
  handover?: { at: string; inventory: string[]; recordedAt: string };
  /** APL 27: the police returned the accepted case (no crime found) for an administrative penalty. */
  policeReturn?: { at: string; reason: string };
}
