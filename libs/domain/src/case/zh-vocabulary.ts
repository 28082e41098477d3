// The vocabulary a Chinese reader meets in a rejection: statuses, roles,
// deadlines, penalties, commands… by their Chinese names (the types demand
// every entry). Re-exported by messages.ts, where the sentences are built.

import type {
  CaseStatus,
  ChallengeKind,
  CertificateStatus,
  CircumstanceLevel,
  DeadlineKind,
  DeadlineState,
  DiscretionBase,
  ExaminationKind,
  PartyType,
  PenaltyKind,
  ProposedOutcome,
  Role,
  ServiceMethod,
} from './vocabulary';

export const ZH_STATUS: Readonly<Record<CaseStatus, string>> = {
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

export const ZH_ROLE: Readonly<Record<Role, string>> = {
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

export const ZH_DEADLINE: Readonly<Record<DeadlineKind, string>> = {
  filingDecision: '立案决定期限',
  caseReview: '案件审核期限',
  defence: '陈述申辩期限',
  hearingRequest: '听证申请期限',
  hearingNotice: '听证通知期限',
  decision: '作出处罚决定期限',
  service: '送达期限',
  payment: '缴纳罚款期限',
  closure: '结案期限',
  disclosure: '信息公示期限',
  disclosureWithdrawal: '撤下公示期限',
  simpleReport: '简易程序备案期限',
  evidencePreservation: '先行登记保存处理期限',
  reconsiderationWindow: '申请行政复议期限',
  litigationWindow: '提起行政诉讼期限',
  transferApproval: '移送审批期限',
  transferDispatch: '移送期限',
  policeFilingDecision: '公安机关立案审查期限',
  transferReconsiderationRequest: '提请复议期限',
  transferReconsiderationAnswer: '公安机关复议期限',
  transferSupervisionRequest: '提请立案监督期限',
  transferMaterialSupply: '补充移送材料期限',
  transferHandover: '移交涉案物品及材料期限',
  policeIntakeReview: '公安机关受理审查期限',
  supervisionExplanationRequest: '要求说明不立案理由期限',
  policeNonFilingExplanation: '公安机关说明不立案理由期限',
  courtEnforcement: '申请人民法院强制执行期限',
  legalReview: '法制审核期限',
  seizure: '查封扣押期限',
};

export const ZH_DEADLINE_STATE: Readonly<Record<DeadlineState, string>> = {
  OPEN: '计时中',
  MET: '已完成',
  MISSED: '已超期',
  SUSPENDED: '已中止计时',
  CANCELLED: '已取消',
};

export const ZH_PENALTY: Readonly<Record<PenaltyKind, string>> = {
  WARNING: '警告',
  PUBLIC_CRITICISM: '通报批评',
  FINE: '罚款',
  CONFISCATION: '没收违法所得、非法财物',
  LICENCE_SUSPENSION: '暂扣许可证件',
  QUALIFICATION_DOWNGRADE: '降低资质等级',
  LICENCE_REVOCATION: '吊销许可证件',
  ACTIVITY_RESTRICTION: '限制开展生产经营活动',
  BUSINESS_SUSPENSION: '责令停产停业',
  CLOSURE: '责令关闭',
  EMPLOYMENT_BAN: '限制从业',
  DETENTION: '行政拘留',
  OTHER: '其他处罚',
};

export const ZH_LEVEL: Readonly<Record<CircumstanceLevel, string>> = {
  EXEMPT: '不予处罚',
  MITIGATED: '减轻处罚',
  LIGHTER: '从轻处罚',
  GENERAL: '一般',
  HEAVIER: '从重处罚',
};

export const ZH_OUTCOME: Readonly<Record<ProposedOutcome, string>> = {
  PENALTY: '给予行政处罚',
  NO_PENALTY: '不予行政处罚',
  DISMISS: '撤销案件',
  TRANSFER: '移送其他机关',
};

export const ZH_EXAMINATION: Readonly<Record<ExaminationKind, string>> = {
  TESTING: '检测',
  INSPECTION: '检验',
  QUARANTINE: '检疫',
  APPRAISAL: '鉴定',
};

export const ZH_SERVICE: Readonly<Record<ServiceMethod, string>> = {
  DIRECT: '直接送达',
  REFUSED: '留置送达',
  ELECTRONIC: '电子送达',
  POSTAL: '邮寄送达',
  PUBLIC_NOTICE: '公告送达',
};

export const ZH_BASE: Readonly<Record<DiscretionBase, string>> = {
  GOODS_VALUE: '货值金额',
  ILLEGAL_GAINS: '违法所得',
  SALES: '销售金额',
  AREA_M2: '面积（平方米）',
  UNSOLD_GOODS_VALUE: '尚未销售的货值金额',
  BASIC_FARMLAND_M2: '基本农田面积（平方米）',
  OTHER_FARMLAND_M2: '基本农田以外的耕地面积（平方米）',
};

export const ZH_PARTY: Readonly<Record<PartyType, string>> = { PERSON: '自然人', ORGANISATION: '法人或其他组织' };

export const ZH_CERTIFICATE: Readonly<Record<CertificateStatus, string>> = { ACTIVE: '有效', SUSPENDED: '被暂扣', REVOKED: '被吊销' };

export const ZH_CHALLENGE_KIND: Readonly<Record<ChallengeKind, string>> = { RECONSIDERATION: '行政复议', LITIGATION: '行政诉讼' };

export function zhChallengeKind(kind: string): string {
  return (ZH_CHALLENGE_KIND as Record<string, string>)[kind] ?? kind;
}

/** A code's Chinese name from one of the tables above, or the code itself when the table has none. */
export function zhOf(table: Readonly<Record<string, string>>, code: string): string {
  return table[code] ?? code;
}

/**
 * Each command as the person who issues it names it (keyed by command type;
 * not typed by CommandType, which would tie this module to the stages that
 * import it: messages.spec.ts checks every command has its name).
 */
export const ZH_COMMAND: Readonly<Record<string, string>> = {
  REGISTER_LEAD: '登记线索',
  DECIDE_FILING: '立案审批',
  RECORD_EVIDENCE: '登记证据',
  CONFIRM_EVIDENCE: '确认辅助人员证据草稿',
  ATTACH_AUXILIARY: '指派辅助执法人员',
  TRANSFER_CUSTODY: '证据流转',
  SUBMIT_INVESTIGATION_REPORT: '提交调查终结报告',
  REVIEW_CASE: '案件审核',
  APPROVE_NOTICE: '告知审批',
  REOPEN_INVESTIGATION: '补充调查',
  SERVE_NOTICE: '行政处罚告知',
  RECORD_DEFENCE: '记录陈述申辩',
  REQUEST_HEARING: '听证申请',
  WAIVE_HEARING: '放弃听证',
  SCHEDULE_HEARING: '安排听证',
  RECORD_HEARING: '记录听证',
  END_HEARING: '听证终止',
  MARK_MAJOR_CASE: '重大案件认定',
  REQUEST_LEGAL_REVIEW: '提请法制审核',
  RECORD_LEGAL_REVIEW: '法制审核意见',
  REASSIGN_LEGAL_REVIEW: '重新指派法制审核人员',
  RECORD_COLLECTIVE_DISCUSSION: '集体讨论',
  DECIDE: '处罚决定',
  SERVE: '送达决定书',
  RECORD_PAYMENT: '缴纳罚款',
  APPROVE_PAYMENT_PLAN: '批准暂缓或分期缴纳',
  SERVE_DEMAND: '送达催告书',
  APPLY_COURT_ENFORCEMENT: '申请人民法院强制执行',
  RECORD_COURT_RULING: '记录法院裁定',
  END_EXECUTION: '终结执行',
  RECORD_CHALLENGE: '复议与诉讼',
  EXTEND_DEADLINE: '延长期限',
  SUSPEND: '中止案件',
  RESUME: '恢复案件',
  TERMINATE: '终止案件',
  RECUSE: '回避',
  CLOSE: '结案',
  ARCHIVE: '归档',
  RECORD_ARCHIVE_PACKAGE: '登记归档包',
  SIMPLE_DECIDE: '当场处罚决定',
  REPORT_SIMPLE: '简易程序备案',
  CONVERT_TO_ORDINARY: '转为普通程序',
  SIMPLE_NO_PENALTY: '当场不予处罚决定',
  DISMISS_SIMPLE_LEAD: '线索不予处理（违法事实不成立）',
  DEADLINE_REMINDER: '期限提醒',
  DEADLINE_ESCALATION: '期限届满处理',
  PROPOSE_TRANSFER: '涉嫌犯罪移送',
  DECIDE_TRANSFER: '移送审批',
  DISPATCH_TRANSFER: '移送公安机关',
  RECORD_POLICE_DECISION: '公安机关决定',
  REQUEST_TRANSFER_RECONSIDERATION: '提请复议',
  ANSWER_TRANSFER_RECONSIDERATION: '答复复议',
  REQUEST_TRANSFER_SUPERVISION: '提请检察监督',
  RESOLVE_TRANSFER_SUPERVISION: '检察监督结果',
  RESUME_ADMINISTRATIVE_CASE: '退回行政处理',
  FLAG_SUSPECTED_CRIME: '标记涉嫌犯罪',
  DECIDE_NOT_TO_TRANSFER: '不予移送决定',
  FORWARD_TRANSFER: '移送有管辖权的公安机关',
  REQUEST_TRANSFER_MATERIAL: '公安机关要求补充材料',
  SUPPLY_TRANSFER_MATERIAL: '补充移送材料',
  RECORD_TRANSFER_HANDOVER: '移交涉案物品及材料',
  RETURN_TRANSFERRED_CASE: '公安机关退回案件',
  CONFIRM_TRANSFER_INTAKE: '公安机关受理审查',
  REQUEST_NON_FILING_EXPLANATION: '要求说明不立案理由',
  EXPLAIN_NON_FILING: '说明不立案理由',
  PRESERVE_EVIDENCE: '先行登记保存',
  APPROVE_PRESERVATION: '先行登记保存审批',
  DECIDE_PRESERVATION: '先行登记保存处理决定',
  SEIZE: '查封扣押',
  EXTEND_SEIZURE: '延长查封扣押期限',
  RECORD_SEIZURE_TESTING: '查封扣押物品检测期间',
  END_SEIZURE: '解除或处理查封扣押',
  START_EXAMINATION: '委托检测鉴定',
  END_EXAMINATION: '检测鉴定完成',
  RECOMPUTE_DEADLINES: '按新节假日安排重算期限',
  RECORD_DOCUMENT: '登记制发的文书',
  RECORD_DISCLOSURE: '行政处罚决定公示',
  RECORD_DISCLOSURE_WITHDRAWAL: '撤下公示信息',
};

/** A command's Chinese name in 「」, or its type when it is not one (an unknown type). */
export function zhCommand(type: string): string {
  return `「${ZH_COMMAND[type] ?? type}」`;
}

export function zhStatus(status: string): string {
  return (ZH_STATUS as Record<string, string>)[status] ?? status;
}

export function zhRole(role: string): string {
  return (ZH_ROLE as Record<string, string>)[role] ?? role;
}

export function zhDeadline(kind: string): string {
  return (ZH_DEADLINE as Record<string, string>)[kind] ?? kind;
}
