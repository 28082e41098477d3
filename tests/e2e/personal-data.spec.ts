import { http, startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

// PIPL: a party's ID number, phone and address are masked in every view — the
// case, a command's answer, the list, the timeline's payloads — and read in
// full only with a reason, each read logged for the agency's supervisors.
describe("a party's personal information over HTTP", () => {
  let stack: Stack;
  let api: Client;
  const party = { type: 'PERSON', name: '赵某', idNumber: '140402199001011234', phone: '13835501234', address: '山西省长治市潞州区英雄中路1号' };
  const masked = { idNumber: '140402********1234', phone: '138****1234', address: '山西省长治市*********' };

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  it('is masked in the registration’s answer, the case, the list and the timeline; the chain still verifies', async () => {
    const registered = await api.register({ party });
    expect(registered.party).toMatchObject({ name: '赵某', ...masked });
    const one = await api.case('head.sun', registered.id);
    expect(one.party).toMatchObject(masked);
    const list = await api.get<{ items: { id: string; party: Record<string, string> }[] }>('head.sun', `/cases?text=${encodeURIComponent('赵某')}&pageSize=100`);
    expect(list.body.items.find((c) => c.id === registered.id)?.party).toMatchObject(masked);
    const timeline = await api.get<{ events: { type: string; payload: { party?: Record<string, string> } }[] }>('head.sun', `/cases/${registered.id}/timeline`);
    expect(timeline.body.events[0].payload.party).toMatchObject(masked);
    expect(JSON.stringify(timeline.body)).not.toContain(party.idNumber);
    // The stored chain keeps the full values: the hash is over what was recorded.
    const verify = await api.get<{ valid: boolean }>('head.sun', `/cases/${registered.id}/timeline/verify`);
    expect(verify.body.valid).toBe(true);
  });

  it('is read in full only with a reason, and every read is logged with who, when, which case and why', async () => {
    const { id, caseNumber } = await api.register({ party });
    const token = await api.token('officer.zhang');
    const none = await http<{ code: string; errors: { field: string }[] }>(stack, 'GET', `/api/v1/cases/${id}/party`, { token });
    expect(none.status).toBe(400);
    expect(none.body.errors.map((e) => e.field)).toEqual(['X-Access-Reason']);
    const blank = await http(stack, 'GET', `/api/v1/cases/${id}/party`, { token, headers: { 'x-access-reason': '   ' } });
    expect(blank.status).toBe(400);

    const reason = '送达行政处罚决定书需核对住址';
    const full = await http<Record<string, string>>(stack, 'GET', `/api/v1/cases/${id}/party`, { token, headers: { 'x-access-reason': encodeURIComponent(reason) } });
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject(party);

    const other = await http(stack, 'GET', `/api/v1/cases/00000000-0000-4000-8000-000000000000/party`, { token, headers: { 'x-access-reason': 'x' } });
    expect(other.status).toBe(404);

    const log = await api.as('supervisor.zhou').GET('/api/v1/supervision/personal-data-access', { params: { query: { caseId: id } } });
    expect(log.response.status).toBe(200);
    expect(log.data!.total).toBe(1);
    expect(log.data!.items[0]).toMatchObject({ caseId: id, caseNumber, userId: api.id('officer.zhang'), reason, fields: ['idNumber', 'phone', 'address'], source: 'PARTY', sourceRef: null });
    // The refused reads were not logged; the log cannot be edited behind the API's back.
    await expect(stack.ds.query(`UPDATE personal_data_access SET reason = 'x' WHERE case_id = $1`, [id])).rejects.toThrow();

    const officer = await api.as('officer.zhang').GET('/api/v1/supervision/personal-data-access', {});
    expect(officer.response.status).toBe(403);
  });
});
