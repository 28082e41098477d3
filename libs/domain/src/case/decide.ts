// decide(): judge a command against the case state and the actor; return the
// one event it records, or a rejection with a stable code. Pure: the workflow
// calls it in the Update validator and again in the handler, the API calls it
// to preview. Order of checks: archived → authorisation (403) → state (409)
// → payload (400) → legal rules on the content (403/409/422). Each command's
// own checks live in its stage (stages/*.ts), reached through the command table.

import { localDate } from '../calendar';
import { allowedActions } from './allowed-actions';
import { isSystemActor, type CaseCommand, type CommandContext } from './case-commands';
import type { CaseEvent } from './case-events';
import type { CaseState } from './case-state';
import { COMMAND_SPECS } from './command-table';
import { gate } from './gate';
import { fail, type Fail, type Rejection } from './rejection';
import { zhCommand } from './messages';
import { personRef } from './rules/people';
import type { Handler, HandlerContext } from './stages/kit';
import { isFail } from './stages/kit';
import { registerLead } from './stages/registration';
import { isSupplement } from './supplements';
import { isSealed } from './vocabulary';
import { ruleOptions } from './rule-changes';

/** What decide() answers: the events to record, or the rejection. */
export type DecideResult = { ok: true; events: CaseEvent[] } | { ok: false; rejection: Rejection };

export function decide(state: CaseState | null, command: CaseCommand, ctx: CommandContext): DecideResult {
  const reject = (f: Fail): DecideResult => ({
    ok: false,
    rejection: {
      ...f,
      state: state?.status ?? null,
      allowedActions: allowedActions(state, ctx.actor, { now: ctx.now, policy: ctx.policy, ...ruleOptions(ctx) }),
    },
  });

  if (!command || typeof command !== 'object' || !Object.prototype.hasOwnProperty.call(COMMAND_SPECS, command.type)) {
    return reject(
      fail('VALIDATION.FAILED', { en: 'Unknown command type', zh: '未知的操作类型' }, [{ field: 'type', message: { en: 'is not a known command', zh: '不是已知的操作' } }]),
    );
  }
  // An archived case takes only supplements (supplements.ts); their stage judges them.
  if (state && isSealed(state.status) && !isSupplement(command.type, ctx)) {
    return reject(
      fail('CASE.ARCHIVED', {
        en: `Case ${state.caseNumber} is archived: nothing in an archived case changes (MSA 78–79)`,
        zh: `案件${state.caseNumber}已归档，归档案件的任何内容均不得变更（《市场监督管理行政处罚程序规定》第78—79条）`,
      }),
    );
  }

  try {
    const hctx: HandlerContext = {
      ...ctx,
      date: localDate(ctx.now, ctx.policy.timeZone),
      person: isSystemActor(ctx.actor) ? { userId: 'system', name: ctx.actor.name } : personRef(ctx.actor),
      actorSnapshot: isSystemActor(ctx.actor) ? undefined : ctx.actor,
    };

    if (state === null) {
      if (command.type !== 'REGISTER_LEAD') {
        return reject(
          fail('CASE.NOT_REGISTERED', { en: `${command.type} needs a registered case; register the lead first`, zh: `${zhCommand(command.type)}须针对已登记的案件，请先登记线索` }),
        );
      }
      const r = registerLead(command, hctx);
      return isFail(r) ? reject(r) : { ok: true, events: [r] };
    }

    const g = gate(state, command, ctx.actor, { now: ctx.now, policy: ctx.policy, ...ruleOptions(ctx) });
    if (g) return reject(g);
    const handle = COMMAND_SPECS[command.type].handle as Handler<CaseCommand, CaseEvent>;
    const r = handle(state, command, hctx);
    return isFail(r) ? reject(r) : { ok: true, events: [r] };
  } catch (e) {
    // Only malformed input reaches here (e.g. an instant the calendar cannot parse).
    const message = e instanceof Error ? e.message : String(e);
    return reject(
      fail('VALIDATION.FAILED', { en: `The command is malformed: ${message}`, zh: `提交的内容无法解析：${message}` }, [
        { field: 'command', message: { en: message, zh: `无法解析（${message}）` } },
      ]),
    );
  }
}
