import { startStack, Stack } from '../support/stack';
import { ago, Client, deadline } from './command-helpers';

// The exits of a simple-procedure lead over HTTP (APL 33, 36, 44–45, 51–52):
// each reproduction of issue 10 item 3 ends lawfully, and each refusal records nothing.
describe('the exits of a simple-procedure lead over HTTP', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  const simpleLead = (over: Record<string, unknown> = {}) =>
    api.register({
      procedure: 'SIMPLE',
      violationCode: 'TRAFFIC-RULE',
      party: { type: 'PERSON', name: '李某' },
      officerIds: [api.id('officer.zhang')],
      summary: 'Stopped in a no-stopping zone',
      ...over,
    });

  const served = (proof: string) => ({ method: 'DIRECT', servedAt: ago(5), recipient: '李某', proof });
  const onTheSpot = (fineAmount: number, documentNumber: string, over: Record<string, unknown> = {}) => ({
    facts: 'Vehicle stopped in a no-stopping zone, recorded on the body camera',
    legalBasis: '《道路交通安全法》第九十条',
    penalty: { kinds: ['FINE'], fineAmount },
    documentNumber,
    text: `当场处罚决定书: 罚款 ${fineAmount} 元`,
    service: served('当事人签收'),
    defence: { waived: false, statement: '当事人称只停了一分钟', points: [{ point: '停车时间短', adopted: false, reason: '停车时间长短不影响违法事实' }] },
    ...over,
  });

  it('a lead over the limit is converted: the same case goes on to filing under the ordinary procedure', async () => {
    const lead = await simpleLead();
    const over = await api.refused(lead.id, () => api.command('officer.zhang', lead.id, 'simple-decision', onTheSpot(500, '长市监简〔2026〕EX-1号')));
    // Content the law refuses (422); the case offers its lawful exits.
    expect(over.body).toMatchObject({ status: 422, code: 'CASE.SIMPLE_FINE_EXCEEDS_LIMIT' });
    expect(over.body.detail).toContain('simple-conversion');
    expect(over.body.detail).not.toContain('register the case');
    expect((await api.case('officer.zhang', lead.id)).allowedActions).toEqual(expect.arrayContaining(['simple-conversion', 'simple-no-penalty', 'simple-dismissal']));

    const blank = await api.refused(lead.id, () => api.command('officer.zhang', lead.id, 'simple-conversion', { reason: '' }));
    expect(blank.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });

    const converted = await api.command('officer.zhang', lead.id, 'simple-conversion', { reason: '应处罚款超过简易程序限额，转为普通程序' });
    expect(converted.status).toBe(200);
    expect(converted.body.recorded).toEqual([{ seq: 2, type: 'PROCEDURE_CONVERTED' }]);
    expect(converted.body.case).toMatchObject({ id: lead.id, caseNumber: lead.caseNumber, procedure: 'ORDINARY', status: 'LEAD_REGISTERED' });
    expect(deadline(converted.body.case, 'filingDecision')).toMatchObject({ state: 'OPEN', basis: { days: 15, kind: 'WORKING' } });
    expect(converted.body.case.allowedActions).not.toContain('simple-decision');

    const again = await api.refused(lead.id, () => api.command('officer.zhang', lead.id, 'simple-conversion', { reason: 'again' }));
    expect(again.body).toMatchObject({ status: 409, code: 'CASE.TRANSITION_NOT_ALLOWED' });

    const filed = await api.command('head.sun', lead.id, 'filing', {
      approve: true,
      reason: '经核查有违法事实，予以立案',
      officerIds: [api.id('officer.zhang'), api.id('officer.li')],
    });
    expect(filed.status).toBe(200);
    expect(filed.body.case).toMatchObject({ id: lead.id, status: 'FILED', procedure: 'ORDINARY' });
    expect(deadline(filed.body.case, 'filingDecision')?.state).toBe('MET');
    expect(await api.eventTypes(lead.id)).toEqual(['LEAD_REGISTERED', 'PROCEDURE_CONVERTED', 'FILING_APPROVED']);
  });

  it('no penalty on the spot (APL 33): served, reported, closed and archived', async () => {
    const { id } = await simpleLead();
    const noGround = await api.refused(id, () =>
      api.command('officer.zhang', id, 'simple-no-penalty', {
        ground: 'SORRY',
        reason: 'x',
        facts: 'x',
        legalBasis: 'x',
        documentNumber: 'x',
        text: 'x',
        service: served('x'),
      }),
    );
    expect(noGround.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    // Violation of 2026-11-18, discovered 2026-11-20: the limitation runs, it is no ground.
    const notExpired = await api.refused(id, () =>
      api.command('officer.zhang', id, 'simple-no-penalty', {
        ground: 'LIMITATION_EXPIRED',
        reason: 'x',
        facts: 'x',
        legalBasis: '《行政处罚法》第三十六条',
        documentNumber: 'x',
        text: 'x',
        service: served('x'),
      }),
    );
    expect(notExpired.body).toMatchObject({ status: 422, code: 'CASE.LIMITATION_NOT_EXPIRED' });

    const decided = await api.command('officer.zhang', id, 'simple-no-penalty', {
      ground: 'FIRST_MINOR_CORRECTED',
      reason: '初次违法，危害后果轻微，已当场驶离改正',
      facts: 'Stopped for a minute, moved on when told',
      legalBasis: '《行政处罚法》第三十三条第一款',
      documentNumber: '长市监不罚〔2026〕EX-2号',
      text: '当场不予行政处罚决定书',
      service: served('当事人签收'),
    });
    expect(decided.status).toBe(200);
    expect(decided.body.recorded).toEqual([{ seq: 2, type: 'SIMPLE_NO_PENALTY_DECIDED' }]);
    expect(decided.body.case.status).toBe('SERVED');
    expect(deadline(decided.body.case, 'payment')).toBeUndefined();
    expect(deadline(decided.body.case, 'simpleReport')?.state).toBe('OPEN');

    const unreported = await api.refused(id, () => api.command('head.sun', id, 'closure', { summary: 'too early' }));
    expect(unreported.body).toMatchObject({ status: 409, code: 'CASE.SIMPLE_NOT_REPORTED' });
    expect((await api.command('officer.zhang', id, 'simple-report', { note: '已报备案' })).status).toBe(200);
    expect((await api.command('head.sun', id, 'closure', { summary: '当场不予处罚，已备案' })).body.case.status).toBe('CLOSED');
    const archived = await api.archive(id);
    // Sealed; a later challenge of the decision is still recorded, as a supplement (补充归档).
    expect(archived).toMatchObject({ status: 'ARCHIVED', allowedActions: ['challenges'] });
    expect(await api.eventTypes(id)).toEqual(['LEAD_REGISTERED', 'SIMPLE_NO_PENALTY_DECIDED', 'SIMPLE_DECISION_REPORTED', 'CASE_CLOSED', 'ARCHIVE_REQUESTED', 'CASE_ARCHIVED']);
  });

  it('a lead that is no violation is closed by the head and archived', async () => {
    const { id } = await simpleLead();
    const head = await api.refused(id, () => api.command('head.sun', id, 'simple-dismissal', { reason: 'x', facts: 'x' }));
    expect(head.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    const dismissed = await api.command('officer.zhang', id, 'simple-dismissal', { reason: '违法事实不成立', facts: '执法记录仪显示该处允许临时停车' });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.recorded).toEqual([{ seq: 2, type: 'SIMPLE_LEAD_DISMISSED' }]);
    expect(dismissed.body.case.status).toBe('TERMINATED');
    expect(deadline(dismissed.body.case, 'closure')?.state).toBe('OPEN');
    expect((await api.command('head.sun', id, 'closure', { summary: '违法事实不成立，不予处理' })).body.case.status).toBe('CLOSED');
    expect((await api.archive(id)).status).toBe('ARCHIVED');
    expect(await api.eventTypes(id)).toEqual(['LEAD_REGISTERED', 'SIMPLE_LEAD_DISMISSED', 'CASE_CLOSED', 'ARCHIVE_REQUESTED', 'CASE_ARCHIVED']);
  });

  it('the on-the-spot penalty checks the limitation (APL 36): 422 with the dates; the no-penalty exit ends it', async () => {
    const { id } = await simpleLead({ discoveredAt: '2026-11-20T02:00:00Z', violationAt: '2024-11-01' });
    const expired = await api.refused(id, () => api.command('officer.zhang', id, 'simple-decision', onTheSpot(100, '长市监简〔2026〕EX-4号')));
    expect(expired.body).toMatchObject({ status: 422, code: 'CASE.LIMITATION_EXPIRED' });
    expect(expired.body.detail).toContain('2-year limitation ended on 2026-11-01');

    const decided = await api.command('officer.zhang', id, 'simple-no-penalty', {
      ground: 'LIMITATION_EXPIRED',
      reason: '违法行为发生于2024年11月1日，发现时已超过二年',
      facts: 'Violation of 2024-11-01 discovered on 2026-11-20',
      legalBasis: '《行政处罚法》第三十六条',
      documentNumber: '长市监不罚〔2026〕EX-4号',
      text: '当场不予行政处罚决定书',
      service: served('当事人签收'),
    });
    expect(decided.status).toBe(200);
    expect(await api.eventTypes(id)).toEqual(['LEAD_REGISTERED', 'SIMPLE_NO_PENALTY_DECIDED']);
  });

  it("the party's statement and defence are required with the on-the-spot penalty and recorded (APL 44–45)", async () => {
    const { id } = await simpleLead();
    const unheard = await api.refused(id, () => api.command('officer.zhang', id, 'simple-decision', onTheSpot(100, 'x', { defence: undefined })));
    expect(unheard.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    const noPoints = await api.refused(id, () =>
      api.command('officer.zhang', id, 'simple-decision', onTheSpot(100, 'x', { defence: { waived: false, statement: '不服' } })),
    );
    expect(noPoints.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });

    const decided = await api.command('officer.zhang', id, 'simple-decision', onTheSpot(100, '长市监简〔2026〕EX-5号'));
    expect(decided.status).toBe(200);
    const [made]: { payload: Record<string, unknown> }[] = await stack.ds.query('SELECT payload FROM case_events WHERE case_id = $1 AND type = $2', [id, 'SIMPLE_DECISION_MADE']);
    expect(made.payload).toMatchObject({
      defence: { waived: false, statement: '当事人称只停了一分钟', points: [{ point: '停车时间短', adopted: false }] },
      limitation: { violationDate: '2026-11-18', years: 2, source: 'APL 36' },
    });
  });
});
