import { randomUUID } from 'node:crypto';
import { DEMO_AGENCY } from '../../infra/seed/demo-people';
import { HmacTokenVerifier } from '../../apps/case-api/src/auth/token-verifier';
import { http, startStack, Stack } from '../support/stack';
import { Client } from './command-helpers';

// Certificates over HTTP as the agency's administrator issues, suspends,
// reinstates, revokes and renews them: each change dated in the certificate's
// history and in the administration log, and its holder's next command judged on it.
describe('certificates, administered over HTTP', () => {
  let stack: Stack;
  let api: Client;
  const created: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    api = new Client(stack);
  });
  afterAll(async () => {
    // Test users are deactivated (their certificates' histories are append-only): no one to sign in as for later suites.
    if (created.length) await stack?.ds.query(`UPDATE users SET active = false WHERE id = ANY($1)`, [created]);
    await stack?.close();
  });

  type Body = Record<string, unknown> & { history?: { kind: string; status: string; from: string; reason: string | null }[] };
  const as = async (username: string, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) =>
    http<Body>(stack, method, `/api/v1${path}`, { token: await api.token(username), ...(body !== undefined ? { body } : {}) });
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: stack.cfg.timeZone }).format(new Date());
  const number = () => `E2E-${randomUUID().slice(0, 12)}`;
  /** The fields a 400 names (a field may carry several messages). */
  const fieldsOf = (body: Body) => [...new Set(((body.errors ?? []) as { field: string }[]).map((e) => e.field))].sort();

  /** A new officer of the demo agency, with a token of their own. */
  async function officer(): Promise<{ id: string; token: string }> {
    const made = await as('admin', 'POST', '/admin/users', { username: `e2e.${randomUUID().slice(0, 8)}`, name: '测试执法人员', roles: ['OFFICER'] });
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    created.push(id);
    const token = await stack.api.get(HmacTokenVerifier).issue({ sub: id, agencyId: DEMO_AGENCY.id, roles: ['OFFICER'] });
    return { id, token };
  }
  const issue = (userId: string, over: Record<string, unknown> = {}) =>
    as('admin', 'POST', `/admin/users/${userId}/certificates`, { number: number(), scope: 'ENFORCEMENT:market', validFrom: '2026-01-01', validTo: '2028-12-31', ...over });
  /** The officer registers a lead (a command that checks the actor's own certificate). */
  const register = (token: string, officerId: string) =>
    http<Record<string, unknown>>(stack, 'POST', '/api/v1/cases', {
      token,
      body: {
        source: 'inspection',
        discoveredAt: '2026-11-20T02:00:00Z',
        violationAt: '2026-11-18',
        party: { type: 'PERSON', name: '王某' },
        violationCode: 'FOOD-UNLICENSED',
        summary: `e2e ${randomUUID()}`,
        procedure: 'ORDINARY',
        officerIds: [officerId, api.id('officer.li')],
      },
    });
  const logOf = async (id: string) =>
    (await stack.ds.query(`SELECT action, subject_type, before, after, reason, actor_id FROM admin_events WHERE subject_id = $1 ORDER BY seq`, [id])) as {
      action: string;
      subject_type: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
      reason: string | null;
      actor_id: string;
    }[];

  it('issues, suspends, reinstates, renews and revokes, each dated in the history and the administration log; a revoked certificate is final', async () => {
    const { id: userId } = await officer();
    const issued = await issue(userId);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ status: 'ACTIVE', validTo: '2028-12-31', allowedActions: ['SUSPEND', 'REVOKE', 'RENEW'], history: [{ kind: 'ISSUED', status: 'ACTIVE', from: '2026-01-01' }] });
    const certId = issued.body.id as string;
    const day = today();

    const suspended = await as('admin', 'POST', `/admin/certificates/${certId}/suspension`, { effectiveFrom: day, reason: '涉嫌违反执法纪律' });
    expect(suspended.body).toMatchObject({ status: 'SUSPENDED', allowedActions: ['REINSTATE', 'REVOKE', 'RENEW'] });
    const twice = await as('admin', 'POST', `/admin/certificates/${certId}/suspension`, { effectiveFrom: day, reason: 'again' });
    expect(twice.body).toMatchObject({ status: 409, code: 'CERTIFICATE.TRANSITION_NOT_ALLOWED', state: 'SUSPENDED', allowedActions: ['REINSTATE', 'REVOKE', 'RENEW'] });
    const reinstated = await as('admin', 'POST', `/admin/certificates/${certId}/reinstatement`, { effectiveFrom: day, reason: '调查完毕，恢复执法资格' });
    expect(reinstated.body).toMatchObject({ status: 'ACTIVE' });
    const renewed = await as('admin', 'POST', `/admin/certificates/${certId}/renewal`, { validTo: '2030-12-31' });
    expect(renewed.body).toMatchObject({ status: 'ACTIVE', validTo: '2030-12-31', number: issued.body.number });
    const revoked = await as('admin', 'POST', `/admin/certificates/${certId}/revocation`, { effectiveFrom: day, reason: '吊销执法证件' });
    expect(revoked.body).toMatchObject({ status: 'REVOKED', allowedActions: [] });
    for (const [path, body] of [
      ['reinstatement', { effectiveFrom: day, reason: 'x' }],
      ['renewal', { validTo: '2032-12-31' }],
    ] as const) {
      expect((await as('admin', 'POST', `/admin/certificates/${certId}/${path}`, body)).body).toMatchObject({ status: 409, code: 'CERTIFICATE.TRANSITION_NOT_ALLOWED', state: 'REVOKED', allowedActions: [] });
    }

    const listed = await as('admin', 'GET', `/admin/users/${userId}/certificates`);
    const [held] = listed.body.items as Body[];
    expect(held.history!.map((h) => [h.kind, h.status, h.from])).toEqual([
      ['ISSUED', 'ACTIVE', '2026-01-01'],
      ['SUSPENDED', 'SUSPENDED', day],
      ['REINSTATED', 'ACTIVE', day],
      ['RENEWED', 'ACTIVE', day],
      ['REVOKED', 'REVOKED', day],
    ]);
    expect(held.history![1]).toMatchObject({ reason: '涉嫌违反执法纪律', recordedBy: { id: api.id('admin'), name: '系统管理员' } });

    const log = await logOf(certId);
    expect(log.map((e) => e.action)).toEqual(['CERTIFICATE_ISSUED', 'CERTIFICATE_SUSPENDED', 'CERTIFICATE_REINSTATED', 'CERTIFICATE_RENEWED', 'CERTIFICATE_REVOKED']);
    expect(log.every((e) => e.subject_type === 'CERTIFICATE' && e.actor_id === api.id('admin'))).toBe(true);
    expect(log[1]).toMatchObject({ reason: '涉嫌违反执法纪律', before: expect.objectContaining({ status: 'ACTIVE' }), after: expect.objectContaining({ status: 'SUSPENDED', effectiveFrom: day }) });
    expect(log[3]).toMatchObject({ before: expect.objectContaining({ validTo: '2028-12-31' }), after: expect.objectContaining({ validTo: '2030-12-31' }) });
  });

  it('refuses bad input field by field: a taken number, validTo not after validFrom, a bad scope, no reason, a day in the future', async () => {
    const { id: userId } = await officer();
    const first = await issue(userId);
    const taken = await issue(userId, { number: first.body.number });
    expect(taken.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(fieldsOf(taken.body)).toEqual(['number']);
    const backwards = await issue(userId, { validFrom: '2027-01-01', validTo: '2026-12-31', scope: 'PARKING' });
    expect(backwards.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(fieldsOf(backwards.body)).toEqual(['scope', 'validTo']);
    const malformed = await issue(userId, { validFrom: '01/01/2026' });
    expect(malformed.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(fieldsOf(malformed.body)).toEqual(['validFrom']);

    const certId = first.body.id as string;
    const noReason = await as('admin', 'POST', `/admin/certificates/${certId}/suspension`, { effectiveFrom: today() });
    expect(noReason.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(fieldsOf(noReason.body)).toEqual(['reason']);
    const future = await as('admin', 'POST', `/admin/certificates/${certId}/suspension`, { effectiveFrom: '2099-01-01', reason: '暂扣' });
    expect(future.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(fieldsOf(future.body)).toEqual(['effectiveFrom']);
    const shorter = await as('admin', 'POST', `/admin/certificates/${certId}/renewal`, { validTo: '2027-12-31' });
    expect(shorter.body).toMatchObject({ status: 400, code: 'VALIDATION.FAILED' });
    expect(fieldsOf(shorter.body)).toEqual(['validTo']);
    // Nothing refused was recorded.
    expect((await logOf(certId)).map((e) => e.action)).toEqual(['CERTIFICATE_ISSUED']);
  });

  it('an officer acts, is suspended, is refused at the next command with the reason, and acts again once reinstated', async () => {
    const me = await officer();
    const cert = await issue(me.id);
    expect((await register(me.token, me.id)).status).toBe(201);

    await as('admin', 'POST', `/admin/certificates/${cert.body.id as string}/suspension`, { effectiveFrom: today(), reason: '暂扣执法证件' });
    const refused = await register(me.token, me.id);
    expect(refused.body).toMatchObject({ status: 403, code: 'AUTH.CERTIFICATE_INVALID' });
    expect(refused.body.detail).toContain(`${cert.body.number as string} is SUSPENDED`);

    await as('admin', 'POST', `/admin/certificates/${cert.body.id as string}/reinstatement`, { effectiveFrom: today(), reason: '恢复' });
    expect((await register(me.token, me.id)).status).toBe(201);

    await as('admin', 'POST', `/admin/certificates/${cert.body.id as string}/revocation`, { effectiveFrom: today(), reason: '吊销' });
    const revoked = await register(me.token, me.id);
    expect(revoked.body).toMatchObject({ status: 403, code: 'AUTH.CERTIFICATE_INVALID' });
    expect(revoked.body.detail).toContain('is REVOKED');
  });

  it('a role removed by PATCH takes effect at the next request, and the change is in the log with before and after', async () => {
    const me = await officer();
    await issue(me.id);
    expect((await register(me.token, me.id)).status).toBe(201);
    const patched = await as('admin', 'PATCH', `/admin/users/${me.id}`, { roles: ['SUPERVISOR'] });
    expect(patched.body).toMatchObject({ roles: ['SUPERVISOR'] });
    // The token still says OFFICER; the roles are read from the database.
    const refused = await register(me.token, me.id);
    expect(refused.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });

    const log = await logOf(me.id);
    expect(log.map((e) => e.action)).toEqual(['USER_CREATED', 'USER_UPDATED']);
    expect(log[0]).toMatchObject({ subject_type: 'USER', before: null, after: expect.objectContaining({ roles: ['OFFICER'] }) });
    expect(log[1]).toMatchObject({ before: expect.objectContaining({ roles: ['OFFICER'] }), after: expect.objectContaining({ roles: ['SUPERVISOR'] }) });
  });

  it('a certificate loaded before histories were kept starts its history with the state it was found in', async () => {
    const { id: userId } = await officer();
    const certId = randomUUID();
    await stack.ds.query("INSERT INTO certificates (id, user_id, number, scope, valid_from, valid_to, status) VALUES ($1, $2, $3, 'ENFORCEMENT', '2025-06-01', '2027-05-31', 'SUSPENDED')", [
      certId,
      userId,
      number(),
    ]);
    const reinstated = await as('admin', 'POST', `/admin/certificates/${certId}/reinstatement`, { effectiveFrom: today(), reason: '恢复' });
    expect(reinstated.body).toMatchObject({ status: 'ACTIVE' });
    expect(reinstated.body.history!.map((h) => [h.kind, h.status, h.from])).toEqual([
      ['RECORDED', 'SUSPENDED', '2025-06-01'],
      ['REINSTATED', 'ACTIVE', today()],
    ]);
  });

  it('is for the administrator of the holder’s agency: others 403, another agency’s user or certificate 404', async () => {
    const { id: userId } = await officer();
    const cert = await issue(userId);
    for (const user of ['officer.zhang', 'head.sun', 'supervisor.zhou']) {
      expect((await as(user, 'GET', `/admin/users/${userId}/certificates`)).body).toMatchObject({ status: 403, code: 'USER.ADMIN_ONLY' });
      expect((await as(user, 'POST', `/admin/certificates/${cert.body.id as string}/suspension`, { effectiveFrom: today(), reason: 'x' })).body).toMatchObject({
        status: 403,
        code: 'USER.ADMIN_ONLY',
      });
    }

    const agencyId = randomUUID();
    const outsider = randomUUID();
    const outsiderCert = randomUUID();
    await stack.ds.query("INSERT INTO agencies (id, code, name, jurisdiction) VALUES ($1, $2, 'another agency', $3)", [agencyId, `E2E-${agencyId.slice(0, 8)}`, DEMO_AGENCY.jurisdiction]);
    await stack.ds.query("INSERT INTO users (id, agency_id, username, name, roles, active) VALUES ($1, $2, $3, '外机关执法人员', '{OFFICER}', false)", [outsider, agencyId, `e2e.${outsider.slice(0, 8)}`]);
    await stack.ds.query("INSERT INTO certificates (id, user_id, number, scope, valid_from, valid_to, status) VALUES ($1, $2, $3, 'ENFORCEMENT', '2026-01-01', '2028-12-31', 'ACTIVE')", [
      outsiderCert,
      outsider,
      number(),
    ]);
    expect((await as('admin', 'GET', `/admin/users/${outsider}/certificates`)).body).toMatchObject({ status: 404, code: 'USER.NOT_FOUND' });
    expect((await issue(outsider)).body).toMatchObject({ status: 404, code: 'USER.NOT_FOUND' });
    expect((await as('admin', 'POST', `/admin/certificates/${outsiderCert}/suspension`, { effectiveFrom: today(), reason: 'x' })).body).toMatchObject({ status: 404, code: 'CERTIFICATE.NOT_FOUND' });
    expect((await as('admin', 'POST', `/admin/certificates/${randomUUID()}/revocation`, { effectiveFrom: today(), reason: 'x' })).body).toMatchObject({ status: 404, code: 'CERTIFICATE.NOT_FOUND' });
  });
});
