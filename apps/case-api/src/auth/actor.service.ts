import { Injectable } from '@nestjs/common';
import type { ActorSnapshot } from '@zhifa/domain';
import { PeopleRepository } from '@zhifa/persistence';
import { badRequest, fieldProblem, ProblemException } from '../common/problem';
import type { TokenClaims } from './token-verifier';

/**
 * Resolves people from Postgres on every command: the token only names the
 * user; roles, certificates and agency are read fresh, never trusted.
 */
@Injectable()
export class ActorService {
  constructor(private readonly people: PeopleRepository) {}

  async caller(principal: TokenClaims): Promise<ActorSnapshot> {
    const [actor] = await this.people.activeActors([principal.sub]);
    if (!actor) {
      throw new ProblemException(401, 'AUTH.UNKNOWN_USER', {
        en: `User ${principal.sub} does not exist or is inactive`,
        zh: `用户${principal.sub}不存在或已停用`,
      });
    }
    if (actor.agencyId !== principal.agencyId) {
      throw new ProblemException(403, 'AUTH.AGENCY_MISMATCH', {
        en: 'The token names an agency the user does not belong to',
        zh: '令牌所载机关不是该用户所属的机关',
      });
    }
    return actor;
  }

  /** The named people, in the order given; unknown ids are a 400 on `field`. */
  async named(ids: string[], field: string): Promise<ActorSnapshot[]> {
    const found = await this.people.activeActors(ids);
    const byId = new Map(found.map((a) => [a.userId, a]));
    const missing = ids.map((id, i) => ({ id, i })).filter(({ id }) => !byId.has(id));
    if (missing.length) {
      throw badRequest(missing.map(({ id, i }) => fieldProblem(`${field}[${i}]`, { en: `no active user with id ${id}`, zh: `没有编号为${id}的在职用户` })));
    }
    return ids.map((id) => byId.get(id)!);
  }
}
