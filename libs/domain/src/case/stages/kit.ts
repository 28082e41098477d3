// The handler kit every stage is written with: the shape of a command's spec
// (who, from which states, how it is judged) and of an event's fold, plus the
// state guards the specs compose. A stage file holds both halves of its
// commands: the checks that emit an event and the state change it makes.

import type { JurisdictionPolicy } from '../../policy/policy.types';
import type { ActorSnapshot, Role } from '../actor.types';
import type { CommandContext, CommandOf, CommandType } from '../case-commands';
import type { CaseEvent, CaseEventType, EventOf } from '../case-events';
import type { CaseState, PersonRef } from '../case-state';
import type { CaseStatus, Procedure } from '../vocabulary';
import { fail, type Fail } from '../rejection';
import type { Validator } from '../rules/validation';
import type { ActionName } from '../vocabulary';

/** What a handler sees: a person (the gate has ruled out the system where it must) and today's local date. */
export interface HandlerContext extends CommandContext {
  date: string;
  person: PersonRef;
  actorSnapshot?: ActorSnapshot;
}

/** A handler's answer: the one event to record, or why not. */
export type Outcome = CaseEvent | Fail;
export type Handler<T extends CommandType> = (s: CaseState, cmd: CommandOf<T>, ctx: HandlerContext) => Outcome;

/** State machine plus payload-free guards: judged before the payload, and probed for allowed actions. */
export type Check = (s: CaseState, cmd: { type: CommandType }) => Fail | null;

export interface CommandRule {
  /** The HTTP action (path after /cases/:id/); null for the workflow's own timer commands. */
  action: ActionName | null;
  /** Roles that may issue it, in the order tried; 'SYSTEM' for the workflow's timers. */
  roles: readonly Role[] | 'SYSTEM';
  /** A decision or approval: auxiliary staff never. */
  decisive?: boolean;
  /** The hearing host may record the hearing without holding an allowed role. */
  hostMay?: boolean;
  /** The actor must not have investigated the case (查审分离). */
  independent?: boolean;
  from: Check;
}

export interface CommandSpec<T extends CommandType> extends CommandRule {
  handle: Handler<T>;
}

export interface EvolveMeta {
  /** When the event was recorded (workflow time, ISO UTC). */
  at: string;
  policy: JurisdictionPolicy;
}

/** Folds one event into a mutable copy of the state. */
export type Fold<E extends CaseEventType> = (s: CaseState, e: EventOf<E>, meta: EvolveMeta) => void;

export type CommandSpecs = { [T in CommandType]?: CommandSpec<T> };
export type EventFolds = { [E in CaseEventType]?: Fold<E> };

export interface Stage<C extends CommandSpecs = CommandSpecs, E extends EventFolds = EventFolds> {
  name: string;
  commands: C;
  events: E;
}

/** Identity with types: each handler and fold is checked against its own command and event. */
export function stage<const C extends CommandSpecs, const E extends EventFolds>(name: string, commands: C, events: E): Stage<C, E> {
  return { name, commands, events };
}

export function isFail(r: Outcome): r is Fail {
  return (r as Fail).code !== undefined && (r as Fail).status !== undefined;
}

export function invalid(v: Validator): Fail {
  return fail('VALIDATION.FAILED', `The command is malformed: ${v.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, v.errors);
}

// JSON round trip: the state is JSON by contract, and this keeps the input untouched.
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** An event's payload without its type, as the state keeps it. */
export function payloadOf<E extends CaseEvent>(e: E): Omit<E, 'type'> {
  const copy = clone(e) as Partial<E>;
  delete copy.type;
  return copy as Omit<E, 'type'>;
}

// ---------------------------------------------------------------------------
// Guards

export function notAllowed(s: CaseState, cmd: { type: CommandType }, hint?: string): Fail {
  return fail(
    'CASE.TRANSITION_NOT_ALLOWED',
    `${cmd.type} is not allowed while the ${s.procedure.toLowerCase()} case is ${s.status}${hint ? `: ${hint}` : ''}`,
  );
}

export function inStatus(statuses: readonly CaseStatus[], hint?: string, procedure?: Procedure): Check {
  return (s, cmd) => (statuses.includes(s.status) && (!procedure || s.procedure === procedure) ? null : notAllowed(s, cmd, hint));
}

export function all(...checks: Check[]): Check {
  return (s, cmd) => {
    for (const c of checks) {
      const f = c(s, cmd);
      if (f) return f;
    }
    return null;
  };
}

/** A guard that refuses with its own code when the state says so. */
export function unless(refuse: (s: CaseState) => boolean, code: Parameters<typeof fail>[0], reason: (s: CaseState) => string): Check {
  return (s) => (refuse(s) ? fail(code, reason(s)) : null);
}
