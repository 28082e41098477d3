// Statutory deadlines carried by a case. evolve() arms, recomputes and closes
// them; the workflow arms Temporal timers from dueAt / remindAt of every OPEN
// deadline (never for SUSPENDED ones) and re-arms when either changes.

import { computeDeadline, localDate } from '../calendar';
import type { JurisdictionPolicy, PeriodSpec } from '../policy/policy.types';
import type { CaseDeadline, CaseState } from './case-state';
import type { CaseFlag, DeadlineKind } from './vocabulary';
import { isRunning } from './vocabulary';
import { effectivePeriod, periodOf } from './deadline-periods';

export {
  CHALLENGE_WINDOW_PERIODS,
  COURT_ENFORCEMENT_REMINDER,
  effectivePeriod,
  EXTENSION_PERIOD,
  LEGAL_REVIEW_FALLBACK,
  periodOf,
  R310_PERIODS,
  SEIZURE_FALLBACK,
} from './deadline-periods';

/** Who must act by the deadline: the agency, the party, or the police or procuratorate of a transfer (R310). */
export type DeadlineOwner = 'AGENCY' | 'PARTY' | 'POLICE' | 'PROCURATORATE';

/** The bodies a transfer goes to: a limit of theirs missed raises TRANSFER_OVERDUE, never the agency's OVERDUE. */
export const TRANSFER_BODY_OWNERS: readonly DeadlineOwner[] = ['POLICE', 'PROCURATORATE'];

export const DEADLINE_OWNER: Record<DeadlineKind, DeadlineOwner> = {
  filingDecision: 'AGENCY',
  caseReview: 'AGENCY',
  defence: 'PARTY',
  hearingRequest: 'PARTY',
  hearingNotice: 'AGENCY',
  decision: 'AGENCY',
  service: 'AGENCY',
  payment: 'PARTY',
  closure: 'AGENCY',
  disclosure: 'AGENCY',
  disclosureWithdrawal: 'AGENCY',
  simpleReport: 'AGENCY',
  evidencePreservation: 'AGENCY',
  legalReview: 'AGENCY',
  reconsiderationWindow: 'PARTY',
  litigationWindow: 'PARTY',
  transferApproval: 'AGENCY',
  transferDispatch: 'AGENCY',
  policeFilingDecision: 'POLICE',
  // A right of the agency, not a duty: letting it pass is no delay (lapseIsDelay).
  transferReconsiderationRequest: 'AGENCY',
  transferReconsiderationAnswer: 'POLICE',
  transferSupervisionRequest: 'AGENCY',
  seizure: 'AGENCY',
  courtEnforcement: 'AGENCY',
  transferMaterialSupply: 'AGENCY',
  transferHandover: 'AGENCY',
  policeIntakeReview: 'POLICE',
  supervisionExplanationRequest: 'PROCURATORATE',
  policeNonFilingExplanation: 'POLICE',
};

/** Windows for a right of the agency (R310 9): letting one pass is a lawful choice, never a delay. */
export const AGENCY_RIGHT_WINDOWS: readonly DeadlineKind[] = ['transferReconsiderationRequest', 'transferSupervisionRequest'];

/**
 * Limits that exclude paused time: the decision limit (APL 60, MSA 63), and the
 * agency's own review limits, which cannot run while the case is suspended
 * (中止) or transferred, since nobody may act on it then.
 */
function pausable(kind: DeadlineKind): boolean {
  return kind === 'decision' || kind === 'caseReview' || kind === 'legalReview';
}

/**
 * The pauses a deadline excludes. A technical examination (检测、鉴定…) is
 * excluded from the decision limit only (MSA 63): the reviews can run meanwhile.
 */
function pausesOf(s: CaseState, kind: DeadlineKind): CaseState['pauses'] {
  if (!pausable(kind)) return [];
  return kind === 'decision' ? s.pauses : s.pauses.filter((p) => !p.reason.startsWith('EXAMINATION'));
}

function compute(s: CaseState, d: Pick<CaseDeadline, 'kind' | 'startAt' | 'extensions'>, policy: JurisdictionPolicy) {
  return computeDeadline({
    rule: d.kind,
    period: effectivePeriod(d.kind, d.extensions, policy),
    start: d.startAt,
    calendars: policy.calendars,
    timeZone: policy.timeZone,
    pauses: pausesOf(s, d.kind),
    fixedDaysOff: !policy.weekendsOnlyWithoutCalendar,
  });
}

export function armDeadline(s: CaseState, kind: DeadlineKind, startAt: string, at: string, policy: JurisdictionPolicy): void {
  const c = compute(s, { kind, startAt, extensions: 0 }, policy);
  const d: CaseDeadline = {
    kind,
    owner: DEADLINE_OWNER[kind],
    startAt,
    dueAt: c.dueAt,
    state: c.suspended ? 'SUSPENDED' : 'OPEN',
    reminded: false,
    basis: c.basis,
    extensions: 0,
    armedAt: at,
  };
  if (c.remindAt !== undefined) d.remindAt = c.remindAt;
  s.deadlines[kind] = d;
}

/**
 * Arms `kind` due at the end of the local date `dueDate` (an approved
 * instalment date, APL 66; three months counted by the calendar, ACL 53),
 * counted as the calendar days from `startAt`: a last day off rolls forward
 * as any calendar period does (MSA 80). The reminder is the policy's; a
 * court-enforcement period in seconds (test policies) replaces the date.
 */
export function armDeadlineOn(s: CaseState, kind: DeadlineKind, startAt: string, dueDate: string, source: string, at: string, policy: JurisdictionPolicy): void {
  const base = periodOf(kind, policy);
  const startDay = Date.parse(`${localDate(startAt, policy.timeZone)}T00:00:00Z`);
  const days = Math.max(0, Math.round((Date.parse(`${dueDate}T00:00:00Z`) - startDay) / 86_400_000));
  // A head's date is a date; only a period the policy sets (court enforcement) may be a test period in seconds.
  const testSeconds = kind === 'courtEnforcement' && base.seconds !== undefined;
  const period: PeriodSpec = testSeconds ? { ...base, source } : { days, kind: 'CALENDAR', source };
  if (!testSeconds && base.remindBefore !== undefined && base.remindBefore < days) period.remindBefore = base.remindBefore;
  const c = computeDeadline({ rule: kind, period, start: startAt, calendars: policy.calendars, timeZone: policy.timeZone, pauses: [] });
  const d: CaseDeadline = {
    kind,
    owner: DEADLINE_OWNER[kind],
    startAt,
    dueAt: c.dueAt,
    state: 'OPEN',
    reminded: false,
    basis: c.basis,
    extensions: 0,
    armedAt: at,
  };
  if (c.remindAt !== undefined) d.remindAt = c.remindAt;
  s.deadlines[kind] = d;
}

/** Recompute a running deadline after a pause or an extension; a moved due date may be reminded again. */
export function recomputeDeadline(s: CaseState, kind: DeadlineKind, policy: JurisdictionPolicy): void {
  const d = s.deadlines[kind];
  if (!d || !isRunning(d)) return;
  const c = compute(s, d, policy);
  if (c.dueAt !== d.dueAt) d.reminded = false;
  d.dueAt = c.dueAt;
  if (c.remindAt !== undefined) d.remindAt = c.remindAt;
  else delete d.remindAt;
  d.basis = c.basis;
  d.state = c.suspended ? 'SUSPENDED' : 'OPEN';
}

export function recomputeAll(s: CaseState, policy: JurisdictionPolicy): void {
  for (const kind of Object.keys(s.deadlines) as DeadlineKind[]) if (pausable(kind)) recomputeDeadline(s, kind, policy);
}

/**
 * Recompute every running deadline (a new holiday calendar reached the case):
 * which ones it moved or whose basis it changed, with the old and new due
 * dates. Pure on `s`: the caller folds the result (stages/deadline-timers.ts).
 */
export function recomputeRunning(
  s: CaseState,
  policy: JurisdictionPolicy,
): { deadline: DeadlineKind; oldDueAt: string; newDueAt: string; oldDueDate: string; newDueDate: string }[] {
  const out: ReturnType<typeof recomputeRunning> = [];
  for (const kind of Object.keys(s.deadlines) as DeadlineKind[]) {
    const d = s.deadlines[kind];
    if (!d || !isRunning(d)) continue;
    const c = compute(s, d, policy);
    if (c.dueAt === d.dueAt && JSON.stringify(c.basis) === JSON.stringify(d.basis)) continue;
    out.push({ deadline: kind, oldDueAt: d.dueAt, newDueAt: c.dueAt, oldDueDate: d.basis.dueDate, newDueDate: c.basis.dueDate });
  }
  return out;
}

/** The act was done; late if after the due instant or already escalated. */
export function meetDeadline(s: CaseState, kind: DeadlineKind, at: string): void {
  const d = s.deadlines[kind];
  if (!d || d.state === 'MET' || d.state === 'CANCELLED') return;
  const late = d.state === 'MISSED' || Date.parse(at) > Date.parse(d.dueAt);
  d.state = 'MET';
  d.metAt = at;
  if (late) d.late = true;
}

export function cancelDeadline(s: CaseState, kind: DeadlineKind, at: string): void {
  const d = s.deadlines[kind];
  if (!d || d.state === 'MET' || d.state === 'CANCELLED') return;
  d.state = 'CANCELLED';
  d.cancelledAt = at;
}

export function cancelAllDeadlines(s: CaseState, at: string, except: DeadlineKind[] = []): void {
  for (const kind of Object.keys(s.deadlines) as DeadlineKind[]) if (!except.includes(kind)) cancelDeadline(s, kind, at);
}

/**
 * Flags are derived, never stored independently, so they cannot drift:
 * OVERDUE while any AGENCY deadline is MISSED (it clears when the act is done
 * late, or the clock is cancelled); PAYMENT_OVERDUE likewise for payment.
 * A lapsed defence window is the party's choice and raises nothing.
 */
export function deriveFlags(s: CaseState): CaseFlag[] {
  const flags: CaseFlag[] = [];
  const deadlines = Object.values(s.deadlines) as CaseDeadline[];
  // A coercive measure whose period ended with the items still held is overdue until they are returned.
  if (
    deadlines.some((d) => d.owner === 'AGENCY' && d.state === 'MISSED' && !AGENCY_RIGHT_WINDOWS.includes(d.kind)) ||
    (s.coerciveMeasures ?? []).some((m) => m.status === 'LAPSED')
  )
    flags.push('OVERDUE');
  if (s.deadlines.payment?.state === 'MISSED') flags.push('PAYMENT_OVERDUE');
  const a = s.decision?.assessment ?? s.report?.assessment;
  // The case as it stands (hearing held, marked major, violation listed) as well as the assessment.
  if (a?.legalReviewRequired || (s.reviewGrounds?.legalReview.length ?? 0) > 0) flags.push('MAJOR_DECISION');
  if (a?.hearingOffered) flags.push('HEARING_OFFERED');
  if (a?.collectiveDiscussionRequired || (s.reviewGrounds?.collectiveDiscussion.length ?? 0) > 0) flags.push('COLLECTIVE_DISCUSSION_REQUIRED');
  if (s.suspectedCrime) flags.push('SUSPECTED_CRIME');
  if (s.decision?.revoked) flags.push('DECISION_REVOKED');
  if (deadlines.some((d) => TRANSFER_BODY_OWNERS.includes(d.owner) && d.state === 'MISSED')) flags.push('TRANSFER_OVERDUE');
  return flags;
}
