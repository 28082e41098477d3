// Who a command comes from and what it is judged with: the actor (a person
// resolved from Postgres, or the workflow's own timers), the pinned policy
// and the workflow's time.

import type { JurisdictionPolicy } from '../policy/policy.types';
import type { ActorSnapshot } from './actor.types';

/** The workflow itself (deadline timers). */
export interface SystemActor {
  system: true;
  name: string;
  userId?: 'system';
}
/** The one system actor: what the workflow's own timers record as. */
export const SYSTEM: SystemActor = { system: true, userId: 'system', name: 'zhifa deadline watch' };

export function isSystemActor(actor: ActorSnapshot | SystemActor): actor is SystemActor {
  return (actor as SystemActor).system === true;
}

export interface CommandContext {
  actor: ActorSnapshot | SystemActor;
  policy: JurisdictionPolicy;
  /** ISO UTC instant; workflow time. */
  now: string;
  /**
   * Judge the command by the rules in force before the lawful-decision rules
   * (the pre-decision steps in order; the decision bound to the investigation
   * and the notice; conflicts of the hearing host, replacement officers and
   * collective discussion). Set only by
   * the case workflow while it replays a command recorded before those rules
   * (its Temporal patch is absent from the history), so history replays as it
   * ran; never by the API, never for a new command.
   */
  legacyRules?: boolean;
  /**
   * Judge the command as before the separate hearing-request window (APL 64):
   * set only by the workflow while it replays a command recorded before its
   * 'hearing-window' patch.
   */
  legacyHearingWindow?: boolean;
}
