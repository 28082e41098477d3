// An agency's list of enforcement matters (权责清单): the violation codes of
// its jurisdiction's policy it may penalise, each with the legal basis of the
// power. An agency penalises only within its statutory powers (APL 17, 18),
// so a lead outside the list is refused at registration. An agency with no
// list configured is not limited (every code of the policy), as before.

import type { JurisdictionPolicy } from '../policy/policy.types';

export interface AgencyPower {
  violationCode: string;
  /** Where the agency's power over the matter comes from, e.g. 《食品安全法》第122条. */
  legalBasis: string;
}

export interface PowersProblem {
  field: string;
  en: string;
  zh: string;
}

/** Each entry of a proposed list the policy cannot carry: a code not in its catalogue, a code listed twice, an empty legal basis. */
export function powersProblems(powers: readonly AgencyPower[], policy: Pick<JurisdictionPolicy, 'version' | 'violations'>): PowersProblem[] {
  const problems: PowersProblem[] = [];
  const seen = new Set<string>();
  powers.forEach((p, i) => {
    const field = `powers[${i}].violationCode`;
    if (!policy.violations.some((v) => v.code === p.violationCode)) {
      problems.push({ field, en: `${p.violationCode} is not in the catalogue of policy ${policy.version}`, zh: `${p.violationCode}不在执法政策${policy.version}的目录中` });
    } else if (seen.has(p.violationCode)) {
      problems.push({ field, en: `${p.violationCode} is listed twice`, zh: `${p.violationCode}重复列出` });
    } else if (p.legalBasis.trim() === '') {
      problems.push({ field: `powers[${i}].legalBasis`, en: 'must not be empty', zh: '不能为空' });
    }
    seen.add(p.violationCode);
  });
  return problems;
}

/** The list as stored: a missing legal basis is the provision's own (the statute that makes the act punishable). */
export function withLegalBases(powers: readonly { violationCode: string; legalBasis?: string }[], policy: Pick<JurisdictionPolicy, 'violations'>): AgencyPower[] {
  return powers.map((p) => ({
    violationCode: p.violationCode,
    legalBasis: p.legalBasis?.trim() || (policy.violations.find((v) => v.code === p.violationCode)?.legalBasis ?? ''),
  }));
}

/** Why the agency may not register a lead of this violation (APL 17, 18), or null when it may (or has no list configured). */
export function outsidePowers(powers: readonly AgencyPower[] | null, violationCode: string, agencyName: string): { en: string; zh: string } | null {
  if (powers === null || powers.some((p) => p.violationCode === violationCode)) return null;
  return {
    en: `${violationCode} is not among the enforcement matters of ${agencyName} (its list of powers): an agency penalises only within its statutory powers (APL 17, 18)`,
    zh: `${violationCode}不在${agencyName}的权责清单内：行政处罚由具有行政处罚权的行政机关在法定职权范围内实施（《行政处罚法》第十七条、第十八条）`,
  };
}
