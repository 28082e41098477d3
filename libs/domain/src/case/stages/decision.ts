// 决定 and 送达: the head decides once the report is in and nothing is pending
// (hearing, legal review, defence window, suspected crime); the decision is
// served within the service limit (APL 57–61).

import type { DecisionAssessment, DecisionContents, DecisionRemedy, Penalty, PersonRef, SameActCase, SameActOverride, ServiceDetails, ServiceRecord } from '../case-records';
import type { CaseState } from '../case-state';
import { armDeadline, meetDeadline } from '../deadlines';
import { failWith, type Fail, type RejectionStatus } from '../rejection';
import { joinMessages, zhDate, zhList, zhOf, ZH_OUTCOME, type FieldMessage } from '../messages';
import { amountDue, assessPenalty, checkPenaltyPowers, heavierThan, validatePenalty } from '../rules/penalty';
import { citable, evidenceSinceReport } from './evidence';
import { judgeDecision, withDiscretion } from '../rules/discretion';
import { checkService, serviceRecord, validateService } from '../rules/service';
import { judgeSecondFine, validateSameActCases } from '../rules/same-act';
import { ms, Validator } from '../rules/validation';
import { DECIDABLE, DECISION_OUTCOMES, type DecisionOutcome, HEARING_PENDING, TRANSFER_STATUSES } from '../vocabulary';
import { all, clone, inStatus, invalid, stage, type Check, type HandlerContext } from './kit';
import { afterService, noDefenceRunning, noHearingWindowRunning, stepsDoneBefore } from './shared';
import { decidedEvenInTransfer, inTransferBeforeService } from './transfer-points';
import { inForce } from '../rule-changes';
import { armDisclosure, decisionDisclosure } from './disclosure';
import type { NonDisclosure } from '../disclosure-records';

/** The refusals only this stage gives. */
const CODES = {
  'DECISION.CONTRARY_TO_REPORT': 422,
  'DECISION.HEAVIER_THAN_NOTICE': 422,
  'CASE.TRANSFER_PENDING': 409,
  'CASE.SUSPECTED_CRIME_UNRESOLVED': 409,
  'DECISION.HEAVIER_AFTER_DEFENCE': 422,
  'SERVICE.BEFORE_DECISION': 422,
  'DECISION.EVIDENCE_UNKNOWN': 422,
  'DECISION.STEPS_OWED': 422,
  'DECISION.EVIDENCE_UNCONFIRMED': 422,
  'DECISION.NEW_EVIDENCE_NOT_CITED': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type DecisionCommand =
  | {
      type: 'DECIDE';
      outcome: DecisionOutcome;
      penalty?: Penalty;
      documentNumber: string;
      text: string;
      /** Required (APL 59 (三)). */
      legalBasis?: string;
      /** The facts found (APL 59 (二)); required. */
      facts?: string;
      /** The recorded evidence the decision relies on (APL 59 (二)); required for a penalty. */
      evidenceIds?: string[];
      /** How the penalty is performed: where and how to pay (APL 59 (四), 67); required for a penalty. */
      performance?: string;
      /** Where to challenge it (APL 59 (五)); required for a penalty or a finding of no penalty. */
      remedy?: DecisionRemedy;
      /** Resolved by the API: other cases against the same party for the same violation (APL 29). */
      sameActCases?: SameActCase[];
      /** Why a fine is lawful although another case fined the same party for the same violation (APL 29). */
      sameActOverrideReason?: string;
      /** The ground on which the law forbids publishing this penalty decision (since the 'disclosure' rule change). */
      nonDisclosure?: NonDisclosure;
    }
  | ({ type: 'SERVE' } & ServiceDetails);

export type DecisionEvent =
  | {
      type: 'DECISION_MADE';
      outcome: DecisionOutcome;
      penalty?: Penalty;
      documentNumber: string;
      text: string;
      legalBasis?: string;
      amountDue: number;
      assessment: DecisionAssessment;
      decidedBy: PersonRef;
      contents?: DecisionContents;
      /** A second fine for the same act, with the reasons given (APL 29). */
      sameActOverride?: SameActOverride;
      /** The decision owes its publication (事后公示): the disclosure deadline starts (since the 'disclosure' rule change). */
      disclosure?: true;
      nonDisclosure?: NonDisclosure;
    }
  | { type: 'DECISION_SERVED'; service: ServiceRecord };

/** Pending steps that block a decision get their own codes: the caller can act on them. */
const decisionBlockers: Check = (s, cmd, rules) => {
  if (HEARING_PENDING.includes(s.status)) {
    return fail('CASE.HEARING_PENDING', { en: 'A requested hearing must be held before the decision (APL 63–65)', zh: '当事人申请的听证须在作出决定前举行（《行政处罚法》第63—65条）' });
  }
  if (s.status === 'LEGAL_REVIEW_PENDING') {
    return fail('CASE.LEGAL_REVIEW_PENDING', { en: 'The legal review must pass before the decision (APL 58)', zh: '作出决定前须经法制审核通过（《行政处罚法》第58条）' });
  }
  if (TRANSFER_STATUSES.includes(s.status)) {
    return fail('CASE.TRANSFER_PENDING', {
      en: 'No penalty while a criminal transfer is pending or accepted (以罚代刑 is barred: R310 11, APL 82)',
      zh: '涉嫌犯罪移送尚在办理或公安机关已立案的，不得给予行政处罚（不得以罚代刑：《行政执法机关移送涉嫌犯罪案件的规定》第11条，《行政处罚法》第82条）',
    });
  }
  return inStatus(DECIDABLE, { en: 'the investigation report comes first', zh: '须先提交调查终结报告' })(s, cmd, rules);
};

/** APL 40: a penalty rests on recorded evidence and on what the investigation found. */
function boundByInvestigation(s: CaseState): Fail | null {
  if (!s.evidence.some(citable)) return fail('CASE.EVIDENCE_REQUIRED', { en: 'A penalty needs recorded evidence (APL 40)', zh: '给予行政处罚须有已登记的证据（《行政处罚法》第40条）' });
  const r = s.report;
  if (r && r.proposedOutcome !== 'PENALTY') {
    return fail('DECISION.CONTRARY_TO_REPORT', {
      en: `The investigation report proposes ${r.proposedOutcome}: a penalty needs a new report that finds one (APL 40, 57)`,
      zh: `调查终结报告的处理建议为“${zhOf(ZH_OUTCOME, r.proposedOutcome)}”：给予处罚须有认定应予处罚的新调查终结报告（《行政处罚法》第40条、第57条）`,
    });
  }
  if (r && r.circumstanceLevel === 'EXEMPT') {
    return fail('DECISION.CONTRARY_TO_REPORT', {
      en: 'The investigation report finds the party exempt (不予处罚, APL 33): a penalty needs a new report (APL 40, 57)',
      zh: '调查终结报告认定当事人不予处罚（《行政处罚法》第33条）：给予处罚须有新的调查终结报告（《行政处罚法》第40条、第57条）',
    });
  }
  return null;
}

/** The law's periods for challenging a decision (APL 59 (五)). */
export const REMEDY_PERIODS = {
  reconsiderationDays: 60,
  reconsiderationSource: '《行政复议法》第二十条',
  litigationMonths: 6,
  litigationSource: '《行政诉讼法》第四十六条',
} as const;

type DecideCommand = Extract<DecisionCommand, { type: 'DECIDE' }>;

/** APL 59: what the decision must state, checked on the command. */
function validateContents(v: Validator, cmd: DecideCommand): void {
  const penalty = cmd.outcome === 'PENALTY';
  v.text('legalBasis', cmd.legalBasis).text('facts', cmd.facts);
  if (v.array('evidenceIds', cmd.evidenceIds, { min: penalty ? 1 : 0, optional: !penalty })) {
    cmd.evidenceIds!.forEach((id, i) => v.text(`evidenceIds[${i}]`, id));
  }
  v.text('performance', cmd.performance, { optional: !penalty });
  if (v.object('remedy', cmd.remedy, { optional: cmd.outcome === 'DISMISS' })) {
    v.text('remedy.reconsiderationBody', cmd.remedy!.reconsiderationBody).text('remedy.court', cmd.remedy!.court);
  }
}

/**
 * Drafts of auxiliary staff are not evidence until confirmed; evidence that
 * came in after the report (the party's, or supplementary) and did not send
 * the case back is weighed by the decision, which cites it.
 */
function citedEvidence(s: CaseState, ids: string[]): Fail | null {
  const drafts = ids.filter((id) => !citable(s.evidence.find((e) => e.evidenceId === id)!));
  if (drafts.length > 0) {
    return fail('DECISION.EVIDENCE_UNCONFIRMED', {
      en: `Drafts of auxiliary staff are evidence only once two officers of the case confirm them: ${drafts.join(', ')}`,
      zh: `辅助人员制作的证据草稿须经本案两名执法人员确认后才能作为证据：${zhList(drafts)}`,
    });
  }
  const uncited = evidenceSinceReport(s).filter((id) => !ids.includes(id));
  if (uncited.length > 0) {
    return fail('DECISION.NEW_EVIDENCE_NOT_CITED', {
      en: `Evidence recorded since the investigation report must be weighed and cited by the decision (or, if it changes the facts, sent back for a new report): ${uncited.join(', ')} (APL 40, 45)`,
      zh: `调查终结报告之后登记的证据须在决定中认定并列明（改变案件事实的，须退回重新报告）：${zhList(uncited)}（《行政处罚法》第40条、第45条）`,
    });
  }
  return null;
}

/** The APL 59 contents, built from the case: the party as registered, the evidence as recorded. */
function contentsOf(s: CaseState, cmd: DecideCommand, ctx: HandlerContext): DecisionContents | Fail {
  const ids = [...new Set(cmd.evidenceIds ?? [])];
  const unknown = ids.filter((id) => !s.evidence.some((e) => e.evidenceId === id));
  if (unknown.length > 0) {
    return fail('DECISION.EVIDENCE_UNKNOWN', {
      en: `The decision relies on evidence this case never recorded: ${unknown.join(', ')} (APL 40, 59)`,
      zh: `决定所依据的证据未在本案登记：${zhList(unknown)}（《行政处罚法》第40条、第59条）`,
    });
  }
  if (inForce(ctx, 'evidence-after-report')) {
    const cited = citedEvidence(s, ids);
    if (cited) return cited;
  }
  const c: DecisionContents = {
    agency: ctx.policy.jurisdiction,
    decidedOn: ctx.date,
    party: clone(s.party),
    facts: cmd.facts!,
    evidence: ids.map((id) => {
      const e = s.evidence.find((x) => x.evidenceId === id)!;
      return { evidenceId: e.evidenceId, title: e.title, kind: e.kind };
    }),
    legalBasis: cmd.legalBasis!,
    amountDue: amountDue(cmd.penalty),
  };
  if (cmd.penalty) c.penalty = clone(cmd.penalty);
  if (cmd.performance !== undefined) {
    const p = ctx.policy.deadlines.payment;
    c.performance = { method: cmd.performance, within: { days: p.days, kind: p.kind, source: p.source } };
  }
  if (cmd.remedy) c.remedy = { reconsiderationBody: cmd.remedy.reconsiderationBody, court: cmd.remedy.court, ...REMEDY_PERIODS };
  return c;
}

/**
 * The steps are owed for what is decided, not only for what was proposed: the
 * stricter of the two assessments rules (APL 57, 58, 63). A decision that
 * needs a hearing the notice never offered, a legal review or a collective
 * discussion the proposal did not need, waits for them.
 */
function stepsOwedByDecision(s: CaseState, a: DecisionAssessment): Fail | null {
  const since = (at: string | undefined) => at !== undefined && s.report !== undefined && Date.parse(at) >= Date.parse(s.report.submittedAt);
  const missing: FieldMessage[] = [];
  if (a.hearingOffered && !s.report?.assessment.hearingOffered && !s.notice?.hearingRightsNotified) {
    missing.push({
      field: 'hearing',
      message: {
        en: 'the decided penalty qualifies for a hearing the notice never offered: a new notice is needed (APL 44, 63)',
        zh: '决定的处罚属于听证范围，但告知书未告知听证权利：须重新告知（《行政处罚法》第44条、第63条）',
      },
    });
  }
  if (a.legalReviewRequired && !(s.legalReview?.opinion === 'APPROVE' && since(s.legalReview.reviewedAt))) {
    missing.push({
      field: 'legal-review',
      message: { en: 'the decided penalty needs a legal review of this major decision (APL 58)', zh: '决定的处罚属于重大执法决定，须经法制审核（《行政处罚法》第58条）' },
    });
  }
  if (a.collectiveDiscussionRequired && !s.collectiveDiscussions.some((c) => c.purpose === 'DECISION' && since(c.recordedAt))) {
    missing.push({
      field: 'collective-discussion',
      message: { en: 'the decided penalty needs the collective discussion of the agency heads (APL 57)', zh: '决定的处罚须经机关负责人集体讨论（《行政处罚法》第57条）' },
    });
  }
  if (missing.length === 0) return null;
  const steps = joinMessages(missing.map((m) => m.message));
  // The content (what is decided) asks for more than the case went through: 422, not the state's 409.
  return fail('DECISION.STEPS_OWED', { en: `Before this decision: ${steps.en}`, zh: `作出本决定之前，尚须：${steps.zh}` }, missing);
}

const notSuspectedCrime: Check = (s) =>
  s.suspectedCrime
    ? fail('CASE.SUSPECTED_CRIME_UNRESOLVED', {
        en: 'The case is flagged as a suspected crime: transfer it, or record a reasoned refusal to transfer, before deciding (R310 11)',
        zh: '本案被标记为涉嫌犯罪：作出决定前须移送司法机关，或记录不予移送的理由（《行政执法机关移送涉嫌犯罪案件的规定》第11条）',
      })
    : null;

export const decision = stage<DecisionCommand, DecisionEvent>()(
  'decision',
  {
    DECIDE: {
      action: 'decision',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: all(decisionBlockers, noDefenceRunning, noHearingWindowRunning, notSuspectedCrime, stepsDoneBefore('decision', { en: 'the decision', zh: '作出处罚决定' })),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.oneOf('outcome', cmd.outcome, DECISION_OUTCOMES).text('documentNumber', cmd.documentNumber).text('text', cmd.text);
        const withContents = inForce(ctx, 'decision-contents');
        if (withContents) validateContents(v, cmd);
        else v.text('legalBasis', cmd.legalBasis, { optional: true });
        if (cmd.outcome === 'PENALTY') validatePenalty(v, 'penalty', cmd.penalty, { termsRequired: inForce(ctx, 'decision-contents'), itemised: inForce(ctx, 'evidence-after-report') });
        else if (cmd.penalty !== undefined) v.add('penalty', { en: 'is only given with outcome PENALTY', zh: '仅在决定给予行政处罚（PENALTY）时填写' });
        const oneFine = inForce(ctx, 'one-fine-per-act');
        if (oneFine) {
          validateSameActCases(v, 'sameActCases', cmd.sameActCases);
          v.text('sameActOverrideReason', cmd.sameActOverrideReason, { optional: true });
        }
        const published = inForce(ctx, 'disclosure') ? decisionDisclosure(v, cmd) : {};
        if (!v.ok) return invalid(v);

        if (inForce(ctx, 'evidence-after-report') && cmd.outcome === 'PENALTY') {
          const beyond = checkPenaltyPowers(cmd.penalty, ctx.policy);
          if (beyond) return beyond;
        }
        if (inForce(ctx, 'lawful-decisions') && cmd.outcome === 'PENALTY') {
          const bound = boundByInvestigation(s);
          if (bound) return bound;
        }
        const defended = (s.defence && !s.defence.waived) || s.hearing?.heldAt !== undefined;
        if (s.notice && (defended || inForce(ctx, 'lawful-decisions'))) {
          const why = heavierThan(cmd.penalty, s.notice.proposedPenalty);
          if (why && defended) {
            return fail('DECISION.HEAVIER_AFTER_DEFENCE', {
              en: `The penalty may not become heavier because the party defended itself (APL 45): ${why.en}`,
              zh: `不得因当事人陈述申辩而加重处罚（《行政处罚法》第45条）：${why.zh}`,
            });
          }
          if (why) {
            return fail('DECISION.HEAVIER_THAN_NOTICE', {
              en: `The party was told of a lighter penalty and heard on it: ${why.en}; a heavier penalty needs a new notice and a new window (APL 44, 62)`,
              zh: `当事人被告知的是较轻的处罚并已就此陈述申辩：${why.zh}；加重处罚须重新告知并重新给予陈述申辩期限（《行政处罚法》第44条、第62条）`,
            });
          }
        }
        if (inForce(ctx, 'discretion-benchmarks') && cmd.outcome === 'PENALTY') {
          const outOfRange = judgeDecision(s.report?.discretion, cmd.penalty);
          if (outOfRange) return outOfRange;
        }
        const assessment = withDiscretion(assessPenalty(cmd.penalty, s.report?.circumstanceLevel, s.party.type, ctx.policy), s.report?.discretion);
        if (withContents) {
          const owed = stepsOwedByDecision(s, assessment);
          if (owed) return owed;
        }
        const contents = withContents ? contentsOf(s, cmd, ctx) : undefined;
        if (contents && 'code' in contents) return contents;
        const second = oneFine ? judgeSecondFine(cmd.penalty, cmd.sameActCases, cmd.sameActOverrideReason) : {};
        if ('fail' in second) return second.fail;
        const e: DecisionEvent = {
          type: 'DECISION_MADE',
          outcome: cmd.outcome,
          documentNumber: cmd.documentNumber,
          text: cmd.text,
          amountDue: amountDue(cmd.penalty),
          assessment,
          decidedBy: ctx.person,
        };
        if (cmd.penalty !== undefined) e.penalty = cmd.penalty;
        if (cmd.legalBasis !== undefined) e.legalBasis = cmd.legalBasis;
        if (contents) e.contents = contents;
        if (second.override) e.sameActOverride = second.override;
        return { ...e, ...published };
      },
    },
    SERVE: {
      action: 'service',
      roles: ['OFFICER'],
      from: decidedEvenInTransfer,
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        validateService(v, '', cmd);
        if (!v.ok) return invalid(v);
        const sf = checkService(cmd);
        if (sf) return sf;
        if (s.decision && ms(cmd.servedAt) < ms(s.decision.decidedAt)) {
          return fail('SERVICE.BEFORE_DECISION', {
            en: `servedAt ${cmd.servedAt} precedes the decision of ${s.decision.decidedAt}`,
            zh: `送达日期${zhDate(cmd.servedAt, ctx.policy.timeZone)}早于${zhDate(s.decision.decidedAt, ctx.policy.timeZone)}作出的决定`,
          });
        }
        return { type: 'DECISION_SERVED', service: serviceRecord(cmd, ctx.person) };
      },
    },
  },
  {
    DECISION_MADE: (s, e, { at, policy }) => {
      s.decision = {
        outcome: e.outcome,
        documentNumber: e.documentNumber,
        text: e.text,
        amountDue: e.amountDue,
        decidedAt: at,
        decidedBy: e.decidedBy,
        simple: false,
        assessment: clone(e.assessment),
        ...(e.penalty ? { penalty: clone(e.penalty) } : {}),
        ...(e.legalBasis !== undefined ? { legalBasis: e.legalBasis } : {}),
        ...(e.contents ? { contents: clone(e.contents) } : {}),
        ...(e.sameActOverride ? { sameActOverride: clone(e.sameActOverride) } : {}),
      };
      s.decidedAt = at;
      s.status = 'DECIDED';
      meetDeadline(s, 'decision', at);
      // APL 61: served on the spot or within N working days.
      armDeadline(s, 'service', at, at, policy);
      armDisclosure(s, e, { at, policy });
    },
    DECISION_SERVED: (s, e, meta) => {
      s.service = clone(e.service);
      s.servedAt = e.service.deemedServedAt;
      // Served while a transfer proposed after the decision runs: the case returns to SERVED if the transfer ends there.
      if (inTransferBeforeService(s)) s.statusBeforeTransfer = 'SERVED';
      else s.status = 'SERVED';
      meetDeadline(s, 'service', e.service.servedAt);
      afterService(s, meta);
    },
  },
  CODES,
);
