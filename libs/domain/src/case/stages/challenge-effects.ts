// What a challenge's outcome does to the decision (since the
// 'challenge-effects' rule change): revoked or found invalid, nothing is due
// any more; varied, the new penalty's amount is due. Money paid beyond what
// is now due is recorded as owed back to the party, never hidden. The effect
// is computed when the outcome is judged and travels in the event, so older
// events fold as they always did.

import type { CaseState, Penalty } from '../case-state';
import { failWith, type Fail, type RejectionStatus } from '../rejection';
import { amountDue, heavierThan } from '../rules/penalty';
import { fen } from '../rules/validation';
import type { ChallengeKind, ChallengeResult } from '../vocabulary';
import { clone, type EvolveMeta } from './kit';
import { completed } from './shared';
import { cancelDeadline } from '../deadlines';
import { isRunning } from '../vocabulary';

export const EFFECT_CODES = {
  'CHALLENGE.VARIED_HEAVIER': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(EFFECT_CODES);

/** The amount due after the outcome, and what the party paid beyond it. */
export interface ChallengeEffect {
  amountDue: number;
  refundOwed?: number;
}

/** Outcomes that leave the decision with nothing to execute. */
export const VOIDING_RESULTS: readonly ChallengeResult[] = ['REVOKED', 'CONFIRMED_INVALID'];

/** The window a challenge of `kind` is filed in. */
export function challengeWindow(s: CaseState, kind: ChallengeKind): string | undefined {
  return (kind === 'RECONSIDERATION' ? s.deadlines.reconsiderationWindow : s.deadlines.litigationWindow)?.dueAt;
}

/**
 * The effect of an outcome on the decision, or null when it leaves the
 * decision as it stands (upheld, dismissed, withdrawn). A varied penalty may
 * not be heavier than the one in force (ARL 63; ALL 77).
 */
export function challengeEffect(s: CaseState, result: ChallengeResult | undefined, penalty: Penalty | undefined): Fail | ChallengeEffect | null {
  const d = s.decision;
  if (!d || result === undefined) return null;
  let due: number;
  if (VOIDING_RESULTS.includes(result)) due = 0;
  else if (result === 'VARIED' && penalty) {
    const heavier = heavierThan(penalty, d.varied?.penalty ?? d.penalty);
    if (heavier) {
      return fail(
        'CHALLENGE.VARIED_HEAVIER',
        {
          en: `A varied decision may not burden the party more (ARL 63; ALL 77): ${heavier.en}`,
          zh: `变更决定不得加重当事人的义务（《行政复议法》第63条、《行政诉讼法》第77条）：${heavier.zh}`,
        },
        [{ field: 'penalty', message: heavier }],
      );
    }
    due = amountDue(penalty);
  } else return null;
  const refund = (fen(s.amountPaid) - fen(due)) / 100;
  return { amountDue: due, ...(refund > 0 ? { refundOwed: refund } : {}) };
}

/** Fold the effect: the new amount due; a payment clock with nothing left to pay is cancelled and the case is complete. */
export function applyChallengeEffect(
  s: CaseState,
  e: { challengeId: string; at: string; effect: ChallengeEffect; penalty?: Penalty },
  meta: EvolveMeta,
): void {
  const d = s.decision;
  if (!d) return;
  d.amountDue = e.effect.amountDue;
  if (e.penalty) d.varied = { penalty: clone(e.penalty), challengeId: e.challengeId, at: e.at };
  if (e.effect.refundOwed !== undefined) d.refundOwed = e.effect.refundOwed;
  else delete d.refundOwed;
  if (fen(s.amountPaid) >= fen(e.effect.amountDue)) {
    cancelDeadline(s, 'payment', meta.at);
    if (s.status === 'SERVED' && !isRunning(s.deadlines.closure)) completed(s, meta.at, meta);
    // What was paid covers the varied penalty: it is executed, as of the last payment.
    if (s.status === 'SERVED' && fen(e.effect.amountDue) > 0) {
      s.status = 'EXECUTED';
      s.executedAt = s.payments.at(-1)?.paidAt ?? meta.at;
    }
  }
}
