// Who a command comes from and what it is judged with: the actor (a person
// resolved from Postgres, or the workflow's own timers), the pinned policy
// and the workflow's time.

import type { JurisdictionPolicy } from '../policy/policy.types';
import type { ActorSnapshot } from './actor.types';
import type { RuleOptions } from './rule-changes';

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

export interface CommandContext extends RuleOptions {
  actor: ActorSnapshot | SystemActor;
  policy: JurisdictionPolicy;
  /** ISO UTC instant; workflow time. */
  now: string;
}
