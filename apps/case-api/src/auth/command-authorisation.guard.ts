import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CaseCommandRunner, type AuthorisedRequest } from '../cases/case-command-runner.service';
import { COMMAND_ROUTE, type CommandRouteInfo } from '../commands/command-route.decorator';

/**
 * On command routes, after authentication and before the body is validated:
 * the domain judges who may act (roles, assignment and certificates read from
 * Postgres now), as decide() orders its checks — authorisation before payload.
 * What it read travels on the request, so the command reads the case row once.
 */
@Injectable()
export class CommandAuthorisationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly runner: CaseCommandRunner,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const route = this.reflector.get<CommandRouteInfo | undefined>(COMMAND_ROUTE, ctx.getHandler());
    if (!route) return true;
    const req = ctx.switchToHttp().getRequest<AuthorisedRequest>();
    // A JSON body is parsed by now; its fields let the gate probe what it reads (purpose, deadline).
    const probe = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as object) : {};
    req.commandAccess = await this.runner.authorise(req.principal, (req.params.id as string | undefined) ?? '', route.commands, probe);
    return true;
  }
}
