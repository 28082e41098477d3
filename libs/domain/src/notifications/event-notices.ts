// Each recorded event as a notification names it, in the agency's two
// languages, and the part of the case it sends the reader to. The type asks
// for every event, so a new event fails to compile until it is named here.

import type { CaseEventType } from '../case/case-events';
import type { DeadlineKind } from '../case/vocabulary';

/** Where on the case a notification leads: a section of the case page, or the case's legal review. */
export const NOTICE_SECTIONS = ['actions', 'deadlines', 'evidence', 'measures', 'timeline', 'legal-review'] as const;
export type NoticeSection = (typeof NOTICE_SECTIONS)[number];

export interface EventNotice {
  zh: string;
  en: string;
  section: NoticeSection;
}

const n = (zh: string, en: string, section: NoticeSection = 'actions'): EventNotice => ({ zh, en, section });

export const EVENT_NOTICES: Readonly<Record<CaseEventType, EventNotice>> = {
  LEAD_REGISTERED: n('案源已登记，待立案审批', 'lead registered, awaiting the filing decision'),
  FILING_APPROVED: n('已批准立案', 'filing approved'),
  FILING_DECLINED: n('不予立案', 'filing declined', 'timeline'),
  EVIDENCE_RECORDED: n('已登记证据', 'evidence recorded', 'evidence'),
  CUSTODY_TRANSFERRED: n('证据已流转', 'evidence custody transferred', 'evidence'),
  EVIDENCE_CONFIRMED: n('辅助人员证据草稿已确认', "auxiliary staff's evidence draft confirmed", 'evidence'),
  AUXILIARY_ATTACHED: n('已指派辅助执法人员', 'auxiliary staff attached'),
  INVESTIGATION_REPORTED: n('已提交调查终结报告，待审核', 'investigation report submitted, awaiting the case review'),
  EVIDENCE_PRESERVED: n('已先行登记保存证据', 'evidence preserved (先行登记保存)', 'measures'),
  PRESERVATION_APPROVED: n('先行登记保存已审批', 'preservation approval recorded', 'measures'),
  PRESERVATION_DECIDED: n('先行登记保存已作出处理决定', 'preserved evidence decided on', 'measures'),
  SEIZED: n('已查封扣押', 'property sealed or seized', 'measures'),
  SEIZURE_EXTENDED: n('查封扣押期限已延长', 'seizure extended', 'measures'),
  SEIZURE_TESTING_RECORDED: n('已记录查封扣押物品检测期间', 'seizure testing time recorded', 'measures'),
  SEIZURE_ENDED: n('查封扣押已解除或处理', 'seizure ended', 'measures'),
  EXAMINATION_STARTED: n('已委托检测鉴定', 'testing or appraisal started', 'deadlines'),
  EXAMINATION_ENDED: n('检测鉴定已完成', 'testing or appraisal ended', 'deadlines'),
  CASE_REVIEWED: n('案件审核意见已记录', 'case review recorded'),
  NOTICE_APPROVED: n('已批准行政处罚告知', 'pre-decision notice approved'),
  INVESTIGATION_REOPENED: n('案件退回补充调查', 'investigation reopened'),
  NOTICE_SERVED: n('已送达行政处罚告知书', 'pre-decision notice served', 'deadlines'),
  DEFENCE_RECORDED: n('已记录陈述申辩', "party's statement and defence recorded"),
  HEARING_REQUESTED: n('当事人已申请听证', 'the party requested a hearing'),
  HEARING_WAIVED: n('当事人已放弃听证', 'the party waived the hearing'),
  HEARING_SCHEDULED: n('听证已安排', 'hearing scheduled'),
  HEARING_HELD: n('听证已举行', 'hearing held'),
  HEARING_ENDED: n('听证已终止', 'hearing ended without being held'),
  LEGAL_REVIEW_REQUESTED: n('已提请法制审核', 'legal review requested', 'legal-review'),
  LEGAL_REVIEW_RECORDED: n('法制审核意见已出具', 'legal review opinion given', 'legal-review'),
  LEGAL_REVIEW_REASSIGNED: n('法制审核已重新指派审核人员', 'legal review reassigned', 'legal-review'),
  MAJOR_CASE_MARKED: n('已认定为重大案件', 'marked a major case', 'legal-review'),
  COLLECTIVE_DISCUSSION_RECORDED: n('集体讨论已记录', 'collective discussion recorded'),
  DECISION_MADE: n('已作出行政处罚决定', 'decision made'),
  DECISION_SERVED: n('处罚决定书已送达', 'decision served', 'deadlines'),
  PAYMENT_RECORDED: n('已记录缴纳罚款', 'payment recorded'),
  PAYMENT_PLAN_APPROVED: n('已批准暂缓或分期缴纳', 'deferral or instalments approved', 'deadlines'),
  DEMAND_SERVED: n('催告书已送达', 'demand to perform served', 'deadlines'),
  COURT_ENFORCEMENT_APPLIED: n('已申请人民法院强制执行', 'court enforcement applied for'),
  COURT_RULING_RECORDED: n('已记录法院裁定', 'court ruling recorded'),
  EXECUTION_ENDED: n('执行已终结', 'execution ended'),
  CHALLENGE_RECORDED: n('已记录行政复议或行政诉讼', 'reconsideration or lawsuit recorded'),
  DEADLINE_EXTENDED: n('期限已延长', 'deadline extended', 'deadlines'),
  CASE_SUSPENDED: n('案件已中止', 'case suspended', 'deadlines'),
  CASE_RESUMED: n('案件已恢复', 'case resumed', 'deadlines'),
  CASE_TERMINATED: n('案件已终止', 'case terminated'),
  PERSON_RECUSED: n('已决定回避', 'a person was recused from the case'),
  CASE_CLOSED: n('已结案', 'case closed'),
  CASE_ARCHIVED: n('已归档', 'case archived', 'timeline'),
  SIMPLE_DECISION_MADE: n('已当场作出处罚决定，待备案', 'on-the-spot decision made, to be reported'),
  SIMPLE_DECISION_REPORTED: n('简易程序决定已备案', 'on-the-spot decision reported'),
  PROCEDURE_CONVERTED: n('已转为普通程序', 'converted to the ordinary procedure'),
  SIMPLE_NO_PENALTY_DECIDED: n('已当场作出不予处罚决定', 'on-the-spot decision of no penalty'),
  SIMPLE_LEAD_DISMISSED: n('线索不予处理（违法事实不成立）', 'lead dismissed: no violation established', 'timeline'),
  DEADLINE_APPROACHING: n('期限即将届满', 'deadline approaching', 'deadlines'),
  DEADLINE_MISSED: n('期限已届满（超期）', 'deadline missed', 'deadlines'),
  DEADLINE_RECOMPUTED: n('按新节假日安排重算期限', 'deadlines recounted under a newly published calendar', 'deadlines'),
  TRANSFER_PROPOSED: n('拟移送涉嫌犯罪案件，待审批', 'criminal transfer proposed, awaiting approval'),
  TRANSFER_APPROVED: n('已批准移送', 'transfer approved'),
  TRANSFER_REFUSED: n('不批准移送', 'transfer refused'),
  TRANSFER_DISPATCHED: n('案件已移送公安机关', 'case transferred to the police'),
  POLICE_DECISION_RECORDED: n('公安机关已作出决定', "the police's decision recorded"),
  TRANSFER_RECONSIDERATION_REQUESTED: n('已提请公安机关复议', 'police asked to reconsider'),
  TRANSFER_RECONSIDERATION_ANSWERED: n('公安机关已答复复议', "the police's reconsideration answered"),
  TRANSFER_SUPERVISION_REQUESTED: n('已提请检察机关立案监督', 'procuratorate supervision requested'),
  TRANSFER_SUPERVISION_RESOLVED: n('立案监督已有结果', 'procuratorate supervision resolved'),
  ADMINISTRATIVE_CASE_RESUMED: n('案件退回行政处理', 'administrative case resumed'),
  SUSPECTED_CRIME_FLAGGED: n('已标记涉嫌犯罪', 'suspected crime flagged'),
  NOT_TO_TRANSFER_DECIDED: n('已决定不予移送', 'decided not to transfer'),
  TRANSFER_FORWARDED: n('已移送有管辖权的公安机关', 'transfer forwarded to the competent police'),
  TRANSFER_MATERIAL_REQUESTED: n('公安机关要求补充材料', 'the police asked for missing material', 'deadlines'),
  TRANSFER_MATERIAL_SUPPLIED: n('已补充移送材料', 'missing material supplied'),
  TRANSFER_HANDED_OVER: n('已移交涉案物品及材料', 'items and files handed over'),
  TRANSFER_RETURNED_BY_POLICE: n('公安机关已退回案件', 'the police returned the case'),
};

/** Deadlines in English as a notification names them (the Chinese names are ZH_DEADLINE). */
export const EN_DEADLINE: Readonly<Record<DeadlineKind, string>> = {
  filingDecision: 'filing decision limit',
  caseReview: 'case review limit',
  defence: 'defence window',
  hearingRequest: 'hearing request window',
  hearingNotice: 'hearing notice limit',
  decision: 'decision limit',
  service: 'service limit',
  payment: 'payment period',
  closure: 'closing limit',
  disclosure: 'disclosure limit',
  disclosureWithdrawal: 'disclosure withdrawal limit',
  simpleReport: 'on-the-spot decision report limit',
  evidencePreservation: 'preserved evidence decision limit',
  reconsiderationWindow: 'reconsideration window',
  litigationWindow: 'lawsuit window',
  transferApproval: 'transfer approval limit',
  transferDispatch: 'transfer dispatch limit',
  policeFilingDecision: "police's filing decision limit",
  transferReconsiderationRequest: 'reconsideration request window',
  transferReconsiderationAnswer: "police's reconsideration answer limit",
  transferSupervisionRequest: 'supervision request window',
  transferMaterialSupply: 'missing material supply limit',
  transferHandover: 'hand-over limit',
  courtEnforcement: 'court enforcement application limit',
  legalReview: 'legal review limit',
  seizure: 'seizure period',
};
