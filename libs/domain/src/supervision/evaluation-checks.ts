// The checks of the automated case-file evaluation (案卷评查): each reads the
// case as its chain folded it, and the chain itself for the event a finding
// rests on. A check that does not concern the case (no decision yet, no
// hearing offered) is NOT_APPLICABLE and does not count in the score.

import type { CaseState } from '../case/case-state';
import type { DeadlineKind } from '../case/vocabulary';
import { investigatorIds } from '../case/rules/people';
import { localDate } from '../calendar';
import { msg, type Message } from '../case/messages';

/** One event of the chain as the evaluation reads it. */
export interface EvaluatedEvent {
  seq: number;
  type: string;
  at: string;
  payload: Record<string, unknown>;
}

/** Whether a certificate was valid on a local date (from the people register); UNKNOWN: no such certificate. */
export type CertificateLookup = (certificateNumber: string, date: string) => 'VALID' | 'INVALID' | 'UNKNOWN';

/** The archive package as verified when the case was evaluated (signature, every file, the chain, the recorded manifest hash). */
export interface ArchiveCheckInput {
  valid: boolean;
  /** Each failure, as the verifier names it (e.g. `FILE_HASH_MISMATCH events/0003.json`). */
  problems: string[];
}

export interface EvaluationInput {
  state: CaseState;
  events: EvaluatedEvent[];
  timeZone: string;
  certificates: CertificateLookup;
  /** The recorded package verified now; absent when the case records none (not archived, or archived before packages). */
  archive?: ArchiveCheckInput;
}

export type CheckResult = 'PASS' | 'FAIL' | 'NOT_APPLICABLE';

export interface CheckOutcome {
  result: CheckResult;
  detail: Message;
  /** The event the finding rests on. */
  seq?: number;
}

export interface EvaluationCheck {
  id: string;
  title: Message;
  /** The legal source of the requirement. */
  source: string;
  run(input: EvaluationInput): CheckOutcome;
}

const pass = (detail: Message, seq?: number): CheckOutcome => ({ result: 'PASS', detail, ...(seq !== undefined ? { seq } : {}) });
const failed = (detail: Message, seq?: number): CheckOutcome => ({ result: 'FAIL', detail, ...(seq !== undefined ? { seq } : {}) });
const notApplicable = (detail: Message): CheckOutcome => ({ result: 'NOT_APPLICABLE', detail });

function first(events: EvaluatedEvent[], type: string): EvaluatedEvent | undefined {
  return events.find((e) => e.type === type);
}
function last(events: EvaluatedEvent[], type: string): EvaluatedEvent | undefined {
  return [...events].reverse().find((e) => e.type === type);
}
function missed(events: EvaluatedEvent[], kind: DeadlineKind): EvaluatedEvent | undefined {
  return events.find((e) => e.type === 'DEADLINE_MISSED' && e.payload.deadline === kind);
}
const before = (a: string, b: string): boolean => Date.parse(a) < Date.parse(b);

/** A penalty decision in the ordinary procedure: the steps before a decision concern it. */
function ordinaryPenalty(s: CaseState): boolean {
  return s.procedure === 'ORDINARY' && s.decision !== undefined && s.decision.outcome === 'PENALTY';
}

/** A deadline that was met on time, met late, missed, or never ran. */
function timeliness(input: EvaluationInput, kind: DeadlineKind, what: Message): CheckOutcome {
  const tz = input.timeZone;
  const gone = missed(input.events, kind);
  if (gone) return failed(msg(`${what.en} was missed (due ${localDate(String(gone.payload.dueAt), tz)})`, `${what.zh}已逾期（期限${localDate(String(gone.payload.dueAt), tz)}）`), gone.seq);
  const d = input.state.deadlines[kind];
  if (!d || d.state === 'CANCELLED') return notApplicable(msg(`${what.en} did not run in this case`, `本案未计${what.zh}`));
  if (d.state === 'MET' && d.late) return failed(msg(`${what.en} was met late (${localDate(d.metAt ?? d.dueAt, tz)}, due ${localDate(d.dueAt, tz)})`, `${what.zh}逾期履行（${localDate(d.metAt ?? d.dueAt, tz)}，期限${localDate(d.dueAt, tz)}）`));
  if (d.state === 'MET') return pass(msg(`${what.en} met on ${localDate(d.metAt ?? d.dueAt, tz)} (due ${localDate(d.dueAt, tz)}; ${d.basis.source})`, `${what.zh}已按期履行（期限${localDate(d.dueAt, tz)}，${d.basis.source}）`));
  return notApplicable(msg(`${what.en} is still running (due ${localDate(d.dueAt, tz)})`, `${what.zh}尚在进行（期限${localDate(d.dueAt, tz)}）`));
}

export const EVALUATION_CHECKS: readonly EvaluationCheck[] = [
  {
    id: 'filing-approved',
    title: msg('Filing approved by the head before the investigation was reported', '立案经负责人批准后方开展调查、形成调查终结报告'),
    source: 'APL 54; MSA 19–20',
    run: ({ state: s, events, timeZone: tz }) => {
      if (s.procedure !== 'ORDINARY') return notApplicable(msg('Simple procedure: no filing', '简易程序无须立案'));
      const filed = first(events, 'FILING_APPROVED');
      const report = first(events, 'INVESTIGATION_REPORTED');
      if (!report) return filed ? pass(msg('Filed; no report yet', '已立案，尚未形成调查终结报告'), filed.seq) : notApplicable(msg('Not filed and not investigated', '尚未立案'));
      if (!filed || filed.seq > report.seq) return failed(msg('The investigation was reported without an approved filing before it', '调查终结报告前无经批准的立案'), report.seq);
      return pass(msg(`Filing approved on ${localDate(filed.at, tz)} by ${s.filing?.decidedBy.name ?? 'the head'}`, `${s.filing?.decidedBy.name ?? '负责人'}于${localDate(filed.at, tz)}批准立案`), filed.seq);
    },
  },
  {
    id: 'filing-in-time',
    title: msg('Filing decided within its limit', '在规定期限内决定是否立案'),
    source: 'MSA 18',
    run: (input) => (input.state.procedure === 'ORDINARY' ? timeliness(input, 'filingDecision', msg('The filing decision', '立案决定期限')) : notApplicable(msg('Simple procedure: no filing', '简易程序无须立案'))),
  },
  {
    id: 'evidence-two-officers',
    title: msg('Every evidence item collected by at least two officers with certificates valid that day', '每项证据由两名以上持有效执法证的执法人员收集'),
    source: 'APL 42, 55',
    run: ({ state: s, events, timeZone, certificates }) => {
      const items = s.evidence.filter((e) => !e.draft && e.origin !== 'PARTY_DEFENCE' && e.origin !== 'PARTY_HEARING');
      if (items.length === 0) return notApplicable(msg('No evidence collected by officers', '无执法人员收集的证据'));
      for (const item of items) {
        const seq = events.find((e) => e.type === 'EVIDENCE_RECORDED' && e.payload.evidenceId === item.evidenceId)?.seq;
        const officers = item.confirmedBy ?? item.collectors;
        const distinct = new Set(officers.map((o) => o.userId));
        if (distinct.size < 2) return failed(msg(`"${item.title}" was collected by ${distinct.size} officer(s)`, `证据“${item.title}”仅由${distinct.size}名执法人员收集`), seq);
        const day = localDate(item.collectedAt, timeZone);
        for (const o of officers) {
          const valid = certificates(o.certificateNumber, day);
          if (valid !== 'VALID') {
            return failed(
              msg(`"${item.title}": ${o.name}'s certificate ${o.certificateNumber} was not valid on ${day}`, `证据“${item.title}”：${o.name}的执法证${o.certificateNumber}在${day}无效`),
              seq,
            );
          }
        }
      }
      return pass(msg(`${items.length} item(s), each by two or more certified officers`, `${items.length}项证据均由两名以上持证执法人员收集`));
    },
  },
  {
    id: 'rights-told',
    title: msg('Certificates shown and rights told at the first collection', '首次取证时出示执法证件并告知当事人权利'),
    source: 'APL 55',
    run: ({ state: s, events, timeZone: tz }) => {
      const collected = s.evidence.some((e) => e.origin === undefined || e.origin === 'INITIAL' || e.origin === 'SUPPLEMENTARY');
      if (!collected) return notApplicable(msg('No evidence collected by officers', '无执法人员收集的证据'));
      if (!s.rightsNotice) return failed(msg('No record that the party was told its rights at the first collection', '无首次取证时告知当事人权利的记录'));
      const seq = events.find((e) => e.type === 'EVIDENCE_RECORDED' && e.payload.evidenceId === s.rightsNotice?.evidenceId)?.seq;
      return pass(msg(`Told on ${localDate(s.rightsNotice.at, tz)}`, `已于${localDate(s.rightsNotice.at, tz)}告知`), seq);
    },
  },
  {
    id: 'review-independent',
    title: msg('Case reviewed by someone who did not investigate it', '案件由未参与调查的人员审核'),
    source: 'APL 58; MSA 49–55 (查审分离)',
    run: ({ state: s, events }) => {
      if (!ordinaryPenalty(s)) return notApplicable(msg('No ordinary penalty decision', '无一般程序处罚决定'));
      const reviewed = last(events, 'CASE_REVIEWED');
      if (!s.review || !reviewed) return failed(msg('The decision was made without a case review', '作出决定前未经案件审核'), first(events, 'DECISION_MADE')?.seq);
      if (investigatorIds(s).has(s.review.reviewer.userId)) return failed(msg(`${s.review.reviewer.name} investigated the case and reviewed it`, `${s.review.reviewer.name}既参与调查又审核本案`), reviewed.seq);
      return pass(msg(`Reviewed by ${s.review.reviewer.name}`, `由${s.review.reviewer.name}审核`), reviewed.seq);
    },
  },
  {
    id: 'notice-approved-served',
    title: msg('Notice approved by the head and served before the decision', '事先告知经负责人批准并在决定前送达'),
    source: 'APL 44–45, 62',
    run: ({ state: s, events, timeZone: tz }) => {
      if (!ordinaryPenalty(s)) return notApplicable(msg('No ordinary penalty decision', '无一般程序处罚决定'));
      const served = last(events, 'NOTICE_SERVED');
      const decided = first(events, 'DECISION_MADE');
      if (!s.notice || !served) return failed(msg('The decision was made without a served notice', '作出决定前未送达事先告知书'), decided?.seq);
      if (!s.noticeApproval) return failed(msg('The notice carries no head’s approval', '事先告知书未经负责人批准'), served.seq);
      if (decided && decided.seq < served.seq) return failed(msg('The decision precedes the notice', '决定先于事先告知'), decided.seq);
      return pass(msg(`Approved by ${s.noticeApproval.approvedBy.name}; served ${s.notice.service.method} on ${localDate(s.notice.service.servedAt, tz)}`, `经${s.noticeApproval.approvedBy.name}批准，于${localDate(s.notice.service.servedAt, tz)}送达`), served.seq);
    },
  },
  {
    id: 'defence-window',
    title: msg('Statement and defence window respected before deciding', '陈述、申辩期限届满或当事人陈述申辩后方作出决定'),
    source: 'APL 44–45, 62',
    run: ({ state: s, events, timeZone: tz }) => {
      if (!ordinaryPenalty(s)) return notApplicable(msg('No ordinary penalty decision', '无一般程序处罚决定'));
      const decided = first(events, 'DECISION_MADE')!;
      const defence = last(events, 'DEFENCE_RECORDED');
      if (defence && defence.seq < decided.seq) return pass(msg(s.defence?.waived ? 'The party waived its defence' : 'The party’s defence was heard', s.defence?.waived ? '当事人放弃陈述申辩' : '已听取当事人陈述申辩'), defence.seq);
      const d = s.deadlines.defence;
      if (d && !before(decided.at, d.dueAt)) return pass(msg(`Decided after the defence period ended (${localDate(d.dueAt, tz)})`, `陈述申辩期限（${localDate(d.dueAt, tz)}）届满后作出决定`), decided.seq);
      return failed(msg('Decided while the party could still state its defence', '陈述申辩期限内作出决定'), decided.seq);
    },
  },
  {
    id: 'hearing-window',
    title: msg('Hearing right respected where it was offered', '告知听证权利的，听证申请期限届满、当事人放弃或听证结束后方作出决定'),
    source: 'APL 63–64',
    run: ({ state: s, events, timeZone: tz }) => {
      if (!ordinaryPenalty(s) || !s.notice?.hearingRightsNotified) return notApplicable(msg('No hearing right was notified', '本案无须告知听证权利'));
      const decided = first(events, 'DECISION_MADE')!;
      const settled = [...events].reverse().find((e) => e.seq < decided.seq && ['HEARING_HELD', 'HEARING_ENDED', 'HEARING_WAIVED'].includes(e.type));
      if (settled) return pass(msg(`Hearing ${settled.type === 'HEARING_HELD' ? 'held' : 'waived or ended'} before the decision`, settled.type === 'HEARING_HELD' ? '决定前已举行听证' : '决定前当事人放弃听证或听证终止'), settled.seq);
      if (s.hearingWaiver && before(s.hearingWaiver.at, decided.at)) {
        const waiver = [...events].reverse().find((e) => e.seq < decided.seq && (e.type === 'HEARING_WAIVED' || (e.type === 'DEFENCE_RECORDED' && e.payload.hearingWaived === true)));
        return pass(msg(`The party waived its hearing on ${localDate(s.hearingWaiver.at, tz)}`, `当事人于${localDate(s.hearingWaiver.at, tz)}放弃听证`), waiver?.seq);
      }
      if (s.hearing?.requestedAt) return failed(msg('A hearing was requested and the decision came before it', '当事人申请听证，未经听证即作出决定'), decided.seq);
      const d = s.deadlines.hearingRequest;
      if (!d || !before(decided.at, d.dueAt)) return pass(msg('Decided after the hearing-request window closed', '听证申请期限届满后作出决定'), decided.seq);
      return failed(msg('Decided while a hearing could still be requested', '听证申请期限内作出决定'), decided.seq);
    },
  },
  {
    id: 'legal-review',
    title: msg('Legal review passed before a decision that needs it', '需要法制审核的，经审核通过后方作出决定'),
    source: 'APL 58',
    run: ({ state: s, events }) => {
      const grounds = s.reviewGrounds?.legalReview ?? [];
      if (!s.decision || grounds.length === 0) return notApplicable(msg('No legal review required', '本案无须法制审核'));
      const decided = first(events, 'DECISION_MADE');
      const approved = [...events].reverse().find((e) => e.type === 'LEGAL_REVIEW_RECORDED' && e.payload.opinion === 'APPROVE' && (!decided || e.seq < decided.seq));
      if (!approved) return failed(msg(`Decided without an approving legal review (${grounds.join('; ')})`, `需法制审核（${grounds.join('；')}）而未经审核通过即作出决定`), decided?.seq);
      return pass(msg(`Approved by ${s.legalReview?.reviewer?.name ?? 'the reviewer'}`, `经${s.legalReview?.reviewer?.name ?? '审核人员'}审核通过`), approved.seq);
    },
  },
  {
    id: 'collective-discussion',
    title: msg('Collective discussion where required', '需要集体讨论的，经集体讨论决定'),
    source: 'APL 57',
    run: ({ state: s, events }) => {
      const grounds = s.reviewGrounds?.collectiveDiscussion ?? [];
      if (!s.decision || grounds.length === 0) return notApplicable(msg('No collective discussion required', '本案无须集体讨论'));
      const decided = first(events, 'DECISION_MADE');
      const held = [...events].reverse().find((e) => e.type === 'COLLECTIVE_DISCUSSION_RECORDED' && (!decided || e.seq < decided.seq));
      if (!held) return failed(msg(`Decided without the collective discussion required (${grounds.join('; ')})`, `需集体讨论（${grounds.join('；')}）而未经集体讨论`), decided?.seq);
      return pass(msg('Discussed collectively before the decision', '决定前已集体讨论'), held.seq);
    },
  },
  {
    id: 'benchmark',
    title: msg('Fine within the discretion benchmark', '罚款数额符合裁量基准'),
    source: 'APL 34',
    run: ({ state: s, events }) => {
      const fine = s.decision?.penalty?.fineAmount;
      const finding = s.report?.discretion;
      if (fine === undefined || !finding) return notApplicable(msg('No fine judged against a benchmark', '无适用裁量基准的罚款'));
      const decided = first(events, 'DECISION_MADE');
      const range = finding.range ?? finding.statutory;
      if (finding.mitigatedBelowMinimum) return pass(msg(`¥${fine}: mitigated below the minimum with reasons (${finding.source})`, `罚款${fine}元：依法减轻处罚（${finding.source}）`), decided?.seq);
      if (fine < range.min || fine > range.max) return failed(msg(`¥${fine} outside ¥${range.min}–${range.max} (${finding.level}, ${finding.source})`, `罚款${fine}元超出裁量范围${range.min}至${range.max}元（${finding.source}）`), decided?.seq);
      return pass(msg(`¥${fine} within ¥${range.min}–${range.max} (${finding.source})`, `罚款${fine}元在裁量范围${range.min}至${range.max}元内（${finding.source}）`), decided?.seq);
    },
  },
  {
    id: 'decision-in-time',
    title: msg('Decision within its limit, net of lawful pauses', '在办案期限内（扣除依法不计入的期间）作出决定'),
    source: 'APL 60',
    run: (input) => (input.state.procedure === 'ORDINARY' ? timeliness(input, 'decision', msg('The decision limit', '办案期限')) : notApplicable(msg('Simple procedure: decided on the spot', '简易程序当场作出决定'))),
  },
  {
    id: 'service',
    title: msg('Decision served in time by a valid method', '决定书依法按期送达'),
    source: 'APL 61',
    run: (input) => {
      const sv = input.state.service;
      if (!input.state.decision) return notApplicable(msg('No decision', '尚无决定'));
      if (!sv) return input.state.deadlines.service ? timeliness(input, 'service', msg('Service', '送达期限')) : failed(msg('The decision was never served', '决定书未送达'));
      const seq = first(input.events, 'DECISION_SERVED')?.seq;
      if (sv.method === 'ELECTRONIC' && !sv.consentToElectronic) return failed(msg('Served electronically without the party’s consent', '未经当事人同意电子送达'), seq);
      if (sv.method === 'REFUSED' && !(sv.witnesses?.length || sv.videoRecorded)) return failed(msg('Left without witnesses or video', '留置送达无见证人或录像'), seq);
      const timely = timeliness(input, 'service', msg('Service', '送达期限'));
      return timely.result === 'FAIL' ? timely : pass(msg(`Served ${sv.method} on ${localDate(sv.servedAt, input.timeZone)}`, `已于${localDate(sv.servedAt, input.timeZone)}送达`), seq);
    },
  },
  {
    id: 'disclosure',
    title: msg('Decision disclosed on time', '行政处罚决定按期公示'),
    source: 'APL 48; 国办发〔2018〕118号',
    run: (input) => (input.state.decision ? timeliness(input, 'disclosure', msg('Disclosure', '公示期限')) : notApplicable(msg('No decision', '尚无决定'))),
  },
  {
    id: 'transfer',
    title: msg('A suspected crime transferred, or not transferred by a reasoned decision', '涉嫌犯罪的依法移送或经负责人说明理由决定不移送'),
    source: 'R310 3, 11; APL 27',
    run: ({ state: s, events }) => {
      const flagged = first(events, 'SUSPECTED_CRIME_FLAGGED') ?? first(events, 'TRANSFER_PROPOSED');
      if (!flagged) return notApplicable(msg('No suspected crime was raised', '未发现涉嫌犯罪'));
      const late = events.find((e) => e.type === 'DEADLINE_MISSED' && ['transferApproval', 'transferDispatch', 'transferMaterialSupply', 'transferHandover'].includes(String(e.payload.deadline)));
      if (late) return failed(msg(`The transfer's ${String(late.payload.deadline)} limit was missed`, `移送环节期限（${String(late.payload.deadline)}）逾期`), late.seq);
      if (s.suspectedCrime) return failed(msg('A suspected crime is still unresolved', '涉嫌犯罪尚未依法处理'), flagged.seq);
      const resolved = last(events, 'TRANSFER_DISPATCHED') ?? last(events, 'NOT_TO_TRANSFER_DECIDED') ?? last(events, 'TRANSFER_REFUSED');
      return pass(msg('Handled: transferred or not transferred with reasons', '已依法移送或说明理由决定不移送'), resolved?.seq ?? flagged.seq);
    },
  },
  {
    id: 'archived',
    title: msg('Closed and archived, the archive package complete and verified', '结案并归档，归档包完整且核验通过'),
    source: 'MSA 77–79',
    run: ({ state: s, events, timeZone: tz, archive }) => {
      const archived = last(events, 'CASE_ARCHIVED');
      if (archived) {
        const on = localDate(archived.at, tz);
        if (!s.archive?.package) return failed(msg(`Archived on ${on} without a signed archive package`, `已于${on}归档，但没有签名的归档包`), archived.seq);
        if (!archive) return failed(msg(`Archived on ${on}; its package was not verified`, `已于${on}归档，归档包未经核验`), archived.seq);
        if (!archive.valid) {
          const found = archive.problems.slice(0, 3).join('; ');
          return failed(msg(`Archived on ${on}, but its package does not verify: ${found}`, `已于${on}归档，但归档包核验不通过：${found}`), archived.seq);
        }
        return pass(msg(`Archived on ${on}; its signed package verifies`, `已于${on}归档，签名归档包核验通过`), archived.seq);
      }
      if (s.status === 'CLOSED') return failed(msg('Closed but not archived', '已结案但未归档'), last(events, 'CASE_CLOSED')?.seq);
      return notApplicable(msg('Not closed yet', '尚未结案'));
    },
  },
];
