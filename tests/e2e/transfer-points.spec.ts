import { startStack, Stack } from '../support/stack';
import { ago, Client, deadline } from './command-helpers';

// 两法衔接 from any point the law allows (R310 3, 11; APL 35), the police's
// forwarding and request for missing material (R310 7), the hand-over after
// filing (R310 12) and the return of an accepted case (APL 27), over HTTP by
// the real roles; each refusal records nothing.
describe('criminal transfer from any point, and the police side of it, over HTTP', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  const team = () => [api.id('officer.zhang'), api.id('officer.li')];

  async function ok(user: string, id: string, action: string, body: Record<string, unknown>) {
    const res = await api.command(user, id, action, body);
    expect({ action, status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ action, status: 200, body: undefined });
    return res.body.case;
  }

  async function dispatched(id: string, sentAt = ago(600)) {
    await ok('officer.zhang', id, 'criminal-transfer', { grounds: 'sales of fake goods above ¥50,000', officerIds: team() });
    await ok('head.sun', id, 'criminal-transfer/approval', { approve: true, reason: 'threshold reached' });
    return ok('officer.li', id, 'criminal-transfer/dispatch', { sentAt, policeAgency: '长治市公安局', procuratorate: '长治市人民检察院', documents: ['移送书'] });
  }

  it('from a lead under verification: forwarded to the competent unit, material requested and supplied, filed, items handed over, then returned (APL 27) to the lead', async () => {
    const { id } = await api.register({ violationCode: 'PRODUCT-FAKE' });
    const sent = await dispatched(id);
    expect(sent).toMatchObject({ status: 'TRANSFERRED' });

    await ok('police.wu', id, 'criminal-transfer/police-decision', { decision: 'RECEIPT', at: ago(500) });
    const forwardedAt = ago(400);
    const forwarded = await ok('police.wu', id, 'criminal-transfer/forward', { policeAgency: '长治市公安局潞州分局', at: forwardedAt, reason: '违法行为发生地在潞州区，由潞州分局管辖' });
    expect(forwarded.status).toBe('TRANSFERRED');
    expect(deadline(forwarded, 'policeFilingDecision')).toMatchObject({ state: 'OPEN', startAt: forwardedAt });
    // From here the competent unit (潞州分局) acts on it.
    const early = await api.refused(id, () => api.command('police.tian', id, 'criminal-transfer/forward', { policeAgency: '长治市公安局', at: ago(700), reason: 'x' }));
    expect(early.body).toMatchObject({ status: 422, code: 'TRANSFER.STEP_BEFORE_ITS_CAUSE' });

    await ok('police.tian', id, 'criminal-transfer/police-decision', { decision: 'RECEIPT', at: ago(300) });
    const requested = await ok('police.tian', id, 'criminal-transfer/material-request', { materials: ['检验报告原件', '销售账册'], at: ago(250) });
    expect(deadline(requested, 'transferMaterialSupply')).toMatchObject({ state: 'OPEN', owner: 'AGENCY' });
    const twice = await api.refused(id, () => api.command('police.tian', id, 'criminal-transfer/material-request', { materials: ['x'], at: ago(240) }));
    expect(twice.body).toMatchObject({ status: 409, code: 'TRANSFER.MATERIAL_REQUEST_OPEN' });
    const byPolice = await api.refused(id, () => api.command('police.tian', id, 'criminal-transfer/material-supply', { documents: ['x'], at: ago(200) }));
    expect(byPolice.body.status).toBe(403);
    const supplied = await ok('officer.zhang', id, 'criminal-transfer/material-supply', { documents: ['检验报告原件', '销售账册'], at: ago(200) });
    expect(deadline(supplied, 'transferMaterialSupply')?.state).toBe('MET');

    const accepted = await ok('police.tian', id, 'criminal-transfer/police-decision', { decision: 'ACCEPT', at: ago(150) });
    expect(accepted.status).toBe('TRANSFER_ACCEPTED');
    expect(deadline(accepted, 'transferHandover')).toMatchObject({ state: 'OPEN', owner: 'AGENCY' });
    const beforeFiling = await api.refused(id, () => api.command('officer.zhang', id, 'criminal-transfer/handover', { inventory: ['假冒白酒 12 瓶'], at: ago(160) }));
    expect(beforeFiling.body).toMatchObject({ status: 422, code: 'TRANSFER.STEP_BEFORE_ITS_CAUSE' });
    const handed = await ok('officer.zhang', id, 'criminal-transfer/handover', { inventory: ['假冒白酒 12 瓶', '案卷 1 册'], at: ago(100) });
    expect(deadline(handed, 'transferHandover')?.state).toBe('MET');

    const byOfficer = await api.refused(id, () => api.command('officer.zhang', id, 'criminal-transfer/police-return', { at: ago(50), reason: 'x' }));
    expect(byOfficer.body.status).toBe(403);
    const back = await ok('police.tian', id, 'criminal-transfer/police-return', { at: ago(50), reason: '经审查没有犯罪事实，移回行政机关处理' });
    expect(back.status).toBe('LEAD_REGISTERED');
    expect(deadline(back, 'filingDecision')).toMatchObject({ state: 'OPEN' });
    expect((await api.eventTypes(id)).slice(-4)).toEqual(['TRANSFER_MATERIAL_SUPPLIED', 'POLICE_DECISION_RECORDED', 'TRANSFER_HANDED_OVER', 'TRANSFER_RETURNED_BY_POLICE']);
    expect((await api.get('head.sun', `/cases/${id}/timeline/verify`)).body).toMatchObject({ valid: true });
  });

  it('an accepted case the police return resumes its investigation with the decision limit running again; a return before acceptance is refused', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    await dispatched(id);
    const early = await api.refused(id, () => api.command('police.wu', id, 'criminal-transfer/police-return', { at: ago(10), reason: 'x' }));
    expect(early.body).toMatchObject({ status: 409, code: 'CASE.TRANSITION_NOT_ALLOWED', state: 'TRANSFERRED' });
    const accepted = await ok('police.wu', id, 'criminal-transfer/police-decision', { decision: 'ACCEPT', at: ago(100) });
    expect(deadline(accepted, 'decision')?.state).toBe('CANCELLED');
    const back = await ok('police.wu', id, 'criminal-transfer/police-return', { at: ago(10), reason: '不需要追究刑事责任' });
    expect(back).toMatchObject({ status: 'FILED' });
    expect(deadline(back, 'decision')?.state).toBe('OPEN');
    expect(deadline(back, 'closure')?.state).toBe('CANCELLED');
    // Back on the track for the agency's officers (allowedActions are the caller's).
    expect((await api.case('officer.zhang', id)).allowedActions).toEqual(expect.arrayContaining(['investigation-report']));
  });

  it('from a suspended case, and a head who refuses sends it back there', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    await ok('head.sun', id, 'suspension', { action: 'SUSPEND', reason: 'awaiting a test report (检验)' });
    const proposed = await ok('officer.zhang', id, 'criminal-transfer', { grounds: 'the test report shows toxic content', officerIds: team() });
    expect(proposed.status).toBe('TRANSFER_PROPOSED');
    const refused = await ok('head.sun', id, 'criminal-transfer/approval', { approve: false, reason: 'below the threshold' });
    expect(refused.status).toBe('SUSPENDED');
  });

  it('after an on-the-spot decision: the fine and its payment stand and are listed; a closed simple lead cannot be transferred', async () => {
    const lead = await api.register({ procedure: 'SIMPLE', violationCode: 'TRAFFIC-RULE', party: { type: 'PERSON', name: '李某' }, officerIds: [api.id('officer.zhang')], summary: 'e2e transfer after decision' });
    const refusedLead = await api.refused(lead.id, () => api.command('officer.zhang', lead.id, 'criminal-transfer', { grounds: 'x', officerIds: team() }));
    expect(refusedLead.body).toMatchObject({ status: 409, code: 'CASE.TRANSITION_NOT_ALLOWED', state: 'LEAD_REGISTERED' });
    await ok('officer.zhang', lead.id, 'simple-decision', {
      facts: 'Vehicle stopped in a no-stopping zone',
      legalBasis: '《道路交通安全法》第九十条',
      penalty: { kinds: ['FINE'], fineAmount: 200 },
      documentNumber: `长市监简〔2026〕TP-${lead.id.slice(0, 6)}号`,
      text: '当场处罚决定书: 罚款 200 元',
      service: { method: 'DIRECT', servedAt: ago(5), recipient: '李某', proof: '当事人签收' },
      defence: { waived: true },
    });
    await ok('officer.zhang', lead.id, 'payments', { amount: 200, paidAt: ago(1), receipt: '银行代收 No. TP-1', collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' } });
    const proposed = await ok('officer.zhang', lead.id, 'criminal-transfer', { grounds: 'the driver was found drunk (危险驾驶)', officerIds: team() });
    expect(proposed).toMatchObject({ status: 'TRANSFER_PROPOSED' });
    // Supervisors see where it started, the penalty still running and the fine paid, for offsetting (折抵).
    const watch = await api.get<{ items: { caseId: string; from?: string; imposed?: unknown }[] }>('supervisor.zhou', '/supervision/transfers?stage=TRANSFER_PROPOSED&pageSize=100');
    expect(watch.body.items.find((i) => i.caseId === lead.id)).toMatchObject({ from: 'EXECUTED', imposed: { penaltiesRunning: ['FINE'], paidForOffset: 200 } });
  });
});
