// The words of each document, from the case as the issuing event left it:
// who issues it, its number, title, addressee, body and date. Pure; the PDF
// layout (apps/jobs) only places these lines on the page.

import type { CaseState, Penalty } from '../case/case-state';
import type { JurisdictionPolicy } from '../policy/policy.types';
import { localDate } from '../calendar';
import { zhDate, zhList, ZH_LEVEL, ZH_OUTCOME, ZH_SERVICE, ZH_STATUS } from '../case/messages';
import { decisionContent, decisionSections, partyLines, penaltyLines, zhAmount, zhCount, type DocumentSection } from './decision-content';
import { ZH_DOCUMENT_KIND, type DocumentKind } from './document-kinds';

/** The event a document is issued on, as the event log keeps it. */
export interface SourceEvent {
  seq: number;
  type: string;
  occurredAt: string;
  payload: Record<string, unknown>;
  /** Who acted (the approving head, the officer...). */
  actorName: string;
}

export interface DocumentText {
  kind: DocumentKind;
  /** The issuing body (发文机关). */
  agency: string;
  number: string;
  title: string;
  caseNumber: string;
  /** To whom it is addressed (主送), when it is addressed. */
  addressee?: string;
  sections: DocumentSection[];
  /** The local date it is dated (成文日期), YYYY-MM-DD, and as printed. */
  date: string;
  dateZh: string;
  /** Lines left for signatures (the receipt's recipient...). */
  signatures?: string[];
}

/** 2026年3月25日9时30分, in the agency's zone. */
export function zhDateTime(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(Date.parse(instant)));
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? '0');
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? '0');
  return `${zhDate(instant, timeZone)}${hour}时${minute > 0 ? `${minute}分` : ''}`;
}

function penaltyText(p: Penalty | undefined): string[] {
  return p ? penaltyLines(p).map((l, i) => `（${zhCount(i + 1)}）${l}。`) : [];
}

function officersLine(s: CaseState): string {
  return zhList(s.officers.map((o) => `${o.name}（执法证号：${o.certificateNumber}）`));
}

type Builder = (s: CaseState, e: SourceEvent, policy: JurisdictionPolicy) => Omit<DocumentText, 'kind' | 'agency' | 'number' | 'caseNumber' | 'date' | 'dateZh' | 'title'> & { title?: string };

const BUILDERS: Readonly<Record<DocumentKind, Builder>> = {
  FILING_APPROVAL: (s, e, policy) => {
    const lim = s.filing?.limitation;
    return {
      title: ZH_DOCUMENT_KIND.FILING_APPROVAL,
      sections: [
        { paragraphs: [`案件编号：${s.caseNumber}`, `案件来源：${s.source}`, `发现日期：${zhDate(s.discoveredAt, policy.timeZone)}`, ...partyLines(s.party).map((l) => `${l.label}：${l.value}`)] },
        { heading: '案情摘要', paragraphs: [s.summary, `涉嫌违法行为：${s.violationCode}`] },
        ...(lim
          ? [{
              heading: '时效审查',
              paragraphs: [
                `违法行为发生日：${zhDate(lim.violationDate)}；发现日：${zhDate(lim.discoveredDate)}；追责时效${zhCount(lim.years)}年（${lim.source}），最迟发现日${zhDate(lim.lastDiscoveryDate)}，未超过追责时效。`,
              ],
            }]
          : []),
        { heading: '承办人员', paragraphs: [officersLine(s)] },
        { heading: '审批意见', paragraphs: [`同意立案。${s.filing?.reason ?? ''}`, `审批人：${s.filing?.decidedBy.name ?? e.actorName}`, `审批日期：${zhDate(e.occurredAt, policy.timeZone)}`] },
      ],
    };
  },
  PRE_DECISION_NOTICE: (s, _e, policy) => {
    const n = s.notice!;
    const defence = policy.deadlines.defence;
    const hearing = policy.deadlines.hearingRequest ?? defence;
    const within = (p: { days: number; kind: string }) => `${zhCount(p.days)}${p.kind === 'WORKING' ? '个工作日' : '日'}`;
    return {
      addressee: s.party.name,
      sections: [
        {
          paragraphs: [
            `本机关于${zhDate(s.filedAt ?? s.registeredAt, policy.timeZone)}对你（单位）涉嫌违法一案立案调查。经查，${s.report?.findings ?? s.summary}`,
            `依据${s.report?.legalBasis ?? ''}的规定，本机关拟对你（单位）作出如下行政处罚：`,
            ...penaltyText(n.proposedPenalty ?? s.report?.proposedPenalty),
            ...(s.report ? [`裁量情节：${ZH_LEVEL[s.report.circumstanceLevel]}。${s.report.discretionReasons ?? ''}`] : []),
          ],
        },
        {
          heading: '当事人的权利',
          paragraphs: [
            `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩，可以在收到本告知书之日起${within(defence)}内向本机关提出；逾期未提出的，视为放弃此权利。`,
            ...(n.hearingRightsNotified
              ? [`根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求听证，可以在收到本告知书之日起${within(hearing)}内向本机关提出；逾期未提出的，视为放弃此权利。`]
              : []),
            '本机关不因当事人陈述、申辩而给予更重的处罚。',
          ],
        },
      ],
    };
  },
  HEARING_NOTICE: (s, _e, policy) => {
    const h = s.hearing!;
    return {
      addressee: s.party.name,
      sections: [
        {
          paragraphs: [
            `根据你（单位）于${zhDate(h.requestedAt, policy.timeZone)}提出的听证申请，本机关定于${zhDateTime(h.hearingAt!, policy.timeZone)}在${h.location}就你（单位）涉嫌违法一案（案件编号：${s.caseNumber}）举行听证。`,
            h.isPublic === false ? `本次听证不公开举行（${h.reasonNotPublic ?? ''}）。` : '本次听证公开举行。',
            `听证主持人：${h.host?.name ?? ''}。`,
          ],
        },
        {
          heading: '注意事项',
          paragraphs: [
            '一、你（单位）可以亲自参加听证，也可以委托一至二人代理；委托代理人参加的，应当提交授权委托书。',
            '二、你（单位）认为主持人与本案有直接利害关系的，有权申请回避（《中华人民共和国行政处罚法》第六十四条）。',
            '三、无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。',
          ],
        },
      ],
    };
  },
  HEARING_REPORT: (s, _e, policy) => {
    const h = s.hearing!;
    return {
      title: ZH_DOCUMENT_KIND.HEARING_REPORT,
      sections: [
        {
          paragraphs: [
            `案件编号：${s.caseNumber}`,
            `听证时间：${zhDateTime(h.heldAt ?? h.hearingAt!, policy.timeZone)}`,
            `听证地点：${h.location ?? ''}`,
            `听证主持人：${h.host?.name ?? ''}`,
            `当事人：${s.party.name}`,
            `案件调查人员：${officersLine(s)}`,
          ],
        },
        { heading: '听证笔录', paragraphs: [h.record ?? ''] },
        { heading: '听证报告', paragraphs: [h.report ?? ''] },
      ],
      signatures: ['听证主持人（签名）：', '记录人（签名）：'],
    };
  },
  DECISION: (s, _e, policy) => {
    const c = decisionContent(s, policy)!;
    return { title: c.title, sections: decisionSections(c) };
  },
  SERVICE_RECEIPT: (s, _e, policy) => {
    const sv = s.service!;
    const d = s.decision!;
    return {
      title: ZH_DOCUMENT_KIND.SERVICE_RECEIPT,
      sections: [
        {
          paragraphs: [
            `送达文书：${decisionContent(s, policy)!.title}（${d.documentNumber}）`,
            `受送达人：${sv.recipient}`,
            `送达方式：${ZH_SERVICE[sv.method]}`,
            `送达时间：${zhDateTime(sv.servedAt, policy.timeZone)}`,
            ...(sv.deemedServedAt !== sv.servedAt ? [`视为送达日期：${zhDate(sv.deemedServedAt, policy.timeZone)}`] : []),
            `送达人：${sv.servedBy.name}`,
            ...(sv.witnesses?.length ? [`见证人：${zhList(sv.witnesses)}`] : []),
            ...(sv.videoRecorded ? ['送达过程已录音录像。'] : []),
            `送达凭证：${sv.proof}`,
          ],
        },
      ],
      signatures: ['受送达人（签名或盖章）：', '送达人（签名）：'],
    };
  },
  TRANSFER_LETTER: (s, _e, policy) => {
    const t = s.transfer!;
    const dispatch = t.dispatch!;
    return {
      addressee: dispatch.policeAgency,
      sections: [
        {
          paragraphs: [
            `本机关在查处${s.party.name}涉嫌违法一案（案件编号：${s.caseNumber}）中，发现其涉嫌犯罪：${t.grounds}${t.thresholdFacts ? `（${t.thresholdFacts}）` : ''}。`,
            `经本机关负责人于${zhDate(t.approval?.at ?? dispatch.sentAt, policy.timeZone)}批准，根据《行政执法机关移送涉嫌犯罪案件的规定》第三条、第六条的规定，现将该案移送你局依法处理，并抄送${dispatch.procuratorate}。`,
            `移送人员：${zhList(t.officers.map((o) => o.name))}`,
          ],
        },
        { heading: '附：移送材料清单', paragraphs: dispatch.documents.map((d, i) => `${i + 1}. ${d}`) },
      ],
    };
  },
  CLOSING_APPROVAL: (s, e, policy) => {
    const d = s.decision;
    const outcome = d ? `${ZH_OUTCOME[d.outcome]}（${d.documentNumber}）` : ZH_STATUS[s.status];
    return {
      title: ZH_DOCUMENT_KIND.CLOSING_APPROVAL,
      sections: [
        { paragraphs: [`案件编号：${s.caseNumber}`, ...partyLines(s.party).map((l) => `${l.label}：${l.value}`), `案情摘要：${s.summary}`, `承办人员：${officersLine(s)}`] },
        {
          heading: '处理及执行情况',
          paragraphs: [
            `处理结果：${outcome}`,
            ...(d?.penalty ? penaltyText(d.varied?.penalty ?? d.penalty) : []),
            ...(d && d.amountDue > 0 ? [`应缴罚没款${zhAmount(d.amountDue)}，已缴${zhAmount(s.amountPaid)}。`] : []),
            ...(s.terminatedAt ? [`案件于${zhDate(s.terminatedAt, policy.timeZone)}终止调查。`] : []),
          ],
        },
        { heading: '结案理由', paragraphs: [String(e.payload.summary ?? s.closure?.summary ?? '')] },
        { heading: '审批意见', paragraphs: ['同意结案。', `审批人：${e.actorName}`, `审批日期：${zhDate(e.occurredAt, policy.timeZone)}`] },
      ],
    };
  },
};

/** The document of `kind` issued on event `e`, from the case as `e` left it. */
export function documentText(kind: DocumentKind, s: CaseState, e: SourceEvent, policy: JurisdictionPolicy, agency: string, number: string): DocumentText {
  const date = localDate(e.occurredAt, policy.timeZone);
  const built = BUILDERS[kind](s, e, policy);
  return {
    kind,
    agency,
    number,
    caseNumber: s.caseNumber,
    date,
    dateZh: zhDate(date),
    ...built,
    title: built.title ?? ZH_DOCUMENT_KIND[kind],
  };
}
