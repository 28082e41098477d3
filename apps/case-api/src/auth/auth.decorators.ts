import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { TokenClaims } from './token-verifier';

export const PUBLIC_ROUTE = 'zhifa:public';

/** No token needed (health, readiness, public disclosures). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The verified token: it names the user; roles are read from Postgres (ActorService), not from here. */
export const Principal = createParamDecorator((_: unknown, ctx: ExecutionContext): TokenClaims => {
  return ctx.switchToHttp().getRequest<{ principal: TokenClaims }>().principal;
});
