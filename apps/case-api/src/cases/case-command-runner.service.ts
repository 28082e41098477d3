import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Request, Response } from 'express';
import type { ActorSnapshot, CaseCommand, CommandType } from '@zhifa/domain';
import type { CommandResult } from '@zhifa/contracts';
import { secondsSince } from '@zhifa/metrics';
import type { CaseEntity } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import type { TokenClaims } from '../auth/token-verifier';
import { COMMAND_ROUTE, type CommandRouteInfo } from '../commands/command-route.decorator';
import { ApiMetrics } from '../metrics/api-metrics';
import { IdempotencyService } from '../common/idempotency.service';
import { badRequest, ProblemException } from '../common/problem';
import { CaseDirectoryService } from './case-directory.service';
import { caseView, CaseView, commandCaseView, CommandResponse } from './case-view';
import { CaseWorkflowClient, type Lead } from './case-workflow.client';
import { DeadlineClock } from './deadline-clock.service';

export { CommandResponse } from './case-view';

/** People a request names by id, read from Postgres; an unknown id is a 400 on the request's field. */
export interface People {
  named(ids: string[], field: string): Promise<ActorSnapshot[]>;
  /** One person; the error names `field` itself. */
  one(id: string, field: string): Promise<ActorSnapshot>;
}

/** Builds a route's command from its request (and the case row, on an existing case); the domain judges it, not the route. */
export type Build<C> = (people: People, row?: CaseEntity) => Promise<C> | C;

/** The caller and the case row, read once per command. */
export interface CaseAccess {
  actor: ActorSnapshot;
  row: CaseEntity;
}

export interface CommandOptions<X extends object = object> {
  /** Fields the response carries besides the case (an id the command generated); its route declares them (CommandRoute's `response`). */
  extra?: (command: CaseCommand) => X;
  /** Read and checked by the route before the body (evidence: before accepting any bytes). */
  access?: CaseAccess;
}

/**
 * The one path every command takes over HTTP, registration included:
 * Idempotency-Key, the caller read from Postgres (its roles are what the
 * domain judges), the command built (resolving named people), sent as an
 * Update, and the case answered from the Update's result. A command reads
 * the case row at most once (none for registration).
 */
@Injectable()
export class CaseCommandRunner {
  constructor(
    private readonly actors: ActorService,
    private readonly workflows: CaseWorkflowClient,
    private readonly directory: CaseDirectoryService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: DeadlineClock,
    private readonly metrics: ApiMetrics,
  ) {}

  /**
   * Authorisation before the payload is read (the command route guard calls
   * it): the caller read from Postgres, the case row read once, the read rule,
   * and the domain's authorisation refusal for every command behind the route.
   * Registration (no case id) answers the caller alone.
   */
  async authorise(principal: TokenClaims, caseId: string, commands: CommandType[], probe: object): Promise<{ actor: ActorSnapshot; row?: CaseEntity }> {
    const actor = await this.actors.caller(principal);
    if (!caseId) {
      const refusal = await this.workflows.authorisationRefusal(null, actor, commands, probe);
      if (refusal) throw refusal;
      return { actor };
    }
    const row = await this.directory.caseRow(caseId);
    try {
      this.directory.assertCanRead(row, actor);
    } catch (err) {
      // The domain's own refusal first: an auxiliary deciding hears CASE.AUXILIARY_CANNOT_DECIDE,
      // an unassigned officer recording the police's decision hears the role it lacks; nothing about the case's state leaks.
      if (err instanceof ProblemException && err.getStatus() === 403) throw (await this.workflows.authorisationRefusal(row, actor, commands, probe)) ?? err;
      throw err;
    }
    const refusal = await this.workflows.authorisationRefusal(row, actor, commands, probe);
    if (refusal) throw refusal;
    return { actor, row };
  }

  /** The caller and the case as the route guard read them (or read now, for a caller without the guard). */
  async access(call: CaseCall): Promise<CaseAccess> {
    if (call.access?.row) return { actor: call.access.actor, row: call.access.row };
    const { actor, row } = await this.authorise(call.principal, call.id, call.commands, {});
    return { actor, row: row! };
  }

  /** A command on an existing case. */
  run<X extends object = object>(call: CaseCall, body: unknown, build: Build<CaseCommand>, opts: CommandOptions<X> = {}): Promise<CommandResponse & X> {
    return this.respond(call, body, async () => {
      const { actor, row } = opts.access ?? (await this.access(call));
      const command = await build(this.people, row);
      const start = process.hrtime.bigint();
      const result = await this.workflows.execute(row, actor, command, call.key);
      this.metrics.workflowWaits.observe({ command: command.type }, secondsSince(start));
      return { case: await this.view(result, actor), recorded: result.events, ...opts.extra?.(command) } as CommandResponse & X;
    });
  }

  /** 案源登记: the case and its workflow start with this command. */
  async register(call: CaseCall, body: unknown, build: Build<Lead>): Promise<CaseView> {
    const view = await this.respond(call, body, async () => {
      const actor = call.access?.actor ?? (await this.authorise(call.principal, '', call.commands, {})).actor;
      return this.view(await this.workflows.register(actor, await build(this.people), call.key), actor);
    });
    call.res.setHeader('Location', `${call.req.baseUrl}${call.req.path}/${view.id}`);
    return view;
  }

  /** Idempotency-Key around one command: a repeat replays the stored status and body. */
  private async respond<T>(call: CaseCall, body: unknown, execute: () => Promise<T>): Promise<T> {
    const once = async (): Promise<{ status: number; body: T }> => ({ status: call.status, body: await execute() });
    const out = call.key
      ? await this.idempotency.run({ userId: call.principal.sub, key: call.key, method: 'POST', path: call.req.path, body }, once)
      : await once();
    call.res.status(out.status);
    if ('replayed' in out && out.replayed) call.res.setHeader('Idempotent-Replayed', 'true');
    return out.body as T;
  }

  /** The case after the command; results recorded before the Update carried the case fall back to the row. */
  private async view(result: CommandResult, actor: ActorSnapshot): Promise<CaseView> {
    if (result.case) return commandCaseView({ ...result, case: result.case }, await this.clock.of(result.case.policyVersion));
    const row = await this.directory.caseRow(result.caseId);
    return caseView(row, await this.workflows.allowedFor(row, actor), await this.clock.of(row.policyVersion));
  }

  private readonly people: People = {
    named: (ids, field) => this.actors.named(ids, field),
    one: async (id, field) => {
      try {
        const [actor] = await this.actors.named([id], field);
        return actor;
      } catch (err) {
        if (err instanceof ProblemException && err.code === 'VALIDATION.FAILED') {
          throw badRequest((err.texts.errors ?? []).map((e) => ({ ...e, field })));
        }
        throw err;
      }
    },
  };
}

/** A request whose command route guard has authorised the caller. */
export type AuthorisedRequest = Request & { principal: TokenClaims; commandAccess?: { actor: ActorSnapshot; row?: CaseEntity } };

/** What every command route needs from the HTTP request besides its body. */
export interface CaseCall {
  /** The case id; empty for registration. */
  id: string;
  principal: TokenClaims;
  key: string | undefined;
  /** The route's success status (its @HttpCode): replays answer with it too. */
  status: number;
  /** The commands behind the route (the command table's, for its action). */
  commands: CommandType[];
  /** The caller and case the route guard authorised, before the payload was read. */
  access?: { actor: ActorSnapshot; row?: CaseEntity };
  req: Request;
  res: Response;
}

/** Bundles the case id, caller, Idempotency-Key, status, request and response of a command route. */
export const CommandCall = createParamDecorator((_: unknown, ctx: ExecutionContext): CaseCall => {
  const http = ctx.switchToHttp();
  const req = http.getRequest<AuthorisedRequest>();
  const key = req.headers['idempotency-key'];
  return {
    id: (req.params.id as string | undefined) ?? '',
    principal: req.principal,
    key: Array.isArray(key) ? key[0] : key,
    status: (Reflect.getMetadata(HTTP_CODE_METADATA, ctx.getHandler()) as number | undefined) ?? 200,
    commands: (Reflect.getMetadata(COMMAND_ROUTE, ctx.getHandler()) as CommandRouteInfo | undefined)?.commands ?? [],
    ...(req.commandAccess ? { access: req.commandAccess } : {}),
    req,
    res: http.getResponse<Response>(),
  };
});
