import { randomUUID } from 'node:crypto';
import { http, startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

// The register of outside bodies over HTTP: administrators register and
// deactivate police units and procuratorates, with who did it; anyone signed
// in reads the active ones; nobody else administers it.
describe('the register of outside bodies over HTTP', () => {
  let stack: Stack;
  let api: Client;
  // A real unit the demo does not register; removed before and after, so later suites see the demo's register only.
  const name = '太原市公安局';
  const remove = () => stack.ds.query(`DELETE FROM outside_bodies WHERE name = $1`, [name]);

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
    await remove();
  });
  afterAll(async () => {
    if (stack) await remove();
    await stack?.close();
  });

  const as = async (username: string, method: 'GET' | 'POST', path: string, body?: unknown) =>
    http<Record<string, unknown>>(stack, method, `/api/v1${path}`, { token: await api.token(username), ...(body !== undefined ? { body } : {}) });

  it('holds the demo’s bodies, each of its kind, registered by the seed', async () => {
    const res = await as('admin', 'GET', '/admin/bodies');
    expect(res.status).toBe(200);
    const items = res.body.items as { name: string; kind: string; active: boolean; registeredBy: string }[];
    expect(items.filter((b) => b.registeredBy === 'seed').map((b) => [b.name, b.kind])).toEqual(
      expect.arrayContaining([
        ['长治市公安局', 'POLICE'],
        ['长治市公安局潞州分局', 'POLICE'],
        ['晋城市公安局', 'POLICE'],
        ['长治市人民检察院', 'PROCURATORATE'],
      ]),
    );
  });

  it('an administrator registers and deactivates a body, recorded with their name; a name is registered once', async () => {
    const created = await as('admin', 'POST', '/admin/bodies', { name, kind: 'POLICE', region: '太原市' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name, kind: 'POLICE', region: '太原市', active: true, registeredBy: '系统管理员' });
    const id = created.body.id as string;

    const again = await as('admin', 'POST', '/admin/bodies', { name, kind: 'PROCURATORATE', region: '太原市' });
    expect(again.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED', errors: [expect.objectContaining({ field: 'name' })] });
    const bad = await as('admin', 'POST', '/admin/bodies', { name: '', kind: 'COURT', region: '长治市' });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['kind', 'name']);

    const options = await as('officer.li', 'GET', '/bodies?kind=POLICE');
    expect((options.body.items as { name: string }[]).map((b) => b.name)).toContain(name);

    const off = await as('admin', 'POST', `/admin/bodies/${id}/deactivation`);
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, deactivatedBy: '系统管理员', deactivatedAt: expect.any(String) });
    expect(((await as('officer.li', 'GET', '/bodies')).body.items as { name: string }[]).map((b) => b.name)).not.toContain(name);
    expect(((await as('admin', 'GET', '/admin/bodies')).body.items as { id: string; active: boolean }[]).find((b) => b.id === id)).toMatchObject({ active: false });

    const unknown = await as('admin', 'POST', `/admin/bodies/${randomUUID()}/deactivation`);
    expect(unknown.body).toMatchObject({ status: 404, code: 'BODY.NOT_FOUND' });
  });

  it('is administered by administrators only (403), read by anyone signed in, and by no one anonymous', async () => {
    for (const user of ['officer.zhang', 'head.sun', 'police.wu']) {
      expect((await as(user, 'GET', '/admin/bodies')).body).toMatchObject({ status: 403, code: 'BODY.ADMIN_ONLY' });
      expect((await as(user, 'POST', '/admin/bodies', { name, kind: 'POLICE', region: '太原市' })).body).toMatchObject({ status: 403, code: 'BODY.ADMIN_ONLY' });
    }
    const [first] = (await as('admin', 'GET', '/admin/bodies')).body.items as { id: string }[];
    expect((await as('police.wu', 'POST', `/admin/bodies/${first.id}/deactivation`)).body).toMatchObject({ status: 403, code: 'BODY.ADMIN_ONLY' });
    expect((await http(stack, 'GET', '/api/v1/bodies')).status).toBe(401);
    const procuratorates = await as('police.wu', 'GET', '/bodies?kind=PROCURATORATE');
    expect((procuratorates.body.items as { name: string; kind: string }[]).every((b) => b.kind === 'PROCURATORATE')).toBe(true);
    expect((await as('police.wu', 'GET', '/bodies?kind=COURT')).status).toBe(400);
  });
});
