// Who may act (domain spec §6): certified officers, never auxiliary staff for
// decisions, 查审分离 for reviewers and hearing hosts.

import type { ActorSnapshot, CertificateSnapshot, Role } from '../actor.types';
import type { CaseOfficer, CaseState, PersonRef } from '../case-state';
import { fail, type Fail, type FieldError } from '../rejection';

export function hasRole(actor: ActorSnapshot, role: Role): boolean {
  return Array.isArray(actor.roles) && actor.roles.includes(role);
}

/** The certificate valid on a local date (YYYY-MM-DD), or why there is none. */
/** A certificate acts on `date` (YYYY-MM-DD): active and within its dates. */
export function certificateValidOn(c: CertificateSnapshot, date: string): boolean {
  return c.status === 'ACTIVE' && c.validFrom <= date && date <= c.validTo;
}

export function certificateOn(
  actor: ActorSnapshot,
  date: string,
): { certificate: CertificateSnapshot; problem?: undefined } | { certificate?: undefined; problem: string } {
  const certs = Array.isArray(actor.certificates) ? actor.certificates : [];
  const valid = certs.find((c) => certificateValidOn(c, date));
  if (valid) return { certificate: valid };
  if (certs.length === 0) return { problem: `${actor.name} holds no enforcement certificate` };
  // Name the most telling problem: a suspended or revoked certificate beats an expired one.
  const inactive = certs.find((c) => c.status !== 'ACTIVE');
  if (inactive) return { problem: `${actor.name}'s certificate ${inactive.number} is ${inactive.status}` };
  const expired = certs.find((c) => c.validTo < date);
  if (expired) return { problem: `${actor.name}'s certificate ${expired.number} expired on ${expired.validTo}` };
  const c = certs[0];
  return { problem: `${actor.name}'s certificate ${c.number} is not valid until ${c.validFrom}` };
}

/** A certificate scope carries a qualification: equal to it, or a narrower scope under it ('LEGAL_REVIEW' covers 'LEGAL_REVIEW:market'). */
export function scopeCovers(scope: string, qualification: string): boolean {
  return scope === qualification || scope.startsWith(`${qualification}:`);
}

/**
 * The certificate that qualifies a legal reviewer on a local date (APL 58 ¶3):
 * valid and ACTIVE and, when the policy names a qualification, carrying it.
 */
export function reviewerCertificateOn(
  actor: ActorSnapshot,
  date: string,
  qualification: string | undefined,
): { certificate: CertificateSnapshot; problem?: undefined } | { certificate?: undefined; problem: string } {
  if (!qualification) return certificateOn(actor, date);
  const certs = (Array.isArray(actor.certificates) ? actor.certificates : []).filter((c) => typeof c.scope === 'string' && scopeCovers(c.scope, qualification));
  if (certs.length === 0) return { problem: `${actor.name} holds no certificate with the legal-review qualification ${qualification}` };
  return certificateOn({ ...actor, certificates: certs }, date);
}

export function toCaseOfficer(actor: ActorSnapshot, certificate: CertificateSnapshot): CaseOfficer {
  return { userId: actor.userId, name: actor.name, certificateNumber: certificate.number };
}

export function personRef(actor: { userId: string; name: string }): PersonRef {
  return { userId: actor.userId, name: actor.name };
}

/** The actor's own certificate, for commands an officer or legal reviewer performs. */
export function checkActorCertificate(actor: ActorSnapshot, date: string): Fail | null {
  const c = certificateOn(actor, date);
  return c.problem ? fail('AUTH.CERTIFICATE_INVALID', `${c.problem} on ${date}: certificates must be valid and ACTIVE`) : null;
}

/**
 * Officers named in a command (filing, evidence collectors, transfer team,
 * recusal replacement): distinct, OFFICER role, not auxiliary, same agency,
 * not recused from this case, certificate valid on `date`.
 */
export function checkNamedOfficers(
  list: ActorSnapshot[],
  opts: { min: number; date: string; agencyId: string; field: string; recused?: string[] },
): { officers: CaseOfficer[] } | { fail: Fail } {
  const seen = new Set<string>();
  const officers: CaseOfficer[] = [];
  const errors: FieldError[] = [];
  let certificateProblems = 0;
  list.forEach((a, i) => {
    if (seen.has(a.userId)) return; // the same person twice counts once
    seen.add(a.userId);
    const field = `${opts.field}[${i}]`;
    if (hasRole(a, 'AUXILIARY')) return void errors.push({ field, message: `${a.name} is auxiliary staff and cannot act as an officer` });
    if (!hasRole(a, 'OFFICER')) return void errors.push({ field, message: `${a.name} is not an enforcement officer` });
    if (a.agencyId !== opts.agencyId) return void errors.push({ field, message: `${a.name} belongs to another agency` });
    if (opts.recused?.includes(a.userId)) return void errors.push({ field, message: `${a.name} was recused from this case` });
    const c = certificateOn(a, opts.date);
    if (!c.certificate) {
      certificateProblems++;
      return void errors.push({ field, message: `${c.problem} on ${opts.date}` });
    }
    officers.push(toCaseOfficer(a, c.certificate));
  });

  const need = opts.min === 2 ? 'at least 2 distinct officers with valid enforcement certificates (APL 42)' : `at least ${opts.min} officer(s) with a valid enforcement certificate`;
  if (certificateProblems > 0) {
    return { fail: fail('CASE.OFFICER_CERTIFICATE_INVALID', `Expired, suspended or revoked certificates act for nothing; ${need} are required`, errors) };
  }
  if (errors.length > 0) {
    return { fail: fail('CASE.NOT_AN_OFFICER', `Only certified enforcement officers of the agency may be named; ${need} are required`, errors) };
  }
  if (officers.length < opts.min) {
    const code = opts.min >= 2 ? 'CASE.TWO_OFFICERS_REQUIRED' : 'CASE.OFFICER_REQUIRED';
    return {
      fail: fail(code, `${need[0].toUpperCase()}${need.slice(1)} are required; got ${officers.length}`, [
        { field: opts.field, message: `needs ${opts.min} distinct officers, got ${officers.length}` },
      ]),
    };
  }
  return { officers };
}

export function isAssigned(state: CaseState, userId: string): boolean {
  return state.officers.some((o) => o.userId === userId);
}

/** Everyone who investigated: current and recused officers, evidence collectors, transfer team. */
export function investigatorIds(state: CaseState): Set<string> {
  const ids = new Set<string>(state.officers.map((o) => o.userId));
  for (const r of state.recusals) if (r.role === 'OFFICER') ids.add(r.userId);
  for (const e of state.evidence) for (const c of e.collectors) ids.add(c.userId);
  for (const o of state.transfer?.officers ?? []) ids.add(o.userId);
  return ids;
}

/** 查审分离 (APL 58, 64): a reviewer, legal reviewer or hearing host never investigated this case. */
export function isInvestigator(state: CaseState, userId: string): boolean {
  return investigatorIds(state).has(userId);
}
