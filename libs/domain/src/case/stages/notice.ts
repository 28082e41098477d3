// Review, notice and defence (审核, 告知, 陈述申辩): a reviewer who did not
// investigate reviews the report; a proposed penalty is notified to the party,
// whose defence window then runs (APL 44, 45, 62).

import type { Penalty, PersonRef, ServiceDetails, ServiceRecord } from '../case-records';
import { armDeadline, meetDeadline, recomputeAll } from '../deadlines';
import { failWith, type RejectionStatus } from '../rejection';
import { checkService, serviceRecord, validateService } from '../rules/service';
import { Validator } from '../rules/validation';
import { REVIEW_OPINIONS, type ReviewOpinion } from '../vocabulary';
import { all, clone, inStatus, invalid, stage } from './kit';
import { hearingWindowRules, PAUSE, stepsDoneBefore } from './shared';

/** The refusals only this stage gives. */
const CODES = {
  'NOTICE.NOT_REQUIRED': 409,
  'NOTICE.HEARING_RIGHTS_MISSING': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type NoticeCommand =
  | { type: 'REVIEW_CASE'; opinion: ReviewOpinion; comments: string }
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
    SERVE_NOTICE: {
      action: 'notice',
      roles: ['OFFICER'],
      from: all(
        inStatus(['INVESTIGATION_REPORTED', 'CASE_REVIEWED']),
        (s) => (s.report?.proposedOutcome === 'PENALTY' ? null : fail('NOTICE.NOT_REQUIRED', 'A pre-decision notice is served only when a penalty is proposed (APL 44)')),
        // The reviewed report is what the party is told of (审核 before 告知: MSA 49–55; APL 44).
        stepsDoneBefore('notice', 'the notice'),
      ),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('noticeNumber', cmd.noticeNumber).text('text', cmd.text).bool('hearingRightsNotified', cmd.hearingRightsNotified);
        validateService(v, '', cmd);
        if (!v.ok) return invalid(v);
        const sf = checkService(cmd);
        if (sf) return sf;
        if (s.report?.assessment.hearingOffered && !cmd.hearingRightsNotified) {
          return fail('NOTICE.HEARING_RIGHTS_MISSING', 'The proposed penalty qualifies for a hearing: the notice must tell the party of that right (APL 44, 63)');
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
      // CORRECT and INVESTIGATE_FURTHER send the report back to the officers.
      s.status = e.opinion === 'AGREE' ? 'CASE_REVIEWED' : 'FILED';
    },
    NOTICE_SERVED: (s, e, { at, policy }) => {
      s.notice = {
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
