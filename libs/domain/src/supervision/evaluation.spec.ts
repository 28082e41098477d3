import { scenario, type CaseRunner } from '../testing/case-fixtures';
import { evaluateCase, type CertificateLookup, type EvaluatedEvent } from './evaluation';
import type { ArchiveCheckInput } from './evaluation-checks';
import type { CaseState } from '../case/case-state';
import { localDate } from '../calendar';
import { certificateLookup, type CertificateRecord } from '../certificates';

const TZ = 'Asia/Shanghai';
const allValid: CertificateLookup = () => 'VALID';

function chain(r: CaseRunner): EvaluatedEvent[] {
  return r.log.map((e, i) => ({ seq: i + 1, type: e.event.type, at: e.at, payload: e.event as unknown as Record<string, unknown> }));
}
/** The package the case recorded, verified (as the API verifies it on disk) and found intact. */
const intact = { valid: true, problems: [] };
function evaluate(r: CaseRunner, state: CaseState = r.state!, certificates: CertificateLookup = allValid, archive: ArchiveCheckInput | undefined = state.archive?.package ? intact : undefined) {
  return evaluateCase({ state, events: chain(r), timeZone: TZ, certificates, ...(archive ? { archive } : {}) });
}
const resultOf = (ev: ReturnType<typeof evaluate>, id: string) => ev.checks.find((c) => c.id === id)!;

describe('案卷评查: the checklist over a case chain', () => {
  it('a clean ordinary case, closed and archived, passes every check that applies, each resting on its event', () => {
    const r = scenario('ARCHIVED');
    const ev = evaluate(r);
    const failedChecks = ev.checks.filter((c) => c.result === 'FAIL');
    expect(failedChecks).toEqual([]);
    expect(ev.grade).toBe('EXCELLENT');
    expect(ev.score).toBe(100);
    const filed = resultOf(ev, 'filing-approved');
    expect(filed.result).toBe('PASS');
    expect(chain(r)[filed.seq! - 1].type).toBe('FILING_APPROVED');
    expect(resultOf(ev, 'review-independent').result).toBe('PASS');
    expect(chain(r)[resultOf(ev, 'review-independent').seq! - 1].type).toBe('CASE_REVIEWED');
    // No suspected crime, no disclosure deadline armed in this chain: not counted.
    expect(resultOf(ev, 'transfer').result).toBe('NOT_APPLICABLE');
    expect(ev.applicable).toBe(ev.passed);
  });

  it('an archived case passes the archive check only when its signed package verifies now', () => {
    const r = scenario('ARCHIVED');
    expect(r.state!.archive?.package).toBeDefined();
    const broken = evaluate(r, r.state!, allValid, { valid: false, problems: ['FILE_HASH_MISMATCH events/0003.json', 'RECORD_MISMATCH manifest.json'] });
    expect(resultOf(broken, 'archived')).toMatchObject({ result: 'FAIL', source: 'MSA 77–79' });
    expect(resultOf(broken, 'archived').detail.en).toContain('does not verify: FILE_HASH_MISMATCH events/0003.json; RECORD_MISMATCH manifest.json');
    expect(broken.grade).not.toBe('EXCELLENT');
    const unverified = evaluateCase({ state: r.state!, events: chain(r), timeZone: TZ, certificates: allValid });
    expect(resultOf(unverified, 'archived')).toMatchObject({ result: 'FAIL' });
    // Archived with no package recorded (before packages were built): not complete.
    const { archive: _archive, ...withoutPackage } = r.state!;
    void _archive;
    expect(resultOf(evaluate(r, { ...withoutPackage } as CaseState), 'archived')).toMatchObject({ result: 'FAIL' });
  });

  it('a closed case not archived fails the archive check and is not excellent', () => {
    const ev = evaluate(scenario('CLOSED'));
    expect(resultOf(ev, 'archived')).toMatchObject({ result: 'FAIL', source: 'MSA 77–79' });
    expect(ev.grade).toBe('PASS');
    expect(ev.score).toBeLessThan(100);
  });

  it('an officer whose certificate was not valid on the day of collection fails the evidence check, naming the item and the certificate', () => {
    const r = scenario('DECIDED');
    const lapsed = r.state!.evidence[0].collectors[0].certificateNumber;
    const ev = evaluate(r, r.state!, (n) => (n === lapsed ? 'INVALID' : 'VALID'));
    const c = resultOf(ev, 'evidence-two-officers');
    expect(c.result).toBe('FAIL');
    expect(c.detail.en).toContain(lapsed);
    expect(c.detail.zh).toContain(lapsed);
    expect(chain(r)[c.seq! - 1].type).toBe('EVIDENCE_RECORDED');
  });

  it('judges each collector on the status history: a suspension after the collection does not reach back, one covering its day fails', () => {
    const r = scenario('DECIDED');
    const item = r.state!.evidence[0];
    const day = localDate(item.collectedAt, TZ);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const numbers = [...new Set(r.state!.evidence.flatMap((e) => [...e.collectors, ...(e.confirmedBy ?? [])].map((o) => o.certificateNumber)))];
    const suspendedFrom = (from: string): CertificateRecord[] =>
      numbers.map((number, i) => ({
        number,
        scope: 'ENFORCEMENT',
        validFrom: '2025-01-01',
        validTo: '2027-12-31',
        status: i === 0 ? 'SUSPENDED' : 'ACTIVE',
        history: [
          { kind: 'ISSUED', status: 'ACTIVE', validTo: '2027-12-31', from: '2025-01-01', reason: null },
          ...(i === 0 ? [{ kind: 'SUSPENDED' as const, status: 'SUSPENDED' as const, validTo: '2027-12-31', from, reason: '暂扣' }] : []),
        ],
      }));
    expect(resultOf(evaluate(r, r.state!, certificateLookup(suspendedFrom(next))), 'evidence-two-officers').result).toBe('PASS');
    const failed = resultOf(evaluate(r, r.state!, certificateLookup(suspendedFrom(day))), 'evidence-two-officers');
    expect(failed.result).toBe('FAIL');
    expect(failed.detail.en).toContain(numbers[0]);
  });

  it('defects of an older record: no rights notice, a reviewer who investigated, a single collector', () => {
    const r = scenario('DECIDED');
    const s = structuredClone(r.state!);
    delete s.rightsNotice;
    s.review!.reviewer = { userId: s.officers[0].userId, name: s.officers[0].name };
    s.evidence[0].collectors = [s.evidence[0].collectors[0]];
    const ev = evaluate(r, s);
    expect(resultOf(ev, 'rights-told').result).toBe('FAIL');
    expect(resultOf(ev, 'review-independent').result).toBe('FAIL');
    expect(resultOf(ev, 'evidence-two-officers').detail.zh).toContain('仅由1名');
    expect(ev.grade).not.toBe('EXCELLENT');
  });

  it('a missed deadline in the chain fails its check with the DEADLINE_MISSED event', () => {
    const r = scenario('DECIDED');
    const events = chain(r);
    const seq = events.length + 1;
    events.push({ seq, type: 'DEADLINE_MISSED', at: r.now, payload: { type: 'DEADLINE_MISSED', deadline: 'decision', dueAt: r.now } });
    const ev = evaluateCase({ state: r.state!, events, timeZone: TZ, certificates: allValid });
    expect(resultOf(ev, 'decision-in-time')).toMatchObject({ result: 'FAIL', seq });
  });

  it('a lead just registered: almost nothing applies, nothing fails', () => {
    const ev = evaluate(scenario('LEAD_REGISTERED'));
    expect(ev.failed).toBe(0);
    expect(resultOf(ev, 'decision-in-time').result).toBe('NOT_APPLICABLE');
  });

  it('a suspected crime left unresolved fails the transfer check', () => {
    const r = scenario('TRANSFER_PROPOSED');
    const ev = evaluate(r);
    expect(resultOf(ev, 'transfer').result).toBe('FAIL');
  });
});
