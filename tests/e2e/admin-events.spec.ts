import { randomUUID } from 'node:crypto';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { agencyPerson, freshAgencyCode } from '../support/agency-people';
import { http, startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

// The administration log over HTTP: who reads which agency's entries, the
// changes to bodies, webhooks and calendars recorded with their changes, and
// the one hash chain that shows a row altered behind the trigger's back. A
// database of its own: the suite breaks the chain every suite writes to.
describe('the administration log over HTTP', () => {
  let stack: Stack;
  let api: Client;
  let other: { agencyId: string; admin: string; supervisor: string };

  beforeAll(async () => {
    stack = await startStack({ isolated: true });
    api = new Client(stack);
    const made = await as('sysadmin', 'POST', '/admin/agencies', { code: freshAgencyCode(), name: '测试生态环境局', jurisdiction: DEMO_POLICY.jurisdiction });
    const agencyId = made.body.id as string;
    other = { agencyId, admin: (await agencyPerson(stack, agencyId, ['ADMIN'])).token, supervisor: (await agencyPerson(stack, agencyId, ['SUPERVISOR'])).token };
  });
  afterAll(() => stack?.close());

  const call = (token: string, method: string, path: string, body?: unknown) =>
    http<Record<string, unknown>>(stack, method, `/api/v1${path}`, { token, ...(body !== undefined ? { body } : {}) });
  const as = async (username: string, method: string, path: string, body?: unknown) => call(await api.token(username), method, path, body);
  type Entry = { seq: number; action: string; agencyId: string; subjectType: string; subjectId: string; before: unknown; after: Record<string, unknown> | null };
  const items = (res: { body: Record<string, unknown> }) => res.body.items as Entry[];

  it('records changes to outside bodies, the webhook and calendars with the change, never the webhook secret', async () => {
    const body = await as('admin', 'POST', '/admin/bodies', { name: '太原市公安局', kind: 'POLICE', region: '太原市' });
    expect(body.status).toBe(201);
    await as('admin', 'POST', `/admin/bodies/${body.body.id as string}/deactivation`);
    const bodyLog = items(await as('admin', 'GET', `/admin/events?subjectType=BODY&subjectId=${body.body.id as string}`));
    expect(bodyLog.map((e) => [e.action, e.agencyId])).toEqual([
      ['BODY_DEACTIVATED', DEMO_AGENCY.id],
      ['BODY_REGISTERED', DEMO_AGENCY.id],
    ]);
    expect(bodyLog[0]).toMatchObject({ before: { active: true }, after: { active: false } });

    const secret = `s-${randomUUID()}`;
    expect((await as('admin', 'PUT', '/admin/webhooks', { url: 'https://oa.example.gov.cn/hook', secret })).status).toBe(200);
    await as('admin', 'DELETE', '/admin/webhooks');
    const hookLog = items(await as('admin', 'GET', `/admin/events?subjectType=WEBHOOK&subjectId=${DEMO_AGENCY.id}`));
    expect(hookLog.map((e) => e.action)).toEqual(['WEBHOOK_REMOVED', 'WEBHOOK_SET']);
    expect(hookLog[1].after).toMatchObject({ url: 'https://oa.example.gov.cn/hook', secretReplaced: true });
    expect(JSON.stringify(hookLog)).not.toContain(secret);

    const calendar = { year: 2031, holidays: ['2031-01-01'], adjustedWorkingDays: [], source: '测试' };
    expect((await as('admin', 'POST', '/admin/calendars', calendar)).status).toBe(201);
    expect(items(await as('admin', 'GET', '/admin/events?subjectType=CALENDAR&subjectId=2031'))).toEqual([
      expect.objectContaining({ action: 'CALENDAR_PUBLISHED', before: null, after: expect.objectContaining({ year: 2031, holidays: ['2031-01-01'] }) }),
    ]);
  });

  it("an ADMIN or SUPERVISOR reads their own agency's entries; a system administrator every agency's or one's; an officer none", async () => {
    await as('sysadmin', 'PATCH', `/admin/agencies/${other.agencyId}`, { name: '测试生态环境局（更名）' });
    const mine = items(await as('admin', 'GET', '/admin/events?pageSize=100'));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.agencyId === DEMO_AGENCY.id)).toBe(true);
    expect(items(await as('supervisor.zhou', 'GET', '/admin/events?pageSize=100')).every((e) => e.agencyId === DEMO_AGENCY.id)).toBe(true);
    for (const token of [other.admin, other.supervisor]) {
      const theirs = items(await call(token, 'GET', '/admin/events?pageSize=100'));
      expect(theirs.map((e) => e.action)).toEqual(['AGENCY_UPDATED', 'AGENCY_CREATED']);
      expect((await call(token, 'GET', `/admin/events?agencyId=${DEMO_AGENCY.id}`)).body).toMatchObject({ status: 403, code: 'ADMIN_LOG.NOT_ALLOWED' });
    }
    const all = await as('sysadmin', 'GET', '/admin/events?pageSize=100');
    expect(new Set(items(all).map((e) => e.agencyId))).toEqual(new Set([DEMO_AGENCY.id, other.agencyId]));
    const one = items(await as('sysadmin', 'GET', `/admin/events?agencyId=${other.agencyId}`));
    expect(one.map((e) => e.agencyId)).toEqual([other.agencyId, other.agencyId]);
    const page = await as('sysadmin', 'GET', '/admin/events?page=2&pageSize=1');
    expect(page.body).toMatchObject({ total: all.body.total });
    expect(items(page)[0].seq).toBe(items(all)[1].seq);

    expect((await as('officer.zhang', 'GET', '/admin/events')).body).toMatchObject({ status: 403, code: 'ADMIN_LOG.NOT_ALLOWED' });
    expect((await as('admin', 'GET', '/admin/events?subjectType=NOPE')).status).toBe(400);
  });

  it('the chain verifies (SUPERVISOR, SYSTEM_ADMIN); a row altered behind the trigger is named by its seq', async () => {
    expect((await as('admin', 'GET', '/admin/events/verify')).body).toMatchObject({ status: 403, code: 'ADMIN_LOG.NOT_ALLOWED' });
    const intact = await as('supervisor.zhou', 'GET', '/admin/events/verify');
    expect(intact.body).toEqual({ valid: true, checked: expect.any(Number) });
    const total = intact.body.checked as number;
    expect(total).toBeGreaterThanOrEqual(7);

    const [victim] = items(await as('sysadmin', 'GET', `/admin/events?agencyId=${other.agencyId}&subjectType=AGENCY`)).slice(-1);
    await expect(stack.ds.query(`UPDATE admin_events SET reason = 'x' WHERE seq = $1`, [victim.seq])).rejects.toThrow('append-only');
    await stack.ds.transaction(async (m) => {
      await m.query('ALTER TABLE admin_events DISABLE TRIGGER admin_events_append_only');
      await m.query(`UPDATE admin_events SET after = jsonb_set(after, '{name}', '"改写的名称"') WHERE seq = $1`, [victim.seq]);
      await m.query('ALTER TABLE admin_events ENABLE TRIGGER admin_events_append_only');
    });
    const broken = await as('sysadmin', 'GET', '/admin/events/verify');
    expect(broken.body).toEqual({ valid: false, checked: victim.seq - 1, brokenAt: victim.seq });
  });
});
