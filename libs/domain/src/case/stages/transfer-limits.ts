// R310's time limits on a criminal transfer (两法衔接) as the stage uses them:
// which commands they judge, the agency's request windows that close, and
// their end when the transfer reaches an outcome. The periods themselves are
// R310_PERIODS in deadlines.ts.

import type { CaseState } from '../case-state';
import { cancelDeadline } from '../deadlines';
import { zhDue, type Message } from '../messages';
import { failWith, type RejectionStatus } from '../rejection';
import { inForce, type RuleOptions } from '../rule-changes';
import { ms } from '../rules/validation';
import { isRunning, type DeadlineKind } from '../vocabulary';
import type { Check } from './kit';

/** The refusal the limits add to the stage's own. */
export const TRANSFER_LIMIT_CODES = {
  'TRANSFER.WINDOW_CLOSED': 409,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(TRANSFER_LIMIT_CODES);

/** R310's limits, in the order a transfer meets them. */
export const TRANSFER_LIMITS = [
  'transferApproval',
  'transferDispatch',
  'policeFilingDecision',
  'policeIntakeReview',
  'transferReconsiderationRequest',
  'transferReconsiderationAnswer',
  'transferSupervisionRequest',
  'supervisionExplanationRequest',
  'policeNonFilingExplanation',
  'transferMaterialSupply',
  'transferHandover',
] as const satisfies readonly DeadlineKind[];

/** R310's limits judge this command (history recorded before them replays without). */
export function limitsApply(ctx: RuleOptions): { limits?: true } {
  return inForce(ctx, 'r310-limits') ? { limits: true } : {};
}

/** The agency's window for a request to the police or the procuratorate (R310 9) has closed. */
export function windowClosed(kind: 'transferReconsiderationRequest' | 'transferSupervisionRequest', what: Message): Check {
  return (s, _cmd, opts) => {
    const d = s.deadlines[kind];
    if (!d || d.state === 'CANCELLED') return null; // never armed: a transfer recorded before the limits
    const lapsed = !isRunning(d) || (opts?.now !== undefined && ms(opts.now) > ms(d.dueAt));
    return lapsed
      ? fail('TRANSFER.WINDOW_CLOSED', {
          en: `${what.en} was due by ${d.dueAt} (${d.basis.source}); the window has closed`,
          zh: `${what.zh}的期限已于${zhDue(d)}届满（${d.basis.source}）`,
        })
      : null;
  };
}

/** Every R310 limit still running ends: the transfer reached an outcome, or the case left it. */
export function endTransferLimits(s: CaseState, at: string): void {
  for (const kind of TRANSFER_LIMITS) cancelDeadline(s, kind, at);
}
