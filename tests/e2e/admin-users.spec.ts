import { randomUUID } from 'node:crypto';
import { http, startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

// An agency's users over HTTP, as its administrator creates and edits them:
// a police or procuratorate liaison belongs to an active registered body of
// their kind; nobody else belongs to one; nobody but an administrator manages users.
describe('the agency’s users, administered over HTTP', () => {
  let stack: Stack;
  let api: Client;
  const created: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(async () => {
    // Test users leave no one to sign in as for later suites of this run.
    if (created.length) await stack?.ds.query(`DELETE FROM users WHERE id = ANY($1)`, [created]);
    await stack?.close();
  });

  const as = async (username: string, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) =>
    http<Record<string, unknown>>(stack, method, `/api/v1${path}`, { token: await api.token(username), ...(body !== undefined ? { body } : {}) });
  const fresh = () => `e2e.${randomUUID().slice(0, 8)}`;

  it('creates a liaison of a registered body of their kind, and refuses one of another kind, of no body or of an unregistered one', async () => {
    const wrongKind = await as('admin', 'POST', '/admin/users', { username: fresh(), name: '测试检察联络员', roles: ['PROCURATORATE'], body: '长治市公安局' });
    expect(wrongKind.body).toMatchObject({ status: 400, code: 'BODY.NOT_REGISTERED', errors: [expect.objectContaining({ field: 'body' })] });
    const none = await as('admin', 'POST', '/admin/users', { username: fresh(), name: '测试民警', roles: ['POLICE_LIAISON'] });
    expect(none.body).toMatchObject({ status: 400, code: 'BODY.NOT_REGISTERED' });
    const unregistered = await as('admin', 'POST', '/admin/users', { username: fresh(), name: '测试民警', roles: ['POLICE_LIAISON'], body: '长治市公安局经侦支队' });
    expect(unregistered.body).toMatchObject({ status: 400, code: 'BODY.NOT_REGISTERED' });
    const staffWithBody = await as('admin', 'POST', '/admin/users', { username: fresh(), name: '测试执法人员', roles: ['OFFICER'], body: '长治市公安局' });
    expect(staffWithBody.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED', errors: [expect.objectContaining({ field: 'body' })] });

    const username = fresh();
    const ok = await as('admin', 'POST', '/admin/users', { username, name: '测试民警', roles: ['POLICE_LIAISON'], body: '长治市公安局潞州分局' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ username, roles: ['POLICE_LIAISON'], body: '长治市公安局潞州分局', active: true });
    created.push(ok.body.id as string);
    const taken = await as('admin', 'POST', '/admin/users', { username, name: '测试民警', roles: ['POLICE_LIAISON'], body: '长治市公安局' });
    expect(taken.body).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'username' })] });
  });

  it('edits a liaison’s body only to a registered body of their kind, and a role change is held to the body they keep', async () => {
    const made = await as('admin', 'POST', '/admin/users', { username: fresh(), name: '测试民警', roles: ['POLICE_LIAISON'], body: '长治市公安局' });
    const id = made.body.id as string;
    created.push(id);
    expect((await as('admin', 'PATCH', `/admin/users/${id}`, { body: '晋城市公安局' })).body).toMatchObject({ body: '晋城市公安局' });
    const toProcuratorate = await as('admin', 'PATCH', `/admin/users/${id}`, { roles: ['PROCURATORATE'] });
    expect(toProcuratorate.body).toMatchObject({ status: 400, code: 'BODY.NOT_REGISTERED' });
    const moved = await as('admin', 'PATCH', `/admin/users/${id}`, { roles: ['PROCURATORATE'], body: '长治市人民检察院' });
    expect(moved.body).toMatchObject({ roles: ['PROCURATORATE'], body: '长治市人民检察院' });
    expect((await as('admin', 'PATCH', `/admin/users/${id}`, { active: false })).body).toMatchObject({ active: false });
    const listed = await as('admin', 'GET', '/admin/users');
    expect((listed.body.items as { id: string; active: boolean }[]).find((u) => u.id === id)).toMatchObject({ active: false });
    expect((await as('admin', 'PATCH', `/admin/users/${randomUUID()}`, { name: 'x' })).body).toMatchObject({ status: 404, code: 'USER.NOT_FOUND' });
  });

  it('is for administrators only', async () => {
    for (const user of ['officer.zhang', 'head.sun', 'police.wu']) {
      expect((await as(user, 'GET', '/admin/users')).body).toMatchObject({ status: 403, code: 'USER.ADMIN_ONLY' });
      expect((await as(user, 'POST', '/admin/users', { username: fresh(), name: 'x', roles: ['OFFICER'] })).body).toMatchObject({ status: 403, code: 'USER.ADMIN_ONLY' });
    }
    expect((await as('police.wu', 'PATCH', `/admin/users/${api.id('police.wu')}`, { body: '晋城市公安局' })).body).toMatchObject({ status: 403, code: 'USER.ADMIN_ONLY' });
  });
});
