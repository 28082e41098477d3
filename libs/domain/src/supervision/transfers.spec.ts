import { commands as C, HOUR, people, plus, scenario, SYSTEM } from '../testing/case-fixtures';
import { transferWatch } from './transfers';

const { head: H } = people;
const zone = 'Asia/Shanghai';

describe('the transfer watch (两法衔接监督)', () => {
  it('a case never proposed for transfer is not watched', () => {
    const r = scenario('FILED');
    expect(transferWatch(r.s, { now: r.now, timeZone: zone })).toBeNull();
  });

  it('a running transfer: its stage, the limits met so far and who is awaited', () => {
    const r = scenario('TRANSFERRED');
    const w = transferWatch(r.s, { now: r.now, timeZone: zone })!;
    expect(w.stage).toBe('TRANSFERRED');
    expect(w.limits.map((l) => [l.kind, l.state])).toEqual([
      ['transferApproval', 'MET'],
      ['transferDispatch', 'MET'],
      ['policeFilingDecision', 'OPEN'],
    ]);
    expect(w).toMatchObject({ late: false, waitingFor: 'POLICE' });
    expect(w.limits[2]).toMatchObject({ owner: 'POLICE', daysLeft: expect.any(Number), overdue: false });
  });

  it('a limit past due is late before its alarm runs, and stays late once met', () => {
    const r = scenario('TRANSFER_PROPOSED');
    const due = r.s.deadlines.transferApproval!.dueAt;
    expect(transferWatch(r.s, { now: plus(due, HOUR), timeZone: zone })).toMatchObject({ late: true, waitingFor: 'AGENCY' });
    r.at(plus(due, HOUR)).exec(C.escalation('transferApproval'), SYSTEM);
    r.exec(C.approveTransfer(), H);
    const w = transferWatch(r.s, { now: r.now, timeZone: zone })!;
    expect(w.limits[0]).toMatchObject({ kind: 'transferApproval', state: 'MET', late: true });
    expect(w.late).toBe(true);
  });

  it("the head's reasoned refusal is listed with its reason", () => {
    const r = scenario('TRANSFER_PROPOSED');
    r.exec(C.approveTransfer(false), H);
    const w = transferWatch(r.s, { now: r.now, timeZone: zone })!;
    expect(w.stage).toBe('REFUSED_BY_HEAD');
    expect(w.transfer.approval).toMatchObject({ approved: false, reason: expect.any(String) });
    expect(w.waitingFor).toBeUndefined();
  });

  it('a window the agency let pass is no lateness; the return to the track is its stage', () => {
    const r = scenario('TRANSFER_DECLINED');
    const due = r.s.deadlines.transferReconsiderationRequest!.dueAt;
    r.at(plus(due, HOUR)).exec(C.escalation('transferReconsiderationRequest'), SYSTEM);
    r.exec(C.resumeAdministrative(), H);
    const w = transferWatch(r.s, { now: r.now, timeZone: zone })!;
    expect(w).toMatchObject({ stage: 'RETURNED', late: false });
    expect(r.s.transfer?.policeDecision?.accepted).toBe(false);
  });
});
