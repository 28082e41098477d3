import { randomUUID } from 'node:crypto';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { freshAgencyCode } from '../support/agency-people';
import { http, startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

// Users across agencies: a system administrator manages any agency's users
// (`agencyId`); an agency's administrator only their own, and never the
// SYSTEM_ADMIN role, which would raise them above their agency.
describe('users across agencies, and the system administrator role', () => {
  let stack: Stack;
  let api: Client;
  const created: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(async () => {
    if (created.length) await stack?.ds.query(`DELETE FROM users WHERE id = ANY($1)`, [created]);
    await stack?.close();
  });

  const as = async (username: string, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) =>
    http<Record<string, unknown>>(stack, method, `/api/v1${path}`, { token: await api.token(username), ...(body !== undefined ? { body } : {}) });
  const fresh = () => `e2e.${randomUUID().slice(0, 8)}`;
  const usernames = async (username: string, agencyId?: string) =>
    ((await as(username, 'GET', `/admin/users${agencyId ? `?agencyId=${agencyId}` : ''}`)).body.items as { username: string }[]).map((u) => u.username);

  it("refuses an agency administrator the SYSTEM_ADMIN role: granting it, or editing a system administrator; nothing changes", async () => {
    const username = fresh();
    const granted = await as('admin', 'POST', '/admin/users', { username, name: '测试管理员', roles: ['ADMIN', 'SYSTEM_ADMIN'] });
    expect(granted.status).toBe(403);
    expect(granted.body).toMatchObject({ code: 'USER.SYSTEM_ADMIN_ONLY' });
    expect(await usernames('admin')).not.toContain(username);

    const officer = await as('admin', 'POST', '/admin/users', { username: fresh(), name: '测试执法人员', roles: ['OFFICER'] });
    expect(officer.status).toBe(201);
    created.push(officer.body.id as string);
    const raised = await as('admin', 'PATCH', `/admin/users/${String(officer.body.id)}`, { roles: ['OFFICER', 'SYSTEM_ADMIN'] });
    expect(raised.body).toMatchObject({ status: 403, code: 'USER.SYSTEM_ADMIN_ONLY' });
    const sysadmin = api.id('sysadmin');
    const deactivated = await as('admin', 'PATCH', `/admin/users/${sysadmin}`, { active: false });
    expect(deactivated.body).toMatchObject({ status: 403, code: 'USER.SYSTEM_ADMIN_ONLY' });
    const [row] = await stack.ds.query(`SELECT active, roles FROM users WHERE id = $1`, [sysadmin]);
    expect(row).toEqual({ active: true, roles: ['SYSTEM_ADMIN'] });
  });

  it("lets a system administrator list, create and edit another agency's users, logged under that agency; an agency administrator reads and edits only their own", async () => {
    const made = await as('sysadmin', 'POST', '/admin/agencies', { code: freshAgencyCode(), name: '测试县市场监督管理局', jurisdiction: DEMO_POLICY.jurisdiction });
    expect(made.status).toBe(201);
    const other = made.body.id as string;
    expect(await usernames('sysadmin', other)).toEqual([]);

    const username = fresh();
    const user = await as('sysadmin', 'POST', '/admin/users', { agencyId: other, username, name: '测试县执法人员', roles: ['OFFICER', 'ADMIN'] });
    expect(user.status).toBe(201);
    created.push(user.body.id as string);
    expect(await usernames('sysadmin', other)).toEqual([username]);
    expect(await usernames('sysadmin')).not.toContain(username);
    const [row] = await stack.ds.query(`SELECT agency_id FROM users WHERE id = $1`, [user.body.id]);
    expect(row.agency_id).toBe(other);

    const renamed = await as('sysadmin', 'PATCH', `/admin/users/${String(user.body.id)}`, { name: '测试县执法人员（更名）' });
    expect(renamed.body).toMatchObject({ username, name: '测试县执法人员（更名）' });
    const log = await as('sysadmin', 'GET', `/admin/events?subjectType=USER&subjectId=${String(user.body.id)}`);
    expect((log.body.items as { action: string; agencyId: string; actorId: string }[]).map((e) => [e.action, e.agencyId, e.actorId])).toEqual([
      ['USER_UPDATED', other, api.id('sysadmin')],
      ['USER_CREATED', other, api.id('sysadmin')],
    ]);

    // The demo agency's administrator: not another agency's users, to read, create or edit.
    expect((await as('admin', 'GET', `/admin/users?agencyId=${other}`)).body).toMatchObject({ status: 403, code: 'AGENCY.OWN_ONLY' });
    expect((await as('admin', 'POST', '/admin/users', { agencyId: other, username: fresh(), name: '越权', roles: ['OFFICER'] })).body).toMatchObject({ status: 403, code: 'AGENCY.OWN_ONLY' });
    expect((await as('admin', 'PATCH', `/admin/users/${String(user.body.id)}`, { name: '越权' })).body).toMatchObject({ status: 404, code: 'USER.NOT_FOUND' });
    // Their own agency, named, is theirs.
    expect(await usernames('admin', DEMO_AGENCY.id)).toContain('officer.zhang');
  });

  it('names an unknown agency as not found and a malformed id as a bad field', async () => {
    expect((await as('sysadmin', 'GET', `/admin/users?agencyId=${randomUUID()}`)).body).toMatchObject({ status: 404, code: 'AGENCY.NOT_FOUND' });
    const bad = await as('sysadmin', 'GET', '/admin/users?agencyId=nope');
    expect(bad.body).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'agencyId' })] });
    expect((await as('officer.zhang', 'GET', '/admin/users')).body).toMatchObject({ status: 403, code: 'USER.ADMIN_ONLY' });
  });
});
