import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { COMMAND_ROUTE, type CommandRouteInfo } from '../commands/command-route.decorator';

/**
 * Runs before every other guard and only marks a command route's response
 * with its action, so that the request's end counts the command even when
 * authentication or the domain refuses it before any handler runs. Never
 * refuses anything itself.
 */
@Injectable()
export class CommandRouteTagGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const route = this.reflector.get<CommandRouteInfo | undefined>(COMMAND_ROUTE, ctx.getHandler());
    if (route) ctx.switchToHttp().getResponse<Response>().locals.commandAction = route.action;
    return true;
  }
}
