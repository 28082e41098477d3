import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '@zhifa/domain';
import { ProblemException } from '../common/problem';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { TokenClaims, TokenVerifier } from './token-verifier';

/** Bearer authentication on every route unless @Public, then the route's @Roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const req = ctx.switchToHttp().getRequest<Request & { principal?: TokenClaims }>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ProblemException(401, 'AUTH.TOKEN_MISSING', 'Send Authorization: Bearer <token>');
    try {
      req.principal = await this.verifier.verify(match[1]);
    } catch (err) {
      throw new ProblemException(401, 'AUTH.TOKEN_INVALID', `The bearer token was rejected: ${(err as Error).message}`);
    }

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required?.length && !required.some((r) => req.principal!.roles.includes(r))) {
      throw new ProblemException(
        403,
        'AUTH.ROLE_NOT_ALLOWED',
        `This action needs the role ${required.join(' or ')}; you have ${req.principal.roles.join(', ') || 'none'}`,
      );
    }
    return true;
  }
}
