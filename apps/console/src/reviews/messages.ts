// The texts of the legal review area (法制审核), in both languages, kept here
// rather than in the shared catalogue; codes the API sends are named in
// Chinese here too (English shows the code in words).
import { defineMessages } from '../i18n';
import { codeInWords } from '../labels';
import type { Lang } from '../format';
import type { components } from '../api';

type S = components['schemas'];
export type Opinion = S['LegalReviewDto']['opinion'];
export type ReturnTo = NonNullable<S['LegalReviewDto']['returnTo']>;
type Ground = S['MajorCaseView']['grounds'][number];
type Level = S['DiscretionFindingView']['level'];
type PenaltyKind = S['PenaltyView']['kinds'][number];
type Outcome = S['ProposalView']['proposedOutcome'];
type Placement = S['ProposalDiscretionView']['placement'];
type EvidenceKind = S['EvidenceItemView']['kind'];
type Base = S['DiscretionBaseView']['kind'];

export const useReviewMessages = defineMessages({
  zh: {
    nav: '法制审核',
    queueTitle: '法制审核',
    queueIntro: '指派给您、等待出具法制审核意见的案件，按接口给出的顺序排列：最紧迫（含已超期）的在前。',
    queueEmpty: '没有等待您审核的案件',
    open: '审核',
    reviewTitle: '法制审核',
    backToQueue: '返回法制审核',
    caseHeader: '案件信息',
    majorCase: '重大案件',
    majorGrounds: '认定理由',
    notMarked: '未认定为重大案件',
    reviewGrounds: '需法制审核的理由',
    assignee: '法制审核人员',
    reviewerCert: '法制审核资格证号',
    reviewDeadline: '审核期限',
    noPendingReview: '本案目前没有待审核的法制审核。',
    proposal: '拟处理意见（调查终结报告）',
    noProposal: '尚未提交调查终结报告。',
    findings: '违法事实',
    outcome: '拟处理结果',
    penalty: '拟处罚种类',
    fine: '拟罚款金额',
    legalBasis: '法律依据',
    level: '裁量情节',
    discretionReasons: '裁量理由',
    bases: '裁量基数',
    submittedBy: '报告人',
    assessment: '审查提示',
    benchmark: '裁量基准',
    band: '适用档次',
    statutory: '法定幅度',
    levelRange: '本情节幅度',
    ruleSource: '基准依据',
    multiples: '倍数',
    placement: '所处位置',
    noBenchmark: '本案违法行为没有适用的裁量基准（或未拟罚款），不作幅度比对。',
    benchmarkBarLabel: (fine: string, min: string, max: string) => `拟罚款 ${fine}，法定幅度 ${min} 至 ${max}`,
    proposedMarker: '拟罚款',
    evidence: '证据清单',
    evidenceTitle: '名称',
    evidenceKind: '种类',
    collectedAt: '收集时间',
    collectors: '收集人',
    location: '地点',
    sha256: '哈希值',
    noEvidence: '没有证据',
    rounds: '审核记录',
    noRounds: '尚无审核记录',
    round: (n: number) => `第 ${n} 轮`,
    requestedBy: (name: string) => `${name} 提请审核`,
    assignedTo: (name: string) => `指派 ${name}`,
    reassigned: (name: string, reason: string) => `改派 ${name}（${reason}）`,
    awaiting: '等待审核意见',
    reviewedBy: (name: string) => `审核人：${name}`,
    proposedThen: '当时拟处理',
    points: '需修改的问题',
    returnTo: '退回至',
    formTitle: '出具法制审核意见',
    opinion: '审核意见',
    opinionText: '审核意见书内容',
    opinionTextHelp: '写明审核认定的事实、证据、依据和程序问题。',
    addPoint: '添加一条',
    removePoint: (n: number) => `删除第 ${n} 条`,
    point: (n: number) => `第 ${n} 条`,
    pointsHelpReturn: '退回时至少列出一条需修改的问题。',
    pointsHelpReject: '可列出不同意的理由（选填）。',
    submit: '提交审核意见',
    required: '必填',
    pointsRequired: '退回时至少列出一条问题',
    refused: '未能提交',
    done: '审核意见已记录',
    notYours: '本案的法制审核没有指派给您，或当前不能出具意见。',
  },
  en: {
    nav: 'Legal review',
    queueTitle: 'Legal review',
    queueIntro: 'Cases assigned to you that wait for your legal review opinion, in the order the API gives: most urgent (and overdue) first.',
    queueEmpty: 'No case is waiting for your review',
    open: 'Review',
    reviewTitle: 'Legal review',
    backToQueue: 'Back to legal review',
    caseHeader: 'Case',
    majorCase: 'Major case',
    majorGrounds: 'Reason',
    notMarked: 'Not marked major',
    reviewGrounds: 'Why it needs legal review',
    assignee: 'Legal reviewer',
    reviewerCert: 'Reviewer qualification',
    reviewDeadline: 'Review limit',
    noPendingReview: 'No legal review of this case is pending.',
    proposal: 'Proposal (investigation report)',
    noProposal: 'No investigation report yet.',
    findings: 'Facts found',
    outcome: 'Proposed outcome',
    penalty: 'Proposed penalty',
    fine: 'Proposed fine',
    legalBasis: 'Legal basis',
    level: 'Circumstances',
    discretionReasons: 'Discretion reasons',
    bases: 'Discretion figures',
    submittedBy: 'Reported by',
    assessment: 'Review notes',
    benchmark: 'Discretion benchmark',
    band: 'Band',
    statutory: 'Statutory range',
    levelRange: 'Range for these circumstances',
    ruleSource: 'Benchmark source',
    multiples: 'Multiples',
    placement: 'Position',
    noBenchmark: 'No discretion benchmark applies to this violation (or no fine is proposed): no range to compare.',
    benchmarkBarLabel: (fine: string, min: string, max: string) => `Proposed fine ${fine}, statutory range ${min} to ${max}`,
    proposedMarker: 'Proposed',
    evidence: 'Evidence',
    evidenceTitle: 'Title',
    evidenceKind: 'Kind',
    collectedAt: 'Collected',
    collectors: 'Collected by',
    location: 'Place',
    sha256: 'Hash',
    noEvidence: 'No evidence',
    rounds: 'Review rounds',
    noRounds: 'No review yet',
    round: (n: number) => `Round ${n}`,
    requestedBy: (name: string) => `Requested by ${name}`,
    assignedTo: (name: string) => `assigned to ${name}`,
    reassigned: (name: string, reason: string) => `Reassigned to ${name} (${reason})`,
    awaiting: 'Waiting for the opinion',
    reviewedBy: (name: string) => `Reviewer: ${name}`,
    proposedThen: 'Proposed then',
    points: 'Points to revise',
    returnTo: 'Returned to',
    formTitle: 'Legal review opinion',
    opinion: 'Opinion',
    opinionText: 'Written opinion',
    opinionTextHelp: 'State the facts, evidence, legal basis and procedure as reviewed.',
    addPoint: 'Add a point',
    removePoint: (n: number) => `Remove point ${n}`,
    point: (n: number) => `Point ${n}`,
    pointsHelpReturn: 'A return lists at least one point to revise.',
    pointsHelpReject: 'Reasons for rejecting (optional).',
    submit: 'Submit the opinion',
    required: 'Required',
    pointsRequired: 'A return lists at least one point',
    refused: 'Not submitted',
    done: 'Opinion recorded',
    notYours: 'The legal review of this case is not assigned to you, or no opinion can be given now.',
  },
});

const OPINION: Record<Opinion, string> = { APPROVE: '同意', RETURN: '退回', REJECT: '不同意' };
const RETURN_TO: Record<ReturnTo, string> = { INVESTIGATION: '补充调查', PROPOSAL: '重新拟定处理意见' };
const GROUND: Record<Ground, string> = {
  MAJOR_PUBLIC_INTEREST: '涉及重大公共利益',
  COMPLEX: '案件情况疑难复杂',
  MULTIPLE_LEGAL_RELATIONSHIPS: '涉及多个法律关系',
};
const LEVEL: Record<Level, string> = { EXEMPT: '不予处罚', MITIGATED: '减轻', LIGHTER: '从轻', GENERAL: '一般', HEAVIER: '从重' };
const PENALTY: Record<PenaltyKind, string> = {
  WARNING: '警告',
  PUBLIC_CRITICISM: '通报批评',
  FINE: '罚款',
  CONFISCATION: '没收违法所得、没收非法财物',
  LICENCE_SUSPENSION: '暂扣许可证件',
  QUALIFICATION_DOWNGRADE: '降低资质等级',
  LICENCE_REVOCATION: '吊销许可证件',
  ACTIVITY_RESTRICTION: '限制开展生产经营活动',
  BUSINESS_SUSPENSION: '责令停产停业',
  CLOSURE: '责令关闭',
  EMPLOYMENT_BAN: '限制从业',
  DETENTION: '行政拘留',
  OTHER: '其他',
};
const OUTCOME: Record<Outcome, string> = { PENALTY: '给予行政处罚', NO_PENALTY: '不予行政处罚', DISMISS: '撤销案件', TRANSFER: '移送司法机关' };
const PLACEMENT: Record<Placement, string> = {
  NO_FINE: '未拟罚款',
  WITHIN_LEVEL: '在本情节幅度内',
  BELOW_STATUTORY_MINIMUM: '低于法定最低额（减轻处罚）',
  WITHIN_STATUTORY: '在法定幅度内',
  OUTSIDE: '超出幅度',
};
const EVIDENCE: Record<EvidenceKind, string> = {
  DOCUMENTARY: '书证',
  PHYSICAL: '物证',
  AUDIO_VISUAL: '视听资料',
  ELECTRONIC_DATA: '电子数据',
  WITNESS_TESTIMONY: '证人证言',
  PARTY_STATEMENT: '当事人的陈述',
  EXPERT_OPINION: '鉴定意见',
  INSPECTION_RECORD: '勘验笔录',
  ON_SITE_RECORD: '现场笔录',
};
const BASE: Record<Base, string> = {
  GOODS_VALUE: '货值金额',
  ILLEGAL_GAINS: '违法所得',
  SALES: '销售金额',
  AREA_M2: '面积（平方米）',
  UNSOLD_GOODS_VALUE: '尚未销售的货值金额',
  BASIC_FARMLAND_M2: '基本农田面积（平方米）',
  OTHER_FARMLAND_M2: '基本农田以外的耕地面积（平方米）',
};

const pick =
  <K extends string>(table: Record<K, string>) =>
  (code: K, lang: Lang): string =>
    lang === 'zh' ? (table[code] ?? code) : codeInWords(code);

export const opinionLabel = pick(OPINION);
export const returnToLabel = pick(RETURN_TO);
export const groundLabel = pick(GROUND);
export const levelLabel = pick(LEVEL);
export const penaltyKindLabel = pick(PENALTY);
export const outcomeLabel = pick(OUTCOME);
export const placementLabel = pick(PLACEMENT);
export const evidenceKindLabel = pick(EVIDENCE);
export const baseLabel = pick(BASE);
export const OPINIONS = Object.keys(OPINION) as Opinion[];
export const RETURN_TOS = Object.keys(RETURN_TO) as ReturnTo[];
