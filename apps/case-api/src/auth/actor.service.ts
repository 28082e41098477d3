import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { ActorSnapshot, Role } from '@zhifa/domain';
import { CertificateEntity, UserEntity } from '@zhifa/persistence';
import { badRequest, ProblemException } from '../common/problem';
import type { TokenClaims } from './token-verifier';

/**
 * Resolves people from Postgres on every command: the token only names the
 * user; roles, certificates and agency are read fresh, never trusted.
 */
@Injectable()
export class ActorService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async caller(principal: TokenClaims): Promise<ActorSnapshot> {
    const [actor] = await this.load([principal.sub]);
    if (!actor) throw new ProblemException(401, 'AUTH.UNKNOWN_USER', `User ${principal.sub} does not exist or is inactive`);
    if (actor.agencyId !== principal.agencyId) {
      throw new ProblemException(403, 'AUTH.AGENCY_MISMATCH', 'The token names an agency the user does not belong to');
    }
    return actor;
  }

  /** The named people, in the order given; unknown ids are a 400 on `field`. */
  async named(ids: string[], field: string): Promise<ActorSnapshot[]> {
    const found = await this.load(ids);
    const byId = new Map(found.map((a) => [a.userId, a]));
    const missing = ids.map((id, i) => ({ id, i })).filter(({ id }) => !byId.has(id));
    if (missing.length) {
      throw badRequest(missing.map(({ id, i }) => ({ field: `${field}[${i}]`, message: `no active user with id ${id}` })));
    }
    return ids.map((id) => byId.get(id)!);
  }

  private async load(ids: string[]): Promise<ActorSnapshot[]> {
    const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (!uuids.length) return [];
    const users = await this.ds.getRepository(UserEntity).findBy({ id: In(uuids), active: true });
    const certs = await this.ds.getRepository(CertificateEntity).findBy({ userId: In(users.map((u) => u.id)) });
    return users.map((u) => ({
      userId: u.id,
      name: u.name,
      agencyId: u.agencyId,
      roles: u.roles as Role[],
      certificates: certs
        .filter((c) => c.userId === u.id)
        .map((c) => ({ number: c.number, scope: c.scope, validFrom: c.validFrom, validTo: c.validTo, status: c.status })),
    }));
  }
}
