import { startStack, Stack } from '../support/stack';
import { ago, Client } from './command-helpers';

// GET /supervision/transfers (两法衔接监督): every criminal transfer of the
// supervisor's agency with its stage, its R310 limits and the head's reasoned
// refusals; for supervisors only.
describe('the transfer watch of a supervisor', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  const team = () => [api.id('officer.zhang'), api.id('officer.li')];

  async function proposed(): Promise<string> {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    const res = await api.command('officer.zhang', id, 'criminal-transfer', { grounds: 'sales of fake goods above ¥50,000', officerIds: team(), thresholdFacts: '¥86,000' });
    expect(res.status).toBe(200);
    return id;
  }

  it("lists a dispatched transfer awaiting the police and a head's reasoned refusal; filters by stage", async () => {
    const sent = await proposed();
    await api.command('head.sun', sent, 'criminal-transfer/approval', { approve: true, reason: 'threshold reached' });
    await api.command('officer.li', sent, 'criminal-transfer/dispatch', { sentAt: ago(60), policeAgency: '长治市公安局', procuratorate: '长治市人民检察院', documents: ['移送书'] });
    const refused = await proposed();
    await api.command('head.sun', refused, 'criminal-transfer/approval', { approve: false, reason: '销售金额经核实未达追诉标准' });

    const { data, response } = await api.as('supervisor.zhou').GET('/api/v1/supervision/transfers', { params: { query: { pageSize: 100 } } });
    expect(response.status).toBe(200);
    const byId = new Map(data!.items.map((i) => [i.caseId, i]));
    expect(byId.get(sent)).toMatchObject({
      stage: 'TRANSFERRED',
      late: false,
      waitingFor: 'POLICE',
      police: { policeAgency: '长治市公安局', procuratorate: '长治市人民检察院' },
      headDecision: { approved: true },
    });
    expect(byId.get(sent)!.limits.map((l) => [l.kind, l.state])).toEqual([
      ['transferApproval', 'MET'],
      ['transferDispatch', 'MET'],
      ['policeFilingDecision', 'OPEN'],
    ]);
    expect(byId.get(refused)).toMatchObject({ stage: 'REFUSED_BY_HEAD', outcome: 'REFUSED_BY_HEAD', headDecision: { approved: false, reason: '销售金额经核实未达追诉标准' } });
    expect(byId.get(refused)?.waitingFor).toBeUndefined();
    expect(data!.counts.find((c) => c.stage === 'REFUSED_BY_HEAD')?.total).toBeGreaterThanOrEqual(1);

    const onlyRefused = await api.as('supervisor.zhou').GET('/api/v1/supervision/transfers', { params: { query: { stage: 'REFUSED_BY_HEAD', pageSize: 100 } } });
    expect(onlyRefused.data!.items.every((i) => i.stage === 'REFUSED_BY_HEAD')).toBe(true);
    expect(onlyRefused.data!.items.map((i) => i.caseId)).toContain(refused);
  });

  it('is for supervisors only, and refuses an unknown stage with the field named', async () => {
    const officer = await api.as('officer.zhang').GET('/api/v1/supervision/transfers', {});
    expect(officer.response.status).toBe(403);
    expect(officer.error).toMatchObject({ code: 'SUPERVISION.SUPERVISOR_ONLY' });
    const bad = await api.as('supervisor.zhou').GET('/api/v1/supervision/transfers', { params: { query: { stage: 'NOPE' as never } } });
    expect(bad.response.status).toBe(400);
    expect(JSON.stringify(bad.error)).toContain('stage');
  });
});
