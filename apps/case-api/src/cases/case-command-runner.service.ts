import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Request, Response } from 'express';
import type { ActorSnapshot, CaseCommand } from '@zhifa/domain';
import type { CommandResult } from '@zhifa/contracts';
import type { CaseEntity } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import type { TokenClaims } from '../auth/token-verifier';
import { IdempotencyService } from '../common/idempotency.service';
import { badRequest, ProblemException } from '../common/problem';
import { CaseDirectoryService } from './case-directory.service';
import { caseView, CaseView, commandCaseView } from './case-view';
import { CaseWorkflowClient, type Lead } from './case-workflow.client';

export interface CommandResponse {
  case: CaseView;
  /** The events this command recorded (seq and type). */
  recorded: { seq: number; type: string }[];
  [extra: string]: unknown;
}

/** People a request names by id, read from Postgres; an unknown id is a 400 on the request's field. */
export interface People {
  named(ids: string[], field: string): Promise<ActorSnapshot[]>;
  /** One person; the error names `field` itself. */
  one(id: string, field: string): Promise<ActorSnapshot>;
}

/** Builds a route's command from its request; the domain judges it, not the route. */
export type Build<C> = (people: People) => Promise<C> | C;

/** The caller and the case row, read once per command. */
export interface CaseAccess {
  actor: ActorSnapshot;
  row: CaseEntity;
}

export interface CommandOptions {
  /** Fields the response carries besides the case (an id the command generated). */
  extra?: (command: CaseCommand) => Record<string, unknown>;
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
  ) {}

  /** The caller and the case, refused unless the caller may read it. */
  async access(call: CaseCall): Promise<CaseAccess> {
    const actor = await this.actors.caller(call.principal);
    const row = await this.directory.caseRow(call.id);
    this.directory.assertCanRead(row, actor);
    return { actor, row };
  }

  /** A command on an existing case. */
  run(call: CaseCall, body: unknown, build: Build<CaseCommand>, opts: CommandOptions = {}): Promise<CommandResponse> {
    return this.respond(call, body, async () => {
      const actor = opts.access?.actor ?? (await this.actors.caller(call.principal));
      const row = opts.access?.row ?? (await this.directory.caseRow(call.id));
      const command = await build(this.people);
      if (!opts.access) await this.assertMayAddress(row, actor, command);
      const result = await this.workflows.execute(row, actor, command, call.key);
      return { case: await this.view(result, actor), recorded: result.events, ...opts.extra?.(command) };
    });
  }

  /** 案源登记: the case and its workflow start with this command. */
  async register(call: CaseCall, body: unknown, build: Build<Lead>): Promise<CaseView> {
    const view = await this.respond(call, body, async () => {
      const actor = await this.actors.caller(call.principal);
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

  /**
   * The read rule, with the domain's own authorisation refusal first: an
   * auxiliary deciding hears CASE.AUXILIARY_CANNOT_DECIDE, a liaison
   * proposing a transfer hears which role it needs.
   */
  private async assertMayAddress(row: CaseEntity, actor: ActorSnapshot, command: CaseCommand): Promise<void> {
    try {
      this.directory.assertCanRead(row, actor);
    } catch (err) {
      if (err instanceof ProblemException && err.getStatus() === 403) {
        throw (await this.workflows.authorisationRefusal(row, actor, command)) ?? err;
      }
      throw err;
    }
  }

  /** The case after the command; results recorded before the Update carried the case fall back to the row. */
  private async view(result: CommandResult, actor: ActorSnapshot): Promise<CaseView> {
    if (result.case) return commandCaseView({ ...result, case: result.case });
    const row = await this.directory.caseRow(result.caseId);
    return caseView(row, await this.workflows.allowedFor(row, actor));
  }

  private readonly people: People = {
    named: (ids, field) => this.actors.named(ids, field),
    one: async (id, field) => {
      try {
        const [actor] = await this.actors.named([id], field);
        return actor;
      } catch (err) {
        if (err instanceof ProblemException && err.code === 'VALIDATION.FAILED') {
          throw badRequest((err.body.errors ?? []).map((e) => ({ ...e, field })));
        }
        throw err;
      }
    },
  };
}

/** What every command route needs from the HTTP request besides its body. */
export interface CaseCall {
  /** The case id; empty for registration. */
  id: string;
  principal: TokenClaims;
  key: string | undefined;
  /** The route's success status (its @HttpCode): replays answer with it too. */
  status: number;
  req: Request;
  res: Response;
}

/** Bundles the case id, caller, Idempotency-Key, status, request and response of a command route. */
export const CommandCall = createParamDecorator((_: unknown, ctx: ExecutionContext): CaseCall => {
  const http = ctx.switchToHttp();
  const req = http.getRequest<Request & { principal: TokenClaims }>();
  const key = req.headers['idempotency-key'];
  return {
    id: (req.params.id as string | undefined) ?? '',
    principal: req.principal,
    key: Array.isArray(key) ? key[0] : key,
    status: (Reflect.getMetadata(HTTP_CODE_METADATA, ctx.getHandler()) as number | undefined) ?? 200,
    req,
    res: http.getResponse<Response>(),
  };
});
