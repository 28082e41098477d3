import { startStack, Stack } from '../support/stack';
import { ago, Client } from './command-helpers';

// 两法衔接 with the outside bodies in the loop: a transfer dispatched to
// 长治市公安局 and 长治市人民检察院 is read and answered by their liaisons only;
// a liaison of another police body meets it as a case that does not exist.
// Forwarded to the competent unit (R310 7), the transfer is that unit's: its
// liaison receives and decides, the forwarding unit reads but no longer acts.
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

  it('forwarded to the competent unit, its liaison receives and decides; the forwarding unit reads but is refused acting; another body still meets a 404', async () => {
    const id = await dispatched();
    expect((await api.command('police.wu', id, 'criminal-transfer/police-decision', { decision: 'RECEIPT', at: ago(50) })).status).toBe(200);
    // The competent unit knows nothing of it before the forwarding.
    expect((await api.get('police.tian', `/cases/${id}`)).status).toBe(404);
    const forwarded = await api.command('police.wu', id, 'criminal-transfer/forward', { policeAgency: '长治市公安局潞州分局', at: ago(40), reason: '违法行为发生地在潞州区' });
    expect(forwarded.status).toBe(200);

    // 潞州分局: in its tasks and its list, and it acts, recorded as its own body.
    expect((await api.myTasks('police.tian')).items.filter((t) => t.caseId === id)).toEqual([
      expect.objectContaining({ action: 'criminal-transfer/police-decision', deadline: 'policeFilingDecision' }),
    ]);
    const listed = await api.get<{ items: { id: string }[] }>('police.tian', '/cases?pageSize=100');
    expect(listed.body.items.map((c) => c.id)).toContain(id);
    expect((await api.command('police.tian', id, 'criminal-transfer/police-decision', { decision: 'RECEIPT', at: ago(30) })).status).toBe(200);

    // 长治市公安局 forwarded it: it reads the case and its own acts, is offered nothing and refused acting.
    const read = await api.case('police.wu', id);
    expect(read.allowedActions).toEqual([]);
    expect((await api.myTasks('police.wu')).items.filter((t) => t.caseId === id)).toEqual([]);
    const refused = await api.refused(id, () => api.command('police.wu', id, 'criminal-transfer/police-decision', { decision: 'ACCEPT', at: ago(20) }));
    expect(refused.body).toMatchObject({ status: 403, code: 'AUTH.BODY_MISMATCH' });
    expect(refused.body.detail).toContain('长治市公安局潞州分局');

    // Another police body: as if the case did not exist.
    expect((await api.get('police.jiang', `/cases/${id}`)).status).toBe(404);

    // Supervisors see where it went.
    const watch = await api.get<{ items: { caseId: string; police?: { policeAgency: string; forwardedTo?: string } }[] }>('supervisor.zhou', '/supervision/transfers?pageSize=100');
    expect(watch.body.items.find((i) => i.caseId === id)?.police).toMatchObject({ policeAgency: '长治市公安局', forwardedTo: '长治市公安局潞州分局' });

    const accepted = await api.command('police.tian', id, 'criminal-transfer/police-decision', { decision: 'ACCEPT', at: ago(10) });
    expect(accepted.status).toBe(200);
    expect(accepted.body.case.status).toBe('TRANSFER_ACCEPTED');
    const timeline = await api.get<{ events: { type: string; payload: Record<string, unknown> }[] }>('police.wu', `/cases/${id}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.events.filter((e) => e.type === 'POLICE_DECISION_RECORDED').map((e) => [e.payload.decision, e.payload.body])).toEqual([
      ['RECEIPT', '长治市公安局'],
      ['RECEIPT', '长治市公安局潞州分局'],
      ['ACCEPT', '长治市公安局潞州分局'],
    ]);
  });

  it('a forwarding to an unregistered unit, or to the unit it is with, is refused on its field and records nothing', async () => {
    const id = await dispatched();
    const unregistered = await api.refused(id, () => api.command('police.wu', id, 'criminal-transfer/forward', { policeAgency: '长治市公安局经侦支队', at: ago(40), reason: 'x' }));
    expect(unregistered.body).toMatchObject({ status: 400, code: 'BODY.NOT_REGISTERED', errors: [expect.objectContaining({ field: 'policeAgency' })] });
    const same = await api.refused(id, () => api.command('police.wu', id, 'criminal-transfer/forward', { policeAgency: '长治市公安局', at: ago(40), reason: 'x' }));
    expect(same.body).toMatchObject({ status: 400, code: 'BODY.SAME_UNIT', errors: [expect.objectContaining({ field: 'policeAgency' })] });
    const procuratorate = await api.refused(id, () => api.command('police.wu', id, 'criminal-transfer/forward', { policeAgency: '长治市人民检察院', at: ago(40), reason: 'x' }));
    expect(procuratorate.body).toMatchObject({ status: 400, code: 'BODY.NOT_REGISTERED' });
  });

  it('a dispatch to an unregistered police unit or procuratorate is refused on each field and records nothing', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    for (const [user, action, body] of [
      ['officer.zhang', 'criminal-transfer', { grounds: 'fake goods above ¥50,000', officerIds: [api.id('officer.zhang'), api.id('officer.li')] }],
      ['head.sun', 'criminal-transfer/approval', { approve: true, reason: 'threshold reached' }],
    ] as const) {
      expect((await api.command(user, id, action, body)).status).toBe(200);
    }
    const res = await api.refused(id, () =>
      api.command('officer.li', id, 'criminal-transfer/dispatch', { sentAt: ago(60), policeAgency: '某市公安局', procuratorate: '长治市公安局', documents: ['移送书'] }),
    );
    expect(res.body).toMatchObject({ status: 400, code: 'BODY.NOT_REGISTERED' });
    expect(res.body.errors?.map((e) => e.field)).toEqual(['policeAgency', 'procuratorate']);
  });
});
