// People, commands and a small runner for case tests. Reusable by the
// workflow and API tests: every command here passes decide() on the state the
// matching scenario step produces.

import type { ActorSnapshot, CertificateSnapshot, Role } from '../case/actor.types';
import { SYSTEM, type CaseCommand, type CommandContext, type CommandOf, type SystemActor } from '../case/case-commands';
import type { CaseEvent } from '../case/case-events';
import type { CaseState, Party, Penalty } from '../case/case-state';
import type { CaseStatus } from '../case/vocabulary';
import { decide } from '../case/decide';
import { evolve } from '../case/evolve';
import type { DecideResult } from '../case/decide';
import type { JurisdictionPolicy } from '../policy/policy.types';
import { testPolicy } from './test-policy';
import type { RuleChange } from '../case/rule-changes';
import { assertWrittenInChinese } from './written-in-chinese';

export const AGENCY_ID = '0a9e1c2d-0000-4000-8000-000000000001';
export const OTHER_AGENCY_ID = '0a9e1c2d-0000-4000-8000-000000000002';
export const POLICE_AGENCY_ID = '0a9e1c2d-0000-4000-8000-000000000003';

/** Mon 2 Mar 2026, 10:00 in Asia/Shanghai. */
export const T0 = '2026-03-02T02:00:00.000Z';
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export function plus(instant: string, ms: number): string {
  return new Date(Date.parse(instant) + ms).toISOString();
}

export function cert(number: string, over: Partial<CertificateSnapshot> = {}): CertificateSnapshot {
  return { number, scope: '市场监管综合执法', validFrom: '2025-01-01', validTo: '2027-12-31', status: 'ACTIVE', ...over };
}

export function person(userId: string, name: string, roles: Role[], certificates: CertificateSnapshot[] = [], agencyId = AGENCY_ID): ActorSnapshot {
  return { userId, name, agencyId, roles, certificates };
}

export const people = {
  officerA: person('u-officer-a', '张伟', ['OFFICER'], [cert('14010119001')]),
  officerB: person('u-officer-b', '李娜', ['OFFICER'], [cert('14010119002')]),
  /** Certified, same agency, not assigned to the fixture cases. */
  officerC: person('u-officer-c', '王强', ['OFFICER'], [cert('14010119003')]),
  expiredOfficer: person('u-officer-x', '陈静', ['OFFICER'], [cert('14010119004', { validTo: '2026-02-28' })]),
  suspendedOfficer: person('u-officer-s', '刘洋', ['OFFICER'], [cert('14010119005', { status: 'SUSPENDED' })]),
  otherAgencyOfficer: person('u-officer-o', '杨帆', ['OFFICER'], [cert('14020119001')], OTHER_AGENCY_ID),
  auxiliary: person('u-aux', '吴辅', ['AUXILIARY']),
  head: person('u-head', '赵局长', ['AGENCY_HEAD']),
  deputyHead: person('u-head-2', '钱副局长', ['AGENCY_HEAD']),
  /** Auxiliary staff someone also gave the head role: still never decides. */
  auxiliaryHead: person('u-aux-head', '吴某', ['AUXILIARY', 'AGENCY_HEAD']),
  /** Holds the legal-review qualification the test policy names (APL 58 ¶3). */
  reviewer: person('u-reviewer', '孙法', ['LEGAL_REVIEWER'], [cert('FS-2025-0001', { scope: 'LEGAL_REVIEW' })]),
  /** A second qualified legal reviewer, for reassignment. */
  reviewer2: person('u-reviewer-2', '冯审', ['LEGAL_REVIEWER'], [cert('FS-2025-0004', { scope: 'LEGAL_REVIEW' })]),
  /** A legal reviewer who is also an officer (may be assigned to a case). */
  reviewerOfficer: person('u-reviewer-officer', '周审', ['LEGAL_REVIEWER', 'OFFICER'], [cert('FS-2025-0002')]),
  host: person('u-host', '郑主持', ['LEGAL_REVIEWER'], [cert('FS-2025-0003')]),
  /** Of the bodies the fixture dispatch names. */
  police: { ...person('u-police', '冯民警', ['POLICE_LIAISON'], [], POLICE_AGENCY_ID), body: '长治市公安局' },
  procurator: { ...person('u-procurator', '褚检察', ['PROCURATORATE'], [], POLICE_AGENCY_ID), body: '长治市人民检察院' },
  /** A liaison of a body the fixture dispatch does not name. */
  otherPolice: { ...person('u-police-other', '蒋民警', ['POLICE_LIAISON'], [], POLICE_AGENCY_ID), body: '晋城市公安局' },
  supervisor: person('u-supervisor', '卫督察', ['SUPERVISOR']),
} as const;

export const organisationParty: Party = {
  type: 'ORGANISATION',
  name: '长治市某食品有限公司',
  creditCode: '91140400MA0XXXXX1X',
  legalRepresentative: '蒋某',
  address: '长治市某区某路1号',
};

export const personParty: Party = { type: 'PERSON', name: '沈某', idNumber: '140402199001010000' };

/** ¥50,000 for an organisation: hearing offered (≥ ¥10,000), no legal review (≤ ¥100,000). */
export const standardPenalty: Penalty = { kinds: ['FINE', 'CONFISCATION'], fineAmount: 50000, confiscationAmount: 2000, terms: '没收违法所得' };

const SHA = (n: number) => n.toString(16).padStart(64, 'a');

export const commands = {
  registerOrdinary: (over: Partial<CommandOf<'REGISTER_LEAD'>> = {}): CommandOf<'REGISTER_LEAD'> => ({
    type: 'REGISTER_LEAD',
    caseId: '5f0c3a1e-0000-4000-8000-000000000101',
    caseNumber: '长市监立〔2026〕101号',
    agencyId: AGENCY_ID,
    procedure: 'ORDINARY',
    source: 'COMPLAINT',
    discoveredAt: '2026-03-01T01:00:00.000Z',
    party: organisationParty,
    violationCode: 'FOOD-UNLICENSED',
    summary: 'Selling packaged food without a food business licence',
    officers: [people.officerA, people.officerB],
    violationAt: '2026-02-20',
    ...over,
  }),
  registerSimple: (over: Partial<CommandOf<'REGISTER_LEAD'>> = {}): CommandOf<'REGISTER_LEAD'> => ({
    type: 'REGISTER_LEAD',
    caseId: '5f0c3a1e-0000-4000-8000-000000000201',
    caseNumber: '长市监简〔2026〕201号',
    agencyId: AGENCY_ID,
    procedure: 'SIMPLE',
    source: 'INSPECTION',
    discoveredAt: T0,
    party: personParty,
    violationCode: 'TRAFFIC-RULE',
    summary: 'Driver ran a red light',
    officers: [people.officerA],
    ...over,
  }),
  approveFiling: (over: Partial<CommandOf<'DECIDE_FILING'>> = {}): CommandOf<'DECIDE_FILING'> => ({
    type: 'DECIDE_FILING',
    approve: true,
    reason: 'Facts indicate a violation within jurisdiction',
    officers: [people.officerA, people.officerB],
    ...over,
  }),
  declineFiling: (): CommandOf<'DECIDE_FILING'> => ({ type: 'DECIDE_FILING', approve: false, reason: 'No violation found on verification', officers: [] }),
  evidence: (n: number, at: string, over: Partial<CommandOf<'RECORD_EVIDENCE'>> = {}): CommandOf<'RECORD_EVIDENCE'> => ({
    type: 'RECORD_EVIDENCE',
    evidenceId: `ev-${n}`,
    kind: 'ON_SITE_RECORD',
    title: `现场检查笔录 ${n}`,
    collectedAt: at,
    collectors: [people.officerA, people.officerB],
    location: '长治市某区某路1号',
    sha256: SHA(n),
    sizeBytes: 1024 * n,
    mediaType: 'application/pdf',
    // APL 55: the first collection records credentials shown and rights told (later items may say so too).
    credentialsShown: true,
    rightsExplained: true,
    ...over,
  }),
  attachAuxiliary: (over: Partial<CommandOf<'ATTACH_AUXILIARY'>> = {}): CommandOf<'ATTACH_AUXILIARY'> => ({
    type: 'ATTACH_AUXILIARY',
    auxiliary: people.auxiliary,
    supervisorId: people.officerA.userId,
    ...over,
  }),
  confirmEvidence: (evidenceId: string, over: Partial<CommandOf<'CONFIRM_EVIDENCE'>> = {}): CommandOf<'CONFIRM_EVIDENCE'> => ({
    type: 'CONFIRM_EVIDENCE',
    evidenceId,
    confirmers: [people.officerA, people.officerB],
    ...over,
  }),
  report: (over: Partial<CommandOf<'SUBMIT_INVESTIGATION_REPORT'>> = {}): CommandOf<'SUBMIT_INVESTIGATION_REPORT'> => ({
    type: 'SUBMIT_INVESTIGATION_REPORT',
    findings: 'Sold packaged food without a licence from 2026-02-01 to 2026-02-20; goods value ¥3,000',
    proposedOutcome: 'PENALTY',
    proposedPenalty: standardPenalty,
    legalBasis: '《食品安全法》第一百二十二条',
    // ¥50,000 on goods of ¥3,000: the lower 30 % of art 122's ¥50,000–100,000 band (test policy's benchmark).
    circumstanceLevel: 'LIGHTER',
    discretionReasons: 'First violation, goods value below ¥10,000',
    discretionBases: [{ kind: 'GOODS_VALUE', value: 3000 }],
    ...over,
  }),
  review: (): CommandOf<'REVIEW_CASE'> => ({ type: 'REVIEW_CASE', opinion: 'AGREE', comments: 'Facts clear, basis correct' }),
  approveNotice: (): CommandOf<'APPROVE_NOTICE'> => ({ type: 'APPROVE_NOTICE', comments: '同意告知' }),
  reopen: (reason = 'New facts on the goods value need further investigation'): CommandOf<'REOPEN_INVESTIGATION'> => ({ type: 'REOPEN_INVESTIGATION', reason }),
  notice: (servedAt: string, over: Partial<CommandOf<'SERVE_NOTICE'>> = {}): CommandOf<'SERVE_NOTICE'> => ({
    type: 'SERVE_NOTICE',
    noticeNumber: '长市监罚告〔2026〕101号',
    text: '行政处罚告知书',
    hearingRightsNotified: true,
    method: 'DIRECT',
    servedAt,
    recipient: '蒋某 (legal representative)',
    proof: 'delivery-receipt-notice-101',
    ...over,
  }),
  defence: (over: Partial<CommandOf<'RECORD_DEFENCE'>> = {}): CommandOf<'RECORD_DEFENCE'> => ({
    type: 'RECORD_DEFENCE',
    waived: false,
    statement: 'The licence application was pending',
    points: [{ point: 'application pending', adopted: false, reason: 'a pending application does not permit trading' }],
    ...over,
  }),
  requestHearing: (at: string): CommandOf<'REQUEST_HEARING'> => ({ type: 'REQUEST_HEARING', requestedAt: at }),
  /** The hearing notice served directly at `noticeServedAt`, the hearing at `hearingAt`. */
  scheduleHearing: (noticeServedAt: string, hearingAt: string, host: ActorSnapshot = people.host): CommandOf<'SCHEDULE_HEARING'> => ({
    type: 'SCHEDULE_HEARING',
    hearingAt,
    host,
    location: '听证室 1',
    isPublic: true,
    noticeService: { method: 'DIRECT', servedAt: noticeServedAt, recipient: '蒋某 (legal representative)', proof: '听证通知书送达回证' },
  }),
  holdHearing: (heldAt: string): CommandOf<'RECORD_HEARING'> => ({ type: 'RECORD_HEARING', heldAt, record: '听证笔录', report: '听证报告' }),
  requestLegalReview: (reviewer: ActorSnapshot = people.reviewer): CommandOf<'REQUEST_LEGAL_REVIEW'> => ({ type: 'REQUEST_LEGAL_REVIEW', reviewer }),
  legalReview: (opinion: 'APPROVE' | 'RETURN' | 'REJECT' = 'APPROVE'): CommandOf<'RECORD_LEGAL_REVIEW'> => ({
    type: 'RECORD_LEGAL_REVIEW',
    opinion,
    text: '法制审核意见',
    ...(opinion === 'RETURN' ? { points: ['the goods value is not established'], returnTo: 'INVESTIGATION' as const } : {}),
  }),
  reassignLegalReview: (reviewer: ActorSnapshot = people.reviewer2): CommandOf<'REASSIGN_LEGAL_REVIEW'> => ({
    type: 'REASSIGN_LEGAL_REVIEW',
    reviewer,
    reason: 'The review is overdue; the reviewer is on leave',
  }),
  markMajor: (): CommandOf<'MARK_MAJOR_CASE'> => ({
    type: 'MARK_MAJOR_CASE',
    grounds: ['MAJOR_PUBLIC_INTEREST'],
    reason: 'Unlicensed food sold to a school canteen',
  }),
  collective: (heldAt: string, purpose: 'DECISION' | 'EXTENSION' = 'DECISION'): CommandOf<'RECORD_COLLECTIVE_DISCUSSION'> => ({
    type: 'RECORD_COLLECTIVE_DISCUSSION',
    purpose,
    heldAt,
    attendees: [people.head, people.deputyHead],
    minutes: '集体讨论记录',
    resolution: purpose === 'DECISION' ? 'Impose the proposed penalty' : 'Extend the decision limit',
  }),
  decide: (over: Partial<CommandOf<'DECIDE'>> = {}): CommandOf<'DECIDE'> => ({
    type: 'DECIDE',
    outcome: 'PENALTY',
    penalty: standardPenalty,
    documentNumber: '长市监罚〔2026〕101号',
    text: '行政处罚决定书',
    legalBasis: '《食品安全法》第一百二十二条',
    facts: 'Sold packaged food without a licence from 2026-02-01 to 2026-02-20',
    evidenceIds: ['ev-1'],
    performance: '自收到本决定书之日起十五日内到指定银行缴纳罚没款',
    remedy: { reconsiderationBody: '长治市人民政府', court: '长治市市场监督管理局所在地有管辖权的人民法院' },
    ...over,
  }),
  serve: (servedAt: string, over: Partial<CommandOf<'SERVE'>> = {}): CommandOf<'SERVE'> => ({
    type: 'SERVE',
    method: 'DIRECT',
    servedAt,
    recipient: '蒋某 (legal representative)',
    proof: 'delivery-receipt-decision-101',
    ...over,
  }),
  pay: (amount: number, paidAt: string, receipt = `bank-receipt-${amount}`): CommandOf<'RECORD_PAYMENT'> => ({
    type: 'RECORD_PAYMENT',
    amount,
    paidAt,
    receipt,
    collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' },
  }),
  /** A deferral of `amount` to 60 days after `now` (APL 66). */
  paymentPlan: (now: string, amount = 52000): CommandOf<'APPROVE_PAYMENT_PLAN'> => ({
    type: 'APPROVE_PAYMENT_PLAN',
    kind: 'DEFERRAL',
    instalments: [{ dueDate: plus(now, 60 * DAY).slice(0, 10), amount }],
    reason: '当事人确有经济困难，申请暂缓缴纳',
  }),
  demand: (servedAt: string): CommandOf<'SERVE_DEMAND'> => ({ type: 'SERVE_DEMAND', documentNumber: '长市监催〔2026〕1号', servedAt }),
  applyCourt: (appliedAt: string): CommandOf<'APPLY_COURT_ENFORCEMENT'> => ({
    type: 'APPLY_COURT_ENFORCEMENT',
    court: '长治市潞州区人民法院',
    documentNumber: '长市监强执申〔2026〕1号',
    appliedAt,
  }),
  courtRuling: (at: string, ruling: CommandOf<'RECORD_COURT_RULING'>['ruling'] = 'ACCEPTED'): CommandOf<'RECORD_COURT_RULING'> => ({ type: 'RECORD_COURT_RULING', ruling, at }),
  endExecution: (at: string): CommandOf<'END_EXECUTION'> => ({
    type: 'END_EXECUTION',
    reason: 'ORGANISATION_DISSOLVED_NO_ASSETS',
    facts: '当事人已注销，无财产可供执行，又无义务承受人',
    at,
  }),
  challenge: (at: string, stage: 'FILED' | 'DECIDED' = 'FILED', result?: CommandOf<'RECORD_CHALLENGE'>['result']): CommandOf<'RECORD_CHALLENGE'> => ({
    type: 'RECORD_CHALLENGE',
    challengeId: 'ch-1',
    kind: 'RECONSIDERATION',
    stage,
    at,
    body: '长治市人民政府',
    ...(result ? { result } : {}),
  }),
  extend: (deadline: CommandOf<'EXTEND_DEADLINE'>['deadline']): CommandOf<'EXTEND_DEADLINE'> => ({
    type: 'EXTEND_DEADLINE',
    deadline,
    reason: 'Complex facts; appraisal pending',
  }),
  suspend: (): CommandOf<'SUSPEND'> => ({ type: 'SUSPEND', reason: 'Party seriously ill (MSA 46)' }),
  resume: (): CommandOf<'RESUME'> => ({ type: 'RESUME', reason: 'Cause of suspension removed' }),
  terminate: (): CommandOf<'TERMINATE'> => ({ type: 'TERMINATE', reason: 'Party (organisation) dissolved, no successor (MSA 47)' }),
  recuse: (userId: string, replacement?: ActorSnapshot): CommandOf<'RECUSE'> => ({
    type: 'RECUSE',
    userId,
    reason: 'Close relative of the party',
    requestedBy: 'PARTY',
    ...(replacement ? { replacement } : {}),
  }),
  close: (): CommandOf<'CLOSE'> => ({ type: 'CLOSE', summary: '结案审批表: penalty executed in full' }),
  archive: (): CommandOf<'ARCHIVE'> => ({ type: 'ARCHIVE' }),
  /** The archive job's report of a package holding events 1..throughSeq (hashes made up: the domain only records them). */
  archivePackage: (throughSeq: number): CommandOf<'RECORD_ARCHIVE_PACKAGE'> => ({
    type: 'RECORD_ARCHIVE_PACKAGE',
    manifestSha256: 'a'.repeat(64),
    signature: 'c2lnbmF0dXJl',
    keyId: 'agency-test-2026-1',
    throughSeq,
    lastHash: 'b'.repeat(64),
    files: 3,
  }),
  simpleDecide: (servedAt: string, over: Partial<CommandOf<'SIMPLE_DECIDE'>> = {}): CommandOf<'SIMPLE_DECIDE'> => ({
    type: 'SIMPLE_DECIDE',
    facts: 'Ran a red light at 某路口, 10:05',
    legalBasis: '《道路交通安全法》第九十条',
    penalty: { kinds: ['FINE'], fineAmount: 200 },
    documentNumber: '长公交简〔2026〕201号',
    text: '当场行政处罚决定书',
    service: { method: 'DIRECT', servedAt, recipient: '沈某', proof: 'signed-on-the-spot-201' },
    violationAt: T0,
    defence: { waived: false, statement: '当事人称信号灯故障', points: [{ point: '信号灯故障', adopted: false, reason: '现场核实信号灯正常' }] },
    ...over,
  }),
  convertToOrdinary: (): CommandOf<'CONVERT_TO_ORDINARY'> => ({ type: 'CONVERT_TO_ORDINARY', reason: 'the fine due exceeds the simple-procedure limit' }),
  simpleNoPenalty: (servedAt: string, over: Partial<CommandOf<'SIMPLE_NO_PENALTY'>> = {}): CommandOf<'SIMPLE_NO_PENALTY'> => ({
    type: 'SIMPLE_NO_PENALTY',
    ground: 'FIRST_MINOR_CORRECTED',
    reason: '初次违法，危害后果轻微，已当场改正',
    facts: 'Parked on the pavement for two minutes, moved at once',
    legalBasis: '《行政处罚法》第三十三条第一款',
    documentNumber: '长公交不罚〔2026〕201号',
    text: '当场不予行政处罚决定书',
    service: { method: 'DIRECT', servedAt, recipient: '沈某', proof: 'signed-on-the-spot-201' },
    ...over,
  }),
  dismissSimpleLead: (): CommandOf<'DISMISS_SIMPLE_LEAD'> => ({ type: 'DISMISS_SIMPLE_LEAD', reason: '违法事实不成立', facts: 'The light was green: the video shows it' }),
  reportSimple: (): CommandOf<'REPORT_SIMPLE'> => ({ type: 'REPORT_SIMPLE', note: 'filed with the legal office' }),
  reminder: (deadline: CommandOf<'DEADLINE_REMINDER'>['deadline']): CommandOf<'DEADLINE_REMINDER'> => ({ type: 'DEADLINE_REMINDER', deadline }),
  escalation: (deadline: CommandOf<'DEADLINE_ESCALATION'>['deadline']): CommandOf<'DEADLINE_ESCALATION'> => ({ type: 'DEADLINE_ESCALATION', deadline }),
  /** The disclosure job's reports (system commands). */
  publishDisclosure: (): CommandOf<'RECORD_DISCLOSURE'> => ({ type: 'RECORD_DISCLOSURE', disclosureId: 'disclosure-1', outcome: 'PUBLISHED' }),
  withholdDisclosure: (): CommandOf<'RECORD_DISCLOSURE'> => ({ type: 'RECORD_DISCLOSURE', disclosureId: 'disclosure-1', outcome: 'WITHHELD' }),
  withdrawDisclosure: (): CommandOf<'RECORD_DISCLOSURE_WITHDRAWAL'> => ({ type: 'RECORD_DISCLOSURE_WITHDRAWAL', disclosureId: 'disclosure-1' }),
  proposeTransfer: (): CommandOf<'PROPOSE_TRANSFER'> => ({
    type: 'PROPOSE_TRANSFER',
    grounds: 'Sales of fake products exceed ¥50,000 (《刑法》140)',
    thresholdFacts: 'sales ¥68,000',
    officers: [people.officerA, people.officerB],
  }),
  approveTransfer: (approve = true): CommandOf<'DECIDE_TRANSFER'> => ({
    type: 'DECIDE_TRANSFER',
    approve,
    reason: approve ? 'Threshold of 立案追诉标准 reached' : 'Sales figure not established; no transfer',
  }),
  dispatchTransfer: (sentAt: string): CommandOf<'DISPATCH_TRANSFER'> => ({
    type: 'DISPATCH_TRANSFER',
    sentAt,
    policeAgency: '长治市公安局',
    procuratorate: '长治市人民检察院',
    documents: ['移送书', '调查报告', '涉案物品清单', '检验报告'],
  }),
  policeDecision: (decision: 'RECEIPT' | 'ACCEPT' | 'DECLINE', at: string): CommandOf<'RECORD_POLICE_DECISION'> => ({
    type: 'RECORD_POLICE_DECISION',
    decision,
    at,
    ...(decision === 'DECLINE' ? { reason: 'No criminal facts established' } : {}),
  }),
  requestReconsideration: (): CommandOf<'REQUEST_TRANSFER_RECONSIDERATION'> => ({ type: 'REQUEST_TRANSFER_RECONSIDERATION', reason: 'Sales records support the threshold' }),
  answerReconsideration: (accept: boolean): CommandOf<'ANSWER_TRANSFER_RECONSIDERATION'> => ({
    type: 'ANSWER_TRANSFER_RECONSIDERATION',
    accept,
    reason: accept ? 'Reconsidered: case opened' : 'Refusal maintained',
  }),
  requestSupervision: (): CommandOf<'REQUEST_TRANSFER_SUPERVISION'> => ({ type: 'REQUEST_TRANSFER_SUPERVISION', reason: 'Police refusal appears unfounded' }),
  resolveSupervision: (outcome: 'POLICE_TO_FILE' | 'REFUSAL_UPHELD'): CommandOf<'RESOLVE_TRANSFER_SUPERVISION'> => ({
    type: 'RESOLVE_TRANSFER_SUPERVISION',
    outcome,
    reason: '检察院立案监督意见',
  }),
  confirmIntake: (at: string): CommandOf<'CONFIRM_TRANSFER_INTAKE'> => ({ type: 'CONFIRM_TRANSFER_INTAKE', at }),
  requestExplanation: (at: string): CommandOf<'REQUEST_NON_FILING_EXPLANATION'> => ({
    type: 'REQUEST_NON_FILING_EXPLANATION',
    at,
    reason: '销售账册显示销售金额已达追诉标准，需公安机关说明不立案理由',
  }),
  explainNonFiling: (at: string): CommandOf<'EXPLAIN_NON_FILING'> => ({
    type: 'EXPLAIN_NON_FILING',
    at,
    explanation: '经审查，销售金额中含退货部分，实际销售金额未达追诉标准',
  }),
  resumeAdministrative: (): CommandOf<'RESUME_ADMINISTRATIVE_CASE'> => ({ type: 'RESUME_ADMINISTRATIVE_CASE', reason: 'Final refusal: complete the administrative case' }),
  flagSuspectedCrime: (): CommandOf<'FLAG_SUSPECTED_CRIME'> => ({ type: 'FLAG_SUSPECTED_CRIME', grounds: 'Sales ledger shows ¥62,000 of substandard heaters sold', threshold: 'sales ≥ ¥50,000 (立案追诉标准)' }),
  decideNotToTransfer: (): CommandOf<'DECIDE_NOT_TO_TRANSFER'> => ({ type: 'DECIDE_NOT_TO_TRANSFER', reasons: 'The ledger double-counts returns: sales proven are ¥31,000, below the threshold' }),
  startExamination: (startedAt: string): CommandOf<'START_EXAMINATION'> => ({
    type: 'START_EXAMINATION',
    kind: 'TESTING',
    subject: 'Sample 1 of the seized cooking oil: acid value and peroxide value',
    institution: '市食品药品检验检测中心',
    startedAt,
  }),
  endExamination: (no: number, endedAt: string): CommandOf<'END_EXAMINATION'> => ({
    type: 'END_EXAMINATION',
    examinationNo: no,
    endedAt,
    result: 'Peroxide value 0.38 g/100g, above the GB 2716 limit of 0.25 g/100g',
    reportNumber: 'JC-2026-0415',
  }),
};

export interface RecordedEvent {
  event: CaseEvent;
  at: string;
  actor: string;
}

/** Drives decide() + evolve() like the workflow does, on a test clock. */
export class CaseRunner {
  state: CaseState | null = null;
  now: string;
  readonly log: RecordedEvent[] = [];

  constructor(
    readonly policy: JurisdictionPolicy = testPolicy(),
    start: string = T0,
    /** Judge as the workflow does when it replays history recorded before the current rules. */
    readonly rulesBefore?: RuleChange,
  ) {
    this.now = start;
  }

  ctx(actor: ActorSnapshot | SystemActor): CommandContext {
    return { actor, policy: this.policy, now: this.now, ...(this.rulesBefore ? { rulesBefore: this.rulesBefore } : {}) };
  }

  /** decide() on the current state; every rejection must read in Chinese too (the tests of every stage check it so). */
  try(command: CaseCommand, actor: ActorSnapshot | SystemActor): DecideResult {
    const d = decide(this.state, command, this.ctx(actor));
    if (!d.ok) assertWrittenInChinese(d.rejection);
    return d;
  }

  /** Decide, fold, then advance the clock (default one hour). Throws on a rejection. */
  exec(command: CaseCommand, actor: ActorSnapshot | SystemActor, advance = HOUR): CaseEvent[] {
    const d = this.try(command, actor);
    if (!d.ok) {
      throw new Error(`${command.type} rejected in ${this.state?.status ?? 'null'}: ${d.rejection.code} ${d.rejection.reason}`);
    }
    for (const event of d.events) {
      this.state = evolve(this.state, event, { at: this.now, policy: this.policy });
      this.log.push({ event, at: this.now, actor: actor.userId ?? 'system' });
    }
    this.now = plus(this.now, advance);
    return d.events;
  }

  at(instant: string): this {
    this.now = instant;
    return this;
  }

  get s(): CaseState {
    if (!this.state) throw new Error('no case yet');
    return this.state;
  }

  get status(): CaseStatus | null {
    return this.state?.status ?? null;
  }
}

export { SYSTEM };

// ---------------------------------------------------------------------------
// Scenarios: a runner brought to a named state along the shortest legal path.

export type ScenarioName =
  | CaseStatus
  | 'SIMPLE:LEAD_REGISTERED'
  | 'SIMPLE:SERVED'
  | 'SIMPLE:EXECUTED'
  | 'SIMPLE:CLOSED'
  | 'SIMPLE:ARCHIVED';

const { officerA: A, head: H, reviewer: R, police: P } = people;

function toFiled(r: CaseRunner): CaseRunner {
  r.exec(commands.registerOrdinary(), A);
  r.exec(commands.approveFiling(), H);
  r.exec(commands.evidence(1, r.now), A);
  return r;
}
function toReported(r: CaseRunner): CaseRunner {
  toFiled(r).exec(commands.report(), A);
  return r;
}
function toNotice(r: CaseRunner): CaseRunner {
  toReported(r).exec(commands.review(), R);
  r.exec(commands.approveNotice(), H);
  r.exec(commands.notice(r.now), A);
  return r;
}
function toHearingRequested(r: CaseRunner): CaseRunner {
  toNotice(r).exec(commands.requestHearing(r.now), A);
  return r;
}
function toHearingScheduled(r: CaseRunner): CaseRunner {
  toHearingRequested(r).exec(commands.scheduleHearing(r.now, plus(r.now, 20 * DAY)), A);
  return r;
}
function toHearingHeld(r: CaseRunner): CaseRunner {
  toHearingScheduled(r);
  r.at(plus(r.now, 20 * DAY)).exec(commands.holdHearing(r.now), A);
  return r;
}
function toLegalReviewPending(r: CaseRunner): CaseRunner {
  toHearingHeld(r).exec(commands.requestLegalReview(), A);
  return r;
}
/** The steps the law puts before a decision on the standard penalty (hearing offered, not requested). */
function toDefended(r: CaseRunner, hearingWaived = false): CaseRunner {
  toNotice(r).exec(commands.defence(hearingWaived ? { hearingWaived } : {}), A);
  return r;
}
/** Defended, and the hearing waived too: nothing is left before the decision. */
function toHeard(r: CaseRunner): CaseRunner {
  return toDefended(r, true);
}
function toDecided(r: CaseRunner): CaseRunner {
  toHeard(r).exec(commands.decide(), H);
  return r;
}
function toServed(r: CaseRunner): CaseRunner {
  toDecided(r).exec(commands.serve(r.now), A);
  return r;
}
function toExecuted(r: CaseRunner): CaseRunner {
  toServed(r).exec(commands.pay(52000, r.now), A);
  return r;
}
function toClosed(r: CaseRunner): CaseRunner {
  toExecuted(r).exec(commands.close(), H);
  return r;
}
function toTransferProposed(r: CaseRunner): CaseRunner {
  toFiled(r).exec(commands.proposeTransfer(), A);
  return r;
}
function toTransferred(r: CaseRunner): CaseRunner {
  toTransferProposed(r).exec(commands.approveTransfer(), H);
  r.exec(commands.dispatchTransfer(r.now), A);
  return r;
}
function toTransferDeclined(r: CaseRunner): CaseRunner {
  toTransferred(r).exec(commands.policeDecision('DECLINE', r.now), P);
  return r;
}
function toSimpleServed(r: CaseRunner): CaseRunner {
  r.exec(commands.registerSimple(), A);
  r.exec(commands.simpleDecide(r.now), A);
  return r;
}
function toSimpleExecuted(r: CaseRunner): CaseRunner {
  toSimpleServed(r).exec(commands.reportSimple(), A);
  r.exec(commands.pay(200, r.now), A);
  return r;
}

/** ARCHIVE by an officer, then the archive job's report: the case is sealed (in one step under rules before 'archive-package'). */
export function archived(r: CaseRunner): CaseRunner {
  r.exec(commands.archive(), A);
  if (r.s.status === 'ARCHIVING') r.exec(commands.archivePackage(r.s.eventCount), SYSTEM);
  return r;
}

const SCENARIOS: Record<ScenarioName, (r: CaseRunner) => CaseRunner> = {
  LEAD_REGISTERED: (r) => (r.exec(commands.registerOrdinary(), A), r),
  FILING_DECLINED: (r) => (r.exec(commands.registerOrdinary(), A), r.exec(commands.declineFiling(), H), r),
  FILED: toFiled,
  INVESTIGATION_REPORTED: toReported,
  CASE_REVIEWED: (r) => (toReported(r).exec(commands.review(), R), r),
  NOTICE_SERVED: toNotice,
  DEFENCE_RECORDED: (r) => toDefended(r),
  HEARING_REQUESTED: toHearingRequested,
  HEARING_SCHEDULED: toHearingScheduled,
  HEARING_HELD: toHearingHeld,
  LEGAL_REVIEW_PENDING: toLegalReviewPending,
  LEGAL_REVIEW_PASSED: (r) => (toLegalReviewPending(r).exec(commands.legalReview('APPROVE'), R), r),
  COLLECTIVE_DISCUSSED: (r) => (toHeard(r).exec(commands.collective(r.now), H), r),
  DECIDED: toDecided,
  SERVED: toServed,
  EXECUTED: toExecuted,
  CLOSED: toClosed,
  ARCHIVING: (r) => (toClosed(r).exec(commands.archive(), A), r),
  ARCHIVED: (r) => archived(toClosed(r)),
  SUSPENDED: (r) => (toFiled(r).exec(commands.suspend(), H), r),
  TERMINATED: (r) => (toFiled(r).exec(commands.terminate(), H), r),
  TRANSFER_PROPOSED: toTransferProposed,
  TRANSFER_APPROVED: (r) => (toTransferProposed(r).exec(commands.approveTransfer(), H), r),
  TRANSFERRED: toTransferred,
  TRANSFER_RECEIVED: (r) => (toTransferred(r).exec(commands.policeDecision('RECEIPT', r.now), P), r),
  TRANSFER_ACCEPTED: (r) => (toTransferred(r).exec(commands.policeDecision('ACCEPT', r.now), P), r),
  TRANSFER_DECLINED: toTransferDeclined,
  TRANSFER_RECONSIDERATION_REQUESTED: (r) => (toTransferDeclined(r).exec(commands.requestReconsideration(), A), r),
  TRANSFER_SUPERVISION_REQUESTED: (r) => (toTransferDeclined(r).exec(commands.requestSupervision(), A), r),
  'SIMPLE:LEAD_REGISTERED': (r) => (r.exec(commands.registerSimple(), A), r),
  'SIMPLE:SERVED': toSimpleServed,
  'SIMPLE:EXECUTED': toSimpleExecuted,
  'SIMPLE:CLOSED': (r) => (toSimpleExecuted(r).exec(commands.close(), H), r),
  'SIMPLE:ARCHIVED': (r) => (toSimpleExecuted(r).exec(commands.close(), H), archived(r)),
};

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

export function scenario(name: ScenarioName, policy: JurisdictionPolicy = testPolicy(), rulesBefore?: RuleChange): CaseRunner {
  return SCENARIOS[name](new CaseRunner(policy, T0, rulesBefore));
}
