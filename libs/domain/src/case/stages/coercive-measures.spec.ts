// 先行登记保存 (APL 56) and 查封扣押 (ACL 18–28) as decide() and evolve() see them.

import { commands as C, DAY, HOUR, people, plus, scenario, SYSTEM } from '../../testing/case-fixtures';
import { measureCommands as M, withMeasures } from '../../testing/measure-fixtures';
import type { CaseState } from '../case-state';
import { tasksFor } from '../tasks';

const { officerA: A, officerC, head: H } = people;
const measure = (s: CaseState | null, id: string) => s!.coerciveMeasures!.find((m) => m.measureId === id)!;

describe('先行登记保存 (APL 56)', () => {
  it('asked by two officers, in force from the head’s approval, decided within 7 working days', () => {
    const r = scenario('FILED');
    r.exec(M.preserve(r.now, { emergency: false, preservedAt: undefined }), A);
    expect(measure(r.s, 'P-1')).toMatchObject({ status: 'REQUESTED', emergency: false });
    expect(r.s.deadlines.evidencePreservation).toBeUndefined();
    expect(r.try(M.decidePreservation(), H)).toMatchObject({ ok: false, rejection: { code: 'CASE.TRANSITION_NOT_ALLOWED', status: 409 } });

    const approvedAt = r.now; // Mon 2 Mar 2026 + 1 h
    r.exec(M.approvePreservation(), H);
    expect(measure(r.s, 'P-1')).toMatchObject({ status: 'OPEN', startAt: approvedAt, approval: { approved: true, by: { userId: H.userId } } });
    // 7 working days from Monday 2 March 2026: Wednesday 11 March, end of day in Shanghai.
    expect(r.s.deadlines.evidencePreservation).toMatchObject({ state: 'OPEN', owner: 'AGENCY', startAt: approvedAt, basis: { days: 7, kind: 'WORKING', dueDate: '2026-03-11' } });

    r.exec(M.decidePreservation({ decision: 'HAND_OVER', transferredTo: '长治市卫生健康委员会', basis: 'MSA 34', reason: '属卫生部门管辖' }), H);
    expect(measure(r.s, 'P-1')).toMatchObject({ status: 'ENDED', ending: { outcome: 'HAND_OVER', transferredTo: '长治市卫生健康委员会' } });
    expect(measure(r.s, 'P-1').ending?.late).toBeUndefined();
    expect(r.s.deadlines.evidencePreservation).toMatchObject({ state: 'MET' });
    expect(r.s.flags).not.toContain('OVERDUE');
  });

  it('a refused request holds nothing; the inventory, the officers and the id are checked', () => {
    const r = scenario('FILED');
    const one = r.try(M.preserve(r.now, { officers: [A] }), A);
    expect(one).toMatchObject({ ok: false, rejection: { code: 'CASE.TWO_OFFICERS_REQUIRED', status: 422 } });
    const outsider = r.try(M.preserve(r.now, { officers: [A, officerC] }), A);
    expect(outsider).toMatchObject({ ok: false, rejection: { code: 'MEASURE.OFFICER_NOT_ASSIGNED', status: 422 } });
    const noItems = r.try(M.preserve(r.now, { items: [] }), A);
    expect(noItems).toMatchObject({ ok: false, rejection: { code: 'VALIDATION.FAILED', status: 400 } });
    const badItem = r.try(M.preserve(r.now, { items: [{ description: '白酒', quantity: 0, unit: '瓶', location: '仓库', custodian: '' }] }), A);
    expect(badItem.ok ? [] : badItem.rejection.errors?.map((e) => e.field)).toEqual(['items[0].custodian', 'items[0].quantity']);
    // Emergency: the officers say when they acted.
    expect(r.try(M.preserve(r.now, { preservedAt: undefined }), A)).toMatchObject({ ok: false, rejection: { code: 'VALIDATION.FAILED' } });

    r.exec(M.preserve(r.now, { emergency: false, preservedAt: undefined }), A);
    expect(r.try(M.preserve(r.now), A)).toMatchObject({ ok: false, rejection: { code: 'MEASURE.DUPLICATE_ID', status: 422 } });
    r.exec(M.approvePreservation({ approve: false, reason: '不符合先行登记保存条件' }), H);
    expect(measure(r.s, 'P-1')).toMatchObject({ status: 'REFUSED', approval: { approved: false } });
    expect(r.s.deadlines.evidencePreservation).toBeUndefined();
    expect(r.try(M.approvePreservation(), H)).toMatchObject({ ok: false, rejection: { code: 'CASE.TRANSITION_NOT_ALLOWED' } });
  });

  it('in an emergency the officers act first; the head’s approval after 24 hours is recorded as late, a refusal releases the items', () => {
    const r = scenario('FILED');
    const actedAt = r.now;
    r.exec(M.preserve(actedAt), A);
    expect(measure(r.s, 'P-1')).toMatchObject({ status: 'OPEN', startAt: actedAt, emergency: true });
    expect(r.s.deadlines.evidencePreservation?.state).toBe('OPEN');
    r.exec(M.preserve(r.now, { measureId: 'P-2' }), A, 30 * HOUR);
    r.exec(M.approvePreservation(), H);
    expect(measure(r.s, 'P-1').approval).toMatchObject({ approved: true, late: true });
    r.exec(M.approvePreservation({ measureId: 'P-2', approve: false, reason: '无须保存' }), H);
    expect(measure(r.s, 'P-2')).toMatchObject({ status: 'ENDED', ending: { outcome: 'RELEASE' }, approval: { approved: false } });
    expect(r.try(M.approvePreservation(), H)).toMatchObject({ ok: false, rejection: { code: 'CASE.TRANSITION_NOT_ALLOWED' } });
  });

  it('the case deadline follows the earliest preservation still running', () => {
    const r = scenario('FILED');
    r.exec(M.preserve(r.now), A, 2 * DAY);
    const first = r.s.deadlines.evidencePreservation!.dueAt;
    r.exec(M.preserve(r.now, { measureId: 'P-2' }), A);
    expect(r.s.deadlines.evidencePreservation!.dueAt).toBe(first);
    r.exec(M.decidePreservation(), H);
    expect(r.s.deadlines.evidencePreservation).toMatchObject({ state: 'OPEN', dueAt: measure(r.s, 'P-2').dueAt });
    expect(Date.parse(measure(r.s, 'P-2').dueAt!)).toBeGreaterThan(Date.parse(first));
    r.exec(M.decidePreservation({ measureId: 'P-2' }), H);
    expect(r.s.deadlines.evidencePreservation?.state).toBe('MET');
  });

  it('left undecided past 7 working days it lapses: the case is overdue until the items are returned, and nothing else may be decided', () => {
    const r = scenario('FILED');
    r.exec(M.preserve(r.now), A);
    const due = r.s.deadlines.evidencePreservation!.dueAt;
    expect(r.try({ type: 'DEADLINE_ESCALATION', deadline: 'evidencePreservation' }, SYSTEM)).toMatchObject({ ok: false, rejection: { code: 'DEADLINE.NOT_DUE' } });
    r.at(plus(due, 1000));
    // Past its period the items can only go back, even before the timer records the lapse.
    expect(r.try(M.decidePreservation({ decision: 'TESTING' }), H)).toMatchObject({ ok: false, rejection: { code: 'PRESERVATION.LAPSED', status: 422 } });
    expect(r.try(M.seize(r.now, { fromPreservationId: 'P-1' }), H)).toMatchObject({ ok: false, rejection: { code: 'SEIZURE.PRESERVATION_NOT_IN_FORCE' } });
    r.exec({ type: 'DEADLINE_ESCALATION', deadline: 'evidencePreservation' }, SYSTEM);
    expect(measure(r.s, 'P-1')).toMatchObject({ status: 'LAPSED' });
    expect(r.s.deadlines.evidencePreservation?.state).toBe('MISSED');
    expect(r.s.flags).toContain('OVERDUE');
    // A new preservation gets its own clock; the lapsed one still keeps the case overdue.
    r.exec(M.preserve(r.now, { measureId: 'P-2' }), A);
    expect(r.s.deadlines.evidencePreservation).toMatchObject({ state: 'OPEN', dueAt: measure(r.s, 'P-2').dueAt });
    expect(r.s.flags).toContain('OVERDUE');
    r.exec(M.decidePreservation({ measureId: 'P-2', decision: 'TESTING' }), H);
    expect(r.s.deadlines.evidencePreservation?.state).toBe('MISSED');
    r.exec(M.decidePreservation(), H);
    expect(measure(r.s, 'P-1')).toMatchObject({ status: 'ENDED', ending: { outcome: 'RELEASE', late: true } });
    expect(r.s.deadlines.evidencePreservation).toMatchObject({ state: 'MET', late: true });
    expect(r.s.flags).not.toContain('OVERDUE');
  });

  it('confiscation needs a penalty decision that confiscates', () => {
    const r = scenario('FILED');
    r.exec(M.preserve(r.now), A);
    expect(r.try(M.decidePreservation({ decision: 'CONFISCATE' }), H)).toMatchObject({ ok: false, rejection: { code: 'MEASURE.NO_CONFISCATION_DECISION', status: 422 } });
    expect(r.try(M.decidePreservation({ decision: 'HAND_OVER' }), H)).toMatchObject({ ok: false, rejection: { code: 'VALIDATION.FAILED' } });
    expect(r.try(M.decidePreservation({ measureId: 'P-9' }), H)).toMatchObject({ ok: false, rejection: { code: 'MEASURE.NOT_FOUND', status: 422 } });
    expect(r.try(M.decidePreservation(), A)).toMatchObject({ ok: false, rejection: { status: 403 } });
  });
});

describe('查封扣押 (ACL 24–28)', () => {
  it('decided by the head for 30 calendar days; it may continue a preservation, which then ends', () => {
    const r = scenario('FILED');
    r.exec(M.preserve(r.now), A);
    const seizedAt = r.now;
    expect(r.try(M.seize(seizedAt), A)).toMatchObject({ ok: false, rejection: { status: 403 } });
    r.exec(M.seize(seizedAt, { fromPreservationId: 'P-1' }), H);
    expect(measure(r.s, 'P-1')).toMatchObject({ status: 'ENDED', ending: { outcome: 'SEIZE', seizureId: 'S-1' } });
    expect(r.s.deadlines.evidencePreservation?.state).toBe('MET');
    expect(measure(r.s, 'S-1')).toMatchObject({ status: 'OPEN', mode: 'SEIZE', decisionNumber: '长市监强〔2026〕1号', startAt: seizedAt });
    // 30 days from Monday 2 March: Wednesday 1 April.
    expect(r.s.deadlines.seizure).toMatchObject({ state: 'OPEN', owner: 'AGENCY', basis: { days: 30, kind: 'CALENDAR', dueDate: '2026-04-01' } });
  });

  it('extended once, by at most 30 days, before it ends', () => {
    const r = withMeasures();
    expect(r.try(M.extendSeizure({ days: 31 }), H)).toMatchObject({ ok: false, rejection: { code: 'SEIZURE.EXTENSION_TOO_LONG', status: 422 } });
    expect(r.try(M.extendSeizure({ days: 0 }), H)).toMatchObject({ ok: false, rejection: { code: 'VALIDATION.FAILED', status: 400 } });
    r.exec(M.extendSeizure({ days: 20 }), H);
    expect(measure(r.s, 'S-1').extension).toMatchObject({ days: 20 });
    expect(r.s.deadlines.seizure).toMatchObject({ state: 'OPEN', extensions: 1, basis: { days: 50, dueDate: '2026-04-21' } });
    expect(r.try(M.extendSeizure({ days: 5 }), H)).toMatchObject({ ok: false, rejection: { code: 'SEIZURE.ALREADY_EXTENDED', status: 422 } });

    const late = withMeasures();
    late.at(plus(late.s.deadlines.seizure!.dueAt, 1000));
    expect(late.try(M.extendSeizure(), H)).toMatchObject({ ok: false, rejection: { code: 'SEIZURE.EXPIRED', status: 422 } });
  });

  it('testing time is not counted (ACL 25 ¶3)', () => {
    const r = withMeasures();
    const due = r.s.deadlines.seizure!.dueAt;
    const from = plus(r.now, 2 * DAY);
    r.at(plus(from, 5 * DAY));
    r.exec(M.seizureTesting(from, r.now), A);
    expect(measure(r.s, 'S-1').testing).toHaveLength(1);
    // 1 April + 5 days is Monday 6 April, a 清明 holiday: the period ends on the next working day (MSA 80).
    expect(r.s.deadlines.seizure!.basis.dueDate).toBe('2026-04-07');
    expect(Date.parse(r.s.deadlines.seizure!.dueAt)).toBeGreaterThan(Date.parse(due));
    expect(r.try(M.seizureTesting(plus(from, DAY), plus(from, 2 * DAY)), A)).toMatchObject({ ok: false, rejection: { code: 'SEIZURE.TESTING_OVERLAP', status: 422 } });
    expect(r.try(M.seizureTesting(plus(from, -10 * DAY), plus(from, -9 * DAY)), A)).toMatchObject({ ok: false, rejection: { code: 'SEIZURE.TESTING_OUTSIDE_PERIOD' } });
  });

  it('ends by return, or confiscation under the decision; expired, only by return; the case closes only once every measure has ended', () => {
    const r = withMeasures();
    r.exec(M.decidePreservation(), H);
    r.exec(C.terminate(), H);
    expect(r.try(C.close(), H)).toMatchObject({ ok: false, rejection: { code: 'CASE.MEASURE_OPEN', status: 409 } });
    expect(r.try(M.endSeizure({ ending: 'CONFISCATE' }), H)).toMatchObject({ ok: false, rejection: { code: 'MEASURE.NO_CONFISCATION_DECISION' } });
    r.at(plus(measure(r.s, 'S-1').dueAt!, 1000));
    expect(r.try(M.endSeizure({ ending: 'HAND_OVER', transferredTo: '公安机关' }), H)).toMatchObject({ ok: false, rejection: { code: 'SEIZURE.EXPIRED' } });
    r.exec(M.endSeizure({ basis: 'ACL 28 (4)', reason: '期限届满' }), H);
    expect(measure(r.s, 'S-1')).toMatchObject({ status: 'ENDED', ending: { outcome: 'RELEASE', late: true } });
    expect(r.try(M.endSeizure(), H)).toMatchObject({ ok: false, rejection: { code: 'CASE.TRANSITION_NOT_ALLOWED' } });
    r.exec(C.close(), H);
    expect(r.s.status).toBe('CLOSED');
  });

  it('waits for the head: a preservation to approve, then to decide by its 7 WD, a seizure to end by its period', () => {
    const r = scenario('FILED');
    r.exec(M.preserve(r.now, { emergency: false, preservedAt: undefined }), A);
    expect(tasksFor(r.s!, H).map((t) => t.action)).toContain('preservations/approval');
    r.exec(M.approvePreservation(), H);
    r.exec(M.seize(r.now), H);
    const tasks = tasksFor(r.s!, H).filter((t) => t.action.startsWith('preservations') || t.action.startsWith('seizures'));
    expect(tasks.map((t) => [t.action, t.deadline])).toEqual([
      ['preservations/decision', 'evidencePreservation'],
      ['seizures/end', 'seizure'],
    ]);
    // Officers take measures when the investigation needs them: never a task.
    expect(tasksFor(r.s!, A).map((t) => t.action)).not.toContain('preservations');
  });
});
