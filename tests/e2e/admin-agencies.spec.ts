import { randomUUID } from 'node:crypto';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { agencyPerson, freshAgencyCode } from '../support/agency-people';
import { http, startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

// Agencies and their lists of enforcement matters (权责清单) over HTTP: a
// system administrator adds and edits agencies and sets their powers, each
// change in the administration log; an agency's administrator reads its own
// list; a lead outside the list is refused at registration (APL 17, 18).
describe('agencies and their powers over HTTP', () => {
  let stack: Stack;
  let api: Client;
  let agencyId: string;
  const code = freshAgencyCode();

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(() => stack?.close());

  const call = (token: string, method: string, path: string, body?: unknown) =>
    http<Record<string, unknown>>(stack, method, `/api/v1${path}`, { token, ...(body !== undefined ? { body } : {}) });
  const as = async (username: string, method: string, path: string, body?: unknown) => call(await api.token(username), method, path, body);
  const logOf = async (id: string) =>
    ((await as('sysadmin', 'GET', `/admin/events?subjectType=AGENCY&subjectId=${id}&pageSize=100`)).body.items as Record<string, unknown>[]).reverse();
  const lead = (officerId: string, violationCode: string) => ({
    source: 'inspection',
    discoveredAt: '2026-11-20T02:00:00Z',
    violationAt: '2026-11-18',
    party: { type: 'PERSON', name: '王某' },
    violationCode,
    summary: `e2e ${randomUUID()}`,
    procedure: 'ORDINARY',
    officerIds: [officerId],
  });

  it('a system administrator adds an agency (code unique) and edits it; each change is logged with its before and after', async () => {
    const made = await as('sysadmin', 'POST', '/admin/agencies', { code, name: '测试市场监督管理局', jurisdiction: DEMO_POLICY.jurisdiction, reason: '新设机关' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ code, name: '测试市场监督管理局', jurisdiction: DEMO_POLICY.jurisdiction, powers: null });
    agencyId = made.body.id as string;

    const taken = await as('sysadmin', 'POST', '/admin/agencies', { code, name: '另一机关', jurisdiction: DEMO_POLICY.jurisdiction });
    expect(taken.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED', errors: [expect.objectContaining({ field: 'code' })] });
    const bad = await as('sysadmin', 'POST', '/admin/agencies', { code: 'x y', name: '', jurisdiction: DEMO_POLICY.jurisdiction });
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['code', 'name']);

    const renamed = await as('sysadmin', 'PATCH', `/admin/agencies/${agencyId}`, { name: '测试市场监管局', reason: '更名' });
    expect(renamed.body).toMatchObject({ id: agencyId, code, name: '测试市场监管局' });
    expect((await as('sysadmin', 'PATCH', `/admin/agencies/${randomUUID()}`, { name: 'x' })).body).toMatchObject({ status: 404, code: 'AGENCY.NOT_FOUND' });

    const listed = (await as('sysadmin', 'GET', '/admin/agencies')).body.items as { id: string; code: string }[];
    expect(listed.map((a) => a.id)).toEqual(expect.arrayContaining([DEMO_AGENCY.id, agencyId]));

    const log = await logOf(agencyId);
    expect(log.map((e) => [e.action, e.agencyId, e.reason])).toEqual([
      ['AGENCY_CREATED', agencyId, '新设机关'],
      ['AGENCY_UPDATED', agencyId, '更名'],
    ]);
    expect(log[0]).toMatchObject({ actorName: '平台管理员', actorRoles: ['SYSTEM_ADMIN'], before: null, after: { code, name: '测试市场监督管理局' } });
    expect(log[1]).toMatchObject({ before: { name: '测试市场监督管理局' }, after: { name: '测试市场监管局' } });
  });

  it('nobody else manages agencies: an ADMIN and an officer are refused', async () => {
    for (const who of ['admin', 'officer.zhang']) {
      expect((await as(who, 'GET', '/admin/agencies')).body).toMatchObject({ status: 403, code: 'AGENCY.SYSTEM_ADMIN_ONLY' });
      expect((await as(who, 'POST', '/admin/agencies', { code: freshAgencyCode(), name: 'x', jurisdiction: 'x' })).status).toBe(403);
      expect((await as(who, 'PUT', `/admin/agencies/${agencyId}/powers`, { powers: [] })).status).toBe(403);
    }
  });

  it('sets the powers (codes of the policy, legal basis defaulting to the provision’s); a lead outside them is refused, one inside registered', async () => {
    const wrong = await as('sysadmin', 'PUT', `/admin/agencies/${agencyId}/powers`, { powers: [{ violationCode: 'NO-SUCH' }, { violationCode: 'FOOD-UNLICENSED' }, { violationCode: 'FOOD-UNLICENSED' }] });
    expect(wrong.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect((wrong.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['powers[0].violationCode', 'powers[2].violationCode']);

    const set = await as('sysadmin', 'PUT', `/admin/agencies/${agencyId}/powers`, {
      powers: [{ violationCode: 'FOOD-UNLICENSED' }, { violationCode: 'PRODUCT-FAKE', legalBasis: '《产品质量法》第七十条' }],
      reason: '按权责清单配置',
    });
    expect(set.status).toBe(200);
    const provision = DEMO_POLICY.violations.find((v) => v.code === 'FOOD-UNLICENSED')!;
    expect(set.body.powers).toEqual([
      { violationCode: 'FOOD-UNLICENSED', legalBasis: provision.legalBasis, title: provision.title },
      expect.objectContaining({ violationCode: 'PRODUCT-FAKE', legalBasis: '《产品质量法》第七十条' }),
    ]);
    const changed = (await logOf(agencyId)).find((e) => e.action === 'AGENCY_POWERS_CHANGED')!;
    expect(changed).toMatchObject({ subjectType: 'AGENCY', agencyId, reason: '按权责清单配置', before: { powers: null }, after: { powers: [{ violationCode: 'FOOD-UNLICENSED' }, { violationCode: 'PRODUCT-FAKE' }] } });

    // 事前公示 (APL 39) publishes the list, with the legal bases it gives.
    const published = await http<{ powers: { code: string; legalBasis: string }[] }>(stack, 'GET', `/api/v1/public/agencies/${agencyId}`);
    expect(published.body.powers.map((p) => [p.code, p.legalBasis])).toEqual([
      ['FOOD-UNLICENSED', provision.legalBasis],
      ['PRODUCT-FAKE', '《产品质量法》第七十条'],
    ]);

    const officer = await agencyPerson(stack, agencyId, ['OFFICER'], '测试执法人员');
    const outside = await call(officer.token, 'POST', '/cases', lead(officer.id, 'TRAFFIC-RULE'));
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({ code: 'CASE.OUTSIDE_AGENCY_POWERS' });
    expect(outside.body.detail).toContain('TRAFFIC-RULE');
    const inside = await call(officer.token, 'POST', '/cases', lead(officer.id, 'FOOD-UNLICENSED'));
    expect(inside.status).toBe(201);
    expect(inside.body).toMatchObject({ agencyId, caseNumber: expect.stringMatching(new RegExp(`^${code}-`)) });
  });

  it("an agency's administrator reads their own list of powers, not another agency's; a system administrator reads any", async () => {
    const ownAdmin = await agencyPerson(stack, agencyId, ['ADMIN'], '测试管理员');
    const own = await call(ownAdmin.token, 'GET', `/admin/agencies/${agencyId}`);
    expect(own.status).toBe(200);
    expect((own.body.powers as { violationCode: string }[]).map((p) => p.violationCode)).toEqual(['FOOD-UNLICENSED', 'PRODUCT-FAKE']);
    expect((await as('admin', 'GET', `/admin/agencies/${agencyId}`)).body).toMatchObject({ status: 403, code: 'AGENCY.OWN_ONLY' });
    expect((await as('admin', 'GET', `/admin/agencies/${DEMO_AGENCY.id}`)).body).toMatchObject({ id: DEMO_AGENCY.id, powers: null });
    expect((await as('officer.zhang', 'GET', `/admin/agencies/${DEMO_AGENCY.id}`)).status).toBe(403);
    expect((await as('sysadmin', 'GET', `/admin/agencies/${agencyId}`)).status).toBe(200);
  });

  it('a system administrator is allowed no case command', async () => {
    const res = await as('sysadmin', 'POST', '/cases', lead(stack.userId('officer.zhang'), 'FOOD-UNLICENSED'));
    expect(res.status).toBe(403);
  });
});
