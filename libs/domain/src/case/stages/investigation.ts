// The investigation report (调查终结报告): what the officers found, the
// outcome they propose and the discretion it rests on (the evidence itself is
// recorded in stages/evidence.ts).

import type { DecisionAssessment, Penalty, PersonRef } from '../case-records';
import { armDeadline, cancelDeadline } from '../deadlines';
import { failWith, type RejectionStatus } from '../rejection';
import { zhDate, zhOf, ZH_LEVEL } from '../messages';
import { assessPenalty, checkPenaltyPowers, heavierThan, validatePenalty } from '../rules/penalty';
import { type DiscretionBaseAmount, type DiscretionFinding, judgeReport, validateDiscretionBases, withDiscretion } from '../rules/discretion';
import { ms, Validator } from '../rules/validation';
import { CIRCUMSTANCE_LEVELS, type CircumstanceLevel, PROPOSED_OUTCOMES, type ProposedOutcome } from '../vocabulary';
import { inStatus, invalid, payloadOf, stage } from './kit';
import { citable } from './evidence';
import { inForce } from '../rule-changes';
import { thresholdsMet, type ThresholdMet } from '../rules/criminal-thresholds';
import { actDate } from '../rules/prior-penalties';
import { raiseOnThresholds } from './suspected-crime';

/** The refusals only this stage gives. */
const CODES = {
  'REPORT.EXEMPT_WITH_PENALTY': 422,
  'REPORT.DISCRETION_REASONS_REQUIRED': 422,
  'REPORT.HEAVIER_AFTER_DEFENCE': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type InvestigationCommand =
  {
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
  {
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
      /** The policy's prosecution thresholds the bases reached (under 'criminal-thresholds'): they flag SUSPECTED_CRIME. */
      criminalThresholds?: ThresholdMet[];
    };

export const investigation = stage<InvestigationCommand, InvestigationEvent>()(
  'investigation',
  {
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
        if (cmd.proposedOutcome === 'PENALTY') {
          validatePenalty(v, 'proposedPenalty', cmd.proposedPenalty, { termsRequired: inForce(ctx, 'decision-contents'), itemised: inForce(ctx, 'evidence-after-report') });
        }
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
        if (inForce(ctx, 'evidence-after-report') && cmd.proposedOutcome === 'PENALTY') {
          const beyond = checkPenaltyPowers(cmd.proposedPenalty, ctx.policy);
          if (beyond) return beyond;
        }
        // Drafts of auxiliary staff are not evidence until two officers confirm them.
        if (cmd.proposedOutcome === 'PENALTY' && !s.evidence.some(citable)) {
          return fail('CASE.EVIDENCE_REQUIRED', { en: 'A penalty needs recorded evidence (APL 40)', zh: '给予行政处罚须有已登记的证据（《行政处罚法》第40条）' });
        }
        const reopened = s.reopenings?.at(-1);
        if (inForce(ctx, 'notice-approval') && reopened?.defended && cmd.proposedOutcome === 'PENALTY') {
          const why = heavierThan(cmd.proposedPenalty, reopened.notifiedPenalty);
          // New facts: evidence recorded since the reopening, or the item whose changed facts reopened it.
          if (why && !s.evidence.some((x) => citable(x) && (ms(x.recordedAt) > ms(reopened.at) || x.evidenceId === reopened.evidenceId))) {
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
        if (inForce(ctx, 'criminal-thresholds')) {
          // Under 'threshold-facts' the report also counts the earlier penalties the case recorded.
          const repeat = inForce(ctx, 'threshold-facts') ? { priorPenalties: s.priorPenalties ?? [], actOn: actDate(s, ctx.policy.timeZone) } : undefined;
          const met = thresholdsMet(ctx.policy, s.violationCode, cmd.discretionBases, { from: 'REPORT' }, repeat);
          if (met.length > 0) e.criminalThresholds = met;
        }
        return e;
      },
    },
  },
  {
    INVESTIGATION_REPORTED: (s, e, { at, policy }) => {
      const { reviewLimit, criminalThresholds, ...report } = payloadOf(e);
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
      raiseOnThresholds(s, criminalThresholds, at);
    },
  },
  CODES,
);
