// Review, notice and defence (审核, 告知, 陈述申辩): a reviewer who did not
// investigate reviews the report; a head approves the notice of a proposed
// penalty, an officer serves it, and the party's defence window then runs
// (APL 44, 45, 62). A head may send the case back for further investigation
// after its report (补充调查): a new report, review, notice and window follow,
// which is how a heavier penalty is lawfully notified again (APL 44, 62).

import type { Penalty, PersonRef, ServiceDetails, ServiceRecord } from '../case-records';
import type { CaseState } from '../case-state';
import { armDeadline, cancelDeadline, meetDeadline, recomputeAll } from '../deadlines';
import { failWith, type RejectionStatus } from '../rejection';
import { zhDate } from '../messages';
import { checkService, serviceRecord, validateService } from '../rules/service';
import { Validator } from '../rules/validation';
import { checkPenaltyPowers } from '../rules/penalty';
import { inForce } from '../rule-changes';
import { REVIEW_OPINIONS, type ReviewOpinion } from '../vocabulary';
import { all, clone, inStatus, invalid, stage, type Check } from './kit';
import { hearingWindowRules, PAUSE, stepsDoneBefore } from './shared';

/** Statuses after a report where a head may still send the case back: nothing is pending on the party, a hearing or a reviewer. */
export const REOPENABLE = ['INVESTIGATION_REPORTED', 'CASE_REVIEWED', 'NOTICE_SERVED', 'DEFENCE_RECORDED', 'HEARING_HELD', 'LEGAL_REVIEW_PASSED', 'COLLECTIVE_DISCUSSED'] as const;

/** The refusals only this stage gives. */
const CODES = {
  'NOTICE.NOT_REQUIRED': 409,
  'NOTICE.HEARING_RIGHTS_MISSING': 422,
  'NOTICE.ALREADY_APPROVED': 409,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

const proposesPenalty: Check = (s) =>
  s.report?.proposedOutcome === 'PENALTY' ? null : fail('NOTICE.NOT_REQUIRED', {
        en: 'A pre-decision notice is served only when a penalty is proposed (APL 44)',
        zh: '只有拟给予行政处罚的，才送达行政处罚告知书（《行政处罚法》第44条）',
      });

export type NoticeCommand =
  | { type: 'REVIEW_CASE'; opinion: ReviewOpinion; comments: string }
  /** A head approves the notice of the reviewed report's proposed penalty. */
  | { type: 'APPROVE_NOTICE'; comments?: string }
  /** A head sends the case back for further investigation (补充调查); a new report follows. */
  | { type: 'REOPEN_INVESTIGATION'; reason: string }
  | ({
      type: 'SERVE_NOTICE';
      noticeNumber: string;
      text: string;
      /** Must be true when the proposed penalty is hearing-eligible. */
      hearingRightsNotified: boolean;
    } & ServiceDetails)
  | {
      type: 'RECORD_DEFENCE';
      waived: boolean;
      /** The party also waives its hearing right (a defence, or its waiver, is not a hearing waiver: APL 64). */
      hearingWaived?: boolean;
      statement?: string;
      points?: { point: string; adopted: boolean; reason: string }[];
    };

export type NoticeEvent =
  | { type: 'CASE_REVIEWED'; opinion: ReviewOpinion; comments: string; reviewer: PersonRef }
  | { type: 'NOTICE_APPROVED'; approvedBy: PersonRef; proposedPenalty?: Penalty; comments?: string }
  | { type: 'INVESTIGATION_REOPENED'; reason: string; reopenedBy: PersonRef }
  | {
      type: 'NOTICE_SERVED';
      noticeNumber: string;
      text: string;
      proposedPenalty?: Penalty;
      hearingRightsNotified: boolean;
      service: ServiceRecord;
      /** The hearing-request window (APL 64) runs beside the defence window. */
      hearingWindow?: true;
    }
  | {
      type: 'DEFENCE_RECORDED';
      waived: boolean;
      hearingWaived?: true;
      statement?: string;
      points?: { point: string; adopted: boolean; reason: string }[];
    };

/** The case goes back to investigation (补充调查): a head's return, or evidence that changes the facts. */
export function reopenInvestigation(s: CaseState, at: string, reason: string, by: PersonRef, evidenceId?: string): void {
  const defended = (s.defence !== undefined && !s.defence.waived) || s.hearing?.heldAt !== undefined;
  (s.reopenings ??= []).push({
    at,
    reason,
    reopenedBy: by,
    defended,
    ...(s.notice?.proposedPenalty ? { notifiedPenalty: clone(s.notice.proposedPenalty) } : {}),
    ...(evidenceId !== undefined ? { evidenceId } : {}),
  });
  s.status = 'FILED';
  // The party's windows on the superseded notice end; a new notice opens new ones.
  cancelDeadline(s, 'caseReview', at);
  cancelDeadline(s, 'defence', at);
  cancelDeadline(s, 'hearingRequest', at);
}

export const notice = stage<NoticeCommand, NoticeEvent>()(
  'review-notice-defence',
  {
    REVIEW_CASE: {
      action: 'case-review',
      roles: ['LEGAL_REVIEWER'],
      decisive: true,
      independent: true,
      from: inStatus(['INVESTIGATION_REPORTED']),
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.oneOf('opinion', cmd.opinion, REVIEW_OPINIONS).text('comments', cmd.comments);
        if (!v.ok) return invalid(v);
        return { type: 'CASE_REVIEWED', opinion: cmd.opinion, comments: cmd.comments, reviewer: ctx.person };
      },
    },
    APPROVE_NOTICE: {
      action: 'notice-approval',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: all(
        inStatus(['INVESTIGATION_REPORTED', 'CASE_REVIEWED']),
        proposesPenalty,
        (s) =>
          s.noticeApproval
            ? fail('NOTICE.ALREADY_APPROVED', {
                en: `${s.noticeApproval.approvedBy.name} approved this notice on ${s.noticeApproval.at}`,
                zh: `${s.noticeApproval.approvedBy.name}已于${zhDate(s.noticeApproval.at)}审批本告知`,
              })
            : null,
        stepsDoneBefore('notice-approval', { en: 'the approval of the notice', zh: '告知审批' }),
      ),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('comments', cmd.comments, { optional: true });
        if (!v.ok) return invalid(v);
        const e: NoticeEvent = { type: 'NOTICE_APPROVED', approvedBy: ctx.person };
        if (s.report?.proposedPenalty) e.proposedPenalty = clone(s.report.proposedPenalty);
        if (cmd.comments !== undefined) e.comments = cmd.comments;
        return e;
      },
    },
    REOPEN_INVESTIGATION: {
      action: 'investigation-reopening',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: inStatus(REOPENABLE, {
        en: 'a case goes back to investigation after its report, when no hearing or legal review is pending',
        zh: '案件在调查终结报告之后、且没有待进行的听证或法制审核时，才能退回补充调查',
      }),
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('reason', cmd.reason);
        if (!v.ok) return invalid(v);
        return { type: 'INVESTIGATION_REOPENED', reason: cmd.reason, reopenedBy: ctx.person };
      },
    },
    SERVE_NOTICE: {
      action: 'notice',
      roles: ['OFFICER'],
      from: all(
        inStatus(['INVESTIGATION_REPORTED', 'CASE_REVIEWED']),
        proposesPenalty,
        // The reviewed report, approved by a head, is what the party is told of (审核 before 告知: MSA 49–55; APL 44).
        stepsDoneBefore('notice', { en: 'the notice', zh: '行政处罚告知' }),
      ),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('noticeNumber', cmd.noticeNumber).text('text', cmd.text).bool('hearingRightsNotified', cmd.hearingRightsNotified);
        validateService(v, '', cmd);
        if (!v.ok) return invalid(v);
        const sf = checkService(cmd);
        if (sf) return sf;
        if (inForce(ctx, 'evidence-after-report')) {
          // A report recorded before the agency's powers were checked is not notified beyond them.
          const beyond = checkPenaltyPowers(s.report?.proposedPenalty, ctx.policy);
          if (beyond) return beyond;
        }
        if (s.report?.assessment.hearingOffered && !cmd.hearingRightsNotified) {
          return fail('NOTICE.HEARING_RIGHTS_MISSING', {
            en: 'The proposed penalty qualifies for a hearing: the notice must tell the party of that right (APL 44, 63)',
            zh: '拟作出的处罚属于听证范围：告知书须告知当事人有要求听证的权利（《行政处罚法》第44条、第63条）',
          });
        }
        const e: NoticeEvent = {
          type: 'NOTICE_SERVED',
          noticeNumber: cmd.noticeNumber,
          text: cmd.text,
          hearingRightsNotified: cmd.hearingRightsNotified,
          service: serviceRecord(cmd, ctx.person),
        };
        if (s.report?.proposedPenalty) e.proposedPenalty = s.report.proposedPenalty;
        if (hearingWindowRules(ctx) && s.report?.assessment.hearingOffered) e.hearingWindow = true;
        return e;
      },
    },
    RECORD_DEFENCE: {
      action: 'defence',
      roles: ['OFFICER'],
      from: inStatus(['NOTICE_SERVED']),
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.bool('waived', cmd.waived).bool('hearingWaived', cmd.hearingWaived, { optional: true });
        v.text('statement', cmd.statement, { optional: cmd.waived === true });
        if (v.array('points', cmd.points, { optional: true })) {
          cmd.points!.forEach((p, i) => {
            if (v.object(`points[${i}]`, p)) v.text(`points[${i}].point`, p.point).bool(`points[${i}].adopted`, p.adopted).text(`points[${i}].reason`, p.reason);
          });
        }
        if (!v.ok) return invalid(v);
        const e: NoticeEvent = { type: 'DEFENCE_RECORDED', waived: cmd.waived };
        if (cmd.hearingWaived === true && hearingWindowRules(ctx)) e.hearingWaived = true;
        if (cmd.statement !== undefined) e.statement = cmd.statement;
        if (cmd.points !== undefined) e.points = cmd.points.map((p) => ({ point: p.point, adopted: p.adopted, reason: p.reason }));
        return e;
      },
    },
  },
  {
    CASE_REVIEWED: (s, e, { at }) => {
      s.review = { opinion: e.opinion, comments: e.comments, reviewer: e.reviewer, at };
      meetDeadline(s, 'caseReview', at);
      // CORRECT and INVESTIGATE_FURTHER send the report back to the officers.
      s.status = e.opinion === 'AGREE' ? 'CASE_REVIEWED' : 'FILED';
    },
    NOTICE_APPROVED: (s, e, { at }) => {
      s.noticeApproval = { approvedBy: e.approvedBy, at, ...(e.comments !== undefined ? { comments: e.comments } : {}) };
    },
    INVESTIGATION_REOPENED: (s, e, { at }) => reopenInvestigation(s, at, e.reason, e.reopenedBy),
    NOTICE_SERVED: (s, e, { at, policy }) => {
      s.notice = {
        at,
        noticeNumber: e.noticeNumber,
        text: e.text,
        hearingRightsNotified: e.hearingRightsNotified,
        service: clone(e.service),
        ...(e.proposedPenalty ? { proposedPenalty: clone(e.proposedPenalty) } : {}),
      };
      s.status = 'NOTICE_SERVED';
      // APL 45, 62: the party's defence window runs from (deemed) receipt.
      armDeadline(s, 'defence', e.service.deemedServedAt, at, policy);
      // APL 64: and, separately, the window to request a hearing.
      if (e.hearingWindow) armDeadline(s, 'hearingRequest', e.service.deemedServedAt, at, policy);
      if (e.service.method === 'PUBLIC_NOTICE') {
        // MSA 63: public-notice service time is excluded from the decision limit.
        s.pauses.push({ from: e.service.servedAt, to: e.service.deemedServedAt, reason: PAUSE.PUBLIC_NOTICE });
        recomputeAll(s, policy);
      }
    },
    DEFENCE_RECORDED: (s, e, { at }) => {
      s.defence = {
        waived: e.waived,
        at,
        ...(e.hearingWaived ? { hearingWaived: true } : {}),
        ...(e.statement !== undefined ? { statement: e.statement } : {}),
        ...(e.points ? { points: clone(e.points) } : {}),
      };
      s.status = 'DEFENCE_RECORDED';
      meetDeadline(s, 'defence', at);
      if (e.hearingWaived) {
        s.hearingWaiver = { at };
        meetDeadline(s, 'hearingRequest', at);
      }
    },
  },
  CODES,
);
