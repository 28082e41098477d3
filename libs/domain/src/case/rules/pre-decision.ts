// What the law asks before an ordinary-procedure decision, in the order it is
// done (domain spec §2 steps 5–10): case review, notice, the party's defence,
// the hearing if requested, legal review and collective discussion where
// required. Each step, and the decision, waits for the steps before it.

import type { CaseState } from '../case-state';
import { isRunning } from '../vocabulary';
import { inForce, type RuleOptions } from '../rule-changes';

export const PRE_DECISION_STEPS = ['case-review', 'notice-approval', 'notice', 'defence', 'hearing', 'legal-review', 'collective-discussion'] as const;
export type PreDecisionStep = (typeof PRE_DECISION_STEPS)[number];

export interface PreDecisionRequirement {
  step: PreDecisionStep;
  met: boolean;
  reason: string;
}

export function preDecisionRequirements(s: CaseState): PreDecisionRequirement[] {
  if (s.procedure !== 'ORDINARY' || !s.report) return [];
  const out: PreDecisionRequirement[] = [];
  out.push({
    step: 'case-review',
    met: s.review?.opinion === 'AGREE',
    reason: 'a reviewer who is not a case officer agrees with the report (APL 58; MSA 49)',
  });
  if (s.report.proposedOutcome !== 'PENALTY') return out;
  const a = s.report.assessment;
  out.push({
    step: 'notice-approval',
    // A notice served before approvals were recorded stands for its own approval.
    met: s.noticeApproval !== undefined || s.notice !== undefined,
    reason: 'an agency head approves the pre-decision notice (domain spec §2 step 6; APL 44)',
  });
  out.push({ step: 'notice', met: s.notice !== undefined, reason: 'the pre-decision notice is served (APL 44, 62)' });
  const d = s.deadlines.defence;
  out.push({
    step: 'defence',
    // Only a window this notice opened counts: one cancelled with a superseded notice never lapsed.
    met: s.notice !== undefined && (s.defence !== undefined || s.hearing !== undefined || (d !== undefined && !isRunning(d) && d.state !== 'CANCELLED')),
    reason: 'the party has stated a defence, waived it, or let the period lapse (APL 45)',
  });
  if (s.hearing) out.push({ step: 'hearing', met: s.hearing.heldAt !== undefined, reason: 'the requested hearing is held (APL 64)' });
  if (a.legalReviewRequired) {
    out.push({ step: 'legal-review', met: s.legalReview?.opinion === 'APPROVE', reason: 'the legal review of this major decision passed (APL 58)' });
  }
  if (a.collectiveDiscussionRequired) {
    out.push({
      step: 'collective-discussion',
      met: s.collectiveDiscussions.some((c) => c.purpose === 'DECISION' && Date.parse(c.recordedAt) >= Date.parse(s.report!.submittedAt)),
      reason: 'the agency heads discussed the case collectively (APL 57)',
    });
  }
  return out;
}

/** The requirements not yet met among the steps that come before `step` (all of them before the decision). */
export function missingBefore(s: CaseState, step: PreDecisionStep | 'decision', rules?: RuleOptions): PreDecisionRequirement[] {
  const until = step === 'decision' ? PRE_DECISION_STEPS.length : PRE_DECISION_STEPS.indexOf(step);
  return preDecisionRequirements(s).filter(
    (r) => !r.met && PRE_DECISION_STEPS.indexOf(r.step) < until && (r.step !== 'notice-approval' || inForce(rules, 'notice-approval')),
  );
}
