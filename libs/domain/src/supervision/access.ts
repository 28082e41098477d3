import type { ActorSnapshot, Role } from '../case/actor.types';
import { msg, zhList, zhRole, type Message } from '../case/messages';

/** Who reads the supervision views (执法监督): the agency's supervisors. */
export const SUPERVISION_ROLES: readonly Role[] = ['SUPERVISOR'];

export type SupervisionAccess = { ok: true } | { ok: false; code: 'SUPERVISION.SUPERVISOR_ONLY'; reason: Message };

export function supervisionAccess(actor: ActorSnapshot): SupervisionAccess {
  if (actor.roles.some((r) => SUPERVISION_ROLES.includes(r))) return { ok: true };
  return {
    ok: false,
    code: 'SUPERVISION.SUPERVISOR_ONLY',
    reason: msg(
      `Only a supervisor reads the supervision views; ${actor.name} holds ${actor.roles.join(', ') || 'no role'}`,
      `只有监督人员可以查看执法监督视图；${actor.name}的角色为${actor.roles.length ? zhList(actor.roles.map(zhRole)) : '无'}`,
    ),
  };
}
