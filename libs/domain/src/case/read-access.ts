import type { ActorSnapshot, Role } from './actor.types';
import type { CaseState } from './case-state';
import type { Message } from './messages';
import { inForce, type RuleOptions } from './rule-changes';

export type ReadAccess =
  | { ok: true }
  /** hidden: answer as if the case did not exist (another agency's case). */
  | { ok: false; hidden: boolean; code: string; reason: Message };

/** Roles that see every case of their own agency. */
export const OVERSEER_ROLES: readonly Role[] = ['AGENCY_HEAD', 'LEGAL_REVIEWER', 'SUPERVISOR', 'ADMIN'];
/** Roles of the bodies a criminal case is transferred to (police, procuratorate). */
export const TRANSFER_LIAISON_ROLES: readonly Role[] = ['POLICE_LIAISON', 'PROCURATORATE'];

/**
 * One set of cases a person may read. A person's scope is the union of their
 * grants; the API's single read and the case list's query both start here, so
 * a grant kind added here fails to compile wherever it is not yet handled.
 */
export type ReadGrant =
  /** Every case of the agency. */
  | { kind: 'AGENCY'; agencyId: string }
  /** Cases of the agency that name the user as an officer, as auxiliary staff attached to it, or as the hearing host. */
  | { kind: 'ASSIGNED'; agencyId: string; userId: string }
  /**
   * Every case, of any agency, whose criminal transfer was addressed to the named body: as its procuratorate, or
   * as its police, the unit dispatched to or any unit it was forwarded to since (a forwarding unit keeps reading).
   */
  | { kind: 'TRANSFERRED'; addressee: TransferAddressee; body: string };

/** Which of a dispatch's addressees a liaison role answers for. */
export type TransferAddressee = 'policeAgency' | 'procuratorate';
const ADDRESSEE: Readonly<Record<'POLICE_LIAISON' | 'PROCURATORATE', TransferAddressee>> = { POLICE_LIAISON: 'policeAgency', PROCURATORATE: 'procuratorate' };

/** Whether the actor holds only the roles of the bodies a transfer goes to: outside the agency's staff, anything else is hidden from them. */
export function isLiaisonOnly(actor: ActorSnapshot): boolean {
  return actor.roles.length > 0 && actor.roles.every((r) => TRANSFER_LIAISON_ROLES.includes(r));
}

/**
 * The police unit a transfer is addressed to now: the last forwarding's unit (R310 7: the competent unit takes it
 * over), else the dispatch's. Under the rules before 'forward-readdresses' a forwarding changed nothing.
 */
export function policeAddressee(state: CaseState, opts?: RuleOptions): string | undefined {
  const t = state.transfer;
  const forwarded = inForce(opts, 'forward-readdresses') ? t?.forwards?.at(-1)?.policeAgency : undefined;
  return t?.dispatch ? (forwarded ?? t.dispatch.policeAgency) : undefined;
}

/** Every body of a capacity the transfer was ever addressed to, first the dispatch's: the bodies that may read it. */
export function transferBodies(state: CaseState, addressee: TransferAddressee): string[] {
  const t = state.transfer;
  if (!t?.dispatch) return [];
  return addressee === 'procuratorate' ? [t.dispatch.procuratorate] : [t.dispatch.policeAgency, ...(t.forwards ?? []).map((f) => f.policeAgency)];
}

/** Whether the case's transfer is addressed now to the actor's body in the capacity `role` answers for: theirs to act on. */
export function addressedTo(state: CaseState, role: 'POLICE_LIAISON' | 'PROCURATORATE', body: string | undefined, opts?: RuleOptions): boolean {
  if (!body) return false;
  return role === 'POLICE_LIAISON' ? policeAddressee(state, opts) === body : state.transfer?.dispatch?.procuratorate === body;
}

export interface ReadScope {
  /** The person's own agency: a case of another agency they cannot read is hidden from them. */
  agencyId: string;
  grants: ReadGrant[];
}

/**
 * Who may see a case and act on it through the API: its own agency's
 * heads, reviewers, supervisors and admins; the case's officers and the
 * auxiliary staff attached to it; a hearing host it names; and, once a criminal transfer is dispatched, the
 * liaisons of the procuratorate it names and of every police unit it was addressed to (each belongs to a named
 * body). Reading is not acting: only the unit addressed now acts (`addressedTo`, judged at the gate).
 */
export function readScope(actor: ActorSnapshot): ReadScope {
  const grants: ReadGrant[] = [];
  // A liaison of no named body reads no transfer.
  for (const role of ['POLICE_LIAISON', 'PROCURATORATE'] as const) {
    if (actor.roles.includes(role) && actor.body) grants.push({ kind: 'TRANSFERRED', addressee: ADDRESSEE[role], body: actor.body });
  }
  if (actor.roles.some((r) => OVERSEER_ROLES.includes(r))) {
    grants.push({ kind: 'AGENCY', agencyId: actor.agencyId });
  } else {
    grants.push({ kind: 'ASSIGNED', agencyId: actor.agencyId, userId: actor.userId });
  }
  return { agencyId: actor.agencyId, grants };
}

/**
 * The people an ASSIGNED grant lets see the case: its officers, the
 * auxiliary staff ever attached to it and its hearing host, each once, in
 * that order. The read model keeps this list beside the case (its
 * `assigned_user_ids` column), so a list of one's own cases is a lookup.
 */
export function assignedUserIds(state: CaseState): string[] {
  const ids = [...state.officers.map((o) => o.userId), ...(state.auxiliaries ?? []).map((a) => a.userId)];
  if (state.hearing?.host?.userId) ids.push(state.hearing.host.userId);
  return [...new Set(ids)];
}

/** Whether one grant covers a case. */
export function grantCovers(grant: ReadGrant, state: CaseState): boolean {
  switch (grant.kind) {
    case 'AGENCY':
      return state.agencyId === grant.agencyId;
    case 'ASSIGNED':
      return state.agencyId === grant.agencyId && assignedUserIds(state).includes(grant.userId);
    case 'TRANSFERRED':
      return transferBodies(state, grant.addressee).includes(grant.body);
  }
}

export function readAccess(state: CaseState, actor: ActorSnapshot): ReadAccess {
  const scope = readScope(actor);
  if (scope.grants.some((g) => grantCovers(g, state))) return { ok: true };
  // A liaison's case not addressed to their body is hidden as another agency's is.
  if (state.agencyId !== scope.agencyId || isLiaisonOnly(actor)) {
    return { ok: false, hidden: true, code: 'CASE.NOT_FOUND', reason: { en: 'No such case in your agency', zh: '本机关没有该案件' } };
  }
  return {
    ok: false,
    hidden: false,
    code: 'CASE.NOT_ASSIGNED',
    reason: {
      en: 'Only the case officers, auxiliary staff attached to it, its hearing host, reviewers, heads and supervisors may see this case',
      zh: '只有本案承办人员、编入本案的辅助人员、听证主持人、审核人员、机关负责人和监督人员可以查看本案',
    },
  };
}
