// 调查取证: evidence recorded by the case's officers (two in the ordinary
// procedure), its chain of custody, and the investigation report (调查终结报告).

import type { CaseOfficer, DecisionAssessment, Penalty, PersonRef } from '../case-records';
import type { ActorSnapshot } from '../actor.types';
import { armDeadline, cancelDeadline } from '../deadlines';
import { failWith, type RejectionStatus } from '../rejection';
import { zhDate, zhList, zhOf, ZH_LEVEL } from '../messages';
import { assessPenalty, heavierThan, validatePenalty } from '../rules/penalty';
import { type DiscretionBaseAmount, type DiscretionFinding, judgeReport, validateDiscretionBases, withDiscretion } from '../rules/discretion';
import { checkNamedOfficers, hasRole } from '../rules/people';
import { ms, Validator } from '../rules/validation';
import { CIRCUMSTANCE_LEVELS, type CircumstanceLevel, EVIDENCE_KINDS, type EvidenceKind, PROPOSED_OUTCOMES, type ProposedOutcome, UNSEALED } from '../vocabulary';
import { all, inStatus, invalid, notAllowed, payloadOf, stage } from './kit';
import { inForce } from '../rule-changes';

/** The refusals only this stage gives. */
const CODES = {
  'REPORT.EXEMPT_WITH_PENALTY': 422,
  'REPORT.DISCRETION_REASONS_REQUIRED': 422,
  'REPORT.HEAVIER_AFTER_DEFENCE': 422,
  'CASE.COLLECTOR_NOT_ASSIGNED': 422,
  'EVIDENCE.DUPLICATE_ID': 422,
  'EVIDENCE.NOT_FOUND': 422,
  'EVIDENCE.CUSTODY_MISMATCH': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type InvestigationCommand =
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
    }
  | { type: 'TRANSFER_CUSTODY'; evidenceId: string; from: string; to: string; at: string; reason: string }
  | {
      type: 'SUBMIT_INVESTIGATION_REPORT';
      findings: string;
      proposedOutcome: ProposedOutcome;
      proposedPenalty?: Penalty;
      legalBasis: string;
      circumstanceLevel: CircumstanceLevel;
      discretionReasons?: string;
      /** The figures the discretion benchmark needs (goods value, illegal gains, ...). */
      discretionBases?: DiscretionBaseAmount[];
    };

export type InvestigationEvent =
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
    }
  | { type: 'CUSTODY_TRANSFERRED'; evidenceId: string; from: string; to: string; at: string; reason: string }
  | {
      type: 'INVESTIGATION_REPORTED';
      findings: string;
      proposedOutcome: ProposedOutcome;
      proposedPenalty?: Penalty;
      legalBasis: string;
      circumstanceLevel: CircumstanceLevel;
      discretionReasons?: string;
      discretionBases?: DiscretionBaseAmount[];
      /** The benchmark's band and range the proposed fine was judged in (absent: no benchmark, or recorded before the rule). */
      discretion?: DiscretionFinding;
      assessment: DecisionAssessment;
      submittedBy: PersonRef;
      /** The case-review limit runs from the report (MSA 49–55; policy). */
      reviewLimit?: true;
    };

export const investigation = stage<InvestigationCommand, InvestigationEvent>()(
  'investigation',
  {
    RECORD_EVIDENCE: {
      action: 'evidence',
      roles: ['OFFICER', 'AUXILIARY'],
      from: (s, cmd) =>
        (s.procedure === 'ORDINARY' && s.status === 'FILED') || (s.procedure === 'SIMPLE' && s.status === 'LEAD_REGISTERED')
          ? null
          : notAllowed(s, cmd, {
              en: 'evidence is collected after filing (simple procedure: before the on-the-spot decision)',
              zh: '证据在立案后收集（简易程序：在当场作出处罚决定前收集）',
            }),
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
        const e: InvestigationEvent = {
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
        return e;
      },
    },
    TRANSFER_CUSTODY: {
      action: 'evidence-custody',
      roles: ['OFFICER'],
      from: all(inStatus(UNSEALED), (s) => (s.evidence.length === 0 ? fail('EVIDENCE.NOT_FOUND', { en: 'The case has no evidence in custody', zh: '本案没有保管中的证据' }) : null)),
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
    SUBMIT_INVESTIGATION_REPORT: {
      action: 'investigation-report',
      roles: ['OFFICER'],
      from: inStatus(['FILED']),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('findings', cmd.findings).oneOf('proposedOutcome', cmd.proposedOutcome, PROPOSED_OUTCOMES);
        v.text('legalBasis', cmd.legalBasis).oneOf('circumstanceLevel', cmd.circumstanceLevel, CIRCUMSTANCE_LEVELS);
        v.text('discretionReasons', cmd.discretionReasons, { optional: true });
        validateDiscretionBases(v, 'discretionBases', cmd.discretionBases);
        if (cmd.proposedOutcome === 'PENALTY') validatePenalty(v, 'proposedPenalty', cmd.proposedPenalty, { termsRequired: inForce(ctx, 'decision-contents') });
        else if (cmd.proposedPenalty !== undefined) v.add('proposedPenalty', { en: 'is only given with proposedOutcome PENALTY', zh: '仅在处理建议为给予行政处罚（PENALTY）时填写' });
        if (!v.ok) return invalid(v);
        if (inForce(ctx, 'lawful-decisions') && cmd.circumstanceLevel === 'EXEMPT' && cmd.proposedOutcome === 'PENALTY') {
          return fail('REPORT.EXEMPT_WITH_PENALTY', {
            en: 'Circumstances found to exempt the party (不予处罚, APL 33) propose no penalty',
            zh: '认定当事人有不予处罚情形的（《行政处罚法》第33条），不得提出处罚建议',
          });
        }
        if (inForce(ctx, 'lawful-decisions') && cmd.circumstanceLevel !== 'GENERAL' && !cmd.discretionReasons?.trim()) {
          return fail('REPORT.DISCRETION_REASONS_REQUIRED', {
            en: `A ${cmd.circumstanceLevel} circumstance level departs from the general benchmark: the report gives its reasons (APL 32–34, 裁量基准)`,
            zh: `裁量等级“${zhOf(ZH_LEVEL, cmd.circumstanceLevel)}”偏离一般裁量基准：调查终结报告须说明理由（《行政处罚法》第32—34条，裁量基准）`,
          });
        }
        if (cmd.proposedOutcome === 'PENALTY' && s.evidence.length === 0) {
          return fail('CASE.EVIDENCE_REQUIRED', { en: 'A penalty needs recorded evidence (APL 40)', zh: '给予行政处罚须有已登记的证据（《行政处罚法》第40条）' });
        }
        const reopened = s.reopenings?.at(-1);
        if (inForce(ctx, 'notice-approval') && reopened?.defended && cmd.proposedOutcome === 'PENALTY') {
          const why = heavierThan(cmd.proposedPenalty, reopened.notifiedPenalty);
          if (why && !s.evidence.some((x) => ms(x.recordedAt) > ms(reopened.at))) {
            return fail('REPORT.HEAVIER_AFTER_DEFENCE', {
              en: `The party defended itself against the notified penalty; a heavier one (${why.en}) rests only on evidence recorded since the case was reopened on ${reopened.at}, never on the defence (APL 45)`,
              zh: `当事人已对告知的处罚进行陈述申辩；更重的处罚（${why.zh}）只能基于${zhDate(reopened.at, ctx.policy.timeZone)}退回补充调查以来新登记的证据，不得因陈述申辩而加重（《行政处罚法》第45条）`,
            });
          }
        }
        let discretion: DiscretionFinding | undefined;
        if (inForce(ctx, 'discretion-benchmarks') && cmd.proposedOutcome === 'PENALTY') {
          const judged = judgeReport(ctx.policy, s.violationCode, cmd.circumstanceLevel, cmd.proposedPenalty, cmd.discretionBases);
          if (judged && 'fail' in judged) return judged.fail;
          discretion = judged?.finding;
        }
        const e: InvestigationEvent = {
          type: 'INVESTIGATION_REPORTED',
          findings: cmd.findings,
          proposedOutcome: cmd.proposedOutcome,
          legalBasis: cmd.legalBasis,
          circumstanceLevel: cmd.circumstanceLevel,
          assessment: withDiscretion(assessPenalty(cmd.proposedPenalty, cmd.circumstanceLevel, s.party.type, ctx.policy), discretion),
          submittedBy: ctx.person,
        };
        if (cmd.discretionBases !== undefined) e.discretionBases = cmd.discretionBases.map((b) => ({ kind: b.kind, value: b.value, ...(b.note !== undefined ? { note: b.note } : {}) }));
        if (discretion) e.discretion = discretion;
        if (cmd.proposedPenalty !== undefined) e.proposedPenalty = cmd.proposedPenalty;
        if (cmd.discretionReasons !== undefined) e.discretionReasons = cmd.discretionReasons;
        if (inForce(ctx, 'notice-approval') && cmd.proposedOutcome !== 'TRANSFER') e.reviewLimit = true;
        return e;
      },
    },
  },
  {
    EVIDENCE_RECORDED: (s, e, { at }) => {
      s.evidence.push({ ...payloadOf(e), recordedAt: at, custody: [] });
    },
    CUSTODY_TRANSFERRED: (s, e) => {
      const item = s.evidence.find((x) => x.evidenceId === e.evidenceId);
      if (item) {
        item.custodian = e.to;
        item.custody.push({ from: e.from, to: e.to, at: e.at, reason: e.reason });
      }
    },
    INVESTIGATION_REPORTED: (s, e, { at, policy }) => {
      const { reviewLimit, ...report } = payloadOf(e);
      s.report = { ...report, submittedAt: at };
      s.status = 'INVESTIGATION_REPORTED';
      // A new report supersedes the steps taken on the previous one.
      delete s.review;
      delete s.notice;
      delete s.defence;
      delete s.hearing;
      delete s.legalReview;
      delete s.noticeApproval;
      delete s.hearingWaiver;
      cancelDeadline(s, 'defence', at);
      cancelDeadline(s, 'hearingRequest', at);
      if (reviewLimit) armDeadline(s, 'caseReview', at, at, policy);
      if (e.proposedOutcome === 'TRANSFER') s.suspectedCrime = true;
    },
  },
  CODES,
);
