import type { ActorSnapshot, Role } from '../case/actor.types';

/** Who reads the supervision views (执法监督): the agency's supervisors. */
export const SUPERVISION_ROLES: readonly Role[] = ['SUPERVISOR'];

export type SupervisionAccess = { ok: true } | { ok: false; code: 'SUPERVISION.SUPERVISOR_ONLY'; reason: string };

export function supervisionAccess(actor: ActorSnapshot): SupervisionAccess {
  if (actor.roles.some((r) => SUPERVISION_ROLES.includes(r))) return { ok: true };
  return {
    ok: false,
    code: 'SUPERVISION.SUPERVISOR_ONLY',
    reason: `Only a supervisor reads the supervision views; ${actor.name} holds ${actor.roles.join(', ') || 'no role'}`,
  };
}
