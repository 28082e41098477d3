// What several stages share: the guards on the party's defence window and on
// money outstanding, and the state effects of pauses, completion and service.

import type { JurisdictionPolicy } from '../../policy/policy.types';
import type { CaseState } from '../case-state';
import { armDeadline, recomputeAll } from '../deadlines';
import { fail } from '../rejection';
import { zhDue, type Message } from '../messages';
import { fen } from '../rules/validation';
import { isRunning, type DeadlineKind } from '../vocabulary';
import { missingBefore, type PreDecisionStep } from '../rules/pre-decision';
import { byRules, type Check, type EvolveMeta } from './kit';
import { inForce, type RuleOptions } from '../rule-changes';

/** Reasons of the intervals excluded from the decision limit. */
export const PAUSE = {
  SUSPENSION: 'SUSPENSION',
  HEARING: 'HEARING',
  PUBLIC_NOTICE: 'PUBLIC_NOTICE_SERVICE',
  TRANSFER: 'CRIMINAL_TRANSFER',
  /** 检测、检验、检疫、鉴定 number n: `EXAMINATION:n` (MSA 63; the decision limit only). */
  EXAMINATION: 'EXAMINATION',
} as const;

// Judged on the deadline, not the status: no step may cut the party's window short.
export const noDefenceRunning: Check = (s) =>
  isRunning(s.deadlines.defence)
    ? fail('CASE.DEFENCE_PERIOD_RUNNING', {
        en: `The party's defence period runs until ${s.deadlines.defence?.dueAt} (APL 45, 62); record the defence or wait for the period to end`,
        zh: `当事人陈述申辩期限至${zhDue(s.deadlines.defence)}届满（《行政处罚法》第45条、第62条）；请记录陈述申辩，或待期限届满后再办理`,
      })
    : null;

/** The steps the law puts before `step` are done (409 naming each one missing); replayed legacy history keeps its order. */
export function stepsDoneBefore(step: PreDecisionStep | 'decision', what: Message): Check {
  return byRules((s, _cmd, rules) => {
    const missing = missingBefore(s, step, rules);
    if (missing.length === 0) return null;
    return fail(
      'CASE.PRE_DECISION_STEP_MISSING',
      { en: `Before ${what.en}: ${missing.map((m) => m.reason).join('; ')}`, zh: `${what.zh}之前，尚须：${missing.map((m) => m.reasonZh).join('；')}` },
      missing.map((m) => ({ field: m.step, message: { en: m.reason, zh: m.reasonZh } })),
    );
  });
}

/** The separate hearing-request window (APL 64) applies to this command (not to history replayed from before it). */
export function hearingWindowRules(ctx: RuleOptions): boolean {
  return inForce(ctx, 'hearing-window');
}

// The party may still ask for a hearing: nothing that depends on whether one is held may happen yet.
export const noHearingWindowRunning: Check = (s) =>
  isRunning(s.deadlines.hearingRequest)
    ? fail('CASE.HEARING_WINDOW_RUNNING', {
        en: `The party may request a hearing until ${s.deadlines.hearingRequest?.dueAt} (APL 64); record the request or its waiver, or wait for the window to end`,
        zh: `当事人可在${zhDue(s.deadlines.hearingRequest)}前要求听证（《行政处罚法》第64条）；请记录听证申请或放弃听证，或待期限届满后再办理`,
      })
    : null;

/** A reconsideration (复议) or lawsuit (诉讼) is filed and not yet decided. */
export function challengePending(s: CaseState): boolean {
  return s.challenges.some((c) => c.result === undefined);
}

/**
 * When the party's challenge windows close (复议 60 days, ARL 20; 诉讼 6
 * months, ALL 46; both from service): the later due date of the two window
 * deadlines. Undefined until they are armed (before service).
 */
export function challengeWindowsEnd(s: CaseState): string | undefined {
  const ends = [s.deadlines.reconsiderationWindow?.dueAt, s.deadlines.litigationWindow?.dueAt].filter((d): d is string => d !== undefined);
  if (ends.length === 0) return undefined;
  return ends.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}

/** Yuan still owed on the decision. */
export function outstanding(s: CaseState): number {
  return (fen(s.decision?.amountDue ?? 0) - fen(s.amountPaid)) / 100;
}

/** Yuan still to collect: nothing once the decision is revoked or found invalid (judged so since 'challenge-effects'). */
export function stillOwed(s: CaseState): number {
  return s.decision?.revoked ? 0 : Math.max(0, outstanding(s));
}

export function openPause(s: CaseState, from: string, reason: string, policy: JurisdictionPolicy): void {
  s.pauses.push({ from, reason });
  recomputeAll(s, policy);
}

// A pause never ends before it starts (e.g. a hearing dated before the request was recorded).
function endOf(from: string, to: string): string {
  return Date.parse(to) < Date.parse(from) ? from : to;
}

export function closePause(s: CaseState, reasonPrefix: string, to: string, policy: JurisdictionPolicy): void {
  for (let i = s.pauses.length - 1; i >= 0; i--) {
    const p = s.pauses[i];
    if (p.to === undefined && p.reason.startsWith(reasonPrefix)) {
      p.to = endOf(p.from, to);
      break;
    }
  }
  recomputeAll(s, policy);
}

export function closeAllPauses(s: CaseState, to: string, policy: JurisdictionPolicy): void {
  for (const p of s.pauses) if (p.to === undefined) p.to = endOf(p.from, to);
  recomputeAll(s, policy);
}

/** Completion (MSA 77): closing is due N working days after it. */
export function completed(s: CaseState, at: string, meta: EvolveMeta): void {
  armDeadline(s, 'closure', at, meta.at, meta.policy);
}

/** The party's challenge windows (复议, 诉讼): they outlive closing, since the party's right does not end with the case. */
export const CHALLENGE_WINDOWS = ['reconsiderationWindow', 'litigationWindow'] as const satisfies readonly DeadlineKind[];

/** Both windows run from service of the decision (ARL 20; ALL 46); the party owns them, so their lapse raises nothing. */
export function armChallengeWindows(s: CaseState, servedAt: string, meta: EvolveMeta): void {
  for (const kind of CHALLENGE_WINDOWS) armDeadline(s, kind, servedAt, meta.at, meta.policy);
}

/**
 * When the decision becomes (or became) final: the end of the challenge
 * windows, or the last challenge's outcome if later. Undefined while a
 * challenge is pending, once the decision is revoked or found invalid, and
 * before service.
 */
export function decisionFinalAt(s: CaseState): string | undefined {
  const windowsEnd = challengeWindowsEnd(s);
  if (!windowsEnd || s.decision?.revoked || challengePending(s)) return undefined;
  return [windowsEnd, ...s.challenges.map((c) => c.decidedAt).filter((d): d is string => d !== undefined)].reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}

/** After the decision is served: payment if money is due, else the case is complete. */
export function afterService(s: CaseState, meta: EvolveMeta): void {
  const deemed = s.service!.deemedServedAt;
  armChallengeWindows(s, deemed, meta);
  if ((s.decision?.amountDue ?? 0) > 0) {
    // APL 67: pay within N days of receipt.
    armDeadline(s, 'payment', deemed, meta.at, meta.policy);
  } else {
    completed(s, deemed, meta);
  }
}
