// Rule change 'lead-suspicion': a lead flagged as a suspected crime is not
// decided on the spot while the flag stands (R310 11; APL 27), and the head
// may decide, with reasons, not to transfer it while it is still a lead.

import { CaseRunner, commands as C, people } from '../../testing/case-fixtures';
import type { DecideResult } from '../decide';

const { officerA: A, head: H } = people;

function rejected(d: DecideResult) {
  if (d.ok) throw new Error(`expected a rejection, got ${d.events.map((e) => e.type).join(', ')}`);
  return d.rejection;
}

/** A simple-procedure lead whose registered sales reach the prosecution threshold of fake products (¥50,000). */
function flaggedSimpleLead(rulesBefore?: 'lead-suspicion'): CaseRunner {
  const r = new CaseRunner(undefined, undefined, rulesBefore);
  r.exec(C.registerSimple({ violationCode: 'PRODUCT-FAKE', amounts: [{ kind: 'SALES', value: 60000, note: '销售台账' }] }), A);
  expect(r.s.suspectedCrime).toBe(true);
  return r;
}

describe('a lead flagged as a suspected crime (lead-suspicion)', () => {
  it('is not decided on the spot while the flag stands: 409, nothing recorded', () => {
    const r = flaggedSimpleLead();
    const before = r.s.eventCount;
    const refusal = rejected(r.try(C.simpleDecide(r.now), A));
    expect(refusal).toMatchObject({ status: 409, code: 'CASE.SUSPECTED_CRIME_UNRESOLVED', state: 'LEAD_REGISTERED' });
    expect(refusal.reasonZh).toContain('涉嫌犯罪');
    expect(r.s.eventCount).toBe(before);
  });

  it('the head decides, with reasons, not to transfer it while it is a lead; then it may be decided on the spot', () => {
    const r = flaggedSimpleLead();
    r.exec({ type: 'DECIDE_NOT_TO_TRANSFER', reasons: '销售金额经核实为三家门店合计，本店仅八千元，未达追诉标准' }, H);
    expect(r.s.suspectedCrime).toBe(false);
    expect(r.s.noTransferDecisions).toHaveLength(1);
    expect(r.try(C.simpleDecide(r.now), A).ok).toBe(true);
  });

  it('a lead recorded before the change replays as it ran: decided on the spot, and no decision not to transfer before filing', () => {
    const r = flaggedSimpleLead('lead-suspicion');
    expect(rejected(r.try({ type: 'DECIDE_NOT_TO_TRANSFER', reasons: 'x' }, H)).status).toBe(409);
    expect(r.try(C.simpleDecide(r.now), A).ok).toBe(true);
  });
});
