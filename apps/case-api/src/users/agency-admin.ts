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

/** Who manages users: an agency's ADMIN, within that agency; a SYSTEM_ADMIN, in any agency. */
export interface UserAdministrator {
  actor: ActorSnapshot;
  /** A system administrator: any agency, and the only one who grants or withdraws SYSTEM_ADMIN. */
  system: boolean;
}

/** The caller, read fresh, if they manage users; else 403 USER.ADMIN_ONLY. */
export async function userAdministrator(actors: ActorService, principal: TokenClaims): Promise<UserAdministrator> {
  const actor = await actors.caller(principal);
  if (actor.roles.includes('SYSTEM_ADMIN')) return { actor, system: true };
  if (actor.roles.includes('ADMIN')) return { actor, system: false };
  throw forbidden('USER.ADMIN_ONLY', { en: "Only an administrator manages the agency's users", zh: '只有系统管理员可以管理本机关用户' });
}

/** The agency a request names: an ADMIN's own only (another: 403 AGENCY.OWN_ONLY); a SYSTEM_ADMIN's choice, their own by default. */
export function administeredAgency(a: UserAdministrator, requested: string | undefined): string {
  if (!requested || requested === a.actor.agencyId) return a.actor.agencyId;
  if (!a.system) {
    throw forbidden('AGENCY.OWN_ONLY', { en: "An agency's administrator manages their own agency's users only", zh: '机关的系统管理员只能管理本机关的用户' });
  }
  return requested;
}
