// What stops the 90-day decision limit (APL 60, MSA 63): a head-approved 中止,
// hearing time, public-notice service, testing and appraisal, and an approved
// criminal transfer — not a mere proposal to transfer.

import { commands as C, people, scenario, CaseRunner } from '../../testing/case-fixtures';
import type { DecideResult } from '../decide';

const { officerA: A, head: H } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

describe('testing and appraisal (检测、检验、检疫、鉴定) pause the decision limit', () => {
  it('from entrusting to the report: the due date moves by the days in between', () => {
    const r = scenario('FILED');
    const before = r.s.deadlines.decision!.dueAt;
    expect(before).toBe('2026-06-01T15:59:59.999Z');
    r.at('2026-04-10T02:00:00.000Z').exec(C.startExamination('2026-04-10T01:00:00.000Z'), A);
    expect(r.s.examinations).toEqual([
      expect.objectContaining({ no: 1, kind: 'TESTING', institution: '市食品药品检验检测中心', startedAt: '2026-04-10T01:00:00.000Z' }),
    ]);
    expect(r.s.deadlines.decision?.state).toBe('SUSPENDED');
    // The case review and other limits are not the decision limit: they run on.
    r.at('2026-04-20T02:00:00.000Z').exec(C.endExamination(1, '2026-04-20T01:00:00.000Z'), A);
    expect(r.s.examinations?.[0]).toMatchObject({ endedAt: '2026-04-20T01:00:00.000Z', reportNumber: 'JC-2026-0415' });
    const d = r.s.deadlines.decision!;
    expect(d.state).toBe('OPEN');
    // 10–19 Apr excluded (10 days) → 11 Jun.
    expect(d.basis.pauses).toEqual([{ from: '2026-04-10T01:00:00.000Z', to: '2026-04-20T01:00:00.000Z', reason: 'EXAMINATION:1', daysExcluded: 10 }]);
    expect(d.basis.dueDate).toBe('2026-06-10');
  });

  it('two at once: each ends by its own number', () => {
    const r = scenario('FILED');
    r.at('2026-04-10T02:00:00.000Z').exec(C.startExamination(r.now), A);
    r.exec({ ...C.startExamination(r.now), kind: 'APPRAISAL', institution: '省产品质量司法鉴定所' }, A);
    r.exec(C.endExamination(2, r.now), A);
    expect(r.s.deadlines.decision?.state).toBe('SUSPENDED');
    expect(r.s.pauses.find((p) => p.reason === 'EXAMINATION:1')?.to).toBeUndefined();
    r.exec(C.endExamination(1, r.now), A);
    expect(r.s.deadlines.decision?.state).toBe('OPEN');
  });

  it('refusals: nothing under way (409), not open or ended before it started (422), before filing (422), a bad kind (400)', () => {
    const r = scenario('FILED');
    expect(rejected(r.try(C.endExamination(1, r.now), A)).code).toBe('EXAMINATION.NONE_OPEN');
    expect(rejected(r.try({ ...C.startExamination(r.now), kind: 'GUESS' as never }, A)).code).toBe('VALIDATION.FAILED');
    const early = rejected(r.try(C.startExamination('2026-03-01T00:00:00.000Z'), A));
    expect(early.code).toBe('EXAMINATION.BEFORE_FILING');
    expect(early.errors?.map((e) => e.field)).toEqual(['startedAt']);
    const started = r.now;
    r.exec(C.startExamination(started), A);
    expect(rejected(r.try(C.endExamination(2, r.now), A)).code).toBe('EXAMINATION.NOT_OPEN');
    expect(rejected(r.try(C.endExamination(1, new Date(Date.parse(started) - 60_000).toISOString()), A)).code).toBe('EXAMINATION.ENDS_BEFORE_START');
    r.exec(C.endExamination(1, r.now), A);
    expect(rejected(r.try(C.endExamination(1, r.now), A)).code).toBe('EXAMINATION.NONE_OPEN');
  });

  it('the case review limit is not paused by an examination', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    const review = r.s.deadlines.caseReview!;
    r.exec(C.startExamination(r.now), A);
    expect(r.s.deadlines.caseReview).toMatchObject({ state: 'OPEN', dueAt: review.dueAt });
    expect(r.s.deadlines.decision?.state).toBe('SUSPENDED');
  });
});

describe('criminal transfer: the clock stops at the head approval, not at the proposal', () => {
  it('a proposal leaves the decision limit running; the approval stops it; a refusal never stopped it', () => {
    const r = scenario('INVESTIGATION_REPORTED');
    const due = r.s.deadlines.decision!.dueAt;
    r.exec(C.proposeTransfer(), A);
    expect(r.s.transfer?.clockStopsAtApproval).toBe(true);
    expect(r.s.pauses).toEqual([]);
    expect(r.s.deadlines.decision).toMatchObject({ state: 'OPEN', dueAt: due });
    r.exec(C.approveTransfer(), H);
    expect(r.s.pauses).toEqual([expect.objectContaining({ from: r.s.transfer!.approval!.at, reason: 'CRIMINAL_TRANSFER' })]);
    expect(r.s.deadlines.decision?.state).toBe('SUSPENDED');

    const refused = scenario('INVESTIGATION_REPORTED');
    refused.exec(C.proposeTransfer(), A);
    refused.exec(C.approveTransfer(false), H);
    expect(refused.s.pauses).toEqual([]);
    expect(refused.s.deadlines.decision).toMatchObject({ state: 'OPEN', dueAt: due });
  });

  it('a proposal replayed from before the change stops the clock at once, as it did', () => {
    const old = new CaseRunner(undefined, undefined, 'transfer-pause-at-approval');
    old.exec(C.registerOrdinary(), A);
    old.exec(C.approveFiling(), H);
    old.exec(C.proposeTransfer(), A);
    expect(old.s.transfer?.clockStopsAtApproval).toBeUndefined();
    expect(old.s.pauses).toEqual([expect.objectContaining({ reason: 'CRIMINAL_TRANSFER', from: old.s.transfer!.proposedAt })]);
    expect(old.s.deadlines.decision?.state).toBe('SUSPENDED');
    old.exec(C.approveTransfer(), H);
    expect(old.s.pauses).toHaveLength(1);
  });
});
