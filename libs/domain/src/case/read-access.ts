import type { ActorSnapshot, Role } from './actor.types';
import type { CaseState } from './case-state';

export type ReadAccess =
  | { ok: true }
  /** hidden: answer as if the case did not exist (another agency's case). */
  | { ok: false; hidden: boolean; code: string; reason: string };

/** Roles that see every case of their own agency. */
export const OVERSEER_ROLES: readonly Role[] = ['AGENCY_HEAD', 'LEGAL_REVIEWER', 'SUPERVISOR', 'ADMIN'];
const TRANSFER_LIAISONS: Role[] = ['POLICE_LIAISON', 'PROCURATORATE'];

/**
 * Who may see a case and act on it through the API: its own agency's
 * heads, reviewers, supervisors and admins; the case's officers; a hearing
 * host it names; and, once a criminal transfer exists, the police and
 * procuratorate liaisons (who belong to other bodies).
 */
export function readAccess(state: CaseState, actor: ActorSnapshot): ReadAccess {
  if (state.transfer && actor.roles.some((r) => TRANSFER_LIAISONS.includes(r))) return { ok: true };
  if (actor.agencyId !== state.agencyId) {
    return { ok: false, hidden: true, code: 'CASE.NOT_FOUND', reason: 'No such case in your agency' };
  }
  if (actor.roles.some((r) => OVERSEER_ROLES.includes(r))) return { ok: true };
  if (state.officers.some((o) => o.userId === actor.userId)) return { ok: true };
  if (state.hearing?.host?.userId === actor.userId) return { ok: true };
  return {
    ok: false,
    hidden: false,
    code: 'CASE.NOT_ASSIGNED',
    reason: 'Only the case officers, its hearing host, reviewers, heads and supervisors may see this case',
  };
}
