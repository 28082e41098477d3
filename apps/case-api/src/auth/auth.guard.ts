import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemException } from '../common/problem';
import { PUBLIC_ROUTE } from './auth.decorators';
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
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) throw new ProblemException(401, 'AUTH.TOKEN_MISSING', { en: 'Send Authorization: Bearer <token>', zh: '请登录：请求须携带 Authorization: Bearer <令牌>' });
    try {
      req.principal = await this.verifier.verify(match[1]);
    } catch (err) {
      throw new ProblemException(401, 'AUTH.TOKEN_INVALID', {
        en: `The bearer token was rejected: ${(err as Error).message}`,
        zh: `访问令牌被拒绝（${(err as Error).message}），请重新登录`,
      });
    }
    return true;
  }
}
