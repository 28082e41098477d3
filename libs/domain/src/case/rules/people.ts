// Who may act (domain spec §6): certified officers, never auxiliary staff for
// decisions, 查审分离 for reviewers and hearing hosts.

import type { ActorSnapshot, CertificateSnapshot, Role } from '../actor.types';
import type { CaseOfficer, CaseState, PersonRef } from '../case-state';
import { fail, type Fail } from '../rejection';
import { zhDate, ZH_CERTIFICATE, type FieldMessage, type Message } from '../messages';

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
): { certificate: CertificateSnapshot; problem?: undefined } | { certificate?: undefined; problem: Message } {
  const certs = Array.isArray(actor.certificates) ? actor.certificates : [];
  const valid = certs.find((c) => certificateValidOn(c, date));
  if (valid) return { certificate: valid };
  if (certs.length === 0) return { problem: { en: `${actor.name} holds no enforcement certificate`, zh: `${actor.name}未持有执法证件` } };
  // Name the most telling problem: a suspended or revoked certificate beats an expired one.
  const inactive = certs.find((c) => c.status !== 'ACTIVE');
  if (inactive) {
    const status = (ZH_CERTIFICATE as Record<string, string>)[inactive.status] ?? inactive.status;
    return { problem: { en: `${actor.name}'s certificate ${inactive.number} is ${inactive.status}`, zh: `${actor.name}的执法证件${inactive.number}${status}` } };
  }
  const expired = certs.find((c) => c.validTo < date);
  if (expired) {
    return { problem: { en: `${actor.name}'s certificate ${expired.number} expired on ${expired.validTo}`, zh: `${actor.name}的执法证件${expired.number}已于${zhDate(expired.validTo)}到期` } };
  }
  const c = certs[0];
  return { problem: { en: `${actor.name}'s certificate ${c.number} is not valid until ${c.validFrom}`, zh: `${actor.name}的执法证件${c.number}自${zhDate(c.validFrom)}起才生效` } };
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
): { certificate: CertificateSnapshot; problem?: undefined } | { certificate?: undefined; problem: Message } {
  if (!qualification) return certificateOn(actor, date);
  const certs = (Array.isArray(actor.certificates) ? actor.certificates : []).filter((c) => typeof c.scope === 'string' && scopeCovers(c.scope, qualification));
  if (certs.length === 0) {
    return {
      problem: {
        en: `${actor.name} holds no certificate with the legal-review qualification ${qualification}`,
        zh: `${actor.name}未持有具备法制审核资格（${qualification}）的证件`,
      },
    };
  }
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
  if (!c.problem) return null;
  return fail('AUTH.CERTIFICATE_INVALID', {
    en: `${c.problem.en} on ${date}: certificates must be valid and ACTIVE`,
    zh: `${c.problem.zh}（以${zhDate(date)}计）：执法证件须在有效期内且处于有效状态`,
  });
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
  const errors: FieldMessage[] = [];
  let certificateProblems = 0;
  list.forEach((a, i) => {
    if (seen.has(a.userId)) return; // the same person twice counts once
    seen.add(a.userId);
    const field = `${opts.field}[${i}]`;
    const refuse = (en: string, zh: string): void => void errors.push({ field, message: { en, zh } });
    if (hasRole(a, 'AUXILIARY')) return refuse(`${a.name} is auxiliary staff and cannot act as an officer`, `${a.name}是辅助人员，不能作为执法人员`);
    if (!hasRole(a, 'OFFICER')) return refuse(`${a.name} is not an enforcement officer`, `${a.name}不是执法人员`);
    if (a.agencyId !== opts.agencyId) return refuse(`${a.name} belongs to another agency`, `${a.name}属于其他机关`);
    if (opts.recused?.includes(a.userId)) return refuse(`${a.name} was recused from this case`, `${a.name}已被决定回避本案`);
    const c = certificateOn(a, opts.date);
    if (!c.certificate) {
      certificateProblems++;
      return refuse(`${c.problem.en} on ${opts.date}`, `${c.problem.zh}（以${zhDate(opts.date)}计）`);
    }
    officers.push(toCaseOfficer(a, c.certificate));
  });

  const need = opts.min === 2 ? 'at least 2 distinct officers with valid enforcement certificates (APL 42)' : `at least ${opts.min} officer(s) with a valid enforcement certificate`;
  const needZh = opts.min === 2 ? '须有两名以上持有效执法证件的不同执法人员（《行政处罚法》第42条）' : `须有${opts.min}名以上持有效执法证件的执法人员`;
  if (certificateProblems > 0) {
    return {
      fail: fail(
        'CASE.OFFICER_CERTIFICATE_INVALID',
        { en: `Expired, suspended or revoked certificates act for nothing; ${need} are required`, zh: `过期、被暂扣或被吊销的执法证件不能执法；${needZh}` },
        errors,
      ),
    };
  }
  if (errors.length > 0) {
    return {
      fail: fail(
        'CASE.NOT_AN_OFFICER',
        { en: `Only certified enforcement officers of the agency may be named; ${need} are required`, zh: `只能指定本机关持证执法人员；${needZh}` },
        errors,
      ),
    };
  }
  if (officers.length < opts.min) {
    const code = opts.min >= 2 ? 'CASE.TWO_OFFICERS_REQUIRED' : 'CASE.OFFICER_REQUIRED';
    return {
      fail: fail(code, { en: `${need[0].toUpperCase()}${need.slice(1)} are required; got ${officers.length}`, zh: `${needZh}，实际为${officers.length}名` }, [
        {
          field: opts.field,
          message: { en: `needs ${opts.min} distinct officers, got ${officers.length}`, zh: `须有${opts.min}名不同的执法人员，实际为${officers.length}名` },
        },
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
