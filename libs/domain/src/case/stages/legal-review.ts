// 重大执法决定法制审核 and 集体讨论: legal review by a reviewer who did not
// investigate, after any hearing and once the defence window has closed
// (APL 58); collective discussion of the agency heads, before a decision or
// to authorise a further extension of the decision limit (APL 57, 60).

import type { ActorSnapshot } from '../actor.types';
import type { PersonRef } from '../case-records';
import { failWith, type RejectionStatus } from '../rejection';
import { hasRole, personRef } from '../rules/people';
import { Validator } from '../rules/validation';
import { DISCUSSION_PURPOSES, type DiscussionPurpose, HEARING_PENDING, INVESTIGATING, LEGAL_REVIEW_OPINIONS, type LegalReviewOpinion } from '../vocabulary';
import { all, clone, inStatus, invalid, stage } from './kit';
import { noDefenceRunning, noHearingWindowRunning, stepsDoneBefore } from './shared';
import { inForce } from '../rule-changes';

/** The refusals only this stage gives. */
const CODES = {
  'COLLECTIVE.ATTENDEE_NOT_HEAD': 422,
  'COLLECTIVE.QUORUM_NOT_MET': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type LegalReviewCommand =
  | { type: 'REQUEST_LEGAL_REVIEW'; note?: string }
  | { type: 'RECORD_LEGAL_REVIEW'; opinion: LegalReviewOpinion; text: string }
  | {
      type: 'RECORD_COLLECTIVE_DISCUSSION';
      /** DECISION: before the decision (moves the case on); EXTENSION: authorises a further decision extension. */
      purpose: DiscussionPurpose;
      heldAt: string;
      /** The agency heads present, as the API read them from Postgres (roles included). */
      attendees: ActorSnapshot[];
      minutes: string;
      resolution: string;
    };

export type LegalReviewEvent =
  | { type: 'LEGAL_REVIEW_REQUESTED'; reasons: string[]; note?: string }
  | { type: 'LEGAL_REVIEW_RECORDED'; opinion: LegalReviewOpinion; text: string; reviewer: PersonRef }
  | {
      type: 'COLLECTIVE_DISCUSSION_RECORDED';
      purpose: DiscussionPurpose;
      heldAt: string;
      attendees: PersonRef[];
      minutes: string;
      resolution: string;
    };

export const legalReview = stage<LegalReviewCommand, LegalReviewEvent>()(
  'legal-review',
  {
    REQUEST_LEGAL_REVIEW: {
      action: 'legal-review-request',
      roles: ['OFFICER'],
      from: (s, cmd, rules) => {
        if (HEARING_PENDING.includes(s.status)) return fail('CASE.HEARING_PENDING', 'Legal review follows the hearing (APL 58)');
        return all(
          inStatus(['INVESTIGATION_REPORTED', 'CASE_REVIEWED', 'NOTICE_SERVED', 'DEFENCE_RECORDED', 'HEARING_HELD']),
          noDefenceRunning,
          noHearingWindowRunning,
          stepsDoneBefore('legal-review', 'the legal review'),
        )(s, cmd, rules);
      },
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('note', cmd.note, { optional: true });
        if (!v.ok) return invalid(v);
        const reasons = (s.report?.assessment.reasons ?? []).filter((r) => r.startsWith('legal review'));
        const e: LegalReviewEvent = { type: 'LEGAL_REVIEW_REQUESTED', reasons: reasons.length > 0 ? reasons : ['submitted by the case officers'] };
        if (cmd.note !== undefined) e.note = cmd.note;
        return e;
      },
    },
    RECORD_LEGAL_REVIEW: {
      action: 'legal-review',
      roles: ['LEGAL_REVIEWER'],
      decisive: true,
      independent: true,
      from: inStatus(['LEGAL_REVIEW_PENDING']),
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.oneOf('opinion', cmd.opinion, LEGAL_REVIEW_OPINIONS).text('text', cmd.text);
        if (!v.ok) return invalid(v);
        return { type: 'LEGAL_REVIEW_RECORDED', opinion: cmd.opinion, text: cmd.text, reviewer: ctx.person };
      },
    },
    RECORD_COLLECTIVE_DISCUSSION: {
      action: 'collective-discussion',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: (s, cmd, rules) => {
        const purpose = (cmd as { purpose?: string }).purpose ?? 'DECISION';
        if (purpose === 'EXTENSION') return inStatus([...INVESTIGATING, 'SUSPENDED'])(s, cmd, rules);
        if (HEARING_PENDING.includes(s.status)) return fail('CASE.HEARING_PENDING', 'Discuss the decision after the hearing');
        if (s.status === 'LEGAL_REVIEW_PENDING') return fail('CASE.LEGAL_REVIEW_PENDING', 'Discuss the decision after the legal review');
        return all(
          inStatus(['INVESTIGATION_REPORTED', 'CASE_REVIEWED', 'NOTICE_SERVED', 'DEFENCE_RECORDED', 'HEARING_HELD', 'LEGAL_REVIEW_PASSED']),
          noDefenceRunning,
          noHearingWindowRunning,
          stepsDoneBefore('collective-discussion', 'the collective discussion of the decision'),
        )(s, cmd, rules);
      },
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.oneOf('purpose', cmd.purpose, DISCUSSION_PURPOSES).instant('heldAt', cmd.heldAt, { notFuture: true });
        v.text('minutes', cmd.minutes).text('resolution', cmd.resolution);
        if (v.array('attendees', cmd.attendees, { min: 1 })) {
          cmd.attendees.forEach((a, i) => {
            if (inForce(ctx, 'lawful-decisions')) v.actor(`attendees[${i}]`, a);
            else if (v.object(`attendees[${i}]`, a)) v.text(`attendees[${i}].userId`, a.userId).text(`attendees[${i}].name`, a.name);
          });
        }
        if (!v.ok) return invalid(v);
        const distinct = new Set(cmd.attendees.map((a) => a.userId));
        if (distinct.size < 2) {
          return fail('COLLECTIVE.QUORUM_NOT_MET', `A collective discussion needs the agency's heads together: at least 2 attendees, got ${distinct.size} (APL 57)`);
        }
        const notHeads = !inForce(ctx, 'lawful-decisions') ? [] : cmd.attendees.filter((a) => !hasRole(a, 'AGENCY_HEAD') || a.agencyId !== s.agencyId);
        if (notHeads.length > 0) {
          return fail(
            'COLLECTIVE.ATTENDEE_NOT_HEAD',
            `A collective discussion is of the agency's heads (APL 57): ${notHeads.map((a) => a.name).join(', ')} is not a head of this agency`,
          );
        }
        return {
          type: 'COLLECTIVE_DISCUSSION_RECORDED',
          purpose: cmd.purpose,
          heldAt: cmd.heldAt,
          attendees: cmd.attendees.map(personRef),
          minutes: cmd.minutes,
          resolution: cmd.resolution,
        };
      },
    },
  },
  {
    LEGAL_REVIEW_REQUESTED: (s, e, { at }) => {
      s.legalReview = { requestedAt: at, reasons: [...e.reasons] };
      s.status = 'LEGAL_REVIEW_PENDING';
    },
    LEGAL_REVIEW_RECORDED: (s, e, { at }) => {
      s.legalReview = { ...(s.legalReview ?? { requestedAt: at, reasons: [] }), opinion: e.opinion, text: e.text, reviewer: e.reviewer, reviewedAt: at };
      // RETURN and REJECT: the officers revise and resubmit the report.
      s.status = e.opinion === 'APPROVE' ? 'LEGAL_REVIEW_PASSED' : 'FILED';
    },
    COLLECTIVE_DISCUSSION_RECORDED: (s, e, { at }) => {
      s.collectiveDiscussions.push({
        purpose: e.purpose,
        heldAt: e.heldAt,
        attendees: clone(e.attendees),
        minutes: e.minutes,
        resolution: e.resolution,
        recordedAt: at,
      });
      if (e.purpose === 'DECISION') s.status = 'COLLECTIVE_DISCUSSED';
    },
  },
  CODES,
);
