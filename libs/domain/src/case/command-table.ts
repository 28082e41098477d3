// The command table, assembled from the stages: for every command its action,
// the roles that may issue it, the states it may come from and its handler;
// for every event its fold. decide(), evolve(), allowedActions() and the
// HTTP routes all read this one table.

import type { CommandType } from './case-commands';
import type { CaseEventType } from './case-events';
import { caseControl } from './stages/case-control';
import { closing } from './stages/closing';
import { criminalTransfer } from './stages/criminal-transfer';
import { deadlineTimers } from './stages/deadline-timers';
import { decision } from './stages/decision';
import { execution } from './stages/execution';
import { filing } from './stages/filing';
import { hearing } from './stages/hearing';
import { investigation } from './stages/investigation';
import type { CommandRule, CommandSpec, Fold, Stage } from './stages/kit';
import { legalReview } from './stages/legal-review';
import { notice } from './stages/notice';
import { registration } from './stages/registration';
import { simpleProcedure } from './stages/simple-procedure';
import type { ActionName } from './vocabulary';

export type { CommandRule } from './stages/kit';

/** The stages in the order a case meets them. */
export const STAGES: readonly Stage[] = [
  registration,
  filing,
  investigation,
  notice,
  hearing,
  legalReview,
  decision,
  execution,
  caseControl,
  closing,
  simpleProcedure,
  deadlineTimers,
  criminalTransfer,
];

// A key in two stages would silently win by order: refuse it when the table is built.
for (const part of ['commands', 'events'] as const) {
  const seen = new Map<string, string>();
  for (const st of STAGES) {
    for (const key of Object.keys(st[part])) {
      if (seen.has(key)) throw new Error(`${key} is defined by both the ${seen.get(key)} and ${st.name} stages`);
      seen.set(key, st.name);
    }
  }
}

/** Every command, each from its own stage (the type checks none is missing). */
export const COMMAND_SPECS = {
  ...registration.commands,
  ...filing.commands,
  ...investigation.commands,
  ...notice.commands,
  ...hearing.commands,
  ...legalReview.commands,
  ...decision.commands,
  ...execution.commands,
  ...caseControl.commands,
  ...closing.commands,
  ...simpleProcedure.commands,
  ...deadlineTimers.commands,
  ...criminalTransfer.commands,
} satisfies { [T in CommandType]: CommandSpec<T> } as { [T in CommandType]: CommandSpec<T> };

/** Every event but the first (which creates the state), each folded by its own stage. */
export const EVENT_FOLDS = {
  ...registration.events,
  ...filing.events,
  ...investigation.events,
  ...notice.events,
  ...hearing.events,
  ...legalReview.events,
  ...decision.events,
  ...execution.events,
  ...caseControl.events,
  ...closing.events,
  ...simpleProcedure.events,
  ...deadlineTimers.events,
  ...criminalTransfer.events,
} satisfies { [E in Exclude<CaseEventType, 'LEAD_REGISTERED'>]: Fold<E> } as { [E in Exclude<CaseEventType, 'LEAD_REGISTERED'>]: Fold<E> };

/** Who may issue each command and from which states. */
export const COMMAND_RULES: Record<CommandType, CommandRule> = COMMAND_SPECS;

/** The HTTP action of each command; null: issued by the workflow's own timers. */
export const COMMAND_ACTIONS = Object.fromEntries(
  Object.entries(COMMAND_SPECS).map(([type, spec]) => [type, spec.action]),
) as Record<CommandType, ActionName | null>;

/** Commands behind an action, for an edge that routes one path to several commands. */
export function commandsForAction(action: ActionName): CommandType[] {
  return (Object.keys(COMMAND_ACTIONS) as CommandType[]).filter((t) => COMMAND_ACTIONS[t] === action);
}
