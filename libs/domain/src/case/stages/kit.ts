// The handler kit every stage is written with: the shape of a command's spec
// (who, from which states, how it is judged) and of an event's fold, plus the
// state guards the specs compose. A stage file holds both halves of its
// commands: the checks that emit an event and the state change it makes.

import type { JurisdictionPolicy } from '../../policy/policy.types';
import type { ActorSnapshot } from '../actor.types';
import type { CommandContext } from '../command-context';
import { inForce, type RuleChange, type RuleOptions } from '../rule-changes';
import type { CaseState, PersonRef } from '../case-state';
import { fail, type Fail, type RejectionStatus } from '../rejection';
import { zhCommand, zhStatus, type Message } from '../messages';
import type { Validator } from '../rules/validation';
import type { CaseStatus, Procedure, Role } from '../vocabulary';

/** One check while `change` is in force, another (or none) when replaying history recorded before it. */
export function byRules(current: Check, legacy: Check | null = null, change: RuleChange = 'lawful-decisions'): Check {
  return (s, cmd, rules) => (inForce(rules, change) ? current(s, cmd, rules) : legacy ? legacy(s, cmd, rules) : null);
}

/**
 * An action of the HTTP contract: the path after `/cases/:id/` ('register' is
 * `POST /cases`). Each command names its action in its stage; several commands
 * may share one (suspension: SUSPEND, RESUME, TERMINATE).
 */
export type ActionName = string;

/** Anything with a type tag: a command or an event. */
export interface Typed {
  type: string;
}

/** What a handler sees: a person (the gate has ruled out the system where it must) and today's local date. */
export interface HandlerContext extends CommandContext {
  date: string;
  person: PersonRef;
  actorSnapshot?: ActorSnapshot;
}

/** A handler's answer: the one event of its stage to record, or why not. */
export type Handler<C extends Typed, E extends Typed> = (s: CaseState, cmd: C, ctx: HandlerContext) => E | Fail;


/** Judged in the gate on the person acting; `date` and `policy` only when the caller gave them. */
export type ActorCheck = (s: CaseState, actor: ActorSnapshot, opts: RuleOptions & { date?: string; policy?: JurisdictionPolicy }) => Fail | null;

/** What a guard may read besides the case: the rules in force and, when the caller gave it, the instant of judgement. */
export interface CheckOptions extends RuleOptions {
  /** The instant the command is judged at (decide() always; allowedActions() when asked with `now`). */
  now?: string;
}

/**
 * State machine plus payload-free guards: judged before the payload, and
 * probed for allowed actions. Every 409 comes from here, so an action that
 * answers 409 is never among the case's allowedActions.
 */
export type Check = (s: CaseState, cmd: Typed, rules?: CheckOptions) => Fail | null;

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
  /** Who else the command needs the actor to be on this case (e.g. the named legal reviewer): a 403 before the state. */
  actorCheck?: ActorCheck;
  from: Check;
}

export interface CommandSpec<C extends Typed, E extends Typed> extends CommandRule {
  handle: Handler<C, E>;
}

export interface EvolveMeta {
  /** When the event was recorded (workflow time, ISO UTC). */
  at: string;
  policy: JurisdictionPolicy;
}

/** Folds one event into a mutable copy of the state. */
export type Fold<E extends Typed> = (s: CaseState, e: E, meta: EvolveMeta) => void;

/** A stage: a spec for each of its commands and a fold for each of its events (the types demand all of them). */
export interface Stage<C extends Typed = Typed, E extends Typed = Typed> {
  name: string;
  /** The rejection codes only this stage returns, with their HTTP status. */
  codes: Record<string, RejectionStatus>;
  commands: { [K in C['type']]: CommandSpec<Extract<C, { type: K }>, E> };
  events: { [K in E['type']]: Fold<Extract<E, { type: K }>> };
}

/** A stage as the command table lists it. */
export interface StageInfo {
  name: string;
  codes: Record<string, RejectionStatus>;
  commands: Record<string, CommandRule>;
  events: Record<string, unknown>;
}

/** `stage<Commands, Events>()(name, commands, events)`: each handler and fold is checked against its own command and event. */
export function stage<C extends Typed, E extends Typed>() {
  return (name: string, commands: Stage<C, E>['commands'], events: Stage<C, E>['events'], codes: Record<string, RejectionStatus> = {}): Stage<C, E> => ({
    name,
    commands,
    events,
    codes,
  });
}

export function isFail<E extends Typed>(r: E | Fail): r is Fail {
  return (r as Fail).code !== undefined && (r as Fail).status !== undefined;
}

export function invalid(v: Validator): Fail {
  return fail(
    'VALIDATION.FAILED',
    {
      en: `The command is malformed: ${v.errors.map((e) => `${e.field} ${e.message.en}`).join('; ')}`,
      zh: `提交的内容有误：${v.errors.map((e) => `${e.field}${e.message.zh}`).join('；')}`,
    },
    v.errors,
  );
}

// JSON round trip: the state is JSON by contract, and this keeps the input untouched.
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** An event's payload without its type, as the state keeps it. */
export function payloadOf<E extends Typed>(e: E): Omit<E, 'type'> {
  const copy = clone(e) as Partial<E>;
  delete copy.type;
  return copy as Omit<E, 'type'>;
}

// ---------------------------------------------------------------------------
// Guards

export function notAllowed(s: CaseState, cmd: Typed, hint?: Message): Fail {
  return fail('CASE.TRANSITION_NOT_ALLOWED', {
    en: `${cmd.type} is not allowed while the ${s.procedure.toLowerCase()} case is ${s.status}${hint ? `: ${hint.en}` : ''}`,
    zh: `${s.procedure === 'SIMPLE' ? '简易程序' : '普通程序'}案件处于「${zhStatus(s.status)}」状态，不能办理${zhCommand(cmd.type)}${hint ? `：${hint.zh}` : ''}`,
  });
}

export function inStatus(statuses: readonly CaseStatus[], hint?: Message, procedure?: Procedure): Check {
  return (s, cmd) => (statuses.includes(s.status) && (!procedure || s.procedure === procedure) ? null : notAllowed(s, cmd, hint));
}

export function all(...checks: Check[]): Check {
  return (s, cmd, rules) => {
    for (const c of checks) {
      const f = c(s, cmd, rules);
      if (f) return f;
    }
    return null;
  };
}
