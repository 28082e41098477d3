import { startStack, Stack } from '../support/stack';
import { ago, Client, deadline, deadlineStates } from './command-helpers';

// The simple procedure (简易程序, 当场处罚, APL 51–52) over HTTP: one officer
// decides and serves on the spot, reports it, and the case is closed and archived.
describe('the simple procedure over HTTP', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  const simpleLead = (party: Record<string, unknown> = { type: 'PERSON', name: '李某' }) =>
    api.register({
      procedure: 'SIMPLE',
      violationCode: 'TRAFFIC-RULE',
      party,
      officerIds: [api.id('officer.zhang')],
      summary: 'Stopped in a no-stopping zone',
    });

  const onTheSpot = (fineAmount: number, documentNumber: string) => ({
    facts: 'Vehicle stopped in a no-stopping zone, recorded on the body camera',
    legalBasis: '《道路交通安全法》第九十条',
    penalty: { kinds: ['FINE'], fineAmount },
    documentNumber,
    text: `当场处罚决定书: 罚款 ${fineAmount} 元`,
    service: { method: 'DIRECT', servedAt: ago(5), recipient: '李某', proof: '当事人签收' },
    defence: { waived: false, statement: '当事人称只停了一分钟', points: [{ point: '停车时间短', adopted: false, reason: '停车时间长短不影响违法事实' }] },
  });

  it('one officer: register → decide ¥200 on the spot and serve → pay → report → close → archive', async () => {
    const lead = await simpleLead();
    const id = lead.id;
    expect(lead).toMatchObject({ status: 'LEAD_REGISTERED', procedure: 'SIMPLE', deadlines: [] });
    expect(lead.officers).toHaveLength(1);

    const decided = await api.command('officer.zhang', id, 'simple-decision', onTheSpot(200, '长市监简〔2026〕E2E-1号'));
    expect(decided.status).toBe(200);
    expect(decided.body.recorded).toEqual([{ seq: 2, type: 'SIMPLE_DECISION_MADE' }]);
    // Decided and served in one act: the report and the payment periods start.
    expect(decided.body.case.status).toBe('SERVED');
    expect(deadline(decided.body.case, 'simpleReport')).toMatchObject({ state: 'OPEN', basis: { days: 5, kind: 'WORKING', source: 'APL 52 (policy)' } });
    expect(deadline(decided.body.case, 'payment')).toMatchObject({ state: 'OPEN', basis: { days: 15, kind: 'CALENDAR' } });
    expect(decided.body.case.allowedActions).toEqual(expect.arrayContaining(['payments', 'simple-report']));

    // Closing waits for full payment, then for the report to the agency (APL 52).
    const unpaid = await api.refused(id, () => api.command('head.sun', id, 'closure', { summary: 'too early' }));
    expect(unpaid.body).toMatchObject({ status: 409, code: 'CASE.PAYMENT_OUTSTANDING', state: 'SERVED' });

    const paid = await api.command('officer.zhang', id, 'payments', { amount: 200, paidAt: ago(1), receipt: '银行代收 No. E2E-S1', collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' } });
    expect(paid.status).toBe(200);
    expect(paid.body.case.status).toBe('EXECUTED');
    expect(deadline(paid.body.case, 'payment')?.state).toBe('MET');
    expect(deadline(paid.body.case, 'closure')?.state).toBe('OPEN');

    const unreported = await api.refused(id, () => api.command('head.sun', id, 'closure', { summary: 'too early' }));
    expect(unreported.body).toMatchObject({ status: 409, code: 'CASE.SIMPLE_NOT_REPORTED', state: 'EXECUTED' });

    const reported = await api.command('officer.zhang', id, 'simple-report', { note: 'filed with the legal office' });
    expect(reported.status).toBe(200);
    expect(reported.body.recorded).toEqual([{ seq: 4, type: 'SIMPLE_DECISION_REPORTED' }]);
    expect(deadline(reported.body.case, 'simpleReport')?.state).toBe('MET');
    const again = await api.refused(id, () => api.command('officer.zhang', id, 'simple-report', {}));
    expect(again.body).toMatchObject({ status: 409, code: 'CASE.ALREADY_REPORTED' });

    const closed = await api.command('head.sun', id, 'closure', { summary: 'on-the-spot fine paid' });
    expect(closed.body.case.status).toBe('CLOSED');
    const archived = await api.archive(id);
    // Sealed, but for a challenge the party may still bring (补充归档): its windows, armed by the on-the-spot service, outlive the file.
    expect(archived).toMatchObject({ status: 'ARCHIVED', allowedActions: ['challenges'] });
    expect(deadlineStates(archived)).toEqual({
      simpleReport: 'MET',
      payment: 'MET',
      closure: 'MET',
      reconsiderationWindow: 'OPEN',
      litigationWindow: 'OPEN',
    });

    const types = ['LEAD_REGISTERED', 'SIMPLE_DECISION_MADE', 'PAYMENT_RECORDED', 'SIMPLE_DECISION_REPORTED', 'CASE_CLOSED', 'ARCHIVE_REQUESTED', 'CASE_ARCHIVED'];
    expect(await api.eventTypes(id)).toEqual(types);
    expect((await api.get('officer.zhang', `/cases/${id}/timeline/verify`)).body).toEqual({ valid: true, events: types.length });

    const after = await api.refused(id, () => api.command('officer.zhang', id, 'simple-report', {}));
    expect(after.body).toMatchObject({ status: 409, allowedActions: [] });
  });

  it('a fine over ¥200 for a person is refused on the spot: the ordinary procedure is needed', async () => {
    const { id } = await simpleLead();
    const res = await api.refused(id, () => api.command('officer.zhang', id, 'simple-decision', onTheSpot(200.01, '长市监简〔2026〕E2E-2号')));
    // Content the law refuses (422), not a wrong state: the case stays open for a lawful on-the-spot decision.
    expect(res.body).toMatchObject({ status: 422, code: 'CASE.SIMPLE_FINE_EXCEEDS_LIMIT' });
    expect(res.body.detail).toContain('¥200 for a person');
    const view = await api.case('officer.zhang', id);
    expect(view).toMatchObject({ status: 'LEAD_REGISTERED' });
    expect(view.allowedActions).toContain('simple-decision');
    expect(await api.eventTypes(id)).toEqual(['LEAD_REGISTERED']);
  });

  it('an organisation may be fined up to ¥3,000 on the spot, a warning needs no payment', async () => {
    const org = await simpleLead({ type: 'ORGANISATION', name: '长治市某某商行' });
    const over = await api.refused(org.id, () => api.command('officer.zhang', org.id, 'simple-decision', onTheSpot(3001, '长市监简〔2026〕E2E-3号')));
    expect(over.body.code).toBe('CASE.SIMPLE_FINE_EXCEEDS_LIMIT');
    expect((await api.command('officer.zhang', org.id, 'simple-decision', onTheSpot(3000, '长市监简〔2026〕E2E-4号'))).status).toBe(200);

    const person = await simpleLead();
    const warned = await api.command('officer.zhang', person.id, 'simple-decision', {
      ...onTheSpot(0, '长市监简〔2026〕E2E-5号'),
      penalty: { kinds: ['WARNING'] },
      text: '当场处罚决定书: 警告',
    });
    expect(warned.status).toBe(200);
    expect(deadline(warned.body.case, 'payment')).toBeUndefined();
    const nothingDue = await api.refused(person.id, () => api.command('officer.zhang', person.id, 'payments', { amount: 1, paidAt: ago(1), receipt: 'x', collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' } }));
    expect(nothingDue.body).toMatchObject({ status: 409, code: 'PAYMENT.NOTHING_DUE' });
  });

  it('on-the-spot service is direct or on refusal; other penalty kinds and other officers are refused', async () => {
    const { id } = await simpleLead();
    const postal = await api.refused(id, () =>
      api.command('officer.zhang', id, 'simple-decision', { ...onTheSpot(100, 'x'), service: { method: 'POSTAL', servedAt: ago(5), recipient: '李某', proof: 'x' } }),
    );
    expect(postal.body).toMatchObject({ status: 422, code: 'SERVICE.METHOD_NOT_ALLOWED' });
    const licence = await api.refused(id, () =>
      api.command('officer.zhang', id, 'simple-decision', { ...onTheSpot(100, 'x'), penalty: { kinds: ['LICENCE_SUSPENSION'] } }),
    );
    expect(licence.body).toMatchObject({ status: 422, code: 'CASE.SIMPLE_PENALTY_NOT_ALLOWED' });
    // officer.li is not on this case.
    const stranger = await api.refused(id, () => api.command('officer.li', id, 'simple-decision', onTheSpot(100, 'x')));
    expect(stranger.body).toMatchObject({ status: 403, code: 'CASE.NOT_ASSIGNED' });
    // Filing is for the ordinary procedure only.
    const filing = await api.refused(id, () =>
      api.command('head.sun', id, 'filing', { approve: true, reason: 'x', officerIds: [api.id('officer.zhang'), api.id('officer.li')] }),
    );
    expect(filing.body).toMatchObject({ status: 409, code: 'CASE.TRANSITION_NOT_ALLOWED', state: 'LEAD_REGISTERED' });
  });
});
