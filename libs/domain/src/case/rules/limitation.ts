// APL 36: no penalty for a violation not discovered within 2 years (5 where
// life, health or financial safety is involved), counted from the day it
// occurred or, if continuing, ended.

import { isLocalDate, localDate } from '../../calendar';
import type { JurisdictionPolicy } from '../../policy/policy.types';
import type { LimitationCheck } from '../case-state';

/** The same calendar date `years` later; 29 Feb falls back to 28 Feb. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = y + years;
  const last = new Date(Date.UTC(target, m, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(target).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function toLocalDate(dateOrInstant: string, timeZone: string): string {
  return isLocalDate(dateOrInstant) ? dateOrInstant : localDate(dateOrInstant, timeZone);
}

/** A provision may carry `lifeHealthFinancialSafety: true` (optional policy data). */
export function provisionIsLifeHealthFinancial(policy: JurisdictionPolicy, violationCode: string): boolean {
  const p = policy.violations.find((v) => v.code === violationCode) as { lifeHealthFinancialSafety?: unknown } | undefined;
  return p?.lifeHealthFinancialSafety === true;
}

export function limitationCheck(args: {
  violationAt: string;
  discoveredAt: string;
  lifeHealthFinancialSafety: boolean;
  policy: JurisdictionPolicy;
}): { check: LimitationCheck; expired: boolean } {
  const { policy } = args;
  const years = args.lifeHealthFinancialSafety ? policy.limitationYears.lifeHealthFinancial : policy.limitationYears.general;
  const violationDate = toLocalDate(args.violationAt, policy.timeZone);
  const discoveredDate = toLocalDate(args.discoveredAt, policy.timeZone);
  const lastDiscoveryDate = addYears(violationDate, years);
  return {
    check: {
      violationDate,
      discoveredDate,
      years,
      lastDiscoveryDate,
      lifeHealthFinancialSafety: args.lifeHealthFinancialSafety,
      source: 'APL 36',
    },
    expired: discoveredDate > lastDiscoveryDate,
  };
}
