// Commands: what a person (or the workflow's own timers) asks of a case.
// Officers named in a command arrive as ActorSnapshots resolved by the API
// from Postgres (roles, certificates), never as bare ids.

import type { JurisdictionPolicy } from '../policy/policy.types';
import type { ActorSnapshot } from './actor.types';
import type { Party, Penalty, PersonRef } from './case-state';
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
  ReviewOpinion,
  ServiceMethod,
  SupervisionOutcome,
} from './vocabulary';

/** The workflow itself (deadline timers). */
export interface SystemActor {
  system: true;
  name: string;
  userId?: 'system';
}
/** The one system actor: what the workflow's own timers record as. */
export const SYSTEM: SystemActor = { system: true, userId: 'system', name: 'zhifa deadline watch' };

export function isSystemActor(actor: ActorSnapshot | SystemActor): actor is SystemActor {
  return (actor as SystemActor).system === true;
}

/** How a document was served; the deemed date is derived from the method. */
export interface ServiceDetails {
  method: ServiceMethod;
  /** DIRECT: signed date; REFUSED: left with witnesses; ELECTRONIC: arrival; POSTAL: receipt date; PUBLIC_NOTICE: publication. */
  servedAt: string;
  recipient: string;
  /** Reference to the proof (送达回证, postal receipt, system log, notice copy...). */
  proof: string;
  /** ELECTRONIC requires the party's consent (APL 61). */
  consentToElectronic?: boolean;
  /** REFUSED (留置送达): witnesses, or video instead. */
  witnesses?: string[];
  videoRecorded?: boolean;
}

export type CaseCommand =
  | {
      type: 'REGISTER_LEAD';
      caseId: string;
      caseNumber: string;
      agencyId: string;
      procedure: Procedure;
      source: string;
      discoveredAt: string;
      party: Party;
      violationCode: string;
      summary: string;
      officers: ActorSnapshot[];
      /** Date (or instant) the violation occurred or ended; needed for the limitation check at filing. */
      violationAt?: string;
      /** Life, health or financial safety: 5-year limitation (APL 36). */
      lifeHealthFinancialSafety?: boolean;
    }
  | {
      type: 'DECIDE_FILING';
      approve: boolean;
      reason: string;
      officers: ActorSnapshot[];
      violationAt?: string;
      lifeHealthFinancialSafety?: boolean;
    }
  | {
      type: 'RECORD_EVIDENCE';
      evidenceId: string;
      kind: EvidenceKind;
      title: string;
      collectedAt: string;
      collectors: ActorSnapshot[];
      location: string;
      sha256: string;
      sizeBytes: number;
      mediaType?: string;
      text?: string;
      source?: string;
    }
  | { type: 'TRANSFER_CUSTODY'; evidenceId: string; from: string; to: string; at: string; reason: string }
  | {
      type: 'SUBMIT_INVESTIGATION_REPORT';
      findings: string;
      proposedOutcome: ProposedOutcome;
      proposedPenalty?: Penalty;
      legalBasis: string;
      circumstanceLevel: CircumstanceLevel;
      discretionReasons?: string;
    }
  | { type: 'REVIEW_CASE'; opinion: ReviewOpinion; comments: string }
  | ({
      type: 'SERVE_NOTICE';
      noticeNumber: string;
      text: string;
      /** Must be true when the proposed penalty is hearing-eligible. */
      hearingRightsNotified: boolean;
    } & ServiceDetails)
  | {
      type: 'RECORD_DEFENCE';
      waived: boolean;
      statement?: string;
      points?: { point: string; adopted: boolean; reason: string }[];
    }
  | { type: 'REQUEST_HEARING'; requestedAt: string; note?: string }
  | {
      type: 'SCHEDULE_HEARING';
      hearingAt: string;
      host: ActorSnapshot;
      location: string;
      isPublic: boolean;
      reasonNotPublic?: string;
    }
  | { type: 'RECORD_HEARING'; heldAt: string; record: string; report: string }
  | { type: 'REQUEST_LEGAL_REVIEW'; note?: string }
  | { type: 'RECORD_LEGAL_REVIEW'; opinion: LegalReviewOpinion; text: string }
  | {
      type: 'RECORD_COLLECTIVE_DISCUSSION';
      /** DECISION: before the decision (moves the case on); EXTENSION: authorises a further decision extension. */
      purpose: DiscussionPurpose;
      heldAt: string;
      attendees: PersonRef[];
      minutes: string;
      resolution: string;
    }
  | {
      type: 'DECIDE';
      outcome: DecisionOutcome;
      penalty?: Penalty;
      documentNumber: string;
      text: string;
      legalBasis?: string;
    }
  | ({ type: 'SERVE' } & ServiceDetails)
  | { type: 'RECORD_PAYMENT'; amount: number; paidAt: string; receipt: string }
  | {
      type: 'RECORD_CHALLENGE';
      challengeId: string;
      kind: ChallengeKind;
      stage: ChallengeStage;
      at: string;
      body: string;
      result?: ChallengeResult;
    }
  | { type: 'EXTEND_DEADLINE'; deadline: DeadlineKind; reason: string }
  | { type: 'SUSPEND'; reason: string }
  | { type: 'RESUME'; reason: string }
  | { type: 'TERMINATE'; reason: string }
  | {
      type: 'RECUSE';
      userId: string;
      reason: string;
      requestedBy: RecusalRequester;
      replacement?: ActorSnapshot;
    }
  | { type: 'CLOSE'; summary: string }
  | { type: 'ARCHIVE' }
  | {
      type: 'SIMPLE_DECIDE';
      facts: string;
      legalBasis: string;
      penalty: Penalty;
      documentNumber: string;
      text: string;
      /** Served on the spot: DIRECT or REFUSED. */
      service: ServiceDetails;
    }
  | { type: 'REPORT_SIMPLE'; note?: string }
  | { type: 'DEADLINE_REMINDER'; deadline: DeadlineKind }
  | { type: 'DEADLINE_ESCALATION'; deadline: DeadlineKind }
  | { type: 'PROPOSE_TRANSFER'; grounds: string; officers: ActorSnapshot[]; thresholdFacts?: string }
  | { type: 'DECIDE_TRANSFER'; approve: boolean; reason: string }
  | { type: 'DISPATCH_TRANSFER'; sentAt: string; policeAgency: string; procuratorate: string; documents: string[] }
  | { type: 'RECORD_POLICE_DECISION'; decision: PoliceDecision; at: string; reason?: string }
  | { type: 'REQUEST_TRANSFER_RECONSIDERATION'; reason: string }
  | { type: 'ANSWER_TRANSFER_RECONSIDERATION'; accept: boolean; reason: string }
  | { type: 'REQUEST_TRANSFER_SUPERVISION'; reason: string }
  | { type: 'RESOLVE_TRANSFER_SUPERVISION'; outcome: SupervisionOutcome; reason: string }
  | { type: 'RESUME_ADMINISTRATIVE_CASE'; reason: string };

export type CommandType = CaseCommand['type'];
export type CommandOf<T extends CommandType> = Extract<CaseCommand, { type: T }>;

export const COMMAND_TYPES = [
  'REGISTER_LEAD',
  'DECIDE_FILING',
  'RECORD_EVIDENCE',
  'TRANSFER_CUSTODY',
  'SUBMIT_INVESTIGATION_REPORT',
  'REVIEW_CASE',
  'SERVE_NOTICE',
  'RECORD_DEFENCE',
  'REQUEST_HEARING',
  'SCHEDULE_HEARING',
  'RECORD_HEARING',
  'REQUEST_LEGAL_REVIEW',
  'RECORD_LEGAL_REVIEW',
  'RECORD_COLLECTIVE_DISCUSSION',
  'DECIDE',
  'SERVE',
  'RECORD_PAYMENT',
  'RECORD_CHALLENGE',
  'EXTEND_DEADLINE',
  'SUSPEND',
  'RESUME',
  'TERMINATE',
  'RECUSE',
  'CLOSE',
  'ARCHIVE',
  'SIMPLE_DECIDE',
  'REPORT_SIMPLE',
  'DEADLINE_REMINDER',
  'DEADLINE_ESCALATION',
  'PROPOSE_TRANSFER',
  'DECIDE_TRANSFER',
  'DISPATCH_TRANSFER',
  'RECORD_POLICE_DECISION',
  'REQUEST_TRANSFER_RECONSIDERATION',
  'ANSWER_TRANSFER_RECONSIDERATION',
  'REQUEST_TRANSFER_SUPERVISION',
  'RESOLVE_TRANSFER_SUPERVISION',
  'RESUME_ADMINISTRATIVE_CASE',
] as const satisfies readonly CommandType[];

/** Rule switches pinned per workflow (flip them behind patched(), never mid-run). */
export interface RuleFeatures {
  /**
   * When true, DECIDE on an ordinary case requires the pre-decision steps the
   * law asks for (review, notice and defence window, hearing if requested,
   * legal review and collective discussion when flagged). No workflow passes
   * it yet; see docs/lifecycle.md, "not yet enforced".
   */
  preDecisionSteps?: boolean;
}

export interface CommandContext {
  actor: ActorSnapshot | SystemActor;
  policy: JurisdictionPolicy;
  /** ISO UTC instant; workflow time. */
  now: string;
  features?: RuleFeatures;
}
