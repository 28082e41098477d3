// Names of the API's codes in both languages. Keyed by the generated types:
// a status, action or flag added or renamed in the API fails the type check here.
import type { CaseView, DeadlineView, DevTokenView } from './api';
import type { Lang } from './format';

type Status = CaseView['status'];
export type Action = CaseView['allowedActions'][number];
type Flag = CaseView['flags'][number];
type DeadlineKind = DeadlineView['kind'];
type DeadlineState = DeadlineView['state'];
type Role = DevTokenView['roles'][number];
type Procedure = CaseView['procedure'];
type PartyType = CaseView['party']['type'];

const STATUS: Record<Status, string> = {
  LEAD_REGISTERED: '线索已登记',
  FILING_DECLINED: '不予立案',
  FILED: '已立案',
  INVESTIGATION_REPORTED: '调查终结',
  CASE_REVIEWED: '案件已审核',
  NOTICE_SERVED: '已告知',
  DEFENCE_RECORDED: '陈述申辩已记录',
  HEARING_REQUESTED: '已申请听证',
  HEARING_SCHEDULED: '听证已安排',
  HEARING_HELD: '已听证',
  LEGAL_REVIEW_PENDING: '法制审核中',
  LEGAL_REVIEW_PASSED: '法制审核通过',
  COLLECTIVE_DISCUSSED: '已集体讨论',
  DECIDED: '已作出决定',
  SERVED: '已送达',
  EXECUTED: '已执行',
  CLOSED: '已结案',
  ARCHIVING: '归档中',
  ARCHIVED: '已归档',
  SUSPENDED: '已中止',
  TERMINATED: '已终止',
  TRANSFER_PROPOSED: '拟移送司法机关',
  TRANSFER_APPROVED: '移送已批准',
  TRANSFERRED: '已移送',
  TRANSFER_RECEIVED: '公安机关已接收',
  TRANSFER_ACCEPTED: '公安机关已立案',
  TRANSFER_DECLINED: '公安机关不予立案',
  TRANSFER_RECONSIDERATION_REQUESTED: '已提请复议',
  TRANSFER_SUPERVISION_REQUESTED: '已提请立案监督',
};

const ACTION: Record<Action, string> = {
  register: '登记线索',
  filing: '立案审批',
  evidence: '登记证据',
  'evidence-custody': '证据流转',
  'evidence-confirmation': '确认证据草稿',
  auxiliary: '指派辅助人员',
  'investigation-report': '调查终结报告',
  preservations: '先行登记保存',
  'preservations/approval': '先行登记保存审批',
  'preservations/decision': '先行登记保存处理决定',
  seizures: '查封扣押',
  'seizures/extension': '延长查封扣押期限',
  'seizures/testing': '查封扣押检测期间',
  'seizures/end': '解除或处理查封扣押',
  examination: '委托检测鉴定',
  'examination/result': '检测鉴定结果',
  'case-review': '案件审核',
  'notice-approval': '告知审批',
  'investigation-reopening': '补充调查',
  notice: '行政处罚告知',
  defence: '陈述申辩',
  'hearing-request': '听证申请',
  'hearing-waiver': '放弃听证',
  hearing: '听证',
  'hearing-end': '听证终止',
  'major-case': '重大案件认定',
  'legal-review-request': '提请法制审核',
  'legal-review': '法制审核意见',
  'legal-review-assignment': '指派法制审核人员',
  'collective-discussion': '集体讨论',
  decision: '处罚决定',
  service: '送达',
  payments: '缴纳罚款',
  'payment-plan': '暂缓或分期缴纳',
  'enforcement/demand': '催告',
  'enforcement/court': '申请法院强制执行',
  'enforcement/ruling': '法院裁定',
  'execution-end': '终结执行',
  challenges: '复议与诉讼',
  extension: '延长办案期限',
  suspension: '中止与恢复',
  recusal: '回避',
  closure: '结案',
  archive: '归档',
  'simple-decision': '当场处罚决定',
  'simple-report': '简易程序备案',
  'simple-conversion': '转为普通程序',
  'simple-no-penalty': '当场不予处罚',
  'simple-dismissal': '线索不予处理',
  'criminal-transfer': '涉嫌犯罪移送',
  'criminal-transfer/approval': '移送审批',
  'criminal-transfer/dispatch': '移送公安机关',
  'criminal-transfer/police-decision': '公安机关决定',
  'criminal-transfer/reconsideration': '提请复议',
  'criminal-transfer/supervision': '提请检察监督',
  'criminal-transfer/return': '退回处理',
  'suspected-crime': '标记涉嫌犯罪',
  'suspected-crime/no-transfer': '不予移送决定',
  'criminal-transfer/forward': '移送有管辖权的公安机关',
  'criminal-transfer/material-request': '要求补充材料',
  'criminal-transfer/material-supply': '补充移送材料',
  'criminal-transfer/handover': '移交涉案物品及材料',
  'criminal-transfer/police-return': '公安机关退回案件',
  'criminal-transfer/intake-review': '受理审查（有管辖权、材料齐全）',
  'criminal-transfer/explanation-request': '要求说明不立案理由',
  'criminal-transfer/explanation': '说明不立案理由',
};

const FLAG: Record<Flag, string> = {
  OVERDUE: '超期',
  PAYMENT_OVERDUE: '逾期未缴',
  MAJOR_DECISION: '重大案件',
  HEARING_OFFERED: '已告知听证权',
  COLLECTIVE_DISCUSSION_REQUIRED: '需集体讨论',
  SUSPECTED_CRIME: '涉嫌犯罪',
  DECISION_REVOKED: '决定已撤销',
  TRANSFER_OVERDUE: '公安、检察机关超期',
};

const DEADLINE: Record<DeadlineKind, string> = {
  filingDecision: '立案决定',
  caseReview: '案件审核',
  defence: '陈述申辩',
  hearingRequest: '听证申请',
  hearingNotice: '听证通知',
  decision: '作出处罚决定',
  service: '送达',
  payment: '缴纳罚款',
  closure: '结案',
  disclosure: '信息公示',
  disclosureWithdrawal: '撤下公示',
  simpleReport: '简易程序备案',
  evidencePreservation: '先行登记保存处理',
  reconsiderationWindow: '申请行政复议期限',
  litigationWindow: '提起行政诉讼期限',
  transferApproval: '移送审批',
  transferDispatch: '移送公安机关',
  policeFilingDecision: '公安机关立案审查',
  transferReconsiderationRequest: '提请复议',
  transferReconsiderationAnswer: '公安机关复议',
  transferSupervisionRequest: '提请立案监督',
  transferMaterialSupply: '补充移送材料',
  transferHandover: '移交涉案物品及材料',
  policeIntakeReview: '公安机关受理审查（24小时）',
  supervisionExplanationRequest: '要求说明不立案理由',
  policeNonFilingExplanation: '公安机关说明不立案理由',
  legalReview: '法制审核',
  seizure: '查封扣押',
  courtEnforcement: '申请法院强制执行',
};

const DEADLINE_STATE: Record<DeadlineState, string> = {
  OPEN: '计时中',
  MET: '已完成',
  MISSED: '已超期',
  SUSPENDED: '已中止',
  CANCELLED: '已取消',
};

const ROLE: Record<Role, string> = {
  OFFICER: '执法人员',
  AUXILIARY: '辅助人员',
  LEGAL_REVIEWER: '法制审核人员',
  AGENCY_HEAD: '机关负责人',
  SUPERVISOR: '监督人员',
  POLICE_LIAISON: '公安联络员',
  PROCURATORATE: '检察机关',
  ADMIN: '系统管理员',
  SYSTEM_ADMIN: '平台管理员',
};

const PROCEDURE: Record<Procedure, string> = { ORDINARY: '普通程序', SIMPLE: '简易程序' };
const PARTY: Record<PartyType, string> = { PERSON: '自然人', ORGANISATION: '法人或其他组织' };

/** English: the code in words (FILING_DECLINED → Filing declined, criminal-transfer/approval → Criminal transfer approval). */
export function codeInWords(code: string): string {
  const words = code
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-/]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const pick =
  <K extends string>(table: Record<K, string>) =>
  (code: K, lang: Lang): string =>
    lang === 'zh' ? (table[code] ?? code) : codeInWords(code);

export const statusLabel = pick(STATUS);
export const actionLabel = pick(ACTION);
export const flagLabel = pick(FLAG);
export const deadlineLabel = pick(DEADLINE);
export const deadlineStateLabel = pick(DEADLINE_STATE);
export const roleLabel = pick(ROLE);
export const procedureLabel = pick(PROCEDURE);
export const partyTypeLabel = pick(PARTY);

export const STATUSES = Object.keys(STATUS) as Status[];
export const FLAGS = Object.keys(FLAG) as Flag[];
export const ROLES = Object.keys(ROLE) as Role[];
