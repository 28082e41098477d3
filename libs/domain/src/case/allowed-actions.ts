// What a given person may do now on a case: the same gate() decide() uses,
// probed without a payload. Certificates are checked only when `now` and the
// policy (or a time zone) are given; the API resolves "valid today" anyway.

import type { JurisdictionPolicy } from '../policy/policy.types';
import type { ActorSnapshot } from './actor.types';
import { isSystemActor, type CaseCommand, type CommandType, type SystemActor } from './case-commands';
import type { CaseState } from './case-state';
import { ACTION_NAMES, COMMAND_ACTIONS, COMMAND_TYPES, type ActionName } from './command-table';
import { gate } from './gate';
import { hasRole } from './rules/people';
import { isSupplement } from './supplements';
import { isSealed } from './vocabulary';
import type { RuleOptions } from './rule-changes';

export interface AllowedActionsOptions extends RuleOptions {
  now?: string;
  policy?: JurisdictionPolicy;
  timeZone?: string;
}

// Commands whose state checks read a payload field: try each value.
const PROBES: Partial<Record<CommandType, object[]>> = {
  RECORD_COLLECTIVE_DISCUSSION: [{ purpose: 'DECISION' }, { purpose: 'EXTENSION' }],
  EXTEND_DEADLINE: [{ deadline: 'filingDecision' }, { deadline: 'decision' }],
};

export function allowedActions(
  state: CaseState | null,
  actor: ActorSnapshot | SystemActor,
  opts: AllowedActionsOptions = {},
): ActionName[] {
  if (isSystemActor(actor)) return [];
  if (state === null) return hasRole(actor, 'OFFICER') ? ['register'] : [];
  const found = new Set<ActionName>();
  // An archived case takes only supplements.
  for (const type of isSealed(state.status) ? COMMAND_TYPES.filter((t) => isSupplement(t, opts)) : COMMAND_TYPES) {
    const action = COMMAND_ACTIONS[type];
    if (action === null || action === 'register' || found.has(action)) continue;
    const probes = PROBES[type] ?? [{}];
    if (probes.some((p) => gate(state, { type, ...p } as CaseCommand, actor, opts) === null)) found.add(action);
  }
  return ACTION_NAMES.filter((a) => found.has(a));
}
