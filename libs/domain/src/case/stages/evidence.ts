// 调查取证: evidence recorded by the case's officers (two in the ordinary
// procedure) and its chain of custody. Evidence keeps coming after the
// report: the officers' supplementary investigation (补充调查) and what the
// party submits with its defence or at its hearing (APL 45, 65); an item that
// changes the facts sends the case back to investigation for a new report.
// The first item collected by officers records that they showed their
// credentials and told the party of its rights (APL 55). Auxiliary staff
// attached to the case draft items (stages/auxiliary-staff.ts).

import type { CaseOfficer, PersonRef } from '../case-records';
import type { CaseState } from '../case-state';
import type { ActorSnapshot } from '../actor.types';
import { failWith, type Fail, type RejectionStatus } from '../rejection';
import { zhList } from '../messages';
import { checkNamedOfficers, hasRole } from '../rules/people';
import { Validator } from '../rules/validation';
import { EVIDENCE_KINDS, EVIDENCE_ORIGINS, type EvidenceKind, type EvidenceOrigin, HEARING_PENDING, INVESTIGATING, PRE_DECISION, OPEN_FILE } from '../vocabulary';
import { all, byRules, inStatus, invalid, notAllowed, payloadOf, stage, type ActorCheck, type Check, type HandlerContext } from './kit';
import { inForce } from '../rule-changes';
import { REOPENABLE, reopenInvestigation } from './notice';
import type { DiscretionBaseAmount } from '../case-records';
import type { ThresholdMet } from '../rules/criminal-thresholds';
import { withPriorPenalties } from '../rules/prior-penalties';
import type { PriorPenalty } from '../suspicion-records';
import { judgeEvidenceAmounts, raiseOnThresholds } from './suspected-crime';

/** The refusals only this stage gives. */
const CODES = {
  'EVIDENCE.DUPLICATE_ID': 422,
  'EVIDENCE.CUSTODY_MISMATCH': 422,
  'EVIDENCE.RIGHTS_NOTICE_MISSING': 422,
  'EVIDENCE.ORIGIN_MISMATCH': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type EvidenceCommand =
  | {
      type: 'RECORD_EVIDENCE';
      evidenceId: string;
      kind: EvidenceKind;
      title: string;
      collectedAt: string;
      collectors: ActorSnapshot[];
      location: string;
      sha256: string;
      sizeBytes: number;
      mediaType?: string;
      text?: string;
      source?: string;
      /** Where it comes from; by default the investigation before the report, supplementary investigation after it. */
      origin?: EvidenceOrigin;
      /** After the report: the item changes the facts found, and the case goes back to investigation for a new report. */
      changesFacts?: boolean;
      /** The collectors showed their enforcement certificates (执法证件) to the party (APL 55). */
      credentialsShown?: boolean;
      /** The collectors told the party of its rights: statement, defence, recusal (APL 55). */
      rightsExplained?: boolean;
      /** Figures the item states (sales, goods value ...), held against the policy's prosecution thresholds (under 'criminal-thresholds'). */
      amounts?: DiscretionBaseAmount[];
      /** The party's earlier penalties the item proves (under 'threshold-facts'): repeat-offence thresholds count them. */
      priorPenalties?: PriorPenalty[];
    }
  | { type: 'TRANSFER_CUSTODY'; evidenceId: string; from: string; to: string; at: string; reason: string };

export type EvidenceEvent =
  | {
      type: 'EVIDENCE_RECORDED';
      evidenceId: string;
      kind: EvidenceKind;
      title: string;
      collectedAt: string;
      collectors: CaseOfficer[];
      location: string;
      sha256: string;
      sizeBytes: number;
      mediaType?: string;
      text?: string;
      source?: string;
      recordedBy: PersonRef & { auxiliary: boolean };
      custodian: string;
      origin?: EvidenceOrigin;
      changesFacts?: true;
      /** The first collection by officers: credentials shown and rights told, by these officers (APL 55). */
      rightsNotice?: { credentialsShown: true; rightsExplained: true; officers: CaseOfficer[] };
      /** Drafted by auxiliary staff: not evidence until confirmed. */
      draft?: true;
      amounts?: DiscretionBaseAmount[];
      priorPenalties?: PriorPenalty[];
      /** The prosecution thresholds the amounts reached: they flag SUSPECTED_CRIME. */
      criminalThresholds?: ThresholdMet[];
    }
  | { type: 'CUSTODY_TRANSFERRED'; evidenceId: string; from: string; to: string; at: string; reason: string };

/** Evidence the report and the decision may rest on: recorded by officers, or drafted and confirmed by two of them. */
export function citable(e: { draft?: true; confirmedBy?: CaseOfficer[] }): boolean {
  return !e.draft || (e.confirmedBy?.length ?? 0) >= 2;
}

/** Evidence recorded since the current report that the decision must cite (or the case went back to investigation). */
export function evidenceSinceReport(s: CaseState): string[] {
  const since = s.report ? Date.parse(s.report.submittedAt) : undefined;
  if (since === undefined) return [];
  return s.evidence.filter((e) => e.origin !== undefined && e.origin !== 'INITIAL' && Date.parse(e.recordedAt) > since && citable(e)).map((e) => e.evidenceId);
}

const ORIGIN_ZH: Record<EvidenceOrigin, string> = {
  INITIAL: '调查终结前的调查取证',
  SUPPLEMENTARY: '补充调查',
  PARTY_DEFENCE: '当事人陈述申辩时提交',
  PARTY_HEARING: '当事人在听证中提交',
};

/** Where the evidence may come from now (null: any default), or why not. */
function originProblem(s: CaseState, origin: EvidenceOrigin): { en: string; zh: string } | null {
  switch (origin) {
    case 'INITIAL':
      return s.report === undefined ? null : { en: 'the investigation was reported on: further evidence is SUPPLEMENTARY or the party\'s', zh: '调查终结报告已提交：此后的证据属于补充调查或当事人提交的证据' };
    case 'SUPPLEMENTARY':
      return s.report !== undefined || (s.reopenings?.length ?? 0) > 0 ? null : { en: 'nothing has been reported yet: this is the investigation itself', zh: '尚未提交调查终结报告：此时属于调查取证本身' };
    case 'PARTY_DEFENCE':
      return s.notice !== undefined && PRE_DECISION.includes(s.status) ? null : { en: 'the party defends itself only once the pre-decision notice is served', zh: '当事人在行政处罚告知书送达后才进行陈述申辩' };
    case 'PARTY_HEARING':
      return [...HEARING_PENDING, 'HEARING_HELD'].includes(s.status) ? null : { en: 'no hearing is requested or held', zh: '当事人未申请听证或听证未举行' };
  }
}

const recordable: Check = byRules(
  (s, cmd) =>
    (s.procedure === 'ORDINARY' && INVESTIGATING.includes(s.status)) || (s.procedure === 'SIMPLE' && s.status === 'LEAD_REGISTERED')
      ? null
      : notAllowed(s, cmd, {
          en: 'evidence is collected from filing until the decision (simple procedure: before the on-the-spot decision)',
          zh: '证据自立案起至作出决定前收集（简易程序：在当场作出处罚决定前收集）',
        }),
  (s, cmd) =>
    (s.procedure === 'ORDINARY' && s.status === 'FILED') || (s.procedure === 'SIMPLE' && s.status === 'LEAD_REGISTERED')
      ? null
      : notAllowed(s, cmd, {
          en: 'evidence is collected after filing (simple procedure: before the on-the-spot decision)',
          zh: '证据在立案后收集（简易程序：在当场作出处罚决定前收集）',
        }),
  'evidence-after-report',
);

/** Auxiliary staff act only on a case they are attached to (the gate checks officers' assignment itself). */
const attachedIfAuxiliary: ActorCheck = (s, actor, opts) => {
  if (!inForce(opts, 'evidence-after-report') || hasRole(actor, 'OFFICER') || !hasRole(actor, 'AUXILIARY')) return null;
  if (s.auxiliaries?.some((a) => a.userId === actor.userId)) return null;
  return fail('CASE.NOT_ASSIGNED', {
    en: `${actor.name} is auxiliary staff not attached to case ${s.caseNumber}: an officer or the head attaches them first`,
    zh: `${actor.name}是未编入案件${s.caseNumber}的辅助人员：须先由承办人员或机关负责人指派`,
  });
};

type RecordCommand = Extract<EvidenceCommand, { type: 'RECORD_EVIDENCE' }>;

/** The rules that came with evidence after the report: origin, changed facts, rights notice, drafts. */
function afterReportRules(s: CaseState, cmd: RecordCommand, ctx: HandlerContext, collectors: CaseOfficer[], e: EvidenceEvent & { type: 'EVIDENCE_RECORDED' }): Fail | null {
  const v = new Validator(ctx.now);
  v.oneOf('origin', cmd.origin, EVIDENCE_ORIGINS, { optional: true });
  v.bool('changesFacts', cmd.changesFacts, { optional: true }).bool('credentialsShown', cmd.credentialsShown, { optional: true });
  v.bool('rightsExplained', cmd.rightsExplained, { optional: true });
  if (cmd.changesFacts === true && !PRE_DECISION.includes(s.status)) {
    v.add('changesFacts', { en: 'is given only after the investigation report: before it, the facts are still being found', zh: '仅在调查终结报告之后填写：此前案件事实仍在调查中' });
  }
  if (!v.ok) return invalid(v);
  const origin: EvidenceOrigin = cmd.origin ?? (s.report === undefined && (s.reopenings?.length ?? 0) === 0 ? 'INITIAL' : 'SUPPLEMENTARY');
  const problem = originProblem(s, origin);
  if (problem) {
    return fail('EVIDENCE.ORIGIN_MISMATCH', { en: `Evidence of origin ${origin} cannot be recorded now: ${problem.en}`, zh: `现在不能登记“${ORIGIN_ZH[origin]}”的证据：${problem.zh}` });
  }
  if (cmd.changesFacts === true && !(REOPENABLE as readonly string[]).includes(s.status)) {
    return notAllowed(s, cmd, {
      en: 'evidence that changes the facts sends the case back to investigation, which waits until the pending hearing or legal review is done; record it without changesFacts, or after that',
      zh: '改变案件事实的证据将使案件退回补充调查，须待听证或法制审核结束；可先不标记改变事实登记，或在其结束后登记',
    });
  }
  const byOfficers = origin === 'INITIAL' || origin === 'SUPPLEMENTARY';
  if (byOfficers && !s.rightsNotice) {
    if (cmd.credentialsShown !== true || cmd.rightsExplained !== true) {
      return fail('EVIDENCE.RIGHTS_NOTICE_MISSING', {
        en: 'At the first collection of evidence the officers show their enforcement certificates and tell the party of its rights (statement, defence, recusal); record both (credentialsShown, rightsExplained) (APL 55)',
        zh: '首次调查取证时，执法人员须出示执法证件，并告知当事人陈述、申辩、申请回避等权利；请记录已出示证件（credentialsShown）和已告知权利（rightsExplained）（《行政处罚法》第55条）',
      });
    }
    e.rightsNotice = { credentialsShown: true, rightsExplained: true, officers: collectors };
  }
  e.origin = origin;
  if (cmd.changesFacts === true) e.changesFacts = true;
  if (e.recordedBy.auxiliary) e.draft = true;
  return null;
}

export const evidence = stage<EvidenceCommand, EvidenceEvent>()(
  'evidence',
  {
    RECORD_EVIDENCE: {
      action: 'evidence',
      roles: ['OFFICER', 'AUXILIARY'],
      actorCheck: attachedIfAuxiliary,
      from: recordable,
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('evidenceId', cmd.evidenceId).oneOf('kind', cmd.kind, EVIDENCE_KINDS).text('title', cmd.title);
        v.instant('collectedAt', cmd.collectedAt, { notFuture: true }).text('location', cmd.location);
        v.sha256('sha256', cmd.sha256).integer('sizeBytes', cmd.sizeBytes, { min: 0 });
        v.text('mediaType', cmd.mediaType, { optional: true }).text('source', cmd.source, { optional: true });
        if (cmd.text !== undefined && typeof cmd.text !== 'string') v.add('text', { en: 'must be a string', zh: '须为文本' });
        if (v.array('collectors', cmd.collectors, { min: 1 })) cmd.collectors.forEach((o, i) => v.actor(`collectors[${i}]`, o));
        if (!v.ok) return invalid(v);

        if (s.evidence.some((e) => e.evidenceId === cmd.evidenceId)) {
          return fail('EVIDENCE.DUPLICATE_ID', {
            en: `Evidence ${cmd.evidenceId} is already recorded; evidence is never overwritten`,
            zh: `证据${cmd.evidenceId}已登记；证据不得覆盖`,
          });
        }
        const named = checkNamedOfficers(cmd.collectors, {
          min: s.procedure === 'ORDINARY' ? 2 : 1,
          date: ctx.date,
          agencyId: s.agencyId,
          field: 'collectors',
          recused: s.recusals.map((r) => r.userId),
        });
        if ('fail' in named) return named.fail;
        const outsiders = named.officers.filter((o) => !s.officers.some((a) => a.userId === o.userId));
        if (outsiders.length > 0) {
          return fail('CASE.COLLECTOR_NOT_ASSIGNED', {
            en: `Collectors must be officers assigned to the case: ${outsiders.map((o) => o.name).join(', ')} is not`,
            zh: `取证人员须为本案承办人员：${zhList(outsiders.map((o) => o.name))}不是`,
          });
        }
        const actor = ctx.actorSnapshot as ActorSnapshot;
        const e: EvidenceEvent = {
          type: 'EVIDENCE_RECORDED',
          evidenceId: cmd.evidenceId,
          kind: cmd.kind,
          title: cmd.title,
          collectedAt: cmd.collectedAt,
          collectors: named.officers,
          location: cmd.location,
          sha256: cmd.sha256,
          sizeBytes: cmd.sizeBytes,
          // Acting as auxiliary when the actor lacks the OFFICER role (the rule tries OFFICER first).
          recordedBy: { ...ctx.person, auxiliary: !hasRole(actor, 'OFFICER') },
          custodian: named.officers[0].userId,
        };
        if (cmd.mediaType !== undefined) e.mediaType = cmd.mediaType;
        if (cmd.text !== undefined) e.text = cmd.text;
        if (cmd.source !== undefined) e.source = cmd.source;
        if (inForce(ctx, 'evidence-after-report')) {
          const refused = afterReportRules(s, cmd, ctx, named.officers, e);
          if (refused) return refused;
        }
        if (inForce(ctx, 'criminal-thresholds')) {
          const refused = judgeEvidenceAmounts(s, { amounts: cmd.amounts, priorPenalties: cmd.priorPenalties }, ctx, e);
          if (refused) return refused;
        }
        return e;
      },
    },
    TRANSFER_CUSTODY: {
      action: 'evidence-custody',
      roles: ['OFFICER'],
      from: all(inStatus(OPEN_FILE), (s) => (s.evidence.length === 0 ? fail('EVIDENCE.NOT_FOUND', { en: 'The case has no evidence in custody', zh: '本案没有保管中的证据' }) : null)),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('evidenceId', cmd.evidenceId).text('from', cmd.from).text('to', cmd.to).text('reason', cmd.reason);
        v.instant('at', cmd.at, { notFuture: true });
        if (v.ok && cmd.from === cmd.to) v.add('to', { en: 'must differ from from', zh: '须与移交人（from）不同' });
        if (!v.ok) return invalid(v);
        const item = s.evidence.find((e) => e.evidenceId === cmd.evidenceId);
        if (!item) return fail('EVIDENCE.NOT_FOUND', { en: `No evidence ${cmd.evidenceId} in this case`, zh: `本案没有证据${cmd.evidenceId}` });
        if (item.custodian !== cmd.from) {
          return fail('EVIDENCE.CUSTODY_MISMATCH', {
            en: `Evidence ${cmd.evidenceId} is in the custody of ${item.custodian}, not ${cmd.from}`,
            zh: `证据${cmd.evidenceId}由${item.custodian}保管，而不是${cmd.from}`,
          });
        }
        return { type: 'CUSTODY_TRANSFERRED', evidenceId: cmd.evidenceId, from: cmd.from, to: cmd.to, at: cmd.at, reason: cmd.reason };
      },
    },
  },
  {
    EVIDENCE_RECORDED: (s, e, { at }) => {
      const { changesFacts, rightsNotice, criminalThresholds, priorPenalties, ...item } = payloadOf(e);
      s.evidence.push({ ...item, recordedAt: at, custody: [] });
      if (priorPenalties && !e.draft) s.priorPenalties = withPriorPenalties(s.priorPenalties, priorPenalties);
      raiseOnThresholds(s, criminalThresholds, at);
      if (rightsNotice && !s.rightsNotice) s.rightsNotice = { evidenceId: e.evidenceId, at: e.collectedAt, officers: rightsNotice.officers };
      if (changesFacts) {
        const reason = `Evidence ${e.evidenceId} (${e.title}) changes the facts: a new report follows / 证据“${e.title}”改变了案件事实，须重新提交调查终结报告`;
        reopenInvestigation(s, at, reason, { userId: e.recordedBy.userId, name: e.recordedBy.name }, e.evidenceId);
      }
    },
    CUSTODY_TRANSFERRED: (s, e) => {
      const item = s.evidence.find((x) => x.evidenceId === e.evidenceId);
      if (item) {
        item.custodian = e.to;
        item.custody.push({ from: e.from, to: e.to, at: e.at, reason: e.reason });
      }
    },
  },
  CODES,
);
