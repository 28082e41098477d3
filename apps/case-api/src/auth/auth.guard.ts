import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemException } from '../common/problem';
import { PUBLIC_ROUTE } from './auth.decorators';
import { bearerToken, verifiedClaims } from './bearer';
import { TokenClaims, TokenVerifier } from './token-verifier';

/**
 * Bearer authentication on every route unless @Public, and nothing more: the
 * token names the user, and who may do what is judged from the roles,
 * assignments and certificates read from Postgres at the time of the request
 * (by the domain for commands), never from the token's claims.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [ctx.getHandler(), ctx.getClass()])) return true;

    const req = ctx.switchToHttp().getRequest<Request & { principal?: TokenClaims }>();
    const token = bearerToken(req);
    if (!token) throw new ProblemException(401, 'AUTH.TOKEN_MISSING', { en: 'Send Authorization: Bearer <token>', zh: '请登录：请求须携带 Authorization: Bearer <令牌>' });
    req.principal = await verifiedClaims(this.verifier, token);
    return true;
  }
}
