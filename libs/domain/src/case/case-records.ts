// The parts of a case's state: the party, people, penalties, deadlines,
// evidence and what the state remembers of each step (filing, report, review,
// notice, defence, hearing, legal review, discussion, decision, payments,
// challenges, transfer, recusals). Plain JSON, as the state itself.

import type { DeadlineBasis } from '../calendar';
import type {
  ChallengeKind,
  ChallengeResult,
  CircumstanceLevel,
  DayKind,
  DeadlineKind,
  DeadlineState,
  DiscretionBase,
  DecisionOutcome,
  DiscussionPurpose,
  EvidenceKind,
  HearingEndReason,
  LegalReviewOpinion,
  LegalReviewReturn,
  MajorCaseGround,
  PartyType,
  PenaltyKind,
  ProposedOutcome,
  RecusalRequester,
  RecusalRole,
  ReviewOpinion,
  ServiceMethod,
  SupervisionOutcome,
  TransferOutcome,
} from './vocabulary';

export interface Party {
  type: PartyType;
  name: string;
  /** Personal ID number (person) — redacted on disclosure. */
  idNumber?: string;
  /** 统一社会信用代码 (organisation). */
  creditCode?: string;
  legalRepresentative?: string;
  address?: string;
  phone?: string;
  /** No disclosure for a minor. */
  minor?: boolean;
}

export interface PersonRef {
  userId: string;
  name: string;
}

/** An officer as assigned to the case, with the certificate valid when assigned. */
export interface CaseOfficer extends PersonRef {
  certificateNumber: string;
}

export interface Penalty {
  kinds: PenaltyKind[];
  /** Yuan. Required when kinds includes FINE. */
  fineAmount?: number;
  /** Yuan of illegal gains confiscated (paid in like a fine). */
  confiscationAmount?: number;
  /** The term in days of a term penalty (suspension, restriction, ban, detention): compared with the notice. */
  termDays?: number;
  /** Anything the kinds do not say (goods confiscated, suspension period...). */
  terms?: string;
}

export interface CaseDeadline {
  kind: DeadlineKind;
  /** AGENCY deadlines make the case OVERDUE when missed; PARTY ones (defence, payment) do not. */
  owner: 'AGENCY' | 'PARTY';
  /** Instant the period runs from. */
  startAt: string;
  dueAt: string;
  remindAt?: string;
  state: DeadlineState;
  reminded: boolean;
  basis: DeadlineBasis;
  extensions: number;
  armedAt: string;
  metAt?: string;
  missedAt?: string;
  cancelledAt?: string;
  late?: boolean;
}

/** Why a decision needs review, hearing, collective discussion (three separate outcomes, domain spec §3). */
export interface DecisionAssessment {
  legalReviewRequired: boolean;
  hearingOffered: boolean;
  collectiveDiscussionRequired: boolean;
  reasons: string[];
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

export interface ServiceRecord {
  method: ServiceMethod;
  /** When the act of service happened (signed, left, sent/arrived, received, notice published). */
  servedAt: string;
  /** Legally served (PUBLIC_NOTICE: 30 days after publication). */
  deemedServedAt: string;
  recipient: string;
  proof: string;
  consentToElectronic?: boolean;
  witnesses?: string[];
  videoRecorded?: boolean;
  servedBy: PersonRef;
}

export interface CustodyEntry {
  from: string;
  to: string;
  at: string;
  reason: string;
}

export interface EvidenceItem {
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
  /** Who entered it; auxiliary staff may draft, the collectors remain the officers. */
  recordedBy: PersonRef & { auxiliary: boolean };
  recordedAt: string;
  /** userId of the current custodian. */
  custodian: string;
  custody: CustodyEntry[];
}

export interface LimitationCheck {
  violationDate: string;
  discoveredDate: string;
  years: number;
  /** Last local date on which discovery was still in time. */
  lastDiscoveryDate: string;
  lifeHealthFinancialSafety: boolean;
  source: string;
}

export interface FilingRecord {
  approved: boolean;
  reason: string;
  decidedAt: string;
  decidedBy: PersonRef;
  limitation?: LimitationCheck;
}

/** A figure the report relies on for the benchmark (裁量基数): goods value, illegal gains, sales, area. */
export interface DiscretionBaseAmount {
  kind: DiscretionBase;
  value: number;
  /** Where the figure comes from (e.g. the evidence item). */
  note?: string;
}

/** What the report's benchmark check found, resolved to yuan; recorded on the report and binding the decision. */
export interface DiscretionFinding {
  violationCode: string;
  band: string;
  level: CircumstanceLevel;
  /** The band's statutory range in yuan. */
  statutory: { min: number; max: number };
  /** The level's range in yuan (LIGHTER, GENERAL, HEAVIER only). */
  range?: { min: number; max: number };
  /** The law imposes a fine with any penalty. */
  fineRequired: boolean;
  /** 减轻 below the statutory minimum: collective discussion required. */
  mitigatedBelowMinimum?: true;
  /** The benchmark's legal basis and the source of its split. */
  source: string;
}

export interface InvestigationReport {
  findings: string;
  proposedOutcome: ProposedOutcome;
  proposedPenalty?: Penalty;
  legalBasis: string;
  circumstanceLevel: CircumstanceLevel;
  discretionReasons?: string;
  /** The figures the discretion benchmark needs (裁量基数). */
  discretionBases?: DiscretionBaseAmount[];
  /** The benchmark band and range the proposed fine was judged in; binds the decision. */
  discretion?: DiscretionFinding;
  assessment: DecisionAssessment;
  submittedAt: string;
  submittedBy: PersonRef;
}

export interface CaseReviewRecord {
  opinion: ReviewOpinion;
  comments: string;
  reviewer: PersonRef;
  at: string;
}

export interface NoticeRecord {
  noticeNumber: string;
  text: string;
  proposedPenalty?: Penalty;
  hearingRightsNotified: boolean;
  service: ServiceRecord;
  /** When the notice was recorded. */
  at?: string;
}

/** A head approved the pre-decision notice of the current report (domain spec §2 step 6). */
export interface NoticeApprovalRecord {
  approvedBy: PersonRef;
  at: string;
  comments?: string;
}

/**
 * The head sent the case back for further investigation after its report
 * (补充调查): what the party had been told, and whether it had defended itself,
 * judge the next report (APL 45).
 */
export interface ReopeningRecord {
  at: string;
  reason: string;
  reopenedBy: PersonRef;
  notifiedPenalty?: Penalty;
  defended: boolean;
}

export interface DefencePoint {
  point: string;
  adopted: boolean;
  reason: string;
}

export interface DefenceRecord {
  waived: boolean;
  /** The party also waived its hearing (听证) right: the hearing-request window ends too. */
  hearingWaived?: boolean;
  statement?: string;
  points?: DefencePoint[];
  at: string;
}

export interface HearingRecord {
  requestedAt: string;
  hearingAt?: string;
  host?: PersonRef;
  location?: string;
  isPublic?: boolean;
  reasonNotPublic?: string;
  /** Service of the hearing notice (听证通知书): the notice period counts from it (APL 64). */
  noticeService?: ServiceRecord;
  heldAt?: string;
  /** Ended without being held: the party withdrew, stayed away or left (APL 64): a waiver. */
  endedAt?: string;
  endReason?: HearingEndReason;
  record?: string;
  report?: string;
}

export interface LegalReviewRecord {
  requestedAt: string;
  reasons: string[];
  /** The reviewer named to give the opinion (absent on reviews requested before reviewers were named). */
  assignee?: LegalReviewerRef;
  /** Who was named, in order: the request, then each reassignment with its reason. */
  assignments?: { reviewer: LegalReviewerRef; at: string; by: PersonRef; reason?: string }[];
  opinion?: LegalReviewOpinion;
  text?: string;
  /** RETURN: the points to revise, and whether the case goes back to investigation or to a new proposal. */
  points?: string[];
  returnTo?: LegalReviewReturn;
  reviewer?: PersonRef;
  reviewedAt?: string;
}

/** A legal reviewer as named, with the certificate that qualified them (APL 58 ¶3). */
export interface LegalReviewerRef extends PersonRef {
  certificateNumber: string;
}

/** APL 58 (1), (3): the case marked major, with grounds and reason. */
export interface MajorCaseMark {
  grounds: MajorCaseGround[];
  reason: string;
  markedBy: PersonRef;
  at: string;
}

/** What the case as it stands needs before its decision (derived after every event from the pinned policy). */
export interface ReviewGrounds {
  legalReview: string[];
  collectiveDiscussion: string[];
}

export interface CollectiveDiscussionRecord {
  purpose: DiscussionPurpose;
  heldAt: string;
  attendees: PersonRef[];
  minutes: string;
  resolution: string;
  recordedAt: string;
}

/** Where the party may challenge the decision (APL 59 (五)); the periods are the law's. */
export interface DecisionRemedy {
  /** 行政复议机关: since 2024 the people's government at the agency's level (ARL 24). */
  reconsiderationBody: string;
  /** 人民法院 with jurisdiction over the agency's seat (ALL 18). */
  court: string;
}

/**
 * The contents APL 59 requires of a penalty decision, built from the case
 * rather than typed: the party as registered, the evidence as recorded, the
 * performance period from the policy, the remedy periods from the law.
 */
export interface DecisionContents {
  /** (六) The deciding agency and the local date of the decision. */
  agency: string;
  decidedOn: string;
  /** (一) The party's name, and the address or identifiers registered. */
  party: Party;
  /** (二) The facts found and the evidence relied on. */
  facts: string;
  evidence: { evidenceId: string; title: string; kind: EvidenceKind }[];
  /** (三) The penalty and its legal basis. */
  legalBasis: string;
  penalty?: Penalty;
  amountDue: number;
  /** (四) How and within what period to perform: the period runs from service (APL 67). */
  performance?: { method: string; within: { days: number; kind: DayKind; source: string } };
  /** (五) Reconsideration within 60 days, a lawsuit within 6 months of knowing of the decision. */
  remedy?: DecisionRemedy & {
    reconsiderationDays: number;
    reconsiderationSource: string;
    litigationMonths: number;
    litigationSource: string;
  };
}

export interface CaseDecisionRecord {
  outcome: DecisionOutcome;
  /** APL 59 contents (decisions recorded since the 'decision-contents' rule change). */
  contents?: DecisionContents;
  penalty?: Penalty;
  documentNumber: string;
  text: string;
  legalBasis?: string;
  /** Fine + confiscated gains, yuan. */
  amountDue: number;
  decidedAt: string;
  decidedBy: PersonRef;
  simple: boolean;
  assessment?: DecisionAssessment;
  revoked?: boolean;
}

export interface PaymentRecord {
  amount: number;
  paidAt: string;
  receipt: string;
  recordedAt: string;
}

export interface ChallengeRecord {
  challengeId: string;
  kind: ChallengeKind;
  filedAt: string;
  body: string;
  decidedAt?: string;
  result?: ChallengeResult;
}

export interface TransferRecord {
  proposedAt: string;
  grounds: string;
  thresholdFacts?: string;
  officers: CaseOfficer[];
  approval?: { approved: boolean; reason: string; at: string };
  dispatch?: { sentAt: string; policeAgency: string; procuratorate: string; documents: string[] };
  receivedAt?: string;
  policeDecision?: { accepted: boolean; reason?: string; at: string };
  reconsideration?: { requestedAt: string; reason: string; answer?: { accepted: boolean; reason: string; at: string } };
  supervision?: {
    requestedAt: string;
    reason: string;
    resolution?: { outcome: SupervisionOutcome; reason: string; at: string };
  };
  outcome?: TransferOutcome;
}

export interface RecusalRecord extends PersonRef {
  role: RecusalRole;
  reason: string;
  requestedBy: RecusalRequester;
  at: string;
}
