// 集体讨论: the agency heads discuss a case together, before a decision that
// needs it (after any legal review) or to authorise a further extension of
// the decision limit (APL 57, 60). Who attends and how many come from the
// policy (rules/pre-decision.ts: collectiveDiscussionRule).

import type { ActorSnapshot } from '../actor.types';
import type { PersonRef } from '../case-records';
import { failWith, type RejectionStatus } from '../rejection';
import { zhList, zhOr, zhRole } from '../messages';
import { collectiveDiscussionRule } from '../rules/pre-decision';
import { hasRole, personRef } from '../rules/people';
import { Validator } from '../rules/validation';
import { DISCUSSION_PURPOSES, type DiscussionPurpose, HEARING_PENDING, INVESTIGATING } from '../vocabulary';
import { inForce } from '../rule-changes';
import { all, clone, inStatus, invalid, stage } from './kit';
import { noDefenceRunning, noHearingWindowRunning, stepsDoneBefore } from './shared';

/** The refusals only this stage gives. */
const CODES = {
  'COLLECTIVE.ATTENDEE_NOT_HEAD': 422,
  'COLLECTIVE.QUORUM_NOT_MET': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type CollectiveDiscussionCommand = {
      type: 'RECORD_COLLECTIVE_DISCUSSION';
      /** DECISION: before the decision (moves the case on); EXTENSION: authorises a further decision extension. */
      purpose: DiscussionPurpose;
      heldAt: string;
      /** The agency heads present, as the API read them from Postgres (roles included). */
      attendees: ActorSnapshot[];
      minutes: string;
      resolution: string;
    };

export type CollectiveDiscussionEvent = {
  type: 'COLLECTIVE_DISCUSSION_RECORDED';
  purpose: DiscussionPurpose;
  heldAt: string;
  attendees: PersonRef[];
  minutes: string;
  resolution: string;
};

export const collectiveDiscussion = stage<CollectiveDiscussionCommand, CollectiveDiscussionEvent>()(
  'collective-discussion',
  {
    RECORD_COLLECTIVE_DISCUSSION: {
      action: 'collective-discussion',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: (s, cmd, rules) => {
        const purpose = (cmd as { purpose?: string }).purpose ?? 'DECISION';
        if (purpose === 'EXTENSION') return inStatus([...INVESTIGATING, 'SUSPENDED'])(s, cmd, rules);
        if (HEARING_PENDING.includes(s.status)) return fail('CASE.HEARING_PENDING', { en: 'Discuss the decision after the hearing', zh: '须在听证结束后再集体讨论处罚决定' });
        if (s.status === 'LEGAL_REVIEW_PENDING') return fail('CASE.LEGAL_REVIEW_PENDING', { en: 'Discuss the decision after the legal review', zh: '须在法制审核完成后再集体讨论处罚决定' });
        return all(
          inStatus(['INVESTIGATION_REPORTED', 'CASE_REVIEWED', 'NOTICE_SERVED', 'DEFENCE_RECORDED', 'HEARING_HELD', 'LEGAL_REVIEW_PASSED']),
          noDefenceRunning,
          noHearingWindowRunning,
          stepsDoneBefore('collective-discussion', { en: 'the collective discussion of the decision', zh: '集体讨论处罚决定' }),
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
        // Who attends and how many: the policy's rule since 'legal-review-assignment', two heads before it.
        const rule = inForce(ctx, 'legal-review-assignment')
          ? collectiveDiscussionRule(ctx.policy)
          : { minAttendees: 2, roles: ['AGENCY_HEAD' as const], source: 'APL 57' };
        const distinct = new Set(cmd.attendees.map((a) => a.userId));
        if (distinct.size < rule.minAttendees) {
          return fail('COLLECTIVE.QUORUM_NOT_MET', {
            en: `A collective discussion needs at least ${rule.minAttendees} distinct attendees (${rule.roles.join(' / ')}), got ${distinct.size} (${rule.source})`,
            zh: `集体讨论须有至少${rule.minAttendees}名不同的参加人（${zhOr(rule.roles.map(zhRole))}），实际为${distinct.size}名（${rule.source}）`,
          });
        }
        const notHeads = !inForce(ctx, 'lawful-decisions')
          ? []
          : cmd.attendees.filter((a) => !rule.roles.some((r) => hasRole(a, r)) || a.agencyId !== s.agencyId);
        if (notHeads.length > 0) {
          return fail('COLLECTIVE.ATTENDEE_NOT_HEAD', {
            en: `A collective discussion is of the agency's ${rule.roles.join(' / ')} (${rule.source}): ${notHeads.map((a) => a.name).join(', ')} is not one of this agency`,
            zh: `集体讨论由本机关${zhOr(rule.roles.map(zhRole))}参加（${rule.source}）：${zhList(notHeads.map((a) => a.name))}不是本机关的${zhOr(rule.roles.map(zhRole))}`,
          });
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
