// The state of one case, as folded from its events by evolve(). Plain JSON
// (no Date, no class): it travels through Temporal payloads and jsonb.

import type { DeadlineBasis, PauseInterval } from '../calendar';
import type { PartyType } from '../policy/policy.types';

/** Every state of the lifecycle, including the ones later issues make mandatory. */
export const CASE_STATUSES = [
  'LEAD_REGISTERED', // 案源登记
  'FILING_DECLINED', // 不予立案
  'FILED', // 立案, investigating
  'INVESTIGATION_REPORTED', // 调查终结报告
  'CASE_REVIEWED', // 审核 agreed
  'NOTICE_SERVED', // 告知 served, defence window running
  'DEFENCE_RECORDED', // 陈述申辩 recorded or waived
  'HEARING_REQUESTED',
  'HEARING_SCHEDULED',
  'HEARING_HELD',
  'LEGAL_REVIEW_PENDING', // 法制审核
  'LEGAL_REVIEW_PASSED',
  'COLLECTIVE_DISCUSSED', // 集体讨论
  'DECIDED',
  'SERVED', // decision served (送达)
  'EXECUTED', // paid / performed (履行)
  'CLOSED', // 结案
  'ARCHIVED', // 归档: sealed
  'SUSPENDED', // 中止
  'TERMINATED', // 终止
  'TRANSFER_PROPOSED', // 两法衔接
  'TRANSFER_APPROVED',
  'TRANSFERRED',
  'TRANSFER_ACCEPTED',
  'TRANSFER_DECLINED',
  'TRANSFER_RECONSIDERATION_REQUESTED',
  'TRANSFER_SUPERVISION_REQUESTED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type Procedure = 'ORDINARY' | 'SIMPLE';

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

/** APL 9 kinds of penalty. */
export const PENALTY_KINDS = [
  'WARNING', // 警告
  'PUBLIC_CRITICISM', // 通报批评
  'FINE', // 罚款
  'CONFISCATION', // 没收违法所得 / 非法财物
  'LICENCE_SUSPENSION', // 暂扣许可证件
  'QUALIFICATION_DOWNGRADE', // 降低资质等级
  'LICENCE_REVOCATION', // 吊销许可证件
  'ACTIVITY_RESTRICTION', // 限制开展生产经营活动
  'BUSINESS_SUSPENSION', // 责令停产停业
  'CLOSURE', // 责令关闭
  'EMPLOYMENT_BAN', // 限制从业
  'DETENTION', // 行政拘留
  'OTHER',
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

export interface Penalty {
  kinds: PenaltyKind[];
  /** Yuan. Required when kinds includes FINE. */
  fineAmount?: number;
  /** Yuan of illegal gains confiscated (paid in like a fine). */
  confiscationAmount?: number;
  /** Anything the kinds do not say (goods confiscated, suspension period...). */
  terms?: string;
}

export type ProposedOutcome = 'PENALTY' | 'NO_PENALTY' | 'DISMISS' | 'TRANSFER';
export type DecisionOutcome = 'PENALTY' | 'NO_PENALTY' | 'DISMISS';
/** 不予处罚 / 减轻 / 从轻 / 一般 / 从重. */
export const CIRCUMSTANCE_LEVELS = ['EXEMPT', 'MITIGATED', 'LIGHTER', 'GENERAL', 'HEAVIER'] as const;
export type CircumstanceLevel = (typeof CIRCUMSTANCE_LEVELS)[number];

export const SERVICE_METHODS = ['DIRECT', 'REFUSED', 'ELECTRONIC', 'POSTAL', 'PUBLIC_NOTICE'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

/** APL 46 kinds of evidence. */
export const EVIDENCE_KINDS = [
  'DOCUMENTARY', // 书证
  'PHYSICAL', // 物证
  'AUDIO_VISUAL', // 视听资料
  'ELECTRONIC_DATA', // 电子数据
  'WITNESS_TESTIMONY', // 证人证言
  'PARTY_STATEMENT', // 当事人的陈述
  'EXPERT_OPINION', // 鉴定意见
  'INSPECTION_RECORD', // 勘验笔录
  'ON_SITE_RECORD', // 现场笔录
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Keys of policy.deadlines that a case can carry (extension specs excluded). */
export const DEADLINE_KINDS = [
  'filingDecision',
  'caseReview',
  'defence',
  'hearingNotice',
  'decision',
  'service',
  'payment',
  'closure',
  'disclosure',
  'disclosureWithdrawal',
  'simpleReport',
  'evidencePreservation',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * OPEN: running. SUSPENDED: an open pause stops the clock (no timer).
 * MET: the act was done (late=true if after dueAt). MISSED: escalated.
 * CANCELLED: the clock ended without the act (termination, transfer, closure).
 */
export type DeadlineState = 'OPEN' | 'MET' | 'MISSED' | 'SUSPENDED' | 'CANCELLED';

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

export type CaseFlag =
  | 'OVERDUE' // an agency deadline is MISSED and not yet met
  | 'PAYMENT_OVERDUE' // the party's payment deadline passed unpaid
  | 'MAJOR_DECISION' // legal review required (法制审核)
  | 'HEARING_OFFERED' // hearing must be offered (听证)
  | 'COLLECTIVE_DISCUSSION_REQUIRED' // 集体讨论
  | 'SUSPECTED_CRIME' // only a transfer or a reasoned refusal clears it
  | 'DECISION_REVOKED'; // revoked / found invalid on challenge

/** Why a decision needs review, hearing, collective discussion (three separate outcomes, domain spec §3). */
export interface DecisionAssessment {
  legalReviewRequired: boolean;
  hearingOffered: boolean;
  collectiveDiscussionRequired: boolean;
  reasons: string[];
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

export interface InvestigationReport {
  findings: string;
  proposedOutcome: ProposedOutcome;
  proposedPenalty?: Penalty;
  legalBasis: string;
  circumstanceLevel: CircumstanceLevel;
  discretionReasons?: string;
  assessment: DecisionAssessment;
  submittedAt: string;
  submittedBy: PersonRef;
}

export interface CaseReviewRecord {
  opinion: 'AGREE' | 'CORRECT' | 'INVESTIGATE_FURTHER';
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
}

export interface DefencePoint {
  point: string;
  adopted: boolean;
  reason: string;
}

export interface DefenceRecord {
  waived: boolean;
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
  heldAt?: string;
  record?: string;
  report?: string;
}

export interface LegalReviewRecord {
  requestedAt: string;
  reasons: string[];
  opinion?: 'APPROVE' | 'RETURN' | 'REJECT';
  text?: string;
  reviewer?: PersonRef;
  reviewedAt?: string;
}

export interface CollectiveDiscussionRecord {
  purpose: 'DECISION' | 'EXTENSION';
  heldAt: string;
  attendees: PersonRef[];
  minutes: string;
  resolution: string;
  recordedAt: string;
}

export interface CaseDecisionRecord {
  outcome: DecisionOutcome;
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
  kind: 'RECONSIDERATION' | 'LITIGATION';
  filedAt: string;
  body: string;
  decidedAt?: string;
  result?: ChallengeResult;
}
export type ChallengeResult = 'UPHELD' | 'VARIED' | 'REVOKED' | 'CONFIRMED_INVALID' | 'WITHDRAWN' | 'DISMISSED';

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
    resolution?: { outcome: 'POLICE_TO_FILE' | 'REFUSAL_UPHELD'; reason: string; at: string };
  };
  outcome?: 'REFUSED_BY_HEAD' | 'ACCEPTED' | 'RETURNED';
}

export interface RecusalRecord extends PersonRef {
  role: 'OFFICER' | 'HEARING_HOST';
  reason: string;
  requestedBy: 'PARTY' | 'SELF' | 'AGENCY';
  at: string;
}

export interface CaseState {
  caseId: string;
  caseNumber: string;
  agencyId: string;
  procedure: Procedure;
  status: CaseStatus;
  statusBeforeSuspension?: CaseStatus;
  statusBeforeTransfer?: CaseStatus;
  /** Version of the jurisdiction policy the case was registered under. */
  policyVersion: string;
  source: string;
  discoveredAt: string;
  violationAt?: string;
  lifeHealthFinancialSafety?: boolean;
  party: Party;
  violationCode: string;
  summary: string;
  officers: CaseOfficer[];
  recusals: RecusalRecord[];
  flags: CaseFlag[];
  deadlines: Partial<Record<DeadlineKind, CaseDeadline>>;
  /** Intervals excluded from the decision limit (中止, hearing, public-notice service, transfer). */
  pauses: PauseInterval[];
  suspectedCrime: boolean;
  evidence: EvidenceItem[];
  filing?: FilingRecord;
  report?: InvestigationReport;
  review?: CaseReviewRecord;
  notice?: NoticeRecord;
  defence?: DefenceRecord;
  hearing?: HearingRecord;
  legalReview?: LegalReviewRecord;
  collectiveDiscussions: CollectiveDiscussionRecord[];
  decision?: CaseDecisionRecord;
  service?: ServiceRecord;
  payments: PaymentRecord[];
  amountPaid: number;
  challenges: ChallengeRecord[];
  transfer?: TransferRecord;
  simpleReport?: { reportedAt: string; note?: string };
  closure?: { summary: string; at: string };
  registeredAt: string;
  filedAt?: string;
  decidedAt?: string;
  servedAt?: string;
  executedAt?: string;
  terminatedAt?: string;
  closedAt?: string;
  archivedAt?: string;
  /** Instant of the last event folded in. */
  updatedAt: string;
  /** Number of events folded in. */
  eventCount: number;
}
