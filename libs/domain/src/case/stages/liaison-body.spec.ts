// Police and procuratorate liaisons belong to a named body: they act only on a
// transfer dispatched to it, and their acts record it ('liaison-bodies').

import { commands as C, people, person, scenario } from '../../testing/case-fixtures';
import type { DecideResult } from '../decide';
import { allowedActions } from '../allowed-actions';
import { tasksFor } from '../tasks';

const { officerA: A, police: P, procurator: Q, otherPolice: O } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

describe('liaisons act for their own body', () => {
  it('a police liaison of another body is refused (403) and offered nothing', () => {
    const r = scenario('TRANSFERRED');
    expect(rejected(r.try(C.policeDecision('RECEIPT', r.now), O))).toMatchObject({ status: 403, code: 'AUTH.BODY_MISMATCH' });
    expect(allowedActions(r.s, O)).toEqual([]);
    // A liaison of no named body acts on no transfer.
    const bodiless = person(P.userId, P.name, ['POLICE_LIAISON'], [], P.agencyId);
    expect(rejected(r.try(C.policeDecision('RECEIPT', r.now), bodiless))).toMatchObject({ status: 403, code: 'AUTH.BODY_MISMATCH' });
  });

  it('the addressed police record receipt and decision with their body; a liaison of the other capacity is refused', () => {
    const r = scenario('TRANSFERRED');
    const [receipt] = r.exec(C.policeDecision('RECEIPT', r.now), P);
    expect(receipt).toMatchObject({ type: 'POLICE_DECISION_RECORDED', decision: 'RECEIPT', body: '长治市公安局' });
    // The procuratorate named in the dispatch is not the police it was sent to.
    expect(rejected(r.try(C.policeDecision('ACCEPT', r.now), { ...Q, roles: ['POLICE_LIAISON' as const] }))).toMatchObject({ code: 'AUTH.BODY_MISMATCH' });
    const [accepted] = r.exec(C.policeDecision('ACCEPT', r.now), P);
    expect(accepted).toMatchObject({ decision: 'ACCEPT', body: '长治市公安局' });
  });

  it('the reconsideration answer and the supervision result carry the answering body', () => {
    const r = scenario('TRANSFERRED');
    r.exec(C.policeDecision('DECLINE', r.now), P);
    r.exec({ type: 'REQUEST_TRANSFER_RECONSIDERATION', reason: 'facts meet the threshold' }, A);
    expect(rejected(r.try({ type: 'ANSWER_TRANSFER_RECONSIDERATION', accept: false, reason: 'maintained' }, O))).toMatchObject({ code: 'AUTH.BODY_MISMATCH' });
    const [answer] = r.exec({ type: 'ANSWER_TRANSFER_RECONSIDERATION', accept: false, reason: 'maintained' }, P);
    expect(answer).toMatchObject({ type: 'TRANSFER_RECONSIDERATION_ANSWERED', body: '长治市公安局' });
    r.exec({ type: 'REQUEST_TRANSFER_SUPERVISION', reason: 'refusal unfounded' }, A);
    const other = { ...Q, body: '晋城市人民检察院' };
    expect(rejected(r.try({ type: 'RESOLVE_TRANSFER_SUPERVISION', outcome: 'POLICE_TO_FILE', reason: 'x' }, other))).toMatchObject({ code: 'AUTH.BODY_MISMATCH' });
    expect(rejected(r.try(C.requestExplanation(r.now), other))).toMatchObject({ code: 'AUTH.BODY_MISMATCH' });
    const [asked] = r.exec(C.requestExplanation(r.now), Q);
    expect(asked).toMatchObject({ type: 'NON_FILING_EXPLANATION_REQUESTED', body: '长治市人民检察院' });
    expect(rejected(r.try(C.explainNonFiling(r.now), O))).toMatchObject({ code: 'AUTH.BODY_MISMATCH' });
    const [explained] = r.exec(C.explainNonFiling(r.now), P);
    expect(explained).toMatchObject({ type: 'NON_FILING_EXPLAINED', body: '长治市公安局' });
    const [resolved] = r.exec({ type: 'RESOLVE_TRANSFER_SUPERVISION', outcome: 'POLICE_TO_FILE', reason: 'the police must file' }, Q);
    expect(resolved).toMatchObject({ type: 'TRANSFER_SUPERVISION_RESOLVED', body: '长治市人民检察院' });
  });

  it('histories recorded before the rule replay as they were: any liaison acted, and no body was recorded', () => {
    const r = scenario('TRANSFERRED', undefined, 'liaison-bodies');
    const [receipt] = r.exec(C.policeDecision('RECEIPT', r.now), O);
    expect(receipt).not.toHaveProperty('body');
  });

  it('an incoming transfer waits for its police, by their filing limit, and for no other body', () => {
    const r = scenario('TRANSFERRED');
    expect(tasksFor(r.s, P)).toEqual([
      { action: 'criminal-transfer/police-decision', deadline: 'policeFilingDecision', dueAt: r.s.deadlines.policeFilingDecision!.dueAt, source: expect.stringContaining('R310 8') },
    ]);
    expect(tasksFor(r.s, O)).toEqual([]);
    r.exec(C.policeDecision('DECLINE', r.now), P);
    r.exec({ type: 'REQUEST_TRANSFER_RECONSIDERATION', reason: 'facts meet the threshold' }, A);
    expect(tasksFor(r.s, P)).toEqual([expect.objectContaining({ action: 'criminal-transfer/reconsideration', deadline: 'transferReconsiderationAnswer' })]);
  });
});
