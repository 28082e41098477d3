// The case's vocabulary: every closed set of values a command, an event, the
// state or a query may carry, as `as const` lists with their types, and the
// groups of statuses the rules speak of. DTOs, queries and the console import
// these; nothing restates them. This file imports nothing.

/** Who a person is to the system; roles come from Postgres at request time. */
export const ROLES = [
  'OFFICER',
  'AUXILIARY',
  'LEGAL_REVIEWER',
  'AGENCY_HEAD',
  'SUPERVISOR',
  'POLICE_LIAISON',
  'PROCURATORATE',
  'ADMIN',
  // Administers across agencies (agencies, their powers); allowed no case command.
  'SYSTEM_ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export const CERTIFICATE_STATUSES = ['ACTIVE', 'SUSPENDED', 'REVOKED'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Every state of the lifecycle. */
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
  'ARCHIVING', // 归档 requested: the archive job builds and signs the package
  'ARCHIVED', // 归档: sealed
  'SUSPENDED', // 中止
  'TERMINATED', // 终止
  'TRANSFER_PROPOSED', // 两法衔接
  'TRANSFER_APPROVED',
  'TRANSFERRED',
  'TRANSFER_RECEIVED', // the police signed the receipt (R310 7)
  'TRANSFER_ACCEPTED',
  'TRANSFER_DECLINED',
  'TRANSFER_RECONSIDERATION_REQUESTED',
  'TRANSFER_SUPERVISION_REQUESTED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

// ---------------------------------------------------------------------------
// Status groups

/** The one sealed status: nothing in an archived case changes (MSA 78–79). */
export const SEALED_STATUS = 'ARCHIVED' satisfies CaseStatus;
export function isSealed(status: CaseStatus | string | null | undefined): boolean {
  return status === SEALED_STATUS;
}

/** After the report, before the decision: where the pre-decision steps live. */
export const PRE_DECISION: readonly CaseStatus[] = [
  'INVESTIGATION_REPORTED',
  'CASE_REVIEWED',
  'NOTICE_SERVED',
  'DEFENCE_RECORDED',
  'HEARING_REQUESTED',
  'HEARING_SCHEDULED',
  'HEARING_HELD',
  'LEGAL_REVIEW_PENDING',
  'LEGAL_REVIEW_PASSED',
  'COLLECTIVE_DISCUSSED',
];
/** Filed and not yet decided: the decision clock runs. */
export const INVESTIGATING: readonly CaseStatus[] = ['FILED', ...PRE_DECISION];
/** The criminal-transfer branch (两法衔接). */
export const TRANSFER_STATUSES: readonly CaseStatus[] = [
  'TRANSFER_PROPOSED',
  'TRANSFER_APPROVED',
  'TRANSFERRED',
  'TRANSFER_RECEIVED',
  'TRANSFER_ACCEPTED',
  'TRANSFER_DECLINED',
  'TRANSFER_RECONSIDERATION_REQUESTED',
  'TRANSFER_SUPERVISION_REQUESTED',
];
/** A hearing requested and not yet held. */
export const HEARING_PENDING: readonly CaseStatus[] = ['HEARING_REQUESTED', 'HEARING_SCHEDULED'];
/**
 * How a requested hearing ends without being held, each a waiver of it
 * (APL 64 (8)): the party withdrew the request, did not attend without good
 * reason, or left without leave.
 */
export const HEARING_END_REASONS = ['WITHDRAWN', 'ABSENT', 'LEFT_WITHOUT_LEAVE'] as const;
export type HearingEndReason = (typeof HEARING_END_REASONS)[number];
/** Where a decision may be made: after the report, with nothing pending. */
export const DECIDABLE: readonly CaseStatus[] = [
  'INVESTIGATION_REPORTED',
  'CASE_REVIEWED',
  'NOTICE_SERVED',
  'DEFENCE_RECORDED',
  'HEARING_HELD',
  'LEGAL_REVIEW_PASSED',
  'COLLECTIVE_DISCUSSED',
];
/** Every status but the sealed one. */
export const UNSEALED: readonly CaseStatus[] = CASE_STATUSES.filter((s) => s !== SEALED_STATUS);
/** The file is open to people's acts: not sealed, and not being packed by the archive job (only timers record then). */
export const OPEN_FILE: readonly CaseStatus[] = UNSEALED.filter((s) => s !== 'ARCHIVING');

// ---------------------------------------------------------------------------
// The case and its party

export const PROCEDURES = ['ORDINARY', 'SIMPLE'] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const PARTY_TYPES = ['PERSON', 'ORGANISATION'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

export const CASE_FLAGS = [
  'OVERDUE', // an agency deadline is MISSED and not yet met
  'PAYMENT_OVERDUE', // the party's payment deadline passed unpaid
  'MAJOR_DECISION', // legal review required (法制审核)
  'HEARING_OFFERED', // hearing must be offered (听证)
  'COLLECTIVE_DISCUSSION_REQUIRED', // 集体讨论
  'SUSPECTED_CRIME', // only a transfer or a reasoned refusal clears it
  'DECISION_REVOKED', // revoked / found invalid on challenge
  'TRANSFER_OVERDUE', // the police or the procuratorate let a limit of the transfer pass (intake, filing decision, reconsideration answer, supervision steps)
] as const;
export type CaseFlag = (typeof CASE_FLAGS)[number];

// ---------------------------------------------------------------------------
// Evidence, report, penalty

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

/** Where an evidence item comes from in the procedure. */
export const EVIDENCE_ORIGINS = [
  'INITIAL', // 调查取证 before the report
  'SUPPLEMENTARY', // 补充调查 by the officers after the report or a return to investigation
  'PARTY_DEFENCE', // submitted by the party with its statement and defence (陈述申辩, APL 45)
  'PARTY_HEARING', // submitted by the party for or at the hearing (听证, APL 65)
] as const;
export type EvidenceOrigin = (typeof EVIDENCE_ORIGINS)[number];
/** MSA 63: the technical examinations whose time is not counted in the decision limit. */
export const EXAMINATION_KINDS = [
  'TESTING', // 检测
  'INSPECTION', // 检验
  'QUARANTINE', // 检疫
  'APPRAISAL', // 鉴定
] as const;
export type ExaminationKind = (typeof EXAMINATION_KINDS)[number];

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
/** Penalties imposed for a term: their length is part of what the party is told (APL 44) and may not grow unnotified. */
export const TERM_PENALTY_KINDS: readonly PenaltyKind[] = ['LICENCE_SUSPENSION', 'ACTIVITY_RESTRICTION', 'BUSINESS_SUSPENSION', 'EMPLOYMENT_BAN', 'DETENTION'];

export const PROPOSED_OUTCOMES = ['PENALTY', 'NO_PENALTY', 'DISMISS', 'TRANSFER'] as const;
export type ProposedOutcome = (typeof PROPOSED_OUTCOMES)[number];

export const DECISION_OUTCOMES = ['PENALTY', 'NO_PENALTY', 'DISMISS'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Why an on-the-spot decision gives no penalty (不予行政处罚). */
export const NO_PENALTY_GROUNDS = [
  'FIRST_MINOR_CORRECTED', // APL 33 ¶1: 初次违法且危害后果轻微并及时改正
  'MINOR_CORRECTED', // APL 33 ¶1: 违法行为轻微并及时改正，没有造成危害后果
  'NO_FAULT', // APL 33 ¶2: 有证据足以证明没有主观过错
  'UNDER_FOURTEEN', // APL 30: 不满十四周岁
  'MENTAL_INCAPACITY', // APL 31: 不能辨认或者不能控制自己行为
  'LIMITATION_EXPIRED', // APL 36: 超过追责时效
] as const;
export type NoPenaltyGround = (typeof NO_PENALTY_GROUNDS)[number];

/** 不予处罚 / 减轻 / 从轻 / 一般 / 从重. */
export const CIRCUMSTANCE_LEVELS = ['EXEMPT', 'MITIGATED', 'LIGHTER', 'GENERAL', 'HEAVIER'] as const;
export type CircumstanceLevel = (typeof CIRCUMSTANCE_LEVELS)[number];

/** The levels a discretion benchmark gives a fine range for (从轻 / 一般 / 从重). */
export const BENCHMARK_LEVELS = ['LIGHTER', 'GENERAL', 'HEAVIER'] as const satisfies readonly CircumstanceLevel[];
export type BenchmarkLevel = (typeof BENCHMARK_LEVELS)[number];

/** What a fine range may be a multiple of, and what picks a benchmark's band; the report records the figures (裁量基数). */
export const DISCRETION_BASES = [
  'GOODS_VALUE', // 货值金额, yuan
  'ILLEGAL_GAINS', // 违法所得, yuan
  'SALES', // 销售金额, yuan
  'AREA_M2', // 面积 (e.g. land occupied), square metres
  'UNSOLD_GOODS_VALUE', // 尚未销售的货值金额 (goods not yet sold), yuan
  'BASIC_FARMLAND_M2', // 占用基本农田面积, square metres
  'OTHER_FARMLAND_M2', // 占用基本农田以外的耕地面积, square metres
] as const;
export type DiscretionBase = (typeof DISCRETION_BASES)[number];

/** The unit a figure is recorded in: yuan, or square metres for an area. */
export type FigureUnit = 'YUAN' | 'M2';
export const BASE_UNITS: Readonly<Record<DiscretionBase, FigureUnit>> = {
  GOODS_VALUE: 'YUAN',
  ILLEGAL_GAINS: 'YUAN',
  SALES: 'YUAN',
  AREA_M2: 'M2',
  UNSOLD_GOODS_VALUE: 'YUAN',
  BASIC_FARMLAND_M2: 'M2',
  OTHER_FARMLAND_M2: 'M2',
};

// ---------------------------------------------------------------------------
// Pre-decision steps

export const REVIEW_OPINIONS = ['AGREE', 'CORRECT', 'INVESTIGATE_FURTHER'] as const;
export type ReviewOpinion = (typeof REVIEW_OPINIONS)[number];

export const LEGAL_REVIEW_OPINIONS = ['APPROVE', 'RETURN', 'REJECT'] as const;
export type LegalReviewOpinion = (typeof LEGAL_REVIEW_OPINIONS)[number];

/** Where a RETURNed legal review sends the case: more investigation, or a new proposal on the same facts. */
export const LEGAL_REVIEW_RETURNS = ['INVESTIGATION', 'PROPOSAL'] as const;
export type LegalReviewReturn = (typeof LEGAL_REVIEW_RETURNS)[number];

/** APL 58 (1), (3): a case marked major for legal review, whatever its amounts. */
export const MAJOR_CASE_GROUNDS = [
  'MAJOR_PUBLIC_INTEREST', // 涉及重大公共利益
  'COMPLEX', // 案件情况疑难复杂
  'MULTIPLE_LEGAL_RELATIONSHIPS', // 涉及多个法律关系
] as const;
export type MajorCaseGround = (typeof MAJOR_CASE_GROUNDS)[number];

/** DECISION: before the decision (moves the case on); EXTENSION: authorises a further decision extension. */
export const DISCUSSION_PURPOSES = ['DECISION', 'EXTENSION'] as const;
export type DiscussionPurpose = (typeof DISCUSSION_PURPOSES)[number];

// ---------------------------------------------------------------------------
// Service, challenges, case control

export const SERVICE_METHODS = ['DIRECT', 'REFUSED', 'ELECTRONIC', 'POSTAL', 'PUBLIC_NOTICE'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

export const CHALLENGE_KINDS = ['RECONSIDERATION', 'LITIGATION'] as const;
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];

export const CHALLENGE_STAGES = ['FILED', 'DECIDED'] as const;
export type ChallengeStage = (typeof CHALLENGE_STAGES)[number];

export const CHALLENGE_RESULTS = ['UPHELD', 'VARIED', 'REVOKED', 'CONFIRMED_INVALID', 'WITHDRAWN', 'DISMISSED'] as const;
export type ChallengeResult = (typeof CHALLENGE_RESULTS)[number];

/**
 * Why the law forbids publishing a decision (《政府信息公开条例》 14–15): a state
 * secret, a law that forbids it, a trade secret or privacy that the text
 * cannot be published without. Stated by the head with the decision.
 */
export const NON_DISCLOSURE_GROUNDS = ['STATE_SECRET', 'FORBIDDEN_BY_LAW', 'TRADE_SECRET_OR_PRIVACY'] as const;
export type NonDisclosureGround = (typeof NON_DISCLOSURE_GROUNDS)[number];

/** Why a decision owed publication was withheld: the party is a minor, a challenge revoked or changed it first, or the head's ground. */
export const WITHHELD_GROUNDS = ['MINOR', 'DECISION_CHALLENGED', ...NON_DISCLOSURE_GROUNDS] as const;
export type WithheldGround = (typeof WITHHELD_GROUNDS)[number];

/** Where a decision's public disclosure (事后公示) stands. */
export const DISCLOSURE_STATES = ['PUBLISHED', 'WITHHELD', 'WITHDRAWN'] as const;
export type DisclosureState = (typeof DISCLOSURE_STATES)[number];

/** APL 66: 暂缓 (one later date) or 分期 (several dates and amounts), approved by the head. */
export const PAYMENT_PLAN_KINDS = ['DEFERRAL', 'INSTALMENTS'] as const;
export type PaymentPlanKind = (typeof PAYMENT_PLAN_KINDS)[number];

/**
 * Who collected a payment (罚缴分离, APL 67): a designated bank, an electronic
 * payment system, or the officers on the spot (only APL 68–69, simple procedure).
 */
export const COLLECTOR_KINDS = ['DESIGNATED_BANK', 'ELECTRONIC_PAYMENT', 'ON_THE_SPOT'] as const;
export type CollectorKind = (typeof COLLECTOR_KINDS)[number];

/** The court's answer to an application for enforcement (ACL 56–58): accepted, enforced, or refused (不予受理或者不予执行). */
export const COURT_RULINGS = ['ACCEPTED', 'ENFORCED', 'NOT_ENFORCED'] as const;
export type CourtRuling = (typeof COURT_RULINGS)[number];

/** 终结执行 (ACL 40): the grounds (1)–(5). */
export const EXECUTION_END_REASONS = ['PARTY_DIED_NO_ESTATE', 'ORGANISATION_DISSOLVED_NO_ASSETS', 'OBJECT_LOST', 'DECISION_REVOKED', 'OTHER'] as const;
export type ExecutionEndReason = (typeof EXECUTION_END_REASONS)[number];

export const RECUSAL_REQUESTERS = ['PARTY', 'SELF', 'AGENCY'] as const;
export type RecusalRequester = (typeof RECUSAL_REQUESTERS)[number];

export const RECUSAL_ROLES = ['OFFICER', 'HEARING_HOST'] as const;
export type RecusalRole = (typeof RECUSAL_ROLES)[number];

// ---------------------------------------------------------------------------
// Criminal transfer (R310)

export const POLICE_DECISIONS = ['RECEIPT', 'ACCEPT', 'DECLINE'] as const;
export type PoliceDecision = (typeof POLICE_DECISIONS)[number];

export const SUPERVISION_OUTCOMES = ['POLICE_TO_FILE', 'REFUSAL_UPHELD'] as const;
export type SupervisionOutcome = (typeof SUPERVISION_OUTCOMES)[number];

export const TRANSFER_OUTCOMES = ['REFUSED_BY_HEAD', 'ACCEPTED', 'RETURNED', 'RETURNED_BY_POLICE'] as const;
export type TransferOutcome = (typeof TRANSFER_OUTCOMES)[number];

// ---------------------------------------------------------------------------
// Deadlines

/** Keys of policy.deadlines that a case can carry (extension specs excluded). */
export const DEADLINE_KINDS = [
  'filingDecision',
  'caseReview',
  'defence',
  'hearingRequest',
  'hearingNotice',
  'decision',
  'service',
  'payment',
  'closure',
  'disclosure',
  'disclosureWithdrawal',
  'simpleReport',
  'evidencePreservation',
  'legalReview',
  /** 复议 window: 60 days from service (ARL 20). */
  'reconsiderationWindow',
  /** 诉讼 window: 6 months from service (ALL 46). */
  'litigationWindow',
  /** R310 5: the head approves or refuses a proposed transfer within 3 days. */
  'transferApproval',
  /** R310 6: an approved transfer is dispatched within 24 hours. */
  'transferDispatch',
  /** R310 8: the police decide whether to open a criminal case within 3 days of receiving it. */
  'policeFilingDecision',
  /** R310 9: the agency may ask the police to reconsider a refusal within 3 days of it. */
  'transferReconsiderationRequest',
  /** R310 9: the police answer a reconsideration within 3 days. */
  'transferReconsiderationAnswer',
  /** R310 9: the agency may ask the procuratorate for filing supervision within 3 days of the final refusal. */
  'transferSupervisionRequest',
  /** 查封扣押: 30 days from the seizure, once +30 (ACL 25); the earliest open seizure's. */
  'seizure',
  /** 申请法院强制执行: within 3 months of the close of the challenge windows (ACL 53). */
  'courtEnforcement',
  /** R310 7: missing material the police asked for is supplied within 3 days. */
  'transferMaterialSupply',
  /** R310 12: items and files are handed over within 3 days of the police's filing notice. */
  'transferHandover',
  /** R310 7: within 24 hours of receipt the police forward a transfer outside their jurisdiction, or ask for missing material. */
  'policeIntakeReview',
  /** 立案监督: the procuratorate asks the police to explain their refusal within 7 days of the agency's request (R310 9; domain spec §4.6). */
  'supervisionExplanationRequest',
  /** 立案监督: the police explain their refusal to file in writing within 7 days of the procuratorate's notice. */
  'policeNonFilingExplanation',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * OPEN: running. SUSPENDED: an open pause stops the clock (no timer).
 * MET: the act was done (late=true if after dueAt). MISSED: escalated.
 * CANCELLED: the clock ended without the act (termination, transfer, closure).
 */
export const DEADLINE_STATES = ['OPEN', 'MET', 'MISSED', 'SUSPENDED', 'CANCELLED'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** A deadline still running: open, or stopped by a pause that will end. */
export function isRunning(d: { state: DeadlineState } | undefined): boolean {
  return d !== undefined && (d.state === 'OPEN' || d.state === 'SUSPENDED');
}

export const DAY_KINDS = ['WORKING', 'CALENDAR'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

// ---------------------------------------------------------------------------
// Coercive measures: 先行登记保存 (APL 56) and 查封扣押 (ACL 22–28)

export const MEASURE_KINDS = ['PRESERVATION', 'SEIZURE'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** 查封 (seal on the spot) or 扣押 (take away) (ACL 9 (2)). */
export const SEIZURE_MODES = ['SEAL', 'SEIZE'] as const;
export type SeizureMode = (typeof SEIZURE_MODES)[number];

/**
 * REQUESTED: waiting for the head's approval, nothing held yet. OPEN: in
 * force, its period running. LAPSED: the period ended with the items still
 * held (7 WD undecided, or the seizure period over): only their return is
 * lawful now. ENDED: decided or released. REFUSED: the head refused it.
 */
export const MEASURE_STATUSES = ['REQUESTED', 'OPEN', 'LAPSED', 'ENDED', 'REFUSED'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/**
 * How a measure ends: RELEASE (解除, the items returned), SEIZE (a
 * preservation continued as 查封扣押), TESTING (sent for testing or
 * appraisal), HAND_OVER (to the competent body, or with the case to the
 * judicial organs, ACL 21), CONFISCATE (under the penalty decision).
 */
export const MEASURE_OUTCOMES = ['RELEASE', 'SEIZE', 'TESTING', 'HAND_OVER', 'CONFISCATE'] as const;
export type MeasureOutcome = (typeof MEASURE_OUTCOMES)[number];
/** A decision on preserved items within 7 WD (APL 56; MSA 34); SEIZE is the seizure command's. */
export const PRESERVATION_DECISIONS = ['RELEASE', 'TESTING', 'HAND_OVER', 'CONFISCATE'] as const satisfies readonly MeasureOutcome[];
export type PreservationDecision = (typeof PRESERVATION_DECISIONS)[number];
/** How a seizure ends (ACL 28; ACL 21 for a hand-over). */
export const SEIZURE_ENDINGS = ['RELEASE', 'HAND_OVER', 'CONFISCATE'] as const satisfies readonly MeasureOutcome[];
export type SeizureEnding = (typeof SEIZURE_ENDINGS)[number];
