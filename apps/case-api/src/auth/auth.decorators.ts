import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@zhifa/domain';
import type { TokenClaims } from './token-verifier';

export const PUBLIC_ROUTE = 'zhifa:public';
export const REQUIRED_ROLES = 'zhifa:roles';

/** No token needed (health, readiness, public disclosures). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
/** The caller needs at least one of these roles. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

export const Principal = createParamDecorator((_: unknown, ctx: ExecutionContext): TokenClaims => {
  return ctx.switchToHttp().getRequest<{ principal: TokenClaims }>().principal;
});
