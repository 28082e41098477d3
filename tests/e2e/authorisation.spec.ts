import { randomUUID } from 'node:crypto';
import type { Role } from '@zhifa/domain';
import { HmacTokenVerifier } from '../../apps/case-api/src/auth/token-verifier';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { http, startStack, Stack } from '../support/stack';
import { Client, CommandBody } from './command-helpers';

// Authorisation is judged once, by the domain, from the roles read from
// Postgres at the time of the request; the guard only verifies the token, so
// its role claims decide nothing. Each test signs in its own person, so
// editing that person's roles row touches no other suite's users.
describe('roles are read from Postgres at the time of the request', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  /** A new person of the demo agency, and one valid token naming the roles they hold now. */
  async function signIn(roles: Role[]): Promise<{ id: string; token: string }> {
    const id = randomUUID();
    await stack.ds.query('INSERT INTO users (id, agency_id, username, name, roles, active) VALUES ($1, $2, $3, $4, $5, true)', [
      id,
      DEMO_AGENCY.id,
      `e2e.${id}`,
      '测试人员',
      roles,
    ]);
    const token = await stack.api.get(HmacTokenVerifier).issue({ sub: id, agencyId: DEMO_AGENCY.id, roles });
    return { id, token };
  }

  const setRoles = (userId: string, roles: Role[]) => stack.ds.query('UPDATE users SET roles = $2 WHERE id = $1', [userId, roles]);

  const file = (token: string, caseId: string) =>
    http<CommandBody>(stack, 'POST', `/api/v1/cases/${caseId}/filing`, {
      token,
      body: { approve: true, reason: 'facts verified on inspection', officerIds: [api.id('officer.zhang'), api.id('officer.li')] },
    });

  it('a role withdrawn in the database is refused at once, with the same valid token', async () => {
    const head = await signIn(['AGENCY_HEAD']);
    const first = (await api.register()).id;
    const second = (await api.register()).id;
    expect((await file(head.token, first)).status).toBe(200);

    await setRoles(head.id, ['SUPERVISOR']);
    const refused = await api.refused(second, () => file(head.token, second));
    expect(refused.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    expect(refused.body.detail).toContain('AGENCY_HEAD');
    // What the case offers the caller follows the database too.
    const read = await http<{ allowedActions: string[] }>(stack, 'GET', `/api/v1/cases/${second}`, { token: head.token });
    expect(read.body.allowedActions).not.toContain('filing');
  });

  it('a role granted in the database is honoured at once, though the token does not claim it', async () => {
    const supervisor = await signIn(['SUPERVISOR']);
    const id = (await api.register()).id;
    const before = await api.refused(id, () => file(supervisor.token, id));
    expect(before.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });

    await setRoles(supervisor.id, ['SUPERVISOR', 'AGENCY_HEAD']);
    const after = await file(supervisor.token, id);
    expect(after.status).toBe(200);
    expect(after.body.recorded).toEqual([{ seq: 2, type: 'FILING_APPROVED' }]);
    expect(after.body.case.status).toBe('FILED');
    // The event records the roles the person held when acting, as read from the database.
    const [{ actor }] = await stack.ds.query('SELECT actor FROM case_events WHERE case_id = $1 AND seq = 2', [id]);
    expect(actor).toMatchObject({ userId: supervisor.id, roles: ['SUPERVISOR', 'AGENCY_HEAD'] });
  });

  it('a caller who may not act is refused before the body is read (authorisation before payload, as decide() orders it)', async () => {
    const id = (await api.register()).id;
    // An officer deciding, with a body that would also fail validation.
    const officer = await api.refused(id, async () => http(stack, 'POST', `/api/v1/cases/${id}/decision`, { token: await api.token('officer.zhang'), body: {} }));
    expect(officer.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
    // An auxiliary approving the filing hears the domain's own reason.
    const aux = await api.refused(id, async () => http(stack, 'POST', `/api/v1/cases/${id}/filing`, { token: await api.token('aux.chen'), body: { approve: 'yes' } }));
    expect(aux.body).toMatchObject({ status: 403, code: 'CASE.AUXILIARY_CANNOT_DECIDE' });
    // Registration by someone who is no officer, with an empty lead.
    const head = await http(stack, 'POST', '/api/v1/cases', { token: await api.token('head.sun'), body: {} });
    expect(head.status).toBe(403);
    expect(head.body).toMatchObject({ code: 'AUTH.ROLE_NOT_ALLOWED' });
    // The same empty body from someone who may act is a 400 naming the fields.
    const malformed = await http<{ errors: { field: string }[] }>(stack, 'POST', `/api/v1/cases/${id}/filing`, { token: await api.token('head.sun'), body: {} });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e) => e.field)).toContain('approve');
  });
});
