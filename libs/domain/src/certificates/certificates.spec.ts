import { allowedCertificateActions, decideCertificateChange, issuedChange, issueProblems, type CertificateChangeRequest } from './certificate-actions';
import { certificateLookup, certificateStandingOn, heldCertificateOn, type CertificateRecord, type CertificateStatusChange } from './certificate-history';

const issued = { number: 'ZF-1', scope: 'ENFORCEMENT:market', validFrom: '2026-01-01', validTo: '2026-12-31' };
const fresh = (): CertificateRecord => ({ ...issued, status: 'ACTIVE', history: [issuedChange(issued)] });

/** Applies a change as the API stores it: appended, and the certificate's present status and end date follow it. */
function apply(c: CertificateRecord, req: CertificateChangeRequest, today: string): CertificateRecord {
  const out = decideCertificateChange(c, req, today);
  if ('refusal' in out) throw new Error(`refused: ${out.refusal.detail.en}`);
  return { ...c, status: out.change.status, validTo: out.change.validTo, history: [...c.history, out.change] };
}

describe('a certificate’s standing on a past day, from its dated history', () => {
  it('suspended from the 10th and reinstated from the 20th: valid before, not between, valid after', () => {
    let c = apply(fresh(), { action: 'SUSPEND', effectiveFrom: '2026-03-10', reason: '涉嫌违纪' }, '2026-03-10');
    c = apply(c, { action: 'REINSTATE', effectiveFrom: '2026-03-20', reason: '调查完毕' }, '2026-03-21');
    expect(c.status).toBe('ACTIVE');
    expect(certificateStandingOn(c, '2026-03-09')).toMatchObject({ valid: true, status: 'ACTIVE' });
    expect(certificateStandingOn(c, '2026-03-10')).toMatchObject({ valid: false, status: 'SUSPENDED' });
    expect(certificateStandingOn(c, '2026-03-19')).toMatchObject({ valid: false, status: 'SUSPENDED' });
    expect(certificateStandingOn(c, '2026-03-20')).toMatchObject({ valid: true, status: 'ACTIVE' });
    expect(certificateStandingOn(c, '2025-12-31').valid).toBe(false); // before its first day
  });

  it('a revoked certificate was still valid on the days before the revocation', () => {
    const c = apply(fresh(), { action: 'REVOKE', effectiveFrom: '2026-06-01', reason: '吊销' }, '2026-06-02');
    expect(certificateLookup([c])('ZF-1', '2026-05-31')).toBe('VALID');
    expect(certificateLookup([c])('ZF-1', '2026-06-01')).toBe('INVALID');
    expect(certificateLookup([c])('ZF-9', '2026-06-01')).toBe('UNKNOWN');
  });

  it('a renewal after expiry leaves the gap between the old last day and the renewal invalid', () => {
    const c = apply(fresh(), { action: 'RENEW', effectiveFrom: '2027-01-05', validTo: '2028-12-31' }, '2027-01-05');
    expect(c.validTo).toBe('2028-12-31');
    expect(certificateStandingOn(c, '2026-12-31')).toMatchObject({ valid: true, validTo: '2026-12-31' });
    expect(certificateStandingOn(c, '2027-01-03')).toMatchObject({ valid: false, validTo: '2026-12-31' });
    expect(certificateStandingOn(c, '2027-01-05')).toMatchObject({ valid: true, validTo: '2028-12-31' });
  });

  it('a certificate with no history is judged on its present status and dates for every day', () => {
    const legacy: CertificateRecord = { ...issued, status: 'SUSPENDED', history: [] };
    expect(certificateStandingOn(legacy, '2026-02-01')).toMatchObject({ valid: false, status: 'SUSPENDED' });
    expect(certificateStandingOn({ ...legacy, status: 'ACTIVE' }, '2026-02-01').valid).toBe(true);
    expect(certificateStandingOn({ ...legacy, status: 'ACTIVE' }, '2027-01-01').valid).toBe(false);
  });

  it('before the first recorded change, the certificate stood as issued', () => {
    const recorded: CertificateStatusChange = { kind: 'SUSPENDED', status: 'SUSPENDED', validTo: '2026-12-31', from: '2026-05-01', reason: 'x' };
    const c: CertificateRecord = { ...issued, status: 'SUSPENDED', history: [recorded] };
    expect(certificateStandingOn(c, '2026-04-30').valid).toBe(true);
    expect(certificateStandingOn(c, '2026-05-01').valid).toBe(false);
  });
});

describe('what an administrator may do to a certificate', () => {
  it('allows by status: a revoked certificate is final', () => {
    expect(allowedCertificateActions('ACTIVE')).toEqual(['SUSPEND', 'REVOKE', 'RENEW']);
    expect(allowedCertificateActions('SUSPENDED')).toEqual(['REINSTATE', 'REVOKE', 'RENEW']);
    expect(allowedCertificateActions('REVOKED')).toEqual([]);
  });

  it('refuses to reinstate or renew a revoked certificate with 409, its status and no allowed action', () => {
    const revoked = apply(fresh(), { action: 'REVOKE', effectiveFrom: '2026-02-01', reason: '吊销' }, '2026-02-01');
    for (const req of [
      { action: 'REINSTATE', effectiveFrom: '2026-02-02', reason: 'x' },
      { action: 'RENEW', effectiveFrom: '2026-02-02', validTo: '2028-01-01' },
    ] as CertificateChangeRequest[]) {
      const out = decideCertificateChange(revoked, req, '2026-02-02');
      expect(out).toEqual({ refusal: expect.objectContaining({ status: 409, code: 'CERTIFICATE.TRANSITION_NOT_ALLOWED', state: 'REVOKED', allowedActions: [] }) });
    }
    const active = decideCertificateChange(fresh(), { action: 'REINSTATE', effectiveFrom: '2026-02-02', reason: 'x' }, '2026-02-02');
    expect(active).toEqual({ refusal: expect.objectContaining({ status: 409, state: 'ACTIVE', allowedActions: ['SUSPEND', 'REVOKE', 'RENEW'] }) });
  });

  it('names each bad field: no reason, a day after today or before the last change, a renewal that does not extend', () => {
    const fields = (req: CertificateChangeRequest, c = fresh(), today = '2026-03-01') => {
      const out = decideCertificateChange(c, req, today);
      return 'refusal' in out && out.refusal.status === 400 ? out.refusal.errors.map((e) => e.field) : [];
    };
    expect(fields({ action: 'SUSPEND', effectiveFrom: '2026-03-02', reason: ' ' })).toEqual(['reason', 'effectiveFrom']);
    const suspended = apply(fresh(), { action: 'SUSPEND', effectiveFrom: '2026-02-10', reason: 'x' }, '2026-02-10');
    expect(fields({ action: 'REINSTATE', effectiveFrom: '2026-02-09', reason: 'x' }, suspended)).toEqual(['effectiveFrom']);
    expect(fields({ action: 'RENEW', effectiveFrom: '2026-03-01', validTo: '2026-12-31' })).toEqual(['validTo']);
    expect(fields({ action: 'RENEW', effectiveFrom: '2026-03-01' })).toEqual(['validTo']);
    expect(fields({ action: 'RENEW', effectiveFrom: '2026-03-01', validTo: '2027-12-31' })).toEqual([]);
  });

  it('renewing a suspended certificate keeps it suspended, with the new last day', () => {
    const suspended = apply(fresh(), { action: 'SUSPEND', effectiveFrom: '2026-02-10', reason: 'x' }, '2026-02-10');
    const renewed = apply(suspended, { action: 'RENEW', effectiveFrom: '2026-02-11', validTo: '2027-12-31' }, '2026-02-11');
    expect(renewed).toMatchObject({ status: 'SUSPENDED', validTo: '2027-12-31' });
    expect(renewed.history.at(-1)).toMatchObject({ kind: 'RENEWED', reason: null });
  });

  it('checks an issue: the scope’s form and a last day after the first', () => {
    expect(issueProblems(issued)).toEqual([]);
    expect(issueProblems({ ...issued, scope: 'LEGAL_REVIEW' })).toEqual([]);
    expect(issueProblems({ ...issued, scope: 'OTHER', validTo: '2026-01-01' }).map((p) => p.field)).toEqual(['scope', 'validTo']);
  });
});

describe('the certificate a user held valid on a day (the timeline’s audit)', () => {
  it('names the one valid that day, and none while it was suspended', () => {
    const c = { ...apply(fresh(), { action: 'SUSPEND', effectiveFrom: '2026-04-01', reason: 'x' }, '2026-04-01'), userId: 'u1' };
    const held = heldCertificateOn([c]);
    expect(held('u1', '2026-03-31')).toBe('ZF-1');
    expect(held('u1', '2026-04-01')).toBeNull();
    expect(held('u2', '2026-03-31')).toBeNull();
  });
});
