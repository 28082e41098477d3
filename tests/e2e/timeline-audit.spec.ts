import { startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

// The timeline's audit over HTTP: each event with the role its actor acted
// in, the certificate valid that day, and the deadline it met.
describe('the timeline audit', () => {
  let stack: Stack;
  let api: Client;
  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  it('names the officer\'s certificate on registration, the head\'s role on filing and the filing limit it met', async () => {
    const id = await api.filedCase();
    const [{ number }] = await stack.ds.query(`SELECT number FROM certificates WHERE user_id = $1 AND valid_from <= CURRENT_DATE AND CURRENT_DATE <= valid_to`, [api.id('officer.zhang')]);
    const { data, response } = await api.as('supervisor.zhou').GET('/api/v1/cases/{id}/timeline', { params: { path: { id } } });
    expect(response.status).toBe(200);
    const [registered, filed] = data!.events;
    expect(registered).toMatchObject({ type: 'LEAD_REGISTERED', audit: { actedAs: 'OFFICER', certificateNumber: number, body: null, deadlines: [] } });
    expect(filed.type).toBe('FILING_APPROVED');
    expect(filed.audit).toMatchObject({ actedAs: 'AGENCY_HEAD', certificateNumber: null, body: null });
    expect(filed.audit.deadlines).toEqual([{ kind: 'filingDecision', outcome: 'MET', dueAt: expect.any(String) }]);
    expect(filed.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(filed.prevHash).toBe(registered.hash);
  });
});
