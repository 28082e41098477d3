import type { ActorSnapshot } from '@zhifa/domain';
import type { AdminActor } from '@zhifa/persistence';
import type { ActorService } from '../auth/actor.service';
import type { TokenClaims } from '../auth/token-verifier';
import { forbidden } from '../common/problem';

/** The caller, read fresh, if an administrator of their agency; else 403 USER.ADMIN_ONLY. */
export async function agencyAdmin(actors: ActorService, principal: TokenClaims): Promise<ActorSnapshot> {
  const actor = await actors.caller(principal);
  if (!actor.roles.includes('ADMIN')) {
    throw forbidden('USER.ADMIN_ONLY', { en: "Only an administrator manages the agency's users", zh: '只有系统管理员可以管理本机关用户' });
  }
  return actor;
}

/** The administrator as the administration log names them. */
export const adminActor = (a: ActorSnapshot): AdminActor => ({ id: a.userId, name: a.name, roles: a.roles });
