import 'reflect-metadata';
import { RequestMethod, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DECORATORS } from '@nestjs/swagger';
import type { AppConfig } from '@zhifa/config';
import { COMMAND_ACTIONS, COMMAND_RULES, type CommandType, type Role } from '@zhifa/domain';
import { ApiModule } from '../api.module';
import { COMMAND_ROUTE, CommandRoute, type CommandRouteInfo } from './command-route.decorator';

interface Route {
  where: string;
  method: RequestMethod;
  path: string;
  status?: number;
  command?: CommandRouteInfo;
  extensions: Record<string, unknown>;
  operation?: { summary?: string; description?: string };
}

const join = (...parts: string[]): string => parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');

/** Every route of every controller the API module mounts, as Nest and Swagger read their metadata. */
function routes(): Route[] {
  const controllers = (ApiModule.register({ nodeEnv: 'development' } as AppConfig).controllers ?? []) as Type[];
  return controllers.flatMap((controller) => {
    const prefix = Reflect.getMetadata(PATH_METADATA, controller) as string;
    return Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => ({ name, handler: controller.prototype[name] as object }))
      .filter(({ handler }) => typeof handler === 'function' && Reflect.hasMetadata(PATH_METADATA, handler))
      .map(({ name, handler }) => ({
        where: `${controller.name}.${name}`,
        method: Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod,
        path: join(prefix, Reflect.getMetadata(PATH_METADATA, handler) as string),
        status: Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined,
        command: Reflect.getMetadata(COMMAND_ROUTE, handler) as CommandRouteInfo | undefined,
        extensions: (Reflect.getMetadata(DECORATORS.API_EXTENSION, handler) ?? {}) as Record<string, unknown>,
        operation: Reflect.getMetadata(DECORATORS.API_OPERATION, handler) as Route['operation'],
      }));
  });
}

// Written out here, not derived: the one path that is not `cases/:id/<action>`.
const PARAMETER_PATHS: Record<string, string> = {
  'evidence-custody': 'cases/:id/evidence/:evidenceId/custody',
  'evidence-confirmation': 'cases/:id/evidence/:evidenceId/confirmation',
};
const expectedPath = (action: string): string => (action === 'register' ? 'cases' : PARAMETER_PATHS[action] ?? `cases/:id/${action}`);

/** The roles COMMAND_RULES gives the commands behind an action, read straight from the table. */
function tableRoles(action: string): Role[] {
  const types = (Object.keys(COMMAND_ACTIONS) as CommandType[]).filter((t) => COMMAND_ACTIONS[t] === action);
  return [...new Set(types.flatMap((t) => (COMMAND_RULES[t].roles === 'SYSTEM' ? [] : [...COMMAND_RULES[t].roles])))].sort();
}

describe('command routes come from the command table', () => {
  const all = routes();
  const posts = all.filter((r) => r.method === RequestMethod.POST);
  const actions = [...new Set(Object.values(COMMAND_ACTIONS).filter((a): a is NonNullable<typeof a> => a !== null))];

  it.each(actions)('%s: exactly one POST route, at its path, documenting the roles COMMAND_RULES gives', (action) => {
    const matching = posts.filter((r) => r.path === expectedPath(action));
    expect(matching.map((r) => r.where)).toHaveLength(1);
    const [route] = matching;
    expect(route.command?.action).toBe(action);
    const commands = (Object.keys(COMMAND_ACTIONS) as CommandType[]).filter((t) => COMMAND_ACTIONS[t] === action);
    expect(route.extensions['x-zhifa-commands']).toEqual(commands);
    expect([...(route.extensions['x-zhifa-roles'] as Role[])].sort()).toEqual(tableRoles(action));
    for (const type of commands) {
      const roles = COMMAND_RULES[type].roles;
      expect(route.operation?.description).toContain(`${type}: ${roles === 'SYSTEM' ? 'SYSTEM' : roles.join(' or ')}`);
    }
    expect(route.operation?.summary).toContain(`(${commands.join(', ')})`);
    expect(route.status).toBe(action === 'register' || action === 'evidence' ? 201 : 200);
  });

  it('every POST under /cases is a command route, and each command route serves one table action', () => {
    const caseRoutes = posts.filter((r) => r.path === 'cases' || r.path.startsWith('cases/'));
    expect(caseRoutes.filter((r) => !r.command).map((r) => r.where)).toEqual([]);
    expect(caseRoutes.map((r) => r.command!.action).sort()).toEqual([...actions].sort());
  });

  it('the timers’ commands have no route', () => {
    const timers = (Object.keys(COMMAND_ACTIONS) as CommandType[]).filter((t) => COMMAND_ACTIONS[t] === null);
    expect(timers.length).toBeGreaterThan(0);
    for (const type of timers) {
      expect(COMMAND_RULES[type].roles).toBe('SYSTEM');
      expect(() => CommandRoute(type, 'x')).toThrow(/timers/);
    }
  });

  it('a command that shares its action cannot claim the route alone', () => {
    expect(() => CommandRoute('SUSPEND', 'x')).toThrow(/shares the action 'suspension'.*RESUME, TERMINATE/);
    expect(() => CommandRoute('RECORD_HEARING', 'x')).toThrow(/name the action/);
  });
});
