import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ActorSnapshot, CaseCommand } from '@zhifa/domain';
import { ActorService } from '../auth/actor.service';
import type { TokenClaims } from '../auth/token-verifier';
import { IdempotencyService } from '../common/idempotency.service';
import { CaseCommandsService } from './case-commands.service';
import { CaseDirectoryService } from './case-directory.service';
import { caseView, CaseView } from './case-view';

export interface CommandResponse {
  case: CaseView;
  /** The events this command recorded (seq and type). */
  recorded: { seq: number; type: string }[];
  [extra: string]: unknown;
}

/**
 * The one path every command on an existing case takes over HTTP:
 * Idempotency-Key, the caller resolved from Postgres, the command built
 * (resolving named people), sent as an Update, and the fresh case returned.
 */
@Injectable()
export class CaseCommandRunner {
  constructor(
    private readonly actors: ActorService,
    private readonly commands: CaseCommandsService,
    private readonly directory: CaseDirectoryService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async run(args: {
    caseId: string;
    principal: TokenClaims;
    req: Request;
    res: Response;
    body: unknown;
    idempotencyKey?: string;
    status?: number;
    build: (actor: ActorSnapshot) => Promise<CaseCommand> | CaseCommand;
    extra?: (command: CaseCommand) => Record<string, unknown>;
  }): Promise<CommandResponse> {
    const execute = async (): Promise<{ status: number; body: CommandResponse }> => {
      const actor = await this.actors.caller(args.principal);
      const command = await args.build(actor);
      const result = await this.commands.execute(args.caseId, actor, command, args.idempotencyKey);
      const row = await this.directory.caseRow(args.caseId);
      return {
        status: args.status ?? 200,
        body: { case: caseView(row, await this.commands.allowedFor(row, actor)), recorded: result.events, ...args.extra?.(command) },
      };
    };
    const out = args.idempotencyKey
      ? await this.idempotency.run(
          { userId: args.principal.sub, key: args.idempotencyKey, method: 'POST', path: args.req.path, body: args.body },
          execute,
        )
      : await execute();
    args.res.status(out.status);
    if ('replayed' in out && out.replayed) args.res.setHeader('Idempotent-Replayed', 'true');
    return out.body as CommandResponse;
  }
}

/** What every command route needs from the HTTP request besides its body. */
export interface CaseCall {
  id: string;
  principal: TokenClaims;
  key: string | undefined;
  req: Request;
  res: Response;
}

/** Bundles the case id, caller, Idempotency-Key, request and response of a command route. */
export const CommandCall = createParamDecorator((_: unknown, ctx: ExecutionContext): CaseCall => {
  const http = ctx.switchToHttp();
  const req = http.getRequest<Request & { principal: TokenClaims }>();
  const key = req.headers['idempotency-key'];
  return {
    id: req.params.id as string,
    principal: req.principal,
    key: Array.isArray(key) ? key[0] : key,
    req,
    res: http.getResponse<Response>(),
  };
});
