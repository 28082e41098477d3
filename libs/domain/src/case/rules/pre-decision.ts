// What the law asks before an ordinary-procedure decision, in the order it is
// done (domain spec §2 steps 5–10): case review, notice, the party's defence,
// the hearing if requested, legal review and collective discussion where
// required. Each step, and the decision, waits for the steps before it.

import type { JurisdictionPolicy } from '../../policy/policy.types';
import type { CaseState } from '../case-state';
import { inForce, type RuleOptions } from '../rule-changes';
import { isRunning, type Role } from '../vocabulary';

export const PRE_DECISION_STEPS = ['case-review', 'notice-approval', 'notice', 'defence', 'hearing', 'legal-review', 'collective-discussion'] as const;
export type PreDecisionStep = (typeof PRE_DECISION_STEPS)[number];

export interface PreDecisionRequirement {
  step: PreDecisionStep;
  met: boolean;
  reason: string;
  /** The same, in Chinese (zh-CN). */
  reasonZh: string;
}

// ---------------------------------------------------------------------------
// Which decisions need legal review (法制审核) and collective discussion (集体讨论)

/**
 * APL 58's four triggers, judged on the case as it stands (domain spec §3):
 * (4) the agency's review list, as the report's assessment applied it
 * (amounts with their inclusive/exclusive edge, penalty kinds, 减轻); (2) a
 * hearing was held where the policy says a heard decision is reviewed; (1)(3)
 * the case was marked major (public interest, complex, several legal
 * relationships) with its reason; (4) a violation code other laws send to
 * review. Each ground is a sentence naming its source.
 */
export function legalReviewGrounds(s: CaseState, policy: JurisdictionPolicy): string[] {
  const lr = policy.legalReview;
  const out: string[] = [];
  if (s.report?.assessment.legalReviewRequired) {
    out.push(...s.report.assessment.reasons.filter((r) => r.startsWith('legal review')));
  }
  if (lr.afterHearing && s.hearing?.heldAt !== undefined) out.push(`legal review: the decision went through a hearing held ${s.hearing.heldAt} (APL 58 (2); ${lr.source})`);
  if (s.majorCase) out.push(`legal review: marked ${s.majorCase.grounds.join(', ')} by ${s.majorCase.markedBy.name}: ${s.majorCase.reason} (APL 58 (1), (3))`);
  if (lr.violationCodes?.includes(s.violationCode)) out.push(`legal review: violation ${s.violationCode} is on the review list (APL 58 (4); ${lr.source})`);
  return out;
}

/**
 * 集体讨论 (APL 57): the report's own assessment (which may require it for
 * other reasons, such as 减轻 below a benchmark), and, under MSA, every
 * decision that needs legal review unless the policy says otherwise.
 */
export function collectiveDiscussionGrounds(s: CaseState, policy: JurisdictionPolicy, legalReview: string[] = legalReviewGrounds(s, policy)): string[] {
  const out: string[] = [];
  const a = s.report?.assessment;
  if (a?.collectiveDiscussionRequired) out.push(...a.reasons.filter((r) => r.startsWith('collective discussion')));
  if (legalReview.length > 0 && policy.collectiveDiscussion?.requiredWithLegalReview !== false) {
    const withReview = 'collective discussion: required with legal review (MSA)';
    if (!out.includes(withReview)) out.push(withReview);
  }
  return out;
}

/** Folded after every event (evolve): what the case as it stands needs before its decision, shown in its state. */
export function deriveReviewGrounds(s: CaseState, policy: JurisdictionPolicy): void {
  const legalReview = legalReviewGrounds(s, policy);
  const collectiveDiscussion = collectiveDiscussionGrounds(s, policy, legalReview);
  if (legalReview.length > 0 || collectiveDiscussion.length > 0) s.reviewGrounds = { legalReview, collectiveDiscussion };
  else delete s.reviewGrounds;
}

/** Who a collective discussion is of: the policy's roles and quorum, else two heads of the agency (APL 57). */
export const COLLECTIVE_DISCUSSION_FALLBACK = { minAttendees: 2, roles: ['AGENCY_HEAD'] as Role[], source: 'APL 57 (the agency heads together: at least 2)' };
export function collectiveDiscussionRule(policy: JurisdictionPolicy): { minAttendees: number; roles: Role[]; source: string } {
  const p = policy.collectiveDiscussion;
  if (!p || !Array.isArray(p.roles) || p.roles.length === 0) return COLLECTIVE_DISCUSSION_FALLBACK;
  // A discussion of one is no discussion: never fewer than 2, whatever the policy says.
  return { minAttendees: Math.max(2, p.minAttendees), roles: p.roles, source: p.source };
}

function legalReviewRequired(s: CaseState, rules?: RuleOptions): boolean {
  if (!inForce(rules, 'legal-review-assignment')) return s.report?.assessment.legalReviewRequired === true;
  return (s.reviewGrounds?.legalReview.length ?? 0) > 0;
}

function collectiveDiscussionRequired(s: CaseState, rules?: RuleOptions): boolean {
  if (!inForce(rules, 'legal-review-assignment')) return s.report?.assessment.collectiveDiscussionRequired === true;
  return (s.reviewGrounds?.collectiveDiscussion.length ?? 0) > 0;
}

/** The legal review approved this report: an APPROVE recorded after it was submitted (a changed proposal is reviewed again). */
export function legalReviewApproved(s: CaseState, rules?: RuleOptions): boolean {
  const lr = s.legalReview;
  if (lr?.opinion !== 'APPROVE') return false;
  if (!inForce(rules, 'legal-review-assignment') || !s.report) return true;
  return lr.reviewedAt !== undefined && Date.parse(lr.reviewedAt) >= Date.parse(s.report.submittedAt);
}

export function preDecisionRequirements(s: CaseState, rules?: RuleOptions): PreDecisionRequirement[] {
  if (s.procedure !== 'ORDINARY' || !s.report) return [];
  const out: PreDecisionRequirement[] = [];
  out.push({
    step: 'case-review',
    met: s.review?.opinion === 'AGREE',
    reason: 'a reviewer who is not a case officer agrees with the report (APL 58; MSA 49)',
    reasonZh: '由非本案承办人员的审核人员审核同意调查终结报告（《行政处罚法》第58条；《市场监督管理行政处罚程序规定》第49条）',
  });
  const penalty = s.report.proposedOutcome === 'PENALTY';
  // Before the legal-review rules, a report proposing no penalty needed nothing more.
  if (!penalty && !inForce(rules, 'legal-review-assignment')) return out;
  if (penalty) {
    if (inForce(rules, 'notice-approval')) {
      out.push({
        step: 'notice-approval',
        // A notice served before approvals were recorded stands for its own approval.
        met: s.noticeApproval !== undefined || s.notice !== undefined,
        reason: 'an agency head approves the pre-decision notice (domain spec §2 step 6; APL 44)',
        reasonZh: '行政处罚告知经机关负责人审批（《行政处罚法》第44条）',
      });
    }
    out.push({
      step: 'notice',
      met: s.notice !== undefined,
      reason: 'the pre-decision notice is served (APL 44, 62)',
      reasonZh: '已向当事人送达行政处罚告知书（《行政处罚法》第44条、第62条）',
    });
    const d = s.deadlines.defence;
    out.push({
      step: 'defence',
      // Only a window this notice opened counts: one cancelled with a superseded notice never lapsed.
      met: s.notice !== undefined && (s.defence !== undefined || s.hearing !== undefined || (d !== undefined && !isRunning(d) && d.state !== 'CANCELLED')),
      reason: 'the party has stated a defence, waived it, or let the period lapse (APL 45)',
      reasonZh: '当事人已陈述申辩、放弃陈述申辩或陈述申辩期限已届满（《行政处罚法》第45条）',
    });
    if (s.hearing) {
      out.push({
        step: 'hearing',
        met: s.hearing.heldAt !== undefined || s.hearing.endedAt !== undefined,
        reason: 'the requested hearing is held, or ended by the party as a waiver (APL 64)',
        reasonZh: '已举行当事人申请的听证，或当事人以放弃听证的方式终止听证（《行政处罚法》第64条）',
      });
    }
  }
  if (legalReviewRequired(s, rules)) {
    const why = inForce(rules, 'legal-review-assignment') ? `: ${s.reviewGrounds?.legalReview.join('; ')}` : '';
    out.push({
      step: 'legal-review',
      met: legalReviewApproved(s, rules),
      reason: `a legal reviewer approved this proposal (APL 58)${why}`,
      reasonZh: '法制审核人员已审核同意本处罚建议（《行政处罚法》第58条）',
    });
  }
  if (collectiveDiscussionRequired(s, rules)) {
    out.push({
      step: 'collective-discussion',
      met: s.collectiveDiscussions.some((c) => c.purpose === 'DECISION' && Date.parse(c.recordedAt) >= Date.parse(s.report!.submittedAt)),
      reason: 'the agency heads discussed the case collectively (APL 57)',
      reasonZh: '机关负责人已集体讨论本案（《行政处罚法》第57条）',
    });
  }
  return out;
}

/** The requirements not yet met among the steps that come before `step` (all of them before the decision). */
export function missingBefore(s: CaseState, step: PreDecisionStep | 'decision', rules?: RuleOptions): PreDecisionRequirement[] {
  const until = step === 'decision' ? PRE_DECISION_STEPS.length : PRE_DECISION_STEPS.indexOf(step);
  return preDecisionRequirements(s, rules).filter((r) => !r.met && PRE_DECISION_STEPS.indexOf(r.step) < until);
}
