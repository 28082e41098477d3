import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { TokenClaims } from './token-verifier';

export const PUBLIC_ROUTE = 'zhifa:public';

/** Marks a public operation in the OpenAPI document; finishOpenApiDocument turns it into `security: []`. */
export const PUBLIC_EXTENSION = 'x-zhifa-public';

/** No token needed (health, readiness, public disclosures); the OpenAPI document says so (`security: []`). */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_EXTENSION, true));

/** The verified token: it names the user; roles are read from Postgres (ActorService), not from here. */
export const Principal = createParamDecorator((_: unknown, ctx: ExecutionContext): TokenClaims => {
  return ctx.switchToHttp().getRequest<{ principal: TokenClaims }>().principal;
});
