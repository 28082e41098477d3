// 重大执法决定法制审核: legal review by a named, qualified reviewer who did
// not investigate, after any hearing and once the defence window has closed,
// within its own time limit (APL 58). Whether a case needs it is judged on the
// case as it stands (rules/pre-decision.ts: legalReviewGrounds). Collective
// discussion, which follows it, is its own stage (collective-discussion.ts).

import type { ActorSnapshot } from '../actor.types';
import type { PersonRef } from '../case-records';
import type { LegalReviewerRef } from '../pre-decision-records';
import type { CaseState } from '../case-state';
import { armDeadline, meetDeadline } from '../deadlines';
import { failWith, type Fail, type RejectionStatus } from '../rejection';
import { zhDate } from '../messages';
import { hasRole, isInvestigator, personRef, reviewerCertificateOn } from '../rules/people';
import { Validator } from '../rules/validation';
import {
  HEARING_PENDING,
  INVESTIGATING,
  LEGAL_REVIEW_OPINIONS,
  LEGAL_REVIEW_RETURNS,
  type LegalReviewOpinion,
  type LegalReviewReturn,
  MAJOR_CASE_GROUNDS,
  type MajorCaseGround,
} from '../vocabulary';
import { all, clone, inStatus, invalid, stage, type ActorCheck, type Check, type HandlerContext } from './kit';
import { noDefenceRunning, noHearingWindowRunning, stepsDoneBefore } from './shared';
import { inForce } from '../rule-changes';

/** The refusals only this stage gives. */
const CODES = {
  /** The person recording the opinion is not the reviewer the case named. */
  'LEGAL_REVIEW.NOT_ASSIGNED_REVIEWER': 403,
  /** The person recording the opinion no longer holds the reviewer qualification. */
  'LEGAL_REVIEW.REVIEWER_UNQUALIFIED': 403,
  /** The person named is not a legal reviewer of the case's agency. */
  'LEGAL_REVIEW.NOT_A_REVIEWER': 422,
  /** The person named holds no valid certificate with the policy's qualification (APL 58 ¶3). */
  'LEGAL_REVIEW.REVIEWER_NOT_QUALIFIED': 422,
  /** The person named investigated the case or was recused from it (查审分离). */
  'LEGAL_REVIEW.REVIEWER_CONFLICT': 422,
  'LEGAL_REVIEW.SAME_REVIEWER': 422,
  'LEGAL_REVIEW.ALREADY_MARKED': 409,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type LegalReviewCommand =
  | {
      type: 'REQUEST_LEGAL_REVIEW';
      note?: string;
      /** The reviewer named to give the opinion, as the API read them from Postgres (required since 'legal-review-assignment'). */
      reviewer?: ActorSnapshot;
    }
  | {
      type: 'RECORD_LEGAL_REVIEW';
      opinion: LegalReviewOpinion;
      text: string;
      /** RETURN: the points to revise (required); REJECT: optional. */
      points?: string[];
      /** RETURN: back to investigation, or to a new proposal on the same facts. */
      returnTo?: LegalReviewReturn;
    }
  /** The head names another reviewer while the review is pending (e.g. after its time limit passed). */
  | { type: 'REASSIGN_LEGAL_REVIEW'; reviewer: ActorSnapshot; reason: string }
  /** APL 58 (1), (3): the case involves a major public interest, is complex, or spans several legal relationships. */
  | { type: 'MARK_MAJOR_CASE'; grounds: MajorCaseGround[]; reason: string };

export type LegalReviewEvent =
  | { type: 'LEGAL_REVIEW_REQUESTED'; reasons: string[]; note?: string; reviewer?: LegalReviewerRef; requestedBy?: PersonRef }
  | {
      type: 'LEGAL_REVIEW_RECORDED';
      opinion: LegalReviewOpinion;
      text: string;
      reviewer: PersonRef;
      points?: string[];
      returnTo?: LegalReviewReturn;
    }
  | { type: 'LEGAL_REVIEW_REASSIGNED'; reviewer: LegalReviewerRef; previous?: PersonRef; reason: string; by: PersonRef }
  | { type: 'MAJOR_CASE_MARKED'; grounds: MajorCaseGround[]; reason: string; markedBy: PersonRef };

/**
 * A legal reviewer the case may name (APL 58): LEGAL_REVIEWER of the case's
 * agency and no auxiliary; never an investigator or recused from the case
 * (查审分离); holding, today, a valid certificate with the qualification the
 * policy names (APL 58 ¶3; any valid certificate when it names none).
 */
function checkReviewer(s: CaseState, a: ActorSnapshot, ctx: HandlerContext, field: string): { reviewer: LegalReviewerRef } | Fail {
  if (!hasRole(a, 'LEGAL_REVIEWER') || hasRole(a, 'AUXILIARY') || a.agencyId !== s.agencyId) {
    return fail(
      'LEGAL_REVIEW.NOT_A_REVIEWER',
      { en: `${a.name} is not a legal reviewer (LEGAL_REVIEWER) of this agency (APL 58)`, zh: `${a.name}不是本机关的法制审核人员（《行政处罚法》第58条）` },
      [{ field, message: { en: 'must hold LEGAL_REVIEWER in the case’s agency', zh: '须为本案所属机关的法制审核人员' } }],
    );
  }
  if (isInvestigator(s, a.userId) || s.recusals.some((r) => r.userId === a.userId)) {
    return fail(
      'LEGAL_REVIEW.REVIEWER_CONFLICT',
      {
        en: `${a.name} investigated this case or was recused from it and cannot review it (查审分离, APL 58, 64; APL 43)`,
        zh: `${a.name}参与了本案调查或已被决定回避，不得审核本案（查审分离，《行政处罚法》第58条、第64条；第43条）`,
      },
      [{ field, message: { en: 'investigated or was recused from this case', zh: '参与了本案调查或已回避本案' } }],
    );
  }
  const scope = ctx.policy.legalReview.reviewerQualificationScope;
  const c = reviewerCertificateOn(a, ctx.date, scope);
  if (!c.certificate) {
    return fail(
      'LEGAL_REVIEW.REVIEWER_NOT_QUALIFIED',
      {
        en: `${c.problem.en} on ${ctx.date}: a legal reviewer holds a valid reviewer qualification (APL 58 ¶3; ${ctx.policy.legalReview.source})`,
        zh: `${c.problem.zh}（以${zhDate(ctx.date)}计）：法制审核人员须具备有效的法制审核资格（《行政处罚法》第58条第3款；${ctx.policy.legalReview.source}）`,
      },
      [{ field, message: c.problem }],
    );
  }
  return { reviewer: { ...personRef(a), certificateNumber: c.certificate.number } };
}

/** Only the reviewer the case named records the opinion, and only while still qualified. */
const namedReviewerOnly: ActorCheck = (s, actor, opts) => {
  if (!inForce(opts, 'legal-review-assignment')) return null;
  const assignee = s.legalReview?.assignee;
  if (assignee && assignee.userId !== actor.userId && s.status === 'LEGAL_REVIEW_PENDING') {
    return fail('LEGAL_REVIEW.NOT_ASSIGNED_REVIEWER', {
      en: `The legal review of case ${s.caseNumber} is assigned to ${assignee.name}; only they record its opinion (APL 58)`,
      zh: `案件${s.caseNumber}的法制审核已指派给${assignee.name}，只有其本人可以记录审核意见（《行政处罚法》第58条）`,
    });
  }
  if (opts.date && opts.policy?.legalReview.reviewerQualificationScope) {
    const c = reviewerCertificateOn(actor, opts.date, opts.policy.legalReview.reviewerQualificationScope);
    if (!c.certificate) {
      return fail('LEGAL_REVIEW.REVIEWER_UNQUALIFIED', {
        en: `${c.problem.en} on ${opts.date} (APL 58 ¶3)`,
        zh: `${c.problem.zh}（以${zhDate(opts.date)}计，《行政处罚法》第58条第3款）`,
      });
    }
  }
  return null;
};

const notMarked: Check = (s) =>
  s.majorCase
    ? fail('LEGAL_REVIEW.ALREADY_MARKED', {
        en: `The case was marked major by ${s.majorCase.markedBy.name} on ${s.majorCase.at}`,
        zh: `本案已由${s.majorCase.markedBy.name}于${zhDate(s.majorCase.at)}认定为重大案件`,
      })
    : null;

/** Before the legal review: once it is requested (or passed, or the heads discussed the case), a mark would come too late. */
const BEFORE_LEGAL_REVIEW = INVESTIGATING.filter((x) => !['LEGAL_REVIEW_PENDING', 'LEGAL_REVIEW_PASSED', 'COLLECTIVE_DISCUSSED'].includes(x));

function addReviewer(s: CaseState, r: LegalReviewerRef): void {
  const list = s.legalReviewers ?? [];
  if (!list.some((x) => x.userId === r.userId)) list.push(clone(r));
  s.legalReviewers = list;
}

export const legalReview = stage<LegalReviewCommand, LegalReviewEvent>()(
  'legal-review',
  {
    MARK_MAJOR_CASE: {
      action: 'major-case',
      roles: ['OFFICER', 'AGENCY_HEAD'],
      from: all(inStatus(BEFORE_LEGAL_REVIEW, { en: 'a case is marked major before its legal review', zh: '重大案件认定须在法制审核之前' }, 'ORDINARY'), notMarked),
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        if (v.array('grounds', cmd.grounds, { min: 1 })) cmd.grounds.forEach((g, i) => v.oneOf(`grounds[${i}]`, g, MAJOR_CASE_GROUNDS));
        v.text('reason', cmd.reason);
        if (!v.ok) return invalid(v);
        return { type: 'MAJOR_CASE_MARKED', grounds: [...new Set(cmd.grounds)], reason: cmd.reason, markedBy: ctx.person };
      },
    },
    REQUEST_LEGAL_REVIEW: {
      action: 'legal-review-request',
      roles: ['OFFICER'],
      from: (s, cmd, rules) => {
        if (HEARING_PENDING.includes(s.status)) {
          return fail('CASE.HEARING_PENDING', { en: 'Legal review follows the hearing (APL 58)', zh: '法制审核须在听证之后进行（《行政处罚法》第58条）' });
        }
        return all(
          inStatus(['INVESTIGATION_REPORTED', 'CASE_REVIEWED', 'NOTICE_SERVED', 'DEFENCE_RECORDED', 'HEARING_HELD']),
          noDefenceRunning,
          noHearingWindowRunning,
          stepsDoneBefore('legal-review', { en: 'the legal review', zh: '法制审核' }),
        )(s, cmd, rules);
      },
      handle: (s, cmd, ctx) => {
        const assigning = inForce(ctx, 'legal-review-assignment');
        const v = new Validator(ctx.now);
        v.text('note', cmd.note, { optional: true });
        if (assigning) v.actor('reviewer', cmd.reviewer);
        if (!v.ok) return invalid(v);
        if (!assigning) {
          const reasons = (s.report?.assessment.reasons ?? []).filter((r) => r.startsWith('legal review'));
          const e: LegalReviewEvent = { type: 'LEGAL_REVIEW_REQUESTED', reasons: reasons.length > 0 ? reasons : ['submitted by the case officers'] };
          if (cmd.note !== undefined) e.note = cmd.note;
          return e;
        }
        const named = checkReviewer(s, cmd.reviewer!, ctx, 'reviewer');
        if ('code' in named) return named;
        const grounds = s.reviewGrounds?.legalReview ?? [];
        const e: LegalReviewEvent = {
          type: 'LEGAL_REVIEW_REQUESTED',
          reasons: grounds.length > 0 ? grounds : ['submitted by the case officers'],
          reviewer: named.reviewer,
          requestedBy: ctx.person,
        };
        if (cmd.note !== undefined) e.note = cmd.note;
        return e;
      },
    },
    RECORD_LEGAL_REVIEW: {
      action: 'legal-review',
      roles: ['LEGAL_REVIEWER'],
      decisive: true,
      independent: true,
      actorCheck: namedReviewerOnly,
      from: inStatus(['LEGAL_REVIEW_PENDING']),
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.oneOf('opinion', cmd.opinion, LEGAL_REVIEW_OPINIONS).text('text', cmd.text);
        if (inForce(ctx, 'legal-review-assignment')) {
          const returned = cmd.opinion === 'RETURN';
          if (v.array('points', cmd.points, { min: 1, optional: !returned })) (cmd.points ?? []).forEach((p, i) => v.text(`points[${i}]`, p));
          if (returned) v.oneOf('returnTo', cmd.returnTo, LEGAL_REVIEW_RETURNS);
          else if (cmd.returnTo !== undefined) v.add('returnTo', { en: 'is only given with opinion RETURN', zh: '仅在审核意见为退回（RETURN）时填写' });
        }
        if (!v.ok) return invalid(v);
        const e: LegalReviewEvent = { type: 'LEGAL_REVIEW_RECORDED', opinion: cmd.opinion, text: cmd.text, reviewer: ctx.person };
        if (inForce(ctx, 'legal-review-assignment')) {
          if (cmd.points !== undefined) e.points = [...cmd.points];
          if (cmd.returnTo !== undefined) e.returnTo = cmd.returnTo;
        }
        return e;
      },
    },
    REASSIGN_LEGAL_REVIEW: {
      action: 'legal-review-assignment',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: inStatus(['LEGAL_REVIEW_PENDING'], { en: 'a pending legal review is reassigned', zh: '只有进行中的法制审核才能重新指派' }),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.actor('reviewer', cmd.reviewer).text('reason', cmd.reason);
        if (!v.ok) return invalid(v);
        const current = s.legalReview?.assignee;
        if (current?.userId === cmd.reviewer.userId) {
          return fail(
            'LEGAL_REVIEW.SAME_REVIEWER',
            { en: `The review is already assigned to ${current.name}; name another reviewer`, zh: `法制审核已指派给${current.name}；请指定其他审核人员` },
            [{ field: 'reviewer', message: { en: 'is the current reviewer', zh: '是当前的审核人员' } }],
          );
        }
        const named = checkReviewer(s, cmd.reviewer, ctx, 'reviewer');
        if ('code' in named) return named;
        const e: LegalReviewEvent = { type: 'LEGAL_REVIEW_REASSIGNED', reviewer: named.reviewer, reason: cmd.reason, by: ctx.person };
        if (current) e.previous = personRef(current);
        return e;
      },
    },
  },
  {
    LEGAL_REVIEW_REQUESTED: (s, e, { at, policy }) => {
      s.legalReview = { requestedAt: at, reasons: [...e.reasons] };
      s.status = 'LEGAL_REVIEW_PENDING';
      // A named reviewer answers within the review's own limit (reviews requested before reviewers were named have none).
      if (e.reviewer) {
        s.legalReview.assignee = clone(e.reviewer);
        s.legalReview.assignments = [{ reviewer: clone(e.reviewer), at, by: clone(e.requestedBy ?? { userId: 'unknown', name: 'unknown' }) }];
        addReviewer(s, e.reviewer);
        armDeadline(s, 'legalReview', at, at, policy);
      }
    },
    LEGAL_REVIEW_RECORDED: (s, e, { at }) => {
      s.legalReview = { ...(s.legalReview ?? { requestedAt: at, reasons: [] }), opinion: e.opinion, text: e.text, reviewer: e.reviewer, reviewedAt: at };
      if (e.points) s.legalReview.points = [...e.points];
      if (e.returnTo) s.legalReview.returnTo = e.returnTo;
      meetDeadline(s, 'legalReview', at);
      // RETURN (either way) and REJECT: the proposal cannot be decided as it stands. The officers
      // investigate further (RETURN to INVESTIGATION) or revise the proposal (RETURN to PROPOSAL,
      // REJECT) — both by a new investigation report, which is submitted from FILED and goes
      // through case review, notice and legal review again.
      s.status = e.opinion === 'APPROVE' ? 'LEGAL_REVIEW_PASSED' : 'FILED';
    },
    LEGAL_REVIEW_REASSIGNED: (s, e, { at, policy }) => {
      const lr = s.legalReview ?? { requestedAt: at, reasons: [] };
      lr.assignee = clone(e.reviewer);
      lr.assignments = [...(lr.assignments ?? []), { reviewer: clone(e.reviewer), at, by: clone(e.by), reason: e.reason }];
      s.legalReview = lr;
      addReviewer(s, e.reviewer);
      // The new reviewer gets the full period, from the reassignment.
      armDeadline(s, 'legalReview', at, at, policy);
    },
    MAJOR_CASE_MARKED: (s, e, { at }) => {
      s.majorCase = { grounds: [...e.grounds], reason: e.reason, markedBy: clone(e.markedBy), at };
    },
  },
  CODES,
);
