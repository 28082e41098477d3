import { randomUUID } from 'node:crypto';
import { DEMO_AGENCY, DEMO_USERS } from '../../infra/seed/demo-people';
import { startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

// GET /people: the agency's directory as the console's forms need it (whom a
// command may name), read fresh, own agency only, no personal details.
describe('the people of my agency', () => {
  let stack: Stack;
  let api: Client;

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  it('lists the active people of the caller agency by name, with roles and whether each certificate is valid today', async () => {
    const { data, response } = await api.as('officer.zhang').GET('/api/v1/people');
    expect(response.status).toBe(200);
    const names = data!.items.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // Every seeded person of the demo agency (other specs may add people of their own).
    expect(data!.items.map((p) => p.id)).toEqual(expect.arrayContaining(DEMO_USERS.map((p) => p.id)));
    const zhang = data!.items.find((p) => p.id === api.id('officer.zhang'))!;
    expect(zhang).toMatchObject({ name: '张伟', roles: ['OFFICER'], certificates: [{ number: '14040120240001', validToday: true, status: 'ACTIVE' }] });
    const expired = data!.items.find((p) => p.id === api.id('officer.expired'))!;
    expect(expired.certificates.every((c) => !c.validToday)).toBe(true);
    // Nothing personal beyond name, roles and certificates.
    expect(Object.keys(zhang).sort()).toEqual(['certificates', 'id', 'name', 'roles']);
  });

  it('narrows to one role, refuses an unknown one with a field error, and leaves out people deactivated since', async () => {
    const reviewers = await api.as('head.sun').GET('/api/v1/people', { params: { query: { role: 'LEGAL_REVIEWER' } } });
    expect(reviewers.data!.items.length).toBeGreaterThan(0);
    expect(reviewers.data!.items.every((p) => p.roles.includes('LEGAL_REVIEWER'))).toBe(true);

    const bad = await api.as('head.sun').GET('/api/v1/people', { params: { query: { role: 'KING' as 'OFFICER' } } });
    expect(bad.response.status).toBe(400);
    expect(bad.response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bad.error).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ field: 'role' }] });

    const id = randomUUID();
    await stack.ds.query('INSERT INTO users (id, agency_id, username, name, roles, active) VALUES ($1, $2, $3, $4, $5, true)', [id, DEMO_AGENCY.id, `e2e.${id}`, '临时人员', ['OFFICER']]);
    const before = await api.as('officer.li').GET('/api/v1/people', { params: { query: { role: 'OFFICER' } } });
    expect(before.data!.items.map((p) => p.id)).toContain(id);
    await stack.ds.query('UPDATE users SET active = false WHERE id = $1', [id]);
    const after = await api.as('officer.li').GET('/api/v1/people', { params: { query: { role: 'OFFICER' } } });
    expect(after.data!.items.map((p) => p.id)).not.toContain(id);
  });

  it('shows no one of another agency', async () => {
    const agencyId = randomUUID();
    await stack.ds.query("INSERT INTO agencies (id, code, name, jurisdiction) VALUES ($1, $2, 'another agency', $3)", [agencyId, `E2E-${agencyId.slice(0, 8)}`, DEMO_AGENCY.jurisdiction]);
    const id = randomUUID();
    await stack.ds.query('INSERT INTO users (id, agency_id, username, name, roles, active) VALUES ($1, $2, $3, $4, $5, true)', [id, agencyId, `e2e.${id}`, '外机关人员', ['OFFICER']]);
    const { data } = await api.as('officer.zhang').GET('/api/v1/people');
    expect(data!.items.map((p) => p.id)).not.toContain(id);
  });

  it('needs a signed-in caller', async () => {
    const res = await fetch(`${stack.url}/api/v1/people`);
    expect(res.status).toBe(401);
  });
});
