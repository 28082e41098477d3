// The command table, assembled from the stages: for every command its action,
// the roles that may issue it, the states it may come from and its handler;
// for every event its fold. decide(), evolve(), allowedActions() and the
// HTTP routes all read this one table.

import type { CommandOf, CommandType } from './case-commands';
import type { CaseEvent, CaseEventType, EventOf } from './case-events';
import { caseControl } from './stages/case-control';
import { challenges } from './stages/challenges';
import { closing } from './stages/closing';
import { criminalTransfer } from './stages/criminal-transfer';
import { transferPoliceSteps } from './stages/transfer-police-steps';
import { transferBodySteps } from './stages/transfer-body-steps';
import { deadlineTimers } from './stages/deadline-timers';
import { examination } from './stages/examination';
import { decision } from './stages/decision';
import { enforcement } from './stages/enforcement';
import { execution } from './stages/execution';
import { filing } from './stages/filing';
import { hearing } from './stages/hearing';
import { investigation } from './stages/investigation';
import { evidence } from './stages/evidence';
import { auxiliaryStaff } from './stages/auxiliary-staff';
import { SHARED_REJECTION_CODES, type RejectionStatus } from './rejection';
import type { ActionName, CommandRule, CommandSpec, Fold, StageInfo } from './stages/kit';
import { legalReview } from './stages/legal-review';
import { collectiveDiscussion } from './stages/collective-discussion';
import { notice } from './stages/notice';
import { registration } from './stages/registration';
import { simpleProcedure } from './stages/simple-procedure';
import { simpleExits } from './stages/simple-exits';
import { preservation } from './stages/preservation';
import { seizure } from './stages/seizure';
import { disclosure } from './stages/disclosure';
import { suspectedCrime } from './stages/suspected-crime';
import { documents } from './stages/documents';

export type { ActionName, CommandRule } from './stages/kit';

/** The stages in the order a case meets them. */
export const STAGES: readonly StageInfo[] = [
  registration,
  filing,
  evidence,
  auxiliaryStaff,
  investigation,
  preservation,
  seizure,
  examination,
  notice,
  hearing,
  legalReview,
  collectiveDiscussion,
  decision,
  execution,
  enforcement,
  challenges,
  disclosure,
  caseControl,
  closing,
  simpleProcedure,
  simpleExits,
  deadlineTimers,
  criminalTransfer,
  suspectedCrime,
  transferPoliceSteps,
  transferBodySteps,
  documents,
];

// A key in two stages (or a stage's code that is also shared) would silently win by order: refuse it when the table is built.
for (const part of ['commands', 'events', 'codes'] as const) {
  const seen = new Map<string, string>(part === 'codes' ? Object.keys(SHARED_REJECTION_CODES).map((c) => [c, 'shared']) : []);
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
  ...evidence.commands,
  ...auxiliaryStaff.commands,
  ...investigation.commands,
  ...preservation.commands,
  ...seizure.commands,
  ...examination.commands,
  ...notice.commands,
  ...hearing.commands,
  ...legalReview.commands,
  ...collectiveDiscussion.commands,
  ...decision.commands,
  ...execution.commands,
  ...enforcement.commands,
  ...challenges.commands,
  ...disclosure.commands,
  ...caseControl.commands,
  ...closing.commands,
  ...simpleProcedure.commands,
  ...simpleExits.commands,
  ...deadlineTimers.commands,
  ...criminalTransfer.commands,
  ...suspectedCrime.commands,
  ...transferPoliceSteps.commands,
  ...transferBodySteps.commands,
  ...documents.commands,
} satisfies { [T in CommandType]: CommandSpec<CommandOf<T>, CaseEvent> } as { [T in CommandType]: CommandSpec<CommandOf<T>, CaseEvent> };

/** Every event, each folded by its own stage (the first creates the state instead: registration's fold refuses it). */
export const EVENT_FOLDS = {
  ...registration.events,
  ...filing.events,
  ...evidence.events,
  ...auxiliaryStaff.events,
  ...investigation.events,
  ...preservation.events,
  ...seizure.events,
  ...examination.events,
  ...notice.events,
  ...hearing.events,
  ...legalReview.events,
  ...collectiveDiscussion.events,
  ...decision.events,
  ...execution.events,
  ...enforcement.events,
  ...challenges.events,
  ...disclosure.events,
  ...caseControl.events,
  ...closing.events,
  ...simpleProcedure.events,
  ...simpleExits.events,
  ...deadlineTimers.events,
  ...criminalTransfer.events,
  ...suspectedCrime.events,
  ...transferPoliceSteps.events,
  ...transferBodySteps.events,
  ...documents.events,
} satisfies { [E in CaseEventType]: Fold<EventOf<E>> } as { [E in CaseEventType]: Fold<EventOf<E>> };

/** Every code decide() can return with its HTTP status: the shared ones and each stage's own. */
export const REJECTION_CODES: Readonly<Record<string, RejectionStatus>> = Object.assign({}, SHARED_REJECTION_CODES, ...STAGES.map((st) => st.codes));

/** Every command type, in the order the stages meet them. */
export const COMMAND_TYPES = STAGES.flatMap((st) => Object.keys(st.commands)) as CommandType[];
/** Every event type, in the order the stages meet them. */
export const CASE_EVENT_TYPES = STAGES.flatMap((st) => Object.keys(st.events)) as CaseEventType[];

/** Who may issue each command and from which states. */
export const COMMAND_RULES: Record<CommandType, CommandRule> = COMMAND_SPECS;

/** The HTTP action of each command; null: issued by the workflow's own timers. */
export const COMMAND_ACTIONS = Object.fromEntries(
  Object.entries(COMMAND_SPECS).map(([type, spec]) => [type, spec.action]),
) as Record<CommandType, ActionName | null>;

/** Every HTTP action, in the order the stages meet them. */
export const ACTION_NAMES: readonly ActionName[] = [...new Set(COMMAND_TYPES.map((t) => COMMAND_ACTIONS[t]).filter((a): a is ActionName => a !== null))];

/** Commands behind an action, for an edge that routes one path to several commands. */
export function commandsForAction(action: ActionName): CommandType[] {
  return (Object.keys(COMMAND_ACTIONS) as CommandType[]).filter((t) => COMMAND_ACTIONS[t] === action);
}
