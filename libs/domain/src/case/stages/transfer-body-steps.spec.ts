// The limits the police and the procuratorate answer for on a transfer (rule
// change 'transfer-body-limits'): the police's 24 hours after receipt (R310 7)
// and the 7-day steps of filing supervision (立案监督).

import { commands as C, DAY, HOUR, people, plus, scenario, SYSTEM } from '../../testing/case-fixtures';
import { transferWatch } from '../../supervision/transfers';
import type { DecideResult } from '../decide';
import { tasksFor } from '../tasks';

const { officerA: A, police: P, procurator: Q } = people;
const zone = 'Asia/Shanghai';
/** A liaison of the unit a transfer is forwarded to: since 'forward-readdresses' only that unit's liaisons act on it. */
const LUZHOU = '长治市公安局潞州分局';
const competent = { ...P, userId: 'u-police-luzhou', name: '田民警', body: LUZHOU };

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

describe("the police's 24 hours after receipt (R310 7)", () => {
  it('the receipt arms them, owned by the police; a forwarding meets them, and the competent unit’s receipt arms them again', () => {
    const r = scenario('TRANSFER_RECEIVED');
    const d = r.s.deadlines.policeIntakeReview!;
    expect(d).toMatchObject({ state: 'OPEN', owner: 'POLICE', startAt: r.s.transfer!.receivedAt });
    expect(Date.parse(d.dueAt) - Date.parse(d.startAt)).toBe(24 * HOUR);
    expect(d.basis.source).toContain('R310 7');
    const forwardedAt = r.now;
    r.exec({ type: 'FORWARD_TRANSFER', policeAgency: LUZHOU, at: forwardedAt, reason: '不属本单位管辖' }, P);
    expect(r.s.deadlines.policeIntakeReview).toMatchObject({ state: 'MET', metAt: forwardedAt });
    r.exec(C.policeDecision('RECEIPT', r.now), competent);
    expect(r.s.deadlines.policeIntakeReview).toMatchObject({ state: 'OPEN', startAt: r.s.transfer!.receivedAt });
  });

  it('a request for missing material, or the filing decision itself, meets them', () => {
    const asked = scenario('TRANSFER_RECEIVED');
    asked.exec({ type: 'REQUEST_TRANSFER_MATERIAL', materials: ['检验报告原件'], at: asked.now }, P);
    expect(asked.s.deadlines.policeIntakeReview?.state).toBe('MET');
    const decided = scenario('TRANSFER_RECEIVED');
    decided.exec(C.policeDecision('DECLINE', decided.now), P);
    expect(decided.s.deadlines.policeIntakeReview?.state).toBe('MET');
  });

  it('a competent unit with the material records its intake review; once, and not before the receipt', () => {
    const r = scenario('TRANSFER_RECEIVED');
    expect(tasksFor(r.s, P)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'criminal-transfer/intake-review', deadline: 'policeIntakeReview', source: expect.stringContaining('R310 7') })]),
    );
    expect(rejected(r.try(C.confirmIntake(plus(r.s.transfer!.receivedAt!, -HOUR)), P))).toMatchObject({ status: 422, code: 'TRANSFER.STEP_BEFORE_ITS_CAUSE' });
    expect(rejected(r.try(C.confirmIntake(r.now), A))).toMatchObject({ status: 403 });
    const [e] = r.exec(C.confirmIntake(r.now), P);
    expect(e).toMatchObject({ type: 'TRANSFER_INTAKE_CONFIRMED', body: '长治市公安局' });
    expect(r.s.deadlines.policeIntakeReview?.state).toBe('MET');
    expect(r.s.transfer?.intakeReviewedAt).toBeDefined();
    expect(rejected(r.try(C.confirmIntake(r.now), P))).toMatchObject({ status: 409, code: 'TRANSFER.NO_INTAKE_REVIEW' });
    // The filing decision still answers to its own 3 days.
    expect(r.s.deadlines.policeFilingDecision?.state).toBe('OPEN');
  });

  it('24 hours let pass escalate as the police’s (TRANSFER_OVERDUE); a late forwarding is still recorded, met late', () => {
    const r = scenario('TRANSFER_RECEIVED');
    r.at(plus(r.s.deadlines.policeIntakeReview!.dueAt, HOUR)).exec(C.escalation('policeIntakeReview'), SYSTEM);
    expect(r.s.deadlines.policeIntakeReview?.state).toBe('MISSED');
    expect(r.s.flags).toContain('TRANSFER_OVERDUE');
    expect(r.s.flags).not.toContain('OVERDUE');
    r.exec({ type: 'FORWARD_TRANSFER', policeAgency: LUZHOU, at: r.now, reason: '不属本单位管辖' }, P);
    expect(r.s.deadlines.policeIntakeReview).toMatchObject({ state: 'MET', late: true });
    expect(r.s.flags).not.toContain('TRANSFER_OVERDUE');
    expect(transferWatch(r.s, { now: r.now, timeZone: zone })?.limits.find((l) => l.kind === 'policeIntakeReview')).toMatchObject({ owner: 'POLICE', late: true });
  });

  it('a receipt recorded before the change arms nothing (replays as recorded)', () => {
    const r = scenario('TRANSFER_RECEIVED', undefined, 'transfer-body-limits');
    expect(r.s.deadlines.policeIntakeReview).toBeUndefined();
    expect(rejected(r.try(C.confirmIntake(r.now), P))).toMatchObject({ status: 409, code: 'TRANSFER.NO_INTAKE_REVIEW' });
  });
});

describe('filing supervision: the procuratorate’s and the police’s 7 days (立案监督)', () => {
  it('the request gives the procuratorate 7 days to ask for the explanation; the police then have 7 days from its notice; filing is ordered on it', () => {
    const r = scenario('TRANSFER_SUPERVISION_REQUESTED');
    const asked = r.s.deadlines.supervisionExplanationRequest!;
    expect(asked).toMatchObject({ state: 'OPEN', owner: 'PROCURATORATE', startAt: r.s.transfer!.supervision!.requestedAt });
    expect(Date.parse(asked.dueAt)).toBeGreaterThan(Date.parse(plus(asked.startAt, 6 * DAY)));
    expect(transferWatch(r.s, { now: r.now, timeZone: zone })).toMatchObject({ waitingFor: 'PROCURATORATE' });
    expect(tasksFor(r.s, Q)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'criminal-transfer/explanation-request', deadline: 'supervisionExplanationRequest' })]));
    expect(tasksFor(r.s, P)).toEqual([]);

    expect(rejected(r.try(C.resolveSupervision('POLICE_TO_FILE'), Q))).toMatchObject({ status: 409, code: 'TRANSFER.EXPLANATION_NOT_REQUESTED' });
    expect(rejected(r.try(C.explainNonFiling(r.now), P))).toMatchObject({ status: 409, code: 'TRANSFER.NO_EXPLANATION_REQUESTED' });
    expect(rejected(r.try(C.requestExplanation(r.now), P))).toMatchObject({ status: 403 });
    expect(rejected(r.try(C.requestExplanation(plus(r.s.transfer!.supervision!.requestedAt, -HOUR)), Q))).toMatchObject({ status: 422, code: 'TRANSFER.STEP_BEFORE_ITS_CAUSE' });
    const noticeAt = r.now;
    r.exec(C.requestExplanation(noticeAt), Q);
    expect(r.s.deadlines.supervisionExplanationRequest?.state).toBe('MET');
    expect(r.s.deadlines.policeNonFilingExplanation).toMatchObject({ state: 'OPEN', owner: 'POLICE', startAt: noticeAt });
    expect(rejected(r.try(C.requestExplanation(r.now), Q))).toMatchObject({ status: 409, code: 'TRANSFER.EXPLANATION_ALREADY_REQUESTED' });
    expect(tasksFor(r.s, P)).toEqual([expect.objectContaining({ action: 'criminal-transfer/explanation', deadline: 'policeNonFilingExplanation' })]);
    // No resolution while the explanation is awaited, whatever the outcome.
    expect(rejected(r.try(C.resolveSupervision('REFUSAL_UPHELD'), Q))).toMatchObject({ status: 409, code: 'TRANSFER.EXPLANATION_AWAITED' });
    expect(tasksFor(r.s, Q)).toEqual([]);

    r.exec(C.explainNonFiling(r.now), P);
    expect(r.s.deadlines.policeNonFilingExplanation?.state).toBe('MET');
    expect(r.s.transfer?.supervision?.explanationRequest?.explanation?.text).toContain('未达追诉标准');
    expect(rejected(r.try(C.explainNonFiling(r.now), P))).toMatchObject({ status: 409, code: 'TRANSFER.ALREADY_EXPLAINED' });
    r.exec(C.resolveSupervision('POLICE_TO_FILE'), Q);
    expect(r.status).toBe('TRANSFER_ACCEPTED');
    expect(r.s.deadlines.transferHandover?.state).toBe('OPEN');
  });

  it('an explanation not given in 7 days is the police’s lateness; the procuratorate may then resolve without it', () => {
    const r = scenario('TRANSFER_SUPERVISION_REQUESTED');
    r.exec(C.requestExplanation(r.now), Q);
    const due = r.s.deadlines.policeNonFilingExplanation!.dueAt;
    // Past due, before the alarm: the procuratorate need not wait for the timer.
    r.at(plus(due, HOUR));
    expect(r.try(C.resolveSupervision('POLICE_TO_FILE'), Q).ok).toBe(true);
    r.exec(C.escalation('policeNonFilingExplanation'), SYSTEM);
    expect(r.s.flags).toContain('TRANSFER_OVERDUE');
    r.exec(C.resolveSupervision('POLICE_TO_FILE'), Q);
    expect(r.s.deadlines.policeNonFilingExplanation?.state).toBe('CANCELLED');
    expect(r.s.flags).not.toContain('TRANSFER_OVERDUE');
  });

  it('the procuratorate’s own 7 days let pass are flagged as the transfer’s lateness; upholding the refusal needs no explanation and meets them late', () => {
    const r = scenario('TRANSFER_SUPERVISION_REQUESTED');
    r.at(plus(r.s.deadlines.supervisionExplanationRequest!.dueAt, HOUR)).exec(C.escalation('supervisionExplanationRequest'), SYSTEM);
    expect(r.s.flags).toContain('TRANSFER_OVERDUE');
    expect(r.s.flags).not.toContain('OVERDUE');
    r.exec(C.resolveSupervision('REFUSAL_UPHELD'), Q);
    expect(r.status).toBe('TRANSFER_DECLINED');
    expect(r.s.deadlines.supervisionExplanationRequest).toMatchObject({ state: 'MET', late: true });
    expect(r.s.flags).not.toContain('TRANSFER_OVERDUE');
  });

  it('a supervision requested before the change arms nothing, and its resolution is judged as it was', () => {
    const r = scenario('TRANSFER_SUPERVISION_REQUESTED', undefined, 'transfer-body-limits');
    expect(r.s.deadlines.supervisionExplanationRequest).toBeUndefined();
    r.exec(C.resolveSupervision('POLICE_TO_FILE'), Q);
    expect(r.status).toBe('TRANSFER_ACCEPTED');
  });
});
