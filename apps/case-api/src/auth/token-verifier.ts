import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { ROLES, Role } from '@zhifa/domain';

export interface TokenClaims {
  sub: string;
  agencyId: string;
  /** As issued, for clients' display; never used to authorise (roles are read from Postgres per request). */
  roles: Role[];
}

/**
 * Verifies bearer tokens. The HS256 implementation serves local use; an
 * OIDC deployment binds a JWKS-backed implementation to this same token.
 */
export abstract class TokenVerifier {
  abstract verify(token: string): Promise<TokenClaims>;
}

@Injectable()
export class HmacTokenVerifier extends TokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {
    super();
  }

  async verify(token: string): Promise<TokenClaims> {
    const claims = await this.jwt.verifyAsync<Record<string, unknown>>(token, {
      algorithms: ['HS256'],
      issuer: this.cfg.jwt.issuer,
      audience: this.cfg.jwt.audience,
    });
    const roles = claims.roles;
    if (
      typeof claims.sub !== 'string' ||
      typeof claims.agencyId !== 'string' ||
      !Array.isArray(roles) ||
      !roles.every((r) => (ROLES as readonly unknown[]).includes(r))
    ) {
      throw new Error('token lacks sub, agencyId or valid roles');
    }
    return { sub: claims.sub, agencyId: claims.agencyId, roles: roles as Role[] };
  }

  /** Local and test tokens only; production issues tokens from its identity provider. */
  issue(claims: TokenClaims): Promise<string> {
    return this.jwt.signAsync(
      { agencyId: claims.agencyId, roles: claims.roles },
      {
        subject: claims.sub,
        algorithm: 'HS256',
        issuer: this.cfg.jwt.issuer,
        audience: this.cfg.jwt.audience,
        expiresIn: this.cfg.jwt.ttlSeconds,
      },
    );
  }
}
