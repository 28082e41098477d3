// The parts of a case's state: the party, people, penalties, deadlines,
// evidence and what the state remembers of each step (filing, report,
// decision, payments, challenges, transfer, recusals; the steps between the
// report and the decision are in pre-decision-records.ts). Plain JSON, as the
// state itself.

import type { DeadlineBasis } from '../calendar';
import type { DocumentKind } from '../documents/document-kinds';
import type { NonDisclosure } from './disclosure-records';
import type {
  ChallengeKind,
  ChallengeResult,
  CollectorKind,
  CircumstanceLevel,
  DayKind,
  DeadlineKind,
  DeadlineState,
  DiscretionBase,
  DecisionOutcome,
  CaseStatus,
  EvidenceKind,
  NoPenaltyGround,
  EvidenceOrigin,
  ExaminationKind,
  PartyType,
  PenaltyKind,
  ProposedOutcome,
  RecusalRequester,
  RecusalRole,
  ServiceMethod,
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
  /** Yuan of illegal gains confiscated (没收违法所得, paid in like a fine); never the value of goods. */
  confiscationAmount?: number;
  /** Illegal property confiscated (没收非法财物): items, never money due. */
  confiscatedItems?: ConfiscatedItem[];
  /** The term in days of a term penalty (suspension, restriction, ban, detention): compared with the notice. */
  termDays?: number;
  /** Anything the kinds do not say (goods confiscated, suspension period...). */
  terms?: string;
}

export interface CaseDeadline {
  kind: DeadlineKind;
  /** AGENCY deadlines make the case OVERDUE when missed; PARTY ones (defence, payment) do not. */
  owner: 'AGENCY' | 'PARTY' | 'POLICE' | 'PROCURATORATE';
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
  /** Where it comes from (items recorded since the 'evidence-after-report' rule change). */
  origin?: EvidenceOrigin;
  /** Drafted by auxiliary staff: it counts as evidence only once two officers of the case confirm it. */
  draft?: true;
  confirmedBy?: CaseOfficer[];
  confirmedAt?: string;
  /** Figures the item states (sales, goods value ...), checked against the prosecution thresholds. */
  amounts?: DiscretionBaseAmount[];
}

/** The first collection by officers: they showed their certificates and told the party of its rights (APL 55). */
export interface RightsNoticeRecord {
  evidenceId: string;
  /** When the item was collected: when the party was told. */
  at: string;
  officers: CaseOfficer[];
}

/** Auxiliary staff (辅助执法人员) attached to the case under one of its officers. */
export interface AuxiliaryRecord extends PersonRef {
  supervisor: PersonRef;
  attachedBy: PersonRef;
  at: string;
}

/** Illegal property confiscated (没收非法财物): goods, tools, not money. */
export interface ConfiscatedItem {
  description: string;
  quantity: number;
  unit: string;
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

/**
 * Another case against the same party (credit code or ID number) for the same
 * violation code, as the read model knew it when the command was built (APL 29).
 */
export interface SameActCase {
  caseId: string;
  caseNumber: string;
  status: CaseStatus;
  /** Set once that case is decided. */
  outcome?: DecisionOutcome;
  /** The fine it imposed, yuan. */
  fineAmount?: number;
  /** Its decision was revoked or found invalid on challenge. */
  revoked?: boolean;
}

/** A second fine for the same act, decided anyway with the head's reasons (APL 29). */
export interface SameActOverride {
  reason: string;
  /** The cases that had already fined the same act. */
  finedCases: SameActCase[];
}

/** One point the party made, adopted or not, and why (APL 45). */
export interface StatementPoint {
  point: string;
  adopted: boolean;
  reason: string;
}

/** The party's statement and defence heard on the spot before a simple-procedure decision (APL 44–45, 51). */
export interface OnTheSpotDefence {
  /** The party was told of its right and declined to state anything. */
  waived: boolean;
  statement?: string;
  points?: StatementPoint[];
}

/** Why an on-the-spot decision gave no penalty. */
export interface NoPenaltyFinding {
  ground: NoPenaltyGround;
  reason: string;
}

export interface CaseDecisionRecord {
  outcome: DecisionOutcome;
  /** Simple procedure: the party's statement and defence heard before deciding. */
  defence?: OnTheSpotDefence;
  /** Simple procedure: the limitation check (APL 36). */
  limitation?: LimitationCheck;
  /** Simple procedure: why no penalty was given. */
  noPenalty?: NoPenaltyFinding;
  /** A second fine for the same act, with its reasons (APL 29). */
  sameActOverride?: SameActOverride;
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
  /** The penalty as a reconsideration or court varied it (ARL 63, ALL 77); `amountDue` is then its amount. */
  varied?: { penalty: Penalty; challengeId: string; at: string };
  /** Paid beyond what the decision, as revoked or varied, leaves due: owed back to the party. */
  refundOwed?: number;
  /** The head's ground for not publishing the decision (since the 'disclosure' rule change). */
  nonDisclosure?: NonDisclosure;
}

/** A document (文书) the case issued: rendered by the documents job, its file kept by sha256 beside the evidence. */
export interface IssuedDocument {
  kind: DocumentKind;
  number: string;
  sha256: string;
  bytes: number;
  /** The event it was issued on. */
  sourceSeq: number;
  fileName: string;
  issuedAt: string;
}

export interface PaymentRecord {
  amount: number;
  paidAt: string;
  receipt: string;
  recordedAt: string;
  /** 罚缴分离 (APL 67): who collected it; absent on payments recorded before the 'execution-ledger' rule change. */
  collector?: { kind: CollectorKind; name: string };
}

export interface ChallengeRecord {
  challengeId: string;
  kind: ChallengeKind;
  filedAt: string;
  body: string;
  decidedAt?: string;
  result?: ChallengeResult;
  /** Filed after its window closed (ARL 20 ¶2, ALL 48 let the body accept it for good reason): recorded, with this note. */
  late?: { windowEnd: string };
  /** Recorded after the case was archived (补充归档). */
  supplement?: true;
  /** VARIED: the penalty as varied. */
  penalty?: Penalty;
}

/** 检测、检验、检疫、鉴定 (MSA 63): its time is not counted in the decision limit. */
export interface ExaminationRecord {
  /** 1-based, in the order started. */
  no: number;
  kind: ExaminationKind;
  /** What is examined, e.g. "sample 2 of the seized cooking oil". */
  subject: string;
  /** The institution entrusted (委托的机构). */
  institution: string;
  startedAt: string;
  endedAt?: string;
  /** The conclusion as the institution's report states it. */
  result?: string;
  reportNumber?: string;
}

export interface RecusalRecord extends PersonRef {
  role: RecusalRole;
  reason: string;
  requestedBy: RecusalRequester;
  at: string;
}
