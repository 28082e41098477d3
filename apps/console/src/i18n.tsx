import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from './format';

const MESSAGES = {
  zh: {
    appName: '执法办案平台',
    nav: '主导航',
    myWork: '我的待办',
    cases: '案件',
    signOut: '退出',
    switchLang: 'English',
    switchLangLabel: 'Switch to English',
    signInTitle: '登录执法办案平台',
    devUsers: '演示用户（开发环境）',
    devUsersHelp: '开发环境中，点击一个演示用户即可登录。生产环境不提供此列表。',
    devUsersUnavailable: '本环境未提供演示用户：请使用身份认证令牌登录。',
    tokenTitle: '使用身份认证令牌登录',
    tokenHelp: '生产环境中，请粘贴本机关统一身份认证平台为您签发的令牌（JWT）。令牌只保存在本浏览器标签页中，关闭即失效。',
    tokenLabel: '身份认证令牌',
    tokenInvalid: '这不是一个有效的令牌（应为 JWT：三段以“.”分隔）。',
    tokenRequired: '请粘贴令牌。',
    signIn: '登录',
    certificate: '执法证号',
    certificateNone: '无有效证件',
    loading: '加载中…',
    loadFailed: '加载失败',
    case: '案件',
    caseNumber: '案号',
    status: '状态',
    task: '待办事项',
    deadline: '期限',
    dueAt: '到期时间',
    daysLeft: '剩余',
    noTasks: '没有待办事项',
    tasksIntro: '下列事项按接口给出的顺序排列：最紧迫（含已超期）的在前。',
    party: '当事人',
    violation: '违法行为',
    procedure: '程序',
    flags: '标识',
    registeredAt: '登记时间',
    actions: '可办事项',
    filters: '筛选条件',
    anyStatus: '全部状态',
    anyFlag: '全部标识',
    overdueOnly: '仅看超期',
    mineOnly: '仅看我承办的',
    search: '案号、当事人或案情',
    registeredBetween: '登记日期',
    reset: '重置',
    officers: '承办人员',
    policyVersion: '适用规则版本',
    deadlines: '期限',
    noDeadlines: '没有期限',
    basis: '计算依据',
    legalSource: '法律依据',
    startDate: '起算日（不计入）',
    period: '期限长度',
    workingDays: '个工作日',
    calendarDays: '日',
    holidaysMet: '跳过的节假日',
    adjustedMet: '计入的调休工作日',
    rolledForward: '末日顺延自',
    pauses: '中止',
    warnings: '提示',
    noActions: '您现在对本案没有可办事项。',
    actionsHelp: '按钮即接口为您给出的本案可办事项（allowedActions）。',
    close: '关闭',
    backToCases: '返回案件列表',
    notFound: '页面不存在',
    home: '返回首页',
    total: (n: number) => `共 ${n} 件`,
    timeline: '全过程记录（事件链）',
    timelineHelp: '本案每一个记录在案的行为，按顺序；每个事件的哈希包含前一个事件的哈希，任何改动都会使链条断开。',
    verifyChain: '校验哈希链',
    chainValid: (n: number) => `哈希链完整：已校验 ${n} 个事件。`,
    chainBroken: (seq: number, reason: string) => `哈希链在第 ${seq} 个事件处断开：${reason}`,
    seq: '序号',
    occurredAt: '时间',
    event: '事件',
    actor: '行为人',
    hash: '哈希',
    systemActor: '系统（期限监控、后台任务）',
    actedAs: '身份',
    certificateUsed: (n: string) => `执法证 ${n}`,
    noCertificate: '当日无有效执法证',
    actingBody: (b: string) => `所属机关：${b}`,
    deadlinesSettled: '期限',
    deadlineOutcome: { MET: '按期完成', MET_LATE: '逾期完成', MISSED: '已超期' } as Record<string, string>,
  },
  en: {
    appName: 'Enforcement case console',
    nav: 'Main navigation',
    myWork: 'My work',
    cases: 'Cases',
    signOut: 'Sign out',
    switchLang: '中文',
    switchLangLabel: '切换到中文',
    signInTitle: 'Sign in to the case console',
    devUsers: 'Demo users (development)',
    devUsersHelp: 'In development, click a demo user to sign in. Production has no such list.',
    devUsersUnavailable: 'No demo users here: sign in with a token from your identity provider.',
    tokenTitle: 'Sign in with an identity token',
    tokenHelp: "In production, paste the token (JWT) your agency's identity provider issued to you. It is kept in this browser tab only and is gone when the tab closes.",
    tokenLabel: 'Identity token',
    tokenInvalid: 'This is not a token (a JWT has three parts separated by ".").',
    tokenRequired: 'Paste a token.',
    signIn: 'Sign in',
    certificate: 'Certificate',
    certificateNone: 'none valid today',
    loading: 'Loading…',
    loadFailed: 'Could not load',
    case: 'Case',
    caseNumber: 'Case number',
    status: 'Status',
    task: 'Task',
    deadline: 'Deadline',
    dueAt: 'Due',
    daysLeft: 'Days left',
    noTasks: 'Nothing is waiting for you',
    tasksIntro: 'In the order the API gives: the most urgent, overdue included, first.',
    party: 'Party',
    violation: 'Violation',
    procedure: 'Procedure',
    flags: 'Flags',
    registeredAt: 'Registered',
    actions: 'Actions',
    filters: 'Filters',
    anyStatus: 'Any status',
    anyFlag: 'Any flag',
    overdueOnly: 'Overdue only',
    mineOnly: 'My cases only',
    search: 'Case number, party or summary',
    registeredBetween: 'Registered',
    reset: 'Reset',
    officers: 'Officers',
    policyVersion: 'Policy version',
    deadlines: 'Deadlines',
    noDeadlines: 'No deadlines',
    basis: 'Basis',
    legalSource: 'Legal source',
    startDate: 'Runs from (not counted)',
    period: 'Period',
    workingDays: 'working days',
    calendarDays: 'days',
    holidaysMet: 'Holidays skipped',
    adjustedMet: '调休 working days counted',
    rolledForward: 'Rolled forward from',
    pauses: 'Pauses',
    warnings: 'Warnings',
    noActions: 'There is nothing you may do on this case now.',
    actionsHelp: "The buttons are the case's allowedActions for you, as the API gives them.",
    close: 'Close',
    backToCases: 'Back to cases',
    notFound: 'No such page',
    home: 'Home',
    total: (n: number) => `${n} cases`,
    timeline: 'Timeline (the event chain)',
    timelineHelp: "Every act recorded on the case, in order; each event's hash covers the previous one, so any change breaks the chain.",
    verifyChain: 'Verify the hash chain',
    chainValid: (n: number) => `The hash chain is intact: ${n} events checked.`,
    chainBroken: (seq: number, reason: string) => `The hash chain breaks at event ${seq}: ${reason}`,
    seq: 'Seq',
    occurredAt: 'Time',
    event: 'Event',
    actor: 'By',
    hash: 'Hash',
    systemActor: 'System (deadline watch, jobs)',
    actedAs: 'Acted as',
    certificateUsed: (n: string) => `certificate ${n}`,
    noCertificate: 'no certificate valid that day',
    actingBody: (b: string) => `for ${b}`,
    deadlinesSettled: 'Deadlines',
    deadlineOutcome: { MET: 'met', MET_LATE: 'met late', MISSED: 'missed' } as Record<string, string>,
  },
} satisfies Record<Lang, Record<string, unknown>>;

export type Messages = (typeof MESSAGES)['zh'];

interface I18n {
  lang: Lang;
  t: Messages;
  toggle(): void;
}

const I18nContext = createContext<I18n | null>(null);
const KEY = 'zhifa.console.lang';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(KEY) === 'en' ? 'en' : 'zh'));
  useEffect(() => {
    localStorage.setItem(KEY, lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const toggle = useCallback(() => setLang((l) => (l === 'zh' ? 'en' : 'zh')), []);
  const value = useMemo(() => ({ lang, t: MESSAGES[lang] as Messages, toggle }), [lang, toggle]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/**
 * An area's own messages (a page or a form keeps its texts beside it rather
 * than in the shared catalog above): both languages, the same keys.
 */
export function defineMessages<M extends Record<string, unknown>>(catalog: { zh: M; en: NoInfer<M> }): () => M {
  return function useAreaMessages(): M {
    return catalog[useI18n().lang];
  };
}
