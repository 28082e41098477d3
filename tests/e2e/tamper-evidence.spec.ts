import { startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

// A row of case_events altered behind the trigger's back (a superuser who
// disables it): the API's verification finds the first broken link.
describe('tampering with the record', () => {
  let stack: Stack;
  let api: Client;
  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  it('an UPDATE through the API user is refused by the trigger', async () => {
    const id = await api.filedCase();
    await expect(stack.ds.query(`UPDATE case_events SET type = 'X' WHERE case_id = $1`, [id])).rejects.toThrow('append-only');
    expect((await api.get('head.sun', `/cases/${id}/timeline/verify`)).body).toEqual({ valid: true, events: 2 });
  });

  it('timeline/verify reports where the chain breaks after a superuser edit', async () => {
    const id = await api.filedCase();
    await stack.ds.transaction(async (m) => {
      await m.query('ALTER TABLE case_events DISABLE TRIGGER case_events_append_only');
      await m.query(`UPDATE case_events SET payload = jsonb_set(payload, '{reason}', '"rewritten later"') WHERE case_id = $1 AND seq = 2`, [id]);
      await m.query('ALTER TABLE case_events ENABLE TRIGGER case_events_append_only');
    });
    const res = await api.get('supervisor.zhou', `/cases/${id}/timeline/verify`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      valid: false,
      events: 2,
      brokenAt: { seq: 2, eventId: `case-${id}:2`, reason: 'hash does not match the event content' },
    });
  });
});
