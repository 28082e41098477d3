import { startStack, Stack } from '../support/stack';
import { ago, Client, deadline } from './command-helpers';

// 两法衔接 (R310) over HTTP: the agency proposes, approves and dispatches a
// transfer, and each route admits only its own side.
describe('criminal transfer over HTTP', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  const team = () => [api.id('officer.zhang'), api.id('officer.li')];

  it('propose → approve (no fine meanwhile) → dispatch to police with a copy to the procuratorate', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });

    const proposed = await api.command('officer.zhang', id, 'criminal-transfer', {
      grounds: 'sales of fake goods above ¥50,000 (《刑法》第一百四十条)',
      officerIds: team(),
      thresholdFacts: 'sales ledger shows ¥86,000',
    });
    expect(proposed.status).toBe(200);
    expect(proposed.body.case).toMatchObject({ status: 'TRANSFER_PROPOSED', flags: ['SUSPECTED_CRIME'] });
    // A proposal alone does not stop the 90 days (APL 60, MSA 63): only the head's approval does.
    expect(deadline(proposed.body.case, 'decision')?.state).toBe('OPEN');

    const approved = await api.command('head.sun', id, 'criminal-transfer/approval', { approve: true, reason: 'threshold reached' });
    expect(approved.body.case.status).toBe('TRANSFER_APPROVED');
    expect(deadline(approved.body.case, 'decision')?.state).toBe('SUSPENDED');
    // No fine may replace the transfer (以罚代刑, R310 11).
    const fine = await api.refused(id, () =>
      api.command('head.sun', id, 'decision', { outcome: 'PENALTY', penalty: { kinds: ['FINE'], fineAmount: 1000 }, documentNumber: 'x', text: 'x' }),
    );
    expect(fine.body).toMatchObject({ status: 409, code: 'CASE.TRANSFER_PENDING', state: 'TRANSFER_APPROVED' });

    const dispatched = await api.command('officer.li', id, 'criminal-transfer/dispatch', {
      sentAt: ago(60),
      policeAgency: '长治市公安局',
      procuratorate: '长治市人民检察院',
      documents: ['移送书', '调查终结报告', '涉案物品清单'],
    });
    expect(dispatched.status).toBe(200);
    expect(dispatched.body.case).toMatchObject({ status: 'TRANSFERRED', flags: [] });
    expect(await api.eventTypes(id)).toEqual(['LEAD_REGISTERED', 'FILING_APPROVED', 'TRANSFER_PROPOSED', 'TRANSFER_APPROVED', 'TRANSFER_DISPATCHED']);
    expect((await api.get('head.sun', `/cases/${id}/timeline/verify`)).body).toEqual({ valid: true, events: 5 });
  });

  it("R310's limits are deadlines: the police's receipt moves the case on and restarts their 3 days; a second receipt or an act dated before the dispatch changes nothing", async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    const proposed = await api.command('officer.zhang', id, 'criminal-transfer', { grounds: 'fake goods', officerIds: team() });
    expect(deadline(proposed.body.case, 'transferApproval')).toMatchObject({ state: 'OPEN', owner: 'AGENCY' });
    const approved = await api.command('head.sun', id, 'criminal-transfer/approval', { approve: true, reason: 'threshold reached' });
    expect(deadline(approved.body.case, 'transferDispatch')).toMatchObject({ state: 'OPEN' });
    expect(deadline(approved.body.case, 'transferDispatch')?.basis.source).toContain('24 hours');
    const sentAt = ago(60);
    const dispatched = await api.command('officer.li', id, 'criminal-transfer/dispatch', { sentAt, policeAgency: '长治市公安局', procuratorate: '长治市人民检察院', documents: ['移送书'] });
    expect(deadline(dispatched.body.case, 'policeFilingDecision')).toMatchObject({ state: 'OPEN', owner: 'POLICE', startAt: sentAt });

    const early = await api.refused(id, () => api.command('police.wu', id, 'criminal-transfer/police-decision', { decision: 'RECEIPT', at: ago(120) }));
    expect(early.body).toMatchObject({ status: 422, code: 'TRANSFER.RECEIPT_BEFORE_DISPATCH' });
    const receivedAt = ago(30);
    const received = await api.command('police.wu', id, 'criminal-transfer/police-decision', { decision: 'RECEIPT', at: receivedAt });
    expect(received.body.case).toMatchObject({ status: 'TRANSFER_RECEIVED' });
    expect(deadline(received.body.case, 'policeFilingDecision')).toMatchObject({ state: 'OPEN', startAt: receivedAt });
    const again = await api.refused(id, () => api.command('police.wu', id, 'criminal-transfer/police-decision', { decision: 'RECEIPT', at: ago(1) }));
    expect(again.body).toMatchObject({ status: 409, code: 'TRANSFER.ALREADY_RECEIVED', state: 'TRANSFER_RECEIVED' });
    expect((await api.eventTypes(id)).slice(-2)).toEqual(['TRANSFER_DISPATCHED', 'POLICE_DECISION_RECORDED']);

    const accepted = await api.command('police.wu', id, 'criminal-transfer/police-decision', { decision: 'ACCEPT', at: ago(1) });
    expect(accepted.body.case).toMatchObject({ status: 'TRANSFER_ACCEPTED' });
    expect(deadline(accepted.body.case, 'policeFilingDecision')?.state).toBe('MET');
  });

  it('police decline, reconsideration, procuratorate supervision, then the case returns to the administrative track', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    await api.command('officer.zhang', id, 'criminal-transfer', { grounds: 'fake goods', officerIds: team() });
    await api.command('head.sun', id, 'criminal-transfer/approval', { approve: true, reason: 'threshold reached' });
    await api.command('officer.li', id, 'criminal-transfer/dispatch', {
      sentAt: ago(60),
      policeAgency: '长治市公安局',
      procuratorate: '长治市人民检察院',
      documents: ['移送书'],
    });
    const step = async (user: string, action: string, body: Record<string, unknown>) => {
      const res = await api.command(user, id, action, body);
      expect({ action, status: res.status }).toEqual({ action, status: 200 });
      return res.body.case as { status: string };
    };
    // The liaisons reach the case only because it was transferred to them.
    await step('police.wu', 'criminal-transfer/police-decision', { decision: 'RECEIPT', at: ago(50) });
    expect((await step('police.wu', 'criminal-transfer/police-decision', { decision: 'DECLINE', at: ago(40), reason: 'no crime established' })).status).toBe(
      'TRANSFER_DECLINED',
    );
    await step('officer.zhang', 'criminal-transfer/reconsideration', { action: 'REQUEST', reason: 'sales ledger shows ¥86,000' });
    await step('police.wu', 'criminal-transfer/reconsideration', { action: 'ANSWER', reason: 'refusal maintained', accept: false });
    await step('officer.zhang', 'criminal-transfer/supervision', { action: 'REQUEST', reason: 'ask for filing supervision (立案监督)' });
    await step('procurator.zheng', 'criminal-transfer/supervision', { action: 'RESOLVE', reason: 'police explanation accepted', outcome: 'REFUSAL_UPHELD' });
    const back = await step('head.sun', 'criminal-transfer/return', { reason: 'complete the administrative case (R310 10)' });
    expect(back.status).toBe('FILED');
    expect((await api.get('head.sun', `/cases/${id}/timeline/verify`)).body).toMatchObject({ valid: true });
  });

  it('a refusal with reasons returns the case to the administrative track', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    await api.command('officer.zhang', id, 'criminal-transfer', { grounds: 'possible fake goods', officerIds: team() });
    const refused = await api.command('head.sun', id, 'criminal-transfer/approval', { approve: false, reason: 'sales below the threshold' });
    expect(refused.status).toBe(200);
    expect(refused.body.recorded).toEqual([{ seq: 4, type: 'TRANSFER_REFUSED' }]);
    expect(refused.body.case).toMatchObject({ status: 'FILED', flags: [] });
    expect(deadline(refused.body.case, 'decision')?.state).toBe('OPEN');
  });

  it('each side answers only its own part', async () => {
    const id = await api.filedCase();
    // The police know no case not transferred to them (404, as another agency's); an officer cannot record the police decision.
    const police = await api.refused(id, () => api.command('police.wu', id, 'criminal-transfer', { grounds: 'x', officerIds: team() }));
    expect(police.body).toMatchObject({ status: 404, code: 'CASE.NOT_FOUND' });
    const officer = await api.refused(id, () => api.command('officer.zhang', id, 'criminal-transfer/police-decision', { decision: 'ACCEPT', at: ago(1) }));
    expect(officer.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    // R310 5: two officers prepare the transfer.
    const alone = await api.refused(id, () => api.command('officer.zhang', id, 'criminal-transfer', { grounds: 'x', officerIds: [api.id('officer.zhang')] }));
    expect(alone.body).toMatchObject({ status: 422, code: 'CASE.TWO_OFFICERS_REQUIRED' });
    // ANSWER carries `accept`; REQUEST does not.
    const mixed = await api.refused(id, () => api.command('officer.zhang', id, 'criminal-transfer/reconsideration', { action: 'REQUEST', reason: 'x', accept: true }));
    expect(mixed.body.errors).toEqual([{ field: 'accept', message: 'accept is only given with action ANSWER' }]);
  });
});
