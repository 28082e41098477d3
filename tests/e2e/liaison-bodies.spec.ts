import { startStack, Stack } from '../support/stack';
import { ago, Client } from './command-helpers';

// 两法衔接 with the outside bodies in the loop: a transfer dispatched to
// 长治市公安局 and 长治市人民检察院 is read and answered by their liaisons only;
// a liaison of another police body meets it as a case that does not exist.
describe('liaisons act for the body a transfer is dispatched to', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  async function dispatched(): Promise<string> {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    const steps: [string, string, Record<string, unknown>][] = [
      ['officer.zhang', 'criminal-transfer', { grounds: 'fake goods above ¥50,000', officerIds: [api.id('officer.zhang'), api.id('officer.li')] }],
      ['head.sun', 'criminal-transfer/approval', { approve: true, reason: 'threshold reached' }],
      ['officer.li', 'criminal-transfer/dispatch', { sentAt: ago(60), policeAgency: '长治市公安局', procuratorate: '长治市人民检察院', documents: ['移送书'] }],
    ];
    for (const [user, action, body] of steps) {
      const res = await api.command(user, id, action, body);
      if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return id;
  }

  it('another body’s police are refused as if the case did not exist, and nothing is recorded; the addressed police act and their body is recorded', async () => {
    const id = await dispatched();
    expect((await api.get('police.jiang', `/cases/${id}`)).status).toBe(404);
    const other = await api.refused(id, () => api.command('police.jiang', id, 'criminal-transfer/police-decision', { decision: 'RECEIPT', at: ago(30) }));
    expect(other.body).toMatchObject({ status: 404, code: 'CASE.NOT_FOUND' });
    const listed = await api.get<{ items: { id: string }[] }>('police.jiang', '/cases?pageSize=100');
    expect(listed.body.items.map((c) => c.id)).not.toContain(id);

    expect((await api.get('police.wu', `/cases/${id}`)).status).toBe(200);
    const received = await api.command('police.wu', id, 'criminal-transfer/police-decision', { decision: 'RECEIPT', at: ago(30) });
    expect(received.status).toBe(200);
    const timeline = await api.get<{ events: { type: string; payload: Record<string, unknown> }[] }>('head.sun', `/cases/${id}/timeline`);
    expect(timeline.body.events.at(-1)).toMatchObject({ type: 'POLICE_DECISION_RECORDED', payload: { decision: 'RECEIPT', body: '长治市公安局' } });
    expect((await api.get('head.sun', `/cases/${id}/timeline/verify`)).body).toMatchObject({ valid: true });
  });

  it('each liaison is told the body they act for; the agency’s own staff belong to none', async () => {
    expect((await api.get('police.wu', '/me')).body).toMatchObject({ body: '长治市公安局' });
    expect((await api.get('procurator.zheng', '/me')).body).toMatchObject({ body: '长治市人民检察院' });
    expect((await api.get('officer.zhang', '/me')).body).not.toHaveProperty('body');
  });

  it('the incoming transfer waits in the addressed police’s tasks by their filing limit, and in no other body’s', async () => {
    const id = await dispatched();
    const mine = (await api.myTasks('police.wu')).items.filter((t) => t.caseId === id);
    expect(mine).toEqual([expect.objectContaining({ action: 'criminal-transfer/police-decision', deadline: 'policeFilingDecision', dueAt: expect.any(String) })]);
    expect((await api.myTasks('police.jiang')).items.filter((t) => t.caseId === id)).toEqual([]);
    // The procuratorate receives a copy: nothing waits for it until supervision is asked.
    expect((await api.myTasks('procurator.zheng')).items.filter((t) => t.caseId === id)).toEqual([]);
    expect((await api.get('procurator.zheng', `/cases/${id}`)).status).toBe(200);
  });
});
