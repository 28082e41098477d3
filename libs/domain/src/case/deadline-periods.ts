// The period of each deadline kind: the jurisdiction policy's, or, for a
// kind an older policy lacks, the statute's own (or zhifa's stated choice
// where the law sets none), with extensions added as the law counts them.

import type { JurisdictionPolicy, PeriodSpec } from '../policy/policy.types';
import type { DeadlineKind } from './vocabulary';

/** Which policy period extends which deadline (MSA 18; APL 60). */
export const EXTENSION_PERIOD: Partial<Record<DeadlineKind, 'filingDecisionExtension' | 'decisionExtension'>> = {
  filingDecision: 'filingDecisionExtension',
  decision: 'decisionExtension',
};

/** APL 64: a hearing is requested within 5 days of the notice, counted as the defence period is. */
function hearingRequestPeriod(policy: JurisdictionPolicy): PeriodSpec {
  return { ...policy.deadlines.defence, source: 'APL 64 (the defence period of the policy)' };
}

/**
 * 法制审核 has no statutory period (APL 58 leaves it to the agency): a policy
 * without one gets 5 working days, reminded 1 day before. This is zhifa's
 * choice, not the law's, and the deadline's basis says so.
 */
export const LEGAL_REVIEW_FALLBACK: PeriodSpec = {
  days: 5,
  kind: 'WORKING',
  source: 'APL 58 (period not set by the policy: 5 working days, a policy choice)',
  remindBefore: 1,
};

/**
 * R310's limits on a criminal transfer, counted in calendar days (domain spec
 * §4.9: the regulation has no working-day clause); dispatch is 24 hours of
 * wall time. A policy may restate them; older policies lack them.
 */
export const R310_PERIODS = {
  transferApproval: { days: 3, kind: 'CALENDAR', source: 'R310 5 (head decides within 3 days)', remindBefore: 1 },
  transferDispatch: { days: 1, kind: 'CALENDAR', seconds: 86_400, source: 'R310 6 (dispatched within 24 hours of approval)', remindBefore: 6 * 3600 },
  policeFilingDecision: { days: 3, kind: 'CALENDAR', source: 'R310 8 (police decide within 3 days of receipt)', remindBefore: 1 },
  transferReconsiderationRequest: { days: 3, kind: 'CALENDAR', source: 'R310 9 (reconsideration asked within 3 days of the refusal)', remindBefore: 1 },
  transferReconsiderationAnswer: { days: 3, kind: 'CALENDAR', source: 'R310 9 (police answer within 3 days)', remindBefore: 1 },
  transferSupervisionRequest: { days: 3, kind: 'CALENDAR', source: 'R310 9 (filing supervision asked within 3 days of the final refusal)', remindBefore: 1 },
  transferMaterialSupply: { days: 3, kind: 'CALENDAR', source: 'R310 7 (missing material supplied within 3 days of the request)', remindBefore: 1 },
  transferHandover: { days: 3, kind: 'CALENDAR', source: "R310 12 (items and files handed over within 3 days of the police's filing notice)", remindBefore: 1 },
  policeIntakeReview: {
    days: 1,
    kind: 'CALENDAR',
    seconds: 86_400,
    source: 'R310 7 (within 24 hours of receipt: forwarded to the competent unit, or missing material requested)',
    remindBefore: 6 * 3600,
  },
  supervisionExplanationRequest: {
    days: 7,
    kind: 'CALENDAR',
    source: "R310 9; procuratorate rules 559-563 (the police asked to explain their refusal within 7 days of the agency's request)",
    remindBefore: 2,
  },
  policeNonFilingExplanation: {
    days: 7,
    kind: 'CALENDAR',
    source: "Procuratorate rules 559-563 (the police explain their refusal in writing within 7 days of the procuratorate's notice)",
    remindBefore: 2,
  },
} as const satisfies Partial<Record<DeadlineKind, PeriodSpec>>;
/** 查封扣押 lasts 30 days (ACL 25; more than 10 days, so calendar days, ACL 69); reminded 3 days before (zhifa's choice). */
export const SEIZURE_FALLBACK: PeriodSpec = {
  days: 30,
  kind: 'CALENDAR',
  source: 'ACL 25 (period not set by the policy: the statutory 30 days; reminder 3 days before, a policy choice)',
  remindBefore: 3,
};

/**
 * ACL 53 counts the court-enforcement period in months, which a PeriodSpec
 * cannot say: armDeadlineOn arms it on the date three months on, and takes
 * only the reminder (and a test period in seconds) from the policy. A policy
 * without one is reminded 10 days before (zhifa's choice).
 */
export const COURT_ENFORCEMENT_REMINDER: PeriodSpec = {
  days: 0,
  kind: 'CALENDAR',
  source: 'ACL 53 (3 months from the close of the challenge windows)',
  remindBefore: 10,
};

/**
 * The party's challenge windows as the statutes set them, from service of the
 * decision: 复议 60 days (ARL 20), 诉讼 6 months (ALL 46). A policy may state
 * them (the same figures); older policies lack them and get these.
 */
export const CHALLENGE_WINDOW_PERIODS: Record<'reconsiderationWindow' | 'litigationWindow', PeriodSpec> = {
  reconsiderationWindow: { days: 60, kind: 'CALENDAR', source: 'ARL 20 (60 days from service)' },
  litigationWindow: { days: 0, months: 6, kind: 'CALENDAR', source: 'ALL 46 (6 months from service)' },
};

/** The period of a deadline kind: the policy's, or the fallback of a period older policies lack. */
export function periodOf(kind: DeadlineKind, policy: JurisdictionPolicy): PeriodSpec {
  return basePeriod(kind, policy);
}

function basePeriod(kind: DeadlineKind, policy: JurisdictionPolicy): PeriodSpec {
  const p = policy.deadlines[kind];
  if (p) return p;
  if (kind in R310_PERIODS) return R310_PERIODS[kind as keyof typeof R310_PERIODS];
  if (kind === 'seizure') return SEIZURE_FALLBACK;
  if (kind === 'courtEnforcement') return COURT_ENFORCEMENT_REMINDER;
  if (kind === 'reconsiderationWindow' || kind === 'litigationWindow') return CHALLENGE_WINDOW_PERIODS[kind];
  return kind === 'legalReview' ? LEGAL_REVIEW_FALLBACK : hearingRequestPeriod(policy);
}

/** Base period plus `extensions` extension periods; same day kind is summed, as the law counts them. */
export function effectivePeriod(kind: DeadlineKind, extensions: number, policy: JurisdictionPolicy): PeriodSpec {
  const base = basePeriod(kind, policy);
  const extKey = EXTENSION_PERIOD[kind];
  if (extensions === 0 || !extKey) return base;
  const ext = policy.deadlines[extKey];
  const period: PeriodSpec = {
    // Differing kinds would need chaining; policies use WD+WD and calendar+calendar.
    days: base.days + extensions * ext.days,
    kind: base.kind,
    source: `${base.source}; extended ${extensions}× (${ext.source})`,
  };
  if (base.seconds !== undefined) period.seconds = base.seconds + extensions * (ext.seconds ?? 0);
  if (base.remindBefore !== undefined) period.remindBefore = base.remindBefore;
  return period;
}

