// The heads' reasoned decisions not to transfer a suspected crime (R310 5, 11),
// as supervisors read them beside the transfers: each with the flag it
// cleared (an officer's grounds or the thresholds the figures reached).

import type { CaseState } from '../case/case-state';
import type { NoTransferDecision } from '../case/suspicion-records';

/** Every decision not to transfer of one case, newest first. */
export function noTransferDecisions(state: CaseState): NoTransferDecision[] {
  return [...(state.noTransferDecisions ?? [])].reverse();
}
