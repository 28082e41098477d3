// What the 行政处罚决定书 says (APL 59), built from the case alone: the party
// as registered, the facts and the evidence the decision cites, the penalty
// and its legal basis, how and within what period to perform it, the remedy
// bodies and periods, the deciding agency and the date. The PDF renders it
// and the public disclosure publishes it (after removing personal fields by
// their `field`), so both say the same words.

import type { CaseState, Party, Penalty } from '../case/case-state';
import type { DayKind, DecisionOutcome, EvidenceKind, PenaltyKind } from '../case/vocabulary';
import type { JurisdictionPolicy } from '../policy/policy.types';
import { rmbUpper, zhDate, zhList, zhYuan, ZH_PENALTY } from '../case/messages';
import { localDate } from '../calendar';
import { REMEDY_PERIODS } from '../case/stages/decision';
import { citable } from '../case/stages/evidence';

export const ZH_EVIDENCE_KIND: Readonly<Record<EvidenceKind, string>> = {
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

/** One line of the party's particulars; `field` names the Party member it shows, so a disclosure can drop it. */
export interface PartyLine {
  field: keyof Party;
  label: string;
  value: string;
}

export interface DecisionContent {
  /** 行政处罚决定书, 不予行政处罚决定书, or 当场行政处罚决定书 (simple procedure). */
  title: string;
  /** (六) The deciding agency. */
  agency: string;
  /** The number the decision was recorded with. */
  documentNumber: string;
  caseNumber: string;
  outcome: DecisionOutcome;
  simple: boolean;
  /** (六) The local date of the decision, YYYY-MM-DD, and as the document writes it. */
  decidedOn: string;
  decidedOnZh: string;
  /** (一) The party's name and particulars, in the order the document lists them. */
  party: PartyLine[];
  /** (二) The facts found and the evidence relied on. */
  facts: string;
  evidence: { evidenceId: string; title: string; kind: EvidenceKind; kindZh: string }[];
  /** (三) The legal basis and the penalty, one line per kind. */
  legalBasis: string;
  penalty?: { kinds: PenaltyKind[]; lines: string[] };
  /** Yuan: fine and confiscated gains. */
  amountDue: number;
  /** (四) How and within what period: the period runs from service (APL 67). */
  performance?: { method: string; days: number; dayKind: DayKind; source: string };
  /** (五) Where and within what period the party may challenge it; bodies absent on decisions recorded before APL 59 contents. */
  remedy: {
    reconsiderationBody?: string;
    reconsiderationDays: number;
    reconsiderationSource: string;
    court?: string;
    litigationMonths: number;
    litigationSource: string;
  };
}

/** A heading and its paragraphs, in reading order. */
export interface DocumentSection {
  heading?: string;
  paragraphs: string[];
}

const NUMERALS = '零一二三四五六七八九';

/** Small counts as a document writes them: 5 → 五, 15 → 十五, 60 → 六十. */
export function zhCount(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return String(n);
  if (n < 10) return NUMERALS[n];
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  let out = h > 0 ? `${NUMERALS[h]}百` : '';
  if (t > 0) out += h === 0 && t === 1 ? '十' : `${NUMERALS[t]}十`;
  else if (h > 0 && u > 0) out += '零';
  if (u > 0) out += NUMERALS[u];
  return out;
}

/** An amount as a decision writes it: 人民币伍万元整（¥50,000.00）. */
export function zhAmount(yuan: number): string {
  return `${rmbUpper(yuan)}（${zhYuan(yuan)}）`;
}

export function partyLines(p: Party): PartyLine[] {
  const lines: PartyLine[] = [{ field: 'name', label: p.type === 'ORGANISATION' ? '当事人（名称）' : '当事人（姓名）', value: p.name }];
  const add = (field: keyof Party, label: string) => {
    const v = p[field];
    if (typeof v === 'string' && v.trim() !== '') lines.push({ field, label, value: v });
  };
  add('creditCode', '统一社会信用代码');
  add('legalRepresentative', '法定代表人（负责人）');
  add('idNumber', '身份证件号码');
  add('address', p.type === 'ORGANISATION' ? '住所' : '住址');
  add('phone', '联系电话');
  return lines;
}

/** One line per penalty kind, amounts in capitals and figures. */
export function penaltyLines(p: Penalty): string[] {
  return p.kinds.map((k) => {
    if (k === 'FINE' && p.fineAmount !== undefined) return `罚款${zhAmount(p.fineAmount)}`;
    if (k === 'CONFISCATION') {
      const parts: string[] = [];
      if (p.confiscationAmount) parts.push(`没收违法所得${zhAmount(p.confiscationAmount)}`);
      if (p.confiscatedItems?.length) parts.push(`没收非法财物：${zhList(p.confiscatedItems.map((i) => `${i.description}${i.quantity}${i.unit}`))}`);
      return parts.length > 0 ? parts.join('；') : ZH_PENALTY[k];
    }
    return p.termDays ? `${ZH_PENALTY[k]}${zhCount(p.termDays)}日` : ZH_PENALTY[k];
  });
}

function titleOf(outcome: DecisionOutcome, simple: boolean): string {
  if (outcome !== 'PENALTY') return '不予行政处罚决定书';
  return simple ? '当场行政处罚决定书' : '行政处罚决定书';
}

/**
 * The decision's contents, or null while the case has none. A decision
 * recorded before the APL 59 contents were required falls back on the
 * report's findings, the citable evidence and the policy's payment period;
 * its remedy names the periods without the bodies it never recorded.
 */
export function decisionContent(state: CaseState, policy: JurisdictionPolicy): DecisionContent | null {
  const d = state.decision;
  if (!d) return null;
  const c = d.contents;
  const decidedOn = c?.decidedOn ?? localDate(d.decidedAt, policy.timeZone);
  const penalty = d.varied?.penalty ?? c?.penalty ?? d.penalty;
  const pay = policy.deadlines.payment;
  const performance = c?.performance
    ? { method: c.performance.method, days: c.performance.within.days, dayKind: c.performance.within.kind, source: c.performance.within.source }
    : !c && d.amountDue > 0
      ? { method: '到指定银行缴纳', days: pay.days, dayKind: pay.kind, source: pay.source }
      : undefined;
  const evidence = c?.evidence ?? state.evidence.filter(citable).map((e) => ({ evidenceId: e.evidenceId, title: e.title, kind: e.kind }));
  const content: DecisionContent = {
    title: titleOf(d.outcome, d.simple),
    agency: c?.agency ?? policy.jurisdiction,
    documentNumber: d.documentNumber,
    caseNumber: state.caseNumber,
    outcome: d.outcome,
    simple: d.simple,
    decidedOn,
    decidedOnZh: zhDate(decidedOn),
    party: partyLines(c?.party ?? state.party),
    facts: c?.facts ?? state.report?.findings ?? state.summary,
    evidence: evidence.map((e) => ({ ...e, kindZh: ZH_EVIDENCE_KIND[e.kind] })),
    legalBasis: c?.legalBasis ?? d.legalBasis ?? state.report?.legalBasis ?? '',
    amountDue: d.amountDue,
    remedy: {
      ...(c?.remedy ? { reconsiderationBody: c.remedy.reconsiderationBody, court: c.remedy.court } : {}),
      reconsiderationDays: c?.remedy?.reconsiderationDays ?? REMEDY_PERIODS.reconsiderationDays,
      reconsiderationSource: c?.remedy?.reconsiderationSource ?? REMEDY_PERIODS.reconsiderationSource,
      litigationMonths: c?.remedy?.litigationMonths ?? REMEDY_PERIODS.litigationMonths,
      litigationSource: c?.remedy?.litigationSource ?? REMEDY_PERIODS.litigationSource,
    },
  };
  if (d.outcome === 'PENALTY' && penalty) content.penalty = { kinds: [...penalty.kinds], lines: penaltyLines(penalty) };
  if (performance) content.performance = performance;
  return content;
}

const DAY_WORD: Readonly<Record<DayKind, string>> = { CALENDAR: '日', WORKING: '个工作日' };

/** The decision's text in reading order; the same for the PDF and the disclosure. */
export function decisionSections(c: DecisionContent): DocumentSection[] {
  const sections: DocumentSection[] = [{ paragraphs: c.party.map((l) => `${l.label}：${l.value}`) }];
  const name = c.party.find((l) => l.field === 'name')?.value ?? '当事人';
  const evidence = c.evidence.map((e, i) => `${i + 1}. ${e.title}（${e.kindZh}）`);
  sections.push({
    heading: '一、违法事实和证据',
    paragraphs: [`经查，${c.facts}`, ...(evidence.length > 0 ? ['以上事实有下列证据证明：', ...evidence] : [])],
  });
  if (c.outcome === 'PENALTY') {
    sections.push({
      heading: '二、行政处罚的种类和依据',
      paragraphs: [`依据${c.legalBasis}的规定，本机关决定对${name}作出如下行政处罚：`, ...(c.penalty?.lines ?? []).map((l, i) => `（${zhCount(i + 1)}）${l}。`)],
    });
  } else {
    const why = c.outcome === 'DISMISS' ? '违法事实不能成立' : '依法不予行政处罚';
    sections.push({ heading: '二、处理决定', paragraphs: [`依据${c.legalBasis}的规定，本机关认为当事人${why}，决定不予行政处罚。`] });
  }
  if (c.performance) {
    const p = c.performance;
    const total = c.amountDue > 0 ? `罚没款共计${zhAmount(c.amountDue)}，` : '';
    sections.push({
      heading: '三、履行方式和期限',
      paragraphs: [
        `${total}${p.method}。履行期限为自收到本决定书之日起${zhCount(p.days)}${DAY_WORD[p.dayKind]}。`,
        ...(c.amountDue > 0 ? ['到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额，并可以依法申请人民法院强制执行（《行政处罚法》第七十二条）。'] : []),
      ],
    });
  }
  const r = c.remedy;
  const reconsider = r.reconsiderationBody ? `向${r.reconsiderationBody}申请行政复议` : '依法申请行政复议';
  const sue = r.court ? `向${r.court}提起行政诉讼` : '依法提起行政诉讼';
  sections.push({
    heading: `${c.performance ? '四' : '三'}、申请行政复议或者提起行政诉讼的途径和期限`,
    paragraphs: [
      `当事人如不服本决定，可以在收到本决定书之日起${zhCount(r.reconsiderationDays)}日内${reconsider}（${r.reconsiderationSource}），` +
        `也可以在${zhCount(r.litigationMonths)}个月内${sue}（${r.litigationSource}）。` +
        (c.outcome === 'PENALTY' ? '申请行政复议或者提起行政诉讼期间，本决定不停止执行，法律另有规定的除外。' : ''),
    ],
  });
  return sections;
}
