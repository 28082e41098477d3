// A certificate's life as dated status changes (暂扣, 恢复, 吊销, 延续), so that
// "was this certificate valid on day D" has one answer for any past day, not
// only for today. The API keeps the current status on the certificate for the
// next request's checks; the history answers for the days before.

import type { CertificateStatus } from '../case/vocabulary';

/** What a change did: issued, suspended (暂扣), reinstated, revoked (吊销), renewed (延续); RECORDED: the state found when the history began. */
export const CERTIFICATE_CHANGE_KINDS = ['ISSUED', 'SUSPENDED', 'REINSTATED', 'REVOKED', 'RENEWED', 'RECORDED'] as const;
export type CertificateChangeKind = (typeof CERTIFICATE_CHANGE_KINDS)[number];

/** One dated change: the status and end date in force from the local day `from` (YYYY-MM-DD). */
export interface CertificateStatusChange {
  kind: CertificateChangeKind;
  status: CertificateStatus;
  validTo: string;
  from: string;
  reason: string | null;
}

/** A certificate with its history, in the order recorded (their `from` days never go back). */
export interface CertificateRecord {
  number: string;
  scope: string;
  validFrom: string;
  /** As of today. */
  validTo: string;
  status: CertificateStatus;
  history: CertificateStatusChange[];
}

export interface CertificateStanding {
  valid: boolean;
  status: CertificateStatus;
  validTo: string;
}

/**
 * The certificate's standing on a local day: the last change in force that
 * day decides its status and end date. With no history (a certificate
 * loaded before histories were kept) its present status and dates stand for
 * every day.
 */
export function certificateStandingOn(c: CertificateRecord, day: string): CertificateStanding {
  const history = Array.isArray(c.history) ? c.history : [];
  let inForce: CertificateStatusChange | undefined;
  for (const h of history) if (h.from <= day) inForce = h;
  const status = inForce?.status ?? (history.length ? 'ACTIVE' : c.status);
  const validTo = inForce?.validTo ?? (history.length ? history[0].validTo : c.validTo);
  return { valid: status === 'ACTIVE' && c.validFrom <= day && day <= validTo, status, validTo };
}

/** Whether a certificate was valid on a day, by number, over the records given; UNKNOWN for a number not among them. */
export function certificateLookup(records: readonly CertificateRecord[]): (number: string, day: string) => 'VALID' | 'INVALID' | 'UNKNOWN' {
  const byNumber = new Map(records.map((r) => [r.number, r]));
  return (number, day) => {
    const c = byNumber.get(number);
    if (!c) return 'UNKNOWN';
    return certificateStandingOn(c, day).valid ? 'VALID' : 'INVALID';
  };
}

/** The number of a certificate the user held valid on a day, over their records with histories; null when none was. */
export function heldCertificateOn(records: readonly (CertificateRecord & { userId: string })[]): (userId: string, day: string) => string | null {
  return (userId, day) => records.find((r) => r.userId === userId && certificateStandingOn(r, day).valid)?.number ?? null;
}
