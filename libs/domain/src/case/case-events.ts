// Events: payload only. The persistence layer adds seq, actor, occurredAt and
// the hash chain. Each accepted command yields exactly one event; people the
// state must remember (reviewer, host, decider) travel in the payload because
// evolve() never sees the envelope's actor.

import type { CaseOfficer, DecisionAssessment, LimitationCheck, Party, Penalty, PersonRef, ServiceRecord } from './case-state';
import type {
  ChallengeKind,
  ChallengeResult,
  ChallengeStage,
  CircumstanceLevel,
  DeadlineKind,
  DecisionOutcome,
  DiscussionPurpose,
  EvidenceKind,
  LegalReviewOpinion,
  PoliceDecision,
  Procedure,
  ProposedOutcome,
  RecusalRequester,
  RecusalRole,
  ReviewOpinion,
  SupervisionOutcome,
} from './vocabulary';

export type CaseEvent =
  | {
      type: 'LEAD_REGISTERED';
      caseId: string;
      caseNumber: string;
      agencyId: string;
      procedure: Procedure;
      policyVersion: string;
      source: string;
      discoveredAt: string;
      violationAt?: string;
      lifeHealthFinancialSafety?: boolean;
      party: Party;
      violationCode: string;
      summary: string;
      officers: CaseOfficer[];
      registeredBy: PersonRef;
    }
  | { type: 'FILING_APPROVED'; reason: string; officers: CaseOfficer[]; limitation: LimitationCheck; approvedBy: PersonRef }
  | { type: 'FILING_DECLINED'; reason: string; declinedBy: PersonRef }
  | {
      type: 'EVIDENCE_RECORDED';
      evidenceId: string;
      kind: EvidenceKind;
      title: string;
      collectedAt: string;
      collectors: CaseOfficer[];
      location: string;
      sha256: string;
      sizeBytes: number;
      mediaType?: string;
      text?: string;
      source?: string;
      recordedBy: PersonRef & { auxiliary: boolean };
      custodian: string;
    }
  | { type: 'CUSTODY_TRANSFERRED'; evidenceId: string; from: string; to: string; at: string; reason: string }
  | {
      type: 'INVESTIGATION_REPORTED';
      findings: string;
      proposedOutcome: ProposedOutcome;
      proposedPenalty?: Penalty;
      legalBasis: string;
      circumstanceLevel: CircumstanceLevel;
      discretionReasons?: string;
      assessment: DecisionAssessment;
      submittedBy: PersonRef;
    }
  | { type: 'CASE_REVIEWED'; opinion: ReviewOpinion; comments: string; reviewer: PersonRef }
  | {
      type: 'NOTICE_SERVED';
      noticeNumber: string;
      text: string;
      proposedPenalty?: Penalty;
      hearingRightsNotified: boolean;
      service: ServiceRecord;
    }
  | {
      type: 'DEFENCE_RECORDED';
      waived: boolean;
      statement?: string;
      points?: { point: string; adopted: boolean; reason: string }[];
    }
  | { type: 'HEARING_REQUESTED'; requestedAt: string; note?: string }
  | {
      type: 'HEARING_SCHEDULED';
      hearingAt: string;
      host: PersonRef;
      location: string;
      isPublic: boolean;
      reasonNotPublic?: string;
      /** Earliest local date allowed by the notice period (APL 64). */
      earliestHearingDate: string;
    }
  | { type: 'HEARING_HELD'; heldAt: string; record: string; report: string }
  | { type: 'LEGAL_REVIEW_REQUESTED'; reasons: string[]; note?: string }
  | { type: 'LEGAL_REVIEW_RECORDED'; opinion: LegalReviewOpinion; text: string; reviewer: PersonRef }
  | {
      type: 'COLLECTIVE_DISCUSSION_RECORDED';
      purpose: DiscussionPurpose;
      heldAt: string;
      attendees: PersonRef[];
      minutes: string;
      resolution: string;
    }
  | {
      type: 'DECISION_MADE';
      outcome: DecisionOutcome;
      penalty?: Penalty;
      documentNumber: string;
      text: string;
      legalBasis?: string;
      amountDue: number;
      assessment: DecisionAssessment;
      decidedBy: PersonRef;
    }
  | { type: 'DECISION_SERVED'; service: ServiceRecord }
  | {
      type: 'PAYMENT_RECORDED';
      amount: number;
      paidAt: string;
      receipt: string;
      totalPaid: number;
      amountDue: number;
      paidInFull: boolean;
    }
  | {
      type: 'CHALLENGE_RECORDED';
      challengeId: string;
      kind: ChallengeKind;
      stage: ChallengeStage;
      at: string;
      body: string;
      result?: ChallengeResult;
    }
  | { type: 'DEADLINE_EXTENDED'; deadline: DeadlineKind; reason: string; extensionNo: number }
  | { type: 'CASE_SUSPENDED'; reason: string }
  | { type: 'CASE_RESUMED'; reason: string }
  | { type: 'CASE_TERMINATED'; reason: string }
  | {
      type: 'PERSON_RECUSED';
      userId: string;
      name: string;
      role: RecusalRole;
      reason: string;
      requestedBy: RecusalRequester;
      replacement?: CaseOfficer;
    }
  | { type: 'CASE_CLOSED'; summary: string }
  | { type: 'CASE_ARCHIVED' }
  | {
      type: 'SIMPLE_DECISION_MADE';
      facts: string;
      legalBasis: string;
      penalty: Penalty;
      documentNumber: string;
      text: string;
      amountDue: number;
      decidedBy: PersonRef;
      service: ServiceRecord;
    }
  | { type: 'SIMPLE_DECISION_REPORTED'; note?: string }
  | { type: 'DEADLINE_APPROACHING'; deadline: DeadlineKind; dueAt: string }
  | { type: 'DEADLINE_MISSED'; deadline: DeadlineKind; dueAt: string }
  | { type: 'TRANSFER_PROPOSED'; grounds: string; thresholdFacts?: string; officers: CaseOfficer[] }
  | { type: 'TRANSFER_APPROVED'; reason: string }
  | { type: 'TRANSFER_REFUSED'; reason: string }
  | { type: 'TRANSFER_DISPATCHED'; sentAt: string; policeAgency: string; procuratorate: string; documents: string[] }
  | { type: 'POLICE_DECISION_RECORDED'; decision: PoliceDecision; at: string; reason?: string }
  | { type: 'TRANSFER_RECONSIDERATION_REQUESTED'; reason: string }
  | { type: 'TRANSFER_RECONSIDERATION_ANSWERED'; accept: boolean; reason: string }
  | { type: 'TRANSFER_SUPERVISION_REQUESTED'; reason: string }
  | { type: 'TRANSFER_SUPERVISION_RESOLVED'; outcome: SupervisionOutcome; reason: string }
  | { type: 'ADMINISTRATIVE_CASE_RESUMED'; reason: string };

export type CaseEventType = CaseEvent['type'];
export type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

/** Exhaustive by construction (a Record over the union); order is documentation only. */
const EVENT_TYPE_SET: Record<CaseEventType, true> = {
  LEAD_REGISTERED: true,
  FILING_APPROVED: true,
  FILING_DECLINED: true,
  EVIDENCE_RECORDED: true,
  CUSTODY_TRANSFERRED: true,
  INVESTIGATION_REPORTED: true,
  CASE_REVIEWED: true,
  NOTICE_SERVED: true,
  DEFENCE_RECORDED: true,
  HEARING_REQUESTED: true,
  HEARING_SCHEDULED: true,
  HEARING_HELD: true,
  LEGAL_REVIEW_REQUESTED: true,
  LEGAL_REVIEW_RECORDED: true,
  COLLECTIVE_DISCUSSION_RECORDED: true,
  DECISION_MADE: true,
  DECISION_SERVED: true,
  PAYMENT_RECORDED: true,
  CHALLENGE_RECORDED: true,
  DEADLINE_EXTENDED: true,
  CASE_SUSPENDED: true,
  CASE_RESUMED: true,
  CASE_TERMINATED: true,
  PERSON_RECUSED: true,
  CASE_CLOSED: true,
  CASE_ARCHIVED: true,
  SIMPLE_DECISION_MADE: true,
  SIMPLE_DECISION_REPORTED: true,
  DEADLINE_APPROACHING: true,
  DEADLINE_MISSED: true,
  TRANSFER_PROPOSED: true,
  TRANSFER_APPROVED: true,
  TRANSFER_REFUSED: true,
  TRANSFER_DISPATCHED: true,
  POLICE_DECISION_RECORDED: true,
  TRANSFER_RECONSIDERATION_REQUESTED: true,
  TRANSFER_RECONSIDERATION_ANSWERED: true,
  TRANSFER_SUPERVISION_REQUESTED: true,
  TRANSFER_SUPERVISION_RESOLVED: true,
  ADMINISTRATIVE_CASE_RESUMED: true,
};
export const CASE_EVENT_TYPES = Object.keys(EVENT_TYPE_SET) as CaseEventType[];
