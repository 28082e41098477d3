// The state of one case, as folded from its events by evolve(). Plain JSON
// (no Date, no class): it travels through Temporal payloads and jsonb.

import type { PauseInterval } from '../calendar';
import type { NoTransferDecision, PriorPenalty, SuspicionRecord } from './suspicion-records';
import type {
  AuxiliaryRecord,
  CaseDecisionRecord,
  CaseDeadline,
  CaseOfficer,
  ChallengeRecord,
  EvidenceItem,
  ExaminationRecord,
  IssuedDocument,
  FilingRecord,
  InvestigationReport,
  Party,
  PaymentRecord,
  PersonRef,
  RecusalRecord,
  SameActCase,
  RightsNoticeRecord,
  ServiceRecord,
} from './case-records';
import type { TransferRecord } from './transfer-records';
import type {
  CaseReviewRecord,
  CollectiveDiscussionRecord,
  DefenceRecord,
  HearingRecord,
  LegalReviewerRef,
  LegalReviewRecord,
  MajorCaseMark,
  NoticeApprovalRecord,
  NoticeRecord,
  ReopeningRecord,
  ReviewGrounds,
} from './pre-decision-records';
import type { CoerciveMeasure } from './measure-records';
import type { ExecutionRecord } from './execution-records';
import type { ArchiveRecord } from './archive-records';
import type { DisclosureRecord } from './disclosure-records';
import type { CaseFlag, CaseStatus, DeadlineKind, Procedure } from './vocabulary';

export type * from './case-records';
export type * from './transfer-records';
export type * from './pre-decision-records';
export type * from './measure-records';
export type * from './execution-records';
export type * from './disclosure-records';

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
  /** Why SUSPECTED_CRIME was last raised by an officer or a threshold (read with `suspectedCrime`: stale once it is false). */
  suspicion?: SuspicionRecord;
  /** Heads' reasoned decisions not to transfer, oldest first (absent before the first). */
  noTransferDecisions?: NoTransferDecision[];
  /** The party's earlier administrative penalties recorded on the case (repeat-offence thresholds count them). */
  priorPenalties?: PriorPenalty[];
  evidence: EvidenceItem[];
  /** 先行登记保存 and 查封扣押, in the order they were requested (absent before the first). */
  coerciveMeasures?: CoerciveMeasure[];
  /** The rights notice at the first collection by officers (APL 55). */
  rightsNotice?: RightsNoticeRecord;
  /** Auxiliary staff attached to the case; each may read it and draft evidence. */
  auxiliaries?: AuxiliaryRecord[];
  filing?: FilingRecord;
  report?: InvestigationReport;
  review?: CaseReviewRecord;
  /** A head approved the notice of the current report. */
  noticeApproval?: NoticeApprovalRecord;
  notice?: NoticeRecord;
  defence?: DefenceRecord;
  hearing?: HearingRecord;
  /** The party waived its hearing (听证) right: the hearing-request window ended (APL 64). */
  hearingWaiver?: { at: string };
  legalReview?: LegalReviewRecord;
  /** Everyone ever named legal reviewer of this case: none of them may become its officer (查审分离). */
  legalReviewers?: LegalReviewerRef[];
  /** APL 58 (1), (3): marked major for legal review. */
  majorCase?: MajorCaseMark;
  /** Derived: the grounds on which this case needs legal review and collective discussion before its decision. */
  reviewGrounds?: ReviewGrounds;
  collectiveDiscussions: CollectiveDiscussionRecord[];
  /** Each return of the case to investigation after a report (补充调查), oldest first. */
  reopenings?: ReopeningRecord[];
  decision?: CaseDecisionRecord;
  service?: ServiceRecord;
  payments: PaymentRecord[];
  /** Paid on the decision's amount due (fine and confiscated gains), yuan; surcharge payments are in `execution`. */
  amountPaid: number;
  /** Payment plan, surcharge paid, demand, court enforcement, end of execution (absent until the first). */
  execution?: ExecutionRecord;
  challenges: ChallengeRecord[];
  /** The decision's public disclosure (absent until the disclosure job reports it). */
  disclosure?: DisclosureRecord;
  transfer?: TransferRecord;
  /** 检测、检验、检疫、鉴定 entrusted to an institution, in the order started (MSA 63). Absent in older cases. */
  examinations?: ExaminationRecord[];
  simpleReport?: { reportedAt: string; note?: string };
  /** A simple-procedure lead that did not qualify continues under the ordinary procedure. */
  conversion?: { reason: string; at: string; by: PersonRef };
  /** A simple-procedure lead closed as no violation (违法事实不成立). */
  dismissal?: { reason: string; facts: string; at: string; by: PersonRef };
  /** Other open or decided cases against the same party for the same violation (APL 29), as last checked. */
  sameActCases?: SameActCase[];
  closure?: { summary: string; at: string };
  registeredAt: string;
  filedAt?: string;
  decidedAt?: string;
  servedAt?: string;
  executedAt?: string;
  terminatedAt?: string;
  closedAt?: string;
  archivedAt?: string;
  /** The archive (归档): requested, then the signed package the archive job built (absent in cases archived before packages). */
  archive?: ArchiveRecord;
  /** Instant of the last event folded in. */
  updatedAt: string;
  /** Number of events folded in. */
  eventCount: number;
  /** The documents (文书) issued, in the order recorded (absent before the first). */
  documents?: IssuedDocument[];
  /** Ids of the jobs (apps/jobs) whose reports the case recorded: each records once (job-reports.ts). */
  reportedJobs?: string[];
}
