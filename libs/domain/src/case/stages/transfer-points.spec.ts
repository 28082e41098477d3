// A transfer from any point the law allows (R310 3, 11; APL 35), the police's
// steps around it (R310 7, 12) and their return of an accepted case (APL 27).

import { commands as C, DAY, HOUR, people, plus, scenario, SYSTEM, type CaseRunner } from '../../testing/case-fixtures';
import type { DecideResult } from '../decide';
import { RULE_CHANGES } from '../rule-changes';

const { officerA: A, head: H, police: P } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

/** Approve, dispatch and let the police file it. */
function throughToAccepted(r: CaseRunner): CaseRunner {
  r.exec(C.approveTransfer(), H);
  r.exec(C.dispatchTransfer(r.now), A);
  r.exec(C.policeDecision('ACCEPT', r.now), P);
  return r;
}

describe('a transfer proposed from any point the law allows', () => {
  it.each(['LEAD_REGISTERED', 'SUSPENDED', 'DECIDED', 'SERVED', 'EXECUTED'] as const)('from %s, and a head who refuses sends it back there', (origin) => {
    const r = scenario(origin);
    r.exec(C.proposeTransfer(), A);
    expect(r.status).toBe('TRANSFER_PROPOSED');
    expect(r.s.transfer?.from).toBe(origin);
    r.exec(C.approveTransfer(false), H);
    expect(r.status).toBe(origin);
    expect(r.s.statusBeforeTransfer).toBeUndefined();
  });

  it('before the change, only an open investigation could be transferred (replays as recorded)', () => {
    expect(RULE_CHANGES).toContain('transfer-from-any-point');
    for (const origin of ['LEAD_REGISTERED', 'SUSPENDED', 'SERVED'] as const) {
      const r = scenario(origin, undefined, 'transfer-from-any-point');
      expect(rejected(r.try(C.proposeTransfer(), A))).toMatchObject({ status: 409, code: 'CASE.TRANSITION_NOT_ALLOWED' });
    }
  });

  it('never from a simple-procedure lead (decided on the spot or converted first), nor a closed case', () => {
    for (const origin of ['SIMPLE:LEAD_REGISTERED', 'CLOSED', 'TERMINATED'] as const) {
      expect(rejected(scenario(origin).try(C.proposeTransfer(), A))).toMatchObject({ status: 409, code: 'CASE.TRANSITION_NOT_ALLOWED' });
    }
  });

  it('after a decision, the penalties keep running and the money paid is listed for offsetting (R310 11, APL 35); the decision stands', () => {
    const r = scenario('SERVED');
    r.exec(C.pay(20000, r.now), A);
    const payment = r.s.deadlines.payment;
    r.exec(C.proposeTransfer(), A);
    expect(r.s.transfer?.imposed).toEqual({ penaltiesRunning: ['FINE', 'CONFISCATION'], paidForOffset: 20000 });
    expect(r.s.decision?.revoked).toBeFalsy();
    // The ledger is untouched: the payment deadline is what it was.
    expect(r.s.deadlines.payment).toEqual(payment);
    throughToAccepted(r);
    expect(r.status).toBe('TRANSFER_ACCEPTED');
    expect(r.s.transfer?.imposed?.paidForOffset).toBe(20000);
  });

  it('from a lead, the police filing ends the filing limit; their return starts a fresh one', () => {
    const r = scenario('LEAD_REGISTERED');
    r.exec(C.proposeTransfer(), A);
    throughToAccepted(r);
    expect(r.s.deadlines.filingDecision?.state).toBe('CANCELLED');
    r.exec({ type: 'RETURN_TRANSFERRED_CASE', at: r.now, reason: '经审查没有犯罪事实' }, P);
    expect(r.status).toBe('LEAD_REGISTERED');
    expect(r.s.deadlines.filingDecision).toMatchObject({ state: 'OPEN' });
    r.exec(C.approveFiling(), H);
    expect(r.status).toBe('FILED');
  });
});

describe('the police return an accepted case (APL 27)', () => {
  it('resumes where it left the track; the decision limit excludes the whole transfer', () => {
    const r = scenario('FILED');
    const before = r.s.deadlines.decision!;
    r.exec(C.proposeTransfer(), A);
    throughToAccepted(r);
    expect(r.s.deadlines.decision?.state).toBe('CANCELLED');
    const approvedAt = r.s.transfer!.approval!.at;
    r.at(plus(r.now, 10 * DAY));
    const returnedAt = r.now;
    r.exec({ type: 'RETURN_TRANSFERRED_CASE', at: returnedAt, reason: '经审查没有犯罪事实' }, P);
    expect(r.status).toBe('FILED');
    expect(r.s.transfer).toMatchObject({ outcome: 'RETURNED_BY_POLICE', policeReturn: { at: returnedAt } });
    const d = r.s.deadlines.decision!;
    expect(d).toMatchObject({ state: 'OPEN', startAt: before.startAt });
    // Paused from the head's approval to the return (PAUSE.TRANSFER, as the decision period counts pauses): the due date moves on.
    expect(r.s.pauses.filter((p) => p.reason.startsWith('CRIMINAL_TRANSFER'))).toEqual([{ reason: 'CRIMINAL_TRANSFER', from: approvedAt, to: returnedAt }]);
    expect(Date.parse(d.dueAt) - Date.parse(before.dueAt)).toBeGreaterThanOrEqual(7 * DAY);
    expect(r.s.deadlines.closure?.state).toBe('CANCELLED');
    expect(r.s.deadlines.transferHandover?.state).toBe('CANCELLED');
    // Back on the track: the investigation goes on.
    r.exec(C.report(), A);
    expect(r.status).toBe('INVESTIGATION_REPORTED');
  });

  it('only from an accepted case, only dated after the filing notice (422), only by the police', () => {
    const sent = scenario('TRANSFERRED');
    expect(rejected(sent.try({ type: 'RETURN_TRANSFERRED_CASE', at: sent.now, reason: '没有犯罪事实' }, P))).toMatchObject({
      status: 409,
      code: 'CASE.TRANSITION_NOT_ALLOWED',
    });
    const r = scenario('TRANSFER_ACCEPTED');
    const filed = r.s.transfer!.policeDecision!.at;
    expect(rejected(r.try({ type: 'RETURN_TRANSFERRED_CASE', at: plus(filed, -HOUR), reason: '没有犯罪事实' }, P))).toMatchObject({ status: 422, code: 'TRANSFER.STEP_BEFORE_ITS_CAUSE' });
    expect(rejected(r.try({ type: 'RETURN_TRANSFERRED_CASE', at: r.now, reason: '没有犯罪事实' }, A)).status).toBe(403);
  });
});

describe('R310 7: forwarding and missing material', () => {
  it('a forwarded transfer awaits the competent unit’s receipt, whose 3 days run from the forwarding', () => {
    const r = scenario('TRANSFERRED');
    r.exec(C.policeDecision('RECEIPT', r.now), P);
    const at = r.now;
    r.exec({ type: 'FORWARD_TRANSFER', policeAgency: '长治市公安局潞州分局', at, reason: '不属本单位管辖' }, P);
    expect(r.status).toBe('TRANSFERRED');
    expect(r.s.transfer?.forwards).toEqual([{ policeAgency: '长治市公安局潞州分局', at, reason: '不属本单位管辖' }]);
    expect(r.s.deadlines.policeFilingDecision).toMatchObject({ state: 'OPEN', startAt: at, owner: 'POLICE' });
    // The competent unit signs its own receipt ('forward-readdresses').
    r.exec(C.policeDecision('RECEIPT', r.now), { ...P, userId: 'u-police-luzhou', body: '长治市公安局潞州分局' });
    expect(r.status).toBe('TRANSFER_RECEIVED');
  });

  it('the agency supplies requested material within 3 days; a late supply is the agency’s delay; the police’s 3 days run from the supply', () => {
    const r = scenario('TRANSFERRED');
    r.exec(C.policeDecision('RECEIPT', r.now), P);
    const requestedAt = r.now;
    r.exec({ type: 'REQUEST_TRANSFER_MATERIAL', materials: ['检验报告原件'], at: requestedAt }, P);
    const d = r.s.deadlines.transferMaterialSupply!;
    expect(d).toMatchObject({ state: 'OPEN', owner: 'AGENCY', startAt: requestedAt });
    expect(d.basis.source).toContain('R310 7');
    expect(rejected(r.try({ type: 'REQUEST_TRANSFER_MATERIAL', materials: ['账册'], at: r.now }, P))).toMatchObject({ status: 409, code: 'TRANSFER.MATERIAL_REQUEST_OPEN' });
    expect(rejected(r.try({ type: 'SUPPLY_TRANSFER_MATERIAL', documents: ['检验报告原件'], at: plus(requestedAt, -HOUR) }, A))).toMatchObject({
      status: 422,
      code: 'TRANSFER.STEP_BEFORE_ITS_CAUSE',
    });
    r.at(plus(d.dueAt, HOUR)).exec(C.escalation('transferMaterialSupply'), SYSTEM);
    expect(r.s.flags).toContain('OVERDUE');
    const suppliedAt = r.now;
    r.exec({ type: 'SUPPLY_TRANSFER_MATERIAL', documents: ['检验报告原件'], at: suppliedAt }, A);
    expect(r.s.deadlines.transferMaterialSupply).toMatchObject({ state: 'MET', late: true });
    expect(r.s.flags).not.toContain('OVERDUE');
    expect(r.s.deadlines.policeFilingDecision).toMatchObject({ state: 'OPEN', startAt: suppliedAt });
    expect(rejected(r.try({ type: 'SUPPLY_TRANSFER_MATERIAL', documents: ['x'], at: r.now }, A))).toMatchObject({ status: 409, code: 'TRANSFER.NO_MATERIAL_REQUEST' });
  });
});

describe('R310 12: the hand-over after the police file the case', () => {
  it('is due 3 days after the filing notice and met by a hand-over with an inventory, once', () => {
    const r = scenario('TRANSFER_ACCEPTED');
    const filed = r.s.transfer!.policeDecision!.at;
    expect(r.s.deadlines.transferHandover).toMatchObject({ state: 'OPEN', owner: 'AGENCY', startAt: filed });
    expect(rejected(r.try({ type: 'RECORD_TRANSFER_HANDOVER', inventory: ['假冒白酒 12 瓶'], at: plus(filed, -HOUR) }, A))).toMatchObject({ status: 422, code: 'TRANSFER.STEP_BEFORE_ITS_CAUSE' });
    expect(rejected(r.try({ type: 'RECORD_TRANSFER_HANDOVER', inventory: [], at: r.now }, A))).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    r.exec({ type: 'RECORD_TRANSFER_HANDOVER', inventory: ['假冒白酒 12 瓶', '案卷 1 册'], at: r.now }, A);
    expect(r.s.deadlines.transferHandover?.state).toBe('MET');
    expect(r.s.transfer?.handover?.inventory).toEqual(['假冒白酒 12 瓶', '案卷 1 册']);
    expect(rejected(r.try({ type: 'RECORD_TRANSFER_HANDOVER', inventory: ['x'], at: r.now }, A))).toMatchObject({ status: 409, code: 'TRANSFER.ALREADY_HANDED_OVER' });
  });

  it('an acceptance recorded before the change arms no hand-over limit (replay)', () => {
    const r = scenario('TRANSFER_ACCEPTED', undefined, 'transfer-from-any-point');
    expect(r.s.deadlines.transferHandover).toBeUndefined();
  });

  it('a reconsideration the police accept also starts it', () => {
    const r = scenario('TRANSFER_DECLINED');
    r.exec(C.requestReconsideration(), A);
    r.exec(C.answerReconsideration(true), P);
    expect(r.s.deadlines.transferHandover).toMatchObject({ state: 'OPEN' });
  });
});

describe('execution through a transfer proposed after service', () => {
  it('the party may still pay; paid in full, the case returns to EXECUTED when the transfer ends there', () => {
    const r = scenario('SERVED');
    r.exec(C.proposeTransfer(), A);
    expect(r.s.deadlines.payment?.state).toBe('OPEN');
    r.exec(C.pay(52000, r.now), A);
    expect(r.status).toBe('TRANSFER_PROPOSED');
    expect(r.s.deadlines.payment?.state).toBe('MET');
    r.exec(C.approveTransfer(false), H);
    expect(r.status).toBe('EXECUTED');
  });

  it('no payment during a transfer proposed before the decision', () => {
    const r = scenario('TRANSFER_PROPOSED');
    expect(rejected(r.try(C.pay(100, r.now), A))).toMatchObject({ status: 409, code: 'CASE.TRANSITION_NOT_ALLOWED' });
  });
});

describe('service through a transfer proposed after the decision', () => {
  it('the decision is still served (its limit runs), then paid; a refused transfer goes back to SERVED', () => {
    const r = scenario('DECIDED');
    r.exec(C.proposeTransfer(), A);
    expect(r.s.deadlines.service?.state).toBe('OPEN');
    r.exec(C.serve(r.now), A);
    expect(r.status).toBe('TRANSFER_PROPOSED');
    expect(r.s.deadlines.service?.state).toBe('MET');
    expect(r.s.deadlines.payment?.state).toBe('OPEN');
    r.exec(C.pay(1000, r.now), A);
    r.exec(C.approveTransfer(false), H);
    expect(r.status).toBe('SERVED');
  });
});
