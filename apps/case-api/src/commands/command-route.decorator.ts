import { applyDecorators, Controller, HttpCode, Post, SetMetadata, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ACTION_NAMES,
  COMMAND_ACTIONS,
  COMMAND_RULES,
  commandsForAction,
  type ActionName,
  type CommandType,
  type Role,
} from '@zhifa/domain';
import { CaseView, CommandResponse } from '../cases/case-view';
import { ApiProblems } from '../common/problem.openapi';

/** Route metadata of a command route: which action, which commands, which roles (as the command table says). */
export const COMMAND_ROUTE = 'zhifa:command-route';

export interface CommandRouteInfo {
  action: ActionName;
  commands: CommandType[];
  /** Every role COMMAND_RULES allows for these commands, in table order. */
  roles: Role[];
}

/** Actions whose path carries a parameter besides the case id. */
const PARAMETER_PATHS: Partial<Record<ActionName, string>> = {
  'evidence-custody': 'evidence/:evidenceId/custody',
  'evidence-confirmation': 'evidence/:evidenceId/confirmation',
};

/** The route of an action inside a `cases` controller: `:id/<action>`; registration is `POST /cases`. */
export function commandPath(action: ActionName): string {
  return action === 'register' ? '' : `:id/${PARAMETER_PATHS[action] ?? action}`;
}

/** An action and its commands; a command type names its action only when it is the action's one command. */
export function commandRoute(target: CommandType | ActionName): CommandRouteInfo {
  const isAction = (ACTION_NAMES as readonly string[]).includes(target);
  const action = isAction ? (target as ActionName) : COMMAND_ACTIONS[target as CommandType];
  if (!action) throw new Error(`${target} is issued by the workflow's timers and has no route`);
  const commands = commandsForAction(action);
  if (!isAction && commands.length > 1) {
    throw new Error(`${target} shares the action '${action}' with ${commands.filter((c) => c !== target).join(', ')}: name the action`);
  }
  const roles: Role[] = [];
  for (const type of commands) {
    const rule = COMMAND_RULES[type].roles;
    if (rule !== 'SYSTEM') roles.push(...rule.filter((r) => !roles.includes(r)));
  }
  return { action, commands, roles };
}

function rolesText(info: CommandRouteInfo): string {
  const lines = info.commands.map((type) => {
    const rule = COMMAND_RULES[type];
    const notes = [
      rule.decisive ? 'auxiliary staff never' : '',
      rule.hostMay ? 'or the hearing host' : '',
      rule.independent ? 'not an investigator of the case' : '',
    ].filter(Boolean);
    return `- ${type}: ${rule.roles === 'SYSTEM' ? 'SYSTEM' : rule.roles.join(' or ')}${notes.length ? ` (${notes.join('; ')})` : ''}`;
  });
  return [
    'Who may issue it (COMMAND_RULES; judged by the domain from the roles, assignment and certificates read from Postgres at the time of the request):',
    ...lines,
  ].join('\n');
}

/**
 * A command route: the path comes from COMMAND_ACTIONS and the documented
 * roles from COMMAND_RULES, so neither is written at the edge. The route
 * only authenticates; the domain decides who may act.
 */
export function CommandRoute(
  target: CommandType | ActionName,
  summary: string,
  opts: { created?: boolean; response?: Type<CommandResponse> } = {},
): MethodDecorator {
  const info = commandRoute(target);
  const status = opts.created ? 201 : 200;
  const register = info.action === 'register';
  return applyDecorators(
    Post(commandPath(info.action)),
    HttpCode(status),
    SetMetadata(COMMAND_ROUTE, info),
    ApiOperation({ summary: `${summary} (${info.commands.join(', ')})`, description: rolesText(info) }),
    ApiExtension('x-zhifa-commands', info.commands),
    ApiExtension('x-zhifa-roles', info.roles),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A repeat with the same key and body replays the first answer (Idempotent-Replayed: true); another body with the key is 422',
    }),
    ...(register ? [] : [ApiParam({ name: 'id', description: 'Case id' })]),
    ApiResponse({
      status,
      description: register ? 'The new case (Location: its URL)' : 'The case after the command and the events it recorded',
      type: register ? CaseView : (opts.response ?? CommandResponse),
    }),
    ApiProblems({
      400: 'VALIDATION.FAILED with errors[{field, message}]; IDEMPOTENCY.KEY_INVALID',
      401: true,
      403: 'AUTH.ROLE_NOT_ALLOWED, CASE.NOT_ASSIGNED, CASE.AUXILIARY_CANNOT_DECIDE, AUTH.CERTIFICATE_INVALID, ...',
      404: register ? 'AGENCY.NOT_FOUND' : 'CASE.NOT_FOUND',
      409: register ? 'POLICY.NONE_PUBLISHED; IDEMPOTENCY.IN_PROGRESS' : 'Not in this state: code, state and allowedActions; IDEMPOTENCY.IN_PROGRESS',
      422: 'A legal rule forbids the content (e.g. CASE.TWO_OFFICERS_REQUIRED); IDEMPOTENCY.KEY_REUSED',
      429: 'CASE.BUSY: more commands at once on this case than its workflow takes; nothing recorded: send it again (same Idempotency-Key) after Retry-After seconds',
      503: 'TEMPORAL.UNAVAILABLE (the outcome is unknown: repeat with the same Idempotency-Key), DATABASE.UNAVAILABLE; Retry-After says when',
    }),
  );
}

/** A controller of one stage's command routes, under /cases. */
export function CaseCommandController(tag = 'case commands'): ClassDecorator {
  return applyDecorators(Controller('cases'), ApiTags(tag), ApiBearerAuth());
}
