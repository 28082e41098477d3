// A forwarding re-addresses the transfer (R310 7, 'forward-readdresses'): the
// competent unit's liaisons act on it from then on; the forwarding unit still
// reads it (its acts are in the chain) but may no longer act.

import { commands as C, people, scenario } from '../../testing/case-fixtures';
import type { DecideResult } from '../decide';
import { allowedActions } from '../allowed-actions';
import { readAccess } from '../read-access';
import { tasksFor } from '../tasks';

const { police: P, otherPolice: O, procurator: Q } = people;
/** A liaison of the unit the fixture's transfer is forwarded to. */
const LUZHOU = '长治市公安局潞州分局';
const competent = { ...P, userId: 'u-police-luzhou', name: '田民警', body: LUZHOU };

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

function forwarded(rulesBefore?: 'forward-readdresses') {
  const r = scenario('TRANSFERRED', undefined, rulesBefore);
  r.exec(C.policeDecision('RECEIPT', r.now), P);
  r.exec({ type: 'FORWARD_TRANSFER', policeAgency: LUZHOU, at: r.now, reason: '违法行为发生地在潞州区' }, P);
  return r;
}

describe('a forwarded transfer', () => {
  it('waits for the competent unit, which signs its receipt and decides, recording its body', () => {
    const r = forwarded();
    expect(tasksFor(r.s, competent)).toEqual([expect.objectContaining({ action: 'criminal-transfer/police-decision', deadline: 'policeFilingDecision' })]);
    const [receipt] = r.exec(C.policeDecision('RECEIPT', r.now), competent);
    expect(receipt).toMatchObject({ type: 'POLICE_DECISION_RECORDED', decision: 'RECEIPT', body: LUZHOU });
    const [accepted] = r.exec(C.policeDecision('ACCEPT', r.now), competent);
    expect(accepted).toMatchObject({ decision: 'ACCEPT', body: LUZHOU });
    expect(r.s.status).toBe('TRANSFER_ACCEPTED');
  });

  it('leaves the forwarding unit reading it, refused acting (403) and offered nothing', () => {
    const r = forwarded();
    expect(readAccess(r.s, P)).toEqual({ ok: true });
    expect(allowedActions(r.s, P)).toEqual([]);
    expect(tasksFor(r.s, P)).toEqual([]);
    const refusal = rejected(r.try(C.policeDecision('ACCEPT', r.now), P));
    expect(refusal).toMatchObject({ status: 403, code: 'AUTH.BODY_MISMATCH' });
    expect(refusal.reason).toContain(`forwarded to ${LUZHOU}`);
    expect(refusal.reasonZh).toContain(`已转送${LUZHOU}`);
  });

  it('stays hidden from a police body it was never addressed to; the procuratorate keeps its copy', () => {
    const r = forwarded();
    expect(readAccess(r.s, O)).toMatchObject({ ok: false, hidden: true, code: 'CASE.NOT_FOUND' });
    expect(rejected(r.try(C.policeDecision('RECEIPT', r.now), O))).toMatchObject({ code: 'AUTH.BODY_MISMATCH' });
    expect(readAccess(r.s, Q)).toEqual({ ok: true });
  });

  it('goes on to the next unit when forwarded again; the competent unit may forward it back', () => {
    const r = forwarded();
    r.exec({ type: 'FORWARD_TRANSFER', policeAgency: '长治市公安局', at: r.now, reason: '涉案金额较大，由市局管辖' }, competent);
    expect(allowedActions(r.s, competent)).toEqual([]);
    expect(readAccess(r.s, competent)).toEqual({ ok: true });
    expect(allowedActions(r.s, P)).toContain('criminal-transfer/police-decision');
  });

  it('histories recorded before the rule replay as they were: the dispatching unit acted after forwarding', () => {
    const r = forwarded('forward-readdresses');
    const [accepted] = r.exec(C.policeDecision('ACCEPT', r.now), P);
    expect(accepted).toMatchObject({ decision: 'ACCEPT', body: '长治市公安局' });
  });
});
