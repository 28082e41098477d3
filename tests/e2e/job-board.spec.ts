import { randomUUID } from 'node:crypto';
import { closeTestQueue, openTestQueue } from '../support/test-queue';
import { jobThatFails } from '../support/failed-jobs';
import { http, startStack, Stack } from '../support/stack';

// 任务队列看板: bull-board in case-api at /admin/queues, read-only, for
// supervisors and administrators, signed in through a cookie the console
// obtains with its bearer token; it never shows a job's payload.
describe('the job board', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ jobs: true, isolated: true });
  });
  afterAll(async () => {
    await stack?.close();
  });

  const board = (path: string, opts: { cookie?: string; token?: string; method?: string } = {}) =>
    fetch(`${stack.url}/admin/queues${path}`, {
      method: opts.method ?? 'GET',
      headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
    });
  const signIn = async (username: string) => http<{ url: string }>(stack, 'POST', '/api/v1/admin/job-board/session', { token: await stack.token(username) });

  it('signs a supervisor in with a cookie for the board only, and serves the board and its queues with ids but no payload', async () => {
    const secret = { name: '王某', idNumber: '110101199003070011', phone: '13912345678' };
    const { id } = await jobThatFails(stack.cfg.redisUrl, 'notifications', {
      name: 'CASE_REGISTERED',
      data: { eventId: `case-${randomUUID()}:1`, caseId: randomUUID(), seq: 1, type: 'CASE_REGISTERED', payload: { party: secret } },
      attempts: 1,
    });

    const session = await signIn('supervisor.zhou');
    expect(session.status).toBe(200);
    expect(session.body).toEqual({ url: '/admin/queues/' });
    const setCookie = session.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^zhifa_job_board=[^;]+;/);
    expect(setCookie).toMatch(/Path=\/admin\/queues/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0];

    const page = await board('/', { cookie });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('zhifa 任务队列');

    const queues = await board('/api/queues?activeQueue=notifications&status=failed&page=1', { cookie });
    expect(queues.status).toBe(200);
    const text = await queues.text();
    const body = JSON.parse(text) as { queues: { name: string; readOnlyMode: boolean; jobs: { id: string; data: unknown }[] }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(expect.arrayContaining(['notifications', 'documents', 'archive', 'webhooks']));
    const notifications = body.queues.find((q) => q.name === 'notifications')!;
    expect(notifications.readOnlyMode).toBe(true);
    const job = notifications.jobs.find((j) => j.id === id)!;
    expect(job.data).toEqual({ eventId: expect.any(String), caseId: expect.any(String), seq: 1, type: 'CASE_REGISTERED' });
    for (const value of Object.values(secret)) expect(text).not.toContain(value);
  });

  it('changes nothing: pausing or adding a job through the board is refused', async () => {
    const cookie = (await signIn('admin')).headers.get('set-cookie')!.split(';')[0];
    const paused = await board('/api/queues/pause', { cookie, method: 'PUT' });
    expect(paused.status).toBe(405);
    expect(await paused.json()).toMatchObject({ code: 'JOBS.BOARD_READ_ONLY' });
    const added = await board('/api/queues/notifications/add', { cookie, method: 'POST' });
    expect(added.status).toBe(405);
    const q = openTestQueue('notifications', stack.cfg.redisUrl);
    try {
      expect(await q.isPaused()).toBe(false);
    } finally {
      await closeTestQueue(q);
    }
  });

  it('refuses an officer (403 with the roles it needs), a request with no token (401) and a forged cookie (401), as problem+json', async () => {
    const officer = await signIn('officer.zhang');
    expect(officer.status).toBe(403);
    expect(officer.body).toMatchObject({ code: 'JOBS.BOARD_ROLE_REQUIRED' });
    expect(officer.headers.get('set-cookie')).toBeNull();

    const byBearer = await board('/api/queues', { token: await stack.token('officer.zhang') });
    expect(byBearer.status).toBe(403);
    expect(byBearer.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await byBearer.json()).toMatchObject({ code: 'JOBS.BOARD_ROLE_REQUIRED' });

    const none = await board('/');
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ code: 'AUTH.TOKEN_MISSING' });

    const forged = await board('/api/queues', { cookie: 'zhifa_job_board=not-a-token' });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });

  it('signs the browser out by clearing the cookie', async () => {
    const out = await http(stack, 'DELETE', '/api/v1/admin/job-board/session', { token: await stack.token('supervisor.zhou') });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ signedOut: true });
    expect(out.headers.get('set-cookie')).toMatch(/^zhifa_job_board=;.*Expires=Thu, 01 Jan 1970/);
  });
});
