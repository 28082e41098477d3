import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { ApiClient } from '@zhifa/api-client';
import type { Stack } from '../support/stack';
import type { Client } from '../e2e/command-helpers';
import { actionButtons as buttonsOn, CONSOLE_DIR, expectAccessible as accessible, openHarness, shot as shotOf, type BrowserHarness } from './harness';

/** A GET with exactly these headers (fetch would ask for and decode compression itself). */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((done, fail) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    })
      .on('error', fail)
      .end();
  });
}

// The console in a real browser (Debian's chromium, driven by playwright-core)
// against the real stack: case-api serves the production build of
// apps/console (npm run build:console) at /console, as in production.
describe('the console in a browser', () => {
  let h: BrowserHarness;
  let stack: Stack;
  let api: Client;
  let page: Page;
  let caseId: string;
  let caseNumber: string;

  beforeAll(async () => {
    h = await openHarness();
    ({ stack, api, page } = h);
  });
  afterAll(async () => {
    await h?.close();
  });

  const expectAccessible = (name: string) => accessible(page, name);
  const shot = (name: string) => shotOf(page, name);
  const actionButtons = () => buttonsOn(page);

  async function register(as: ApiClient): Promise<{ id: string; caseNumber: string }> {
    const { data, error, response } = await as.POST('/api/v1/cases', {
      body: {
        source: 'inspection',
        discoveredAt: new Date(Date.now() - 3600_000).toISOString(),
        violationAt: new Date(Date.now() - 2 * 86400_000).toISOString().slice(0, 10),
        party: { type: 'PERSON', name: '王某' },
        violationCode: 'FOOD-UNLICENSED',
        summary: 'browser test lead',
        procedure: 'ORDINARY',
        officerIds: [api.id('officer.zhang'), api.id('officer.li')],
      },
    });
    expect({ status: response.status, error }).toEqual({ status: 201, error: undefined });
    return { id: data!.id, caseNumber: data!.caseNumber };
  }

  it('registers a lead through the typed client', async () => {
    ({ id: caseId, caseNumber } = await register(api.as('officer.zhang')));
    expect(caseNumber).toBeTruthy();
  });

  it('signs in as head.sun with one click and shows the name and roles', async () => {
    await page.goto(`${stack.url}/console/`);
    await page.waitForURL(/\/console\/sign-in$/);
    await page.locator('button[data-username="head.sun"]').waitFor();
    // The sign-in screen says where a production token comes from.
    await expect(page.getByText('统一身份认证平台').count()).resolves.toBeGreaterThan(0);
    await shot('sign-in');
    await expectAccessible('sign-in');

    await page.locator('button[data-username="head.sun"]').click();
    await page.waitForURL(/\/console\/work$/);
    await expect(page.getByTestId('user-name').textContent()).resolves.toBe('孙局长');
    // A head holds no enforcement certificate: the header says so rather than leaving it blank.
    await expect(page.getByTestId('user-certificate').textContent()).resolves.toBe('执法证号: 无有效证件');
    await expect(page.getByTestId('user-roles').textContent()).resolves.toBe('机关负责人');
  });

  it('lists the filing of the registered lead in My work, as the API gives it', async () => {
    const row = page.getByTestId('tasks').locator('tr', { hasText: caseNumber });
    await row.waitFor();
    await expect(row.locator('[data-action="filing"]').count()).resolves.toBe(1);
    await expect(row.getByText('立案审批').count()).resolves.toBe(1);
    // Every task the API gives, in its order.
    const { items } = await api.myTasks('head.sun');
    const shown = await page.getByTestId('tasks').locator('tbody tr a').allTextContents();
    expect(shown).toEqual(items.map((t) => t.caseNumber));
    await shot('my-work');
    await expectAccessible('my-work');
  });

  it("opens the case: its header, deadlines and exactly the head's allowed actions as buttons", async () => {
    await page.getByTestId('tasks').locator('tr', { hasText: caseNumber }).getByRole('link', { name: caseNumber }).click();
    await page.waitForURL(new RegExp(`/console/cases/${caseId}$`));
    await expect(page.getByTestId('case-number').textContent()).resolves.toBe(caseNumber);
    await expect(page.getByTestId('case-status').textContent()).resolves.toBe('线索已登记');
    // Where the case stands on the lawful path: a lead, the first step.
    await expect(page.getByTestId('lifecycle').locator('.ant-steps-item-process .ant-steps-item-title').textContent()).resolves.toBe('线索登记');
    const expected = (await api.case('head.sun', caseId)).allowedActions;
    expect(expected).toContain('filing');
    expect(await actionButtons()).toEqual(expected);
    await page.getByTestId('deadlines').getByText('立案决定').waitFor();
    await shot('case');
    await expectAccessible('case');

    // A button opens a drawer with its command's form; nothing is sent until it is submitted.
    await page.locator('button[data-action="filing"]').click();
    await page.getByTestId('command-form-filing').waitFor();
    await expect(page.getByText('POST /api/v1/cases/{id}/filing').count()).resolves.toBe(1);
    await shot('case-action-drawer');
    await page.keyboard.press('Escape');
    await page.getByTestId('command-form-filing').waitFor({ state: 'hidden' });
    // The drawer is gone, its mask too (it closes with an animation).
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.locator('.ant-drawer-mask').waitFor({ state: 'hidden' });
    expect((await api.case('head.sun', caseId)).status).toBe('LEAD_REGISTERED');
  });

  it('lists the case in Cases, with the filters the API has', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '案件' }).click();
    await page.waitForURL(/\/console\/cases$/);
    await page.getByTestId('cases').locator('tr', { hasText: caseNumber }).waitFor();
    await page.getByRole('searchbox').fill(caseNumber);
    const searched = page.waitForResponse((r) => r.url().includes('/api/v1/cases?') && r.url().includes('text='));
    await page.getByRole('searchbox').press('Enter');
    await page.waitForURL(/text=/);
    await searched;
    // The earlier page stays on screen until the new one renders (keepPreviousData): wait for the others to go.
    await page.getByTestId('cases').locator('tbody tr[data-row-key]').nth(1).waitFor({ state: 'detached' });
    await expect(page.getByTestId('cases').locator('tbody tr[data-row-key]').count()).resolves.toBe(1);
    await shot('cases');
    await expectAccessible('cases');
    // The API's overdue filter: the fresh lead is not overdue, as the typed client reads it too.
    const overdue = await api.as('head.sun').GET('/api/v1/cases', { params: { query: { overdue: true, text: caseNumber } } });
    expect(overdue.data?.total).toBe(0);
    await page.getByRole('checkbox', { name: '仅看超期' }).click();
    await page.waitForURL(/overdue=true/);
    await page.getByTestId('cases').locator('.ant-empty-description', { hasText: '暂无数据' }).waitFor();
    await expect(page.getByTestId('cases').locator('tbody tr[data-row-key]').count()).resolves.toBe(0);
  });

  it("shows another user (officer.zhang) that user's own actions on the same case", async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(/\/console\/sign-in$/);
    // By keyboard this time.
    await page.locator('button[data-username="officer.zhang"]').focus();
    const tasksRead = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/tasks'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/console\/work$/);
    await expect(page.getByTestId('user-name').textContent()).resolves.toBe('张伟');
    // The certificate valid today, as GET /me reads it from the directory.
    await expect(page.getByTestId('user-certificate').textContent()).resolves.toBe('执法证号: 14040120240001');
    expect((await tasksRead).status()).toBe(200);
    await page.goto(`${stack.url}/console/cases/${caseId}`);
    await expect(page.getByTestId('case-number').textContent()).resolves.toBe(caseNumber);
    const expected = (await api.case('officer.zhang', caseId)).allowedActions;
    const head = (await api.case('head.sun', caseId)).allowedActions;
    expect(expected).not.toEqual(head);
    expect(expected).not.toContain('filing');
    const shown = page.getByTestId('allowed-actions');
    if (expected.length === 0) {
      await page.getByText('您现在对本案没有可办事项').waitFor();
    } else {
      expect(await actionButtons()).toEqual(expected);
    }
    await expect(shown.locator('button[data-action="filing"]').count()).resolves.toBe(0);
    await shot('case-officer');
    await expectAccessible('case-officer');
  });

  it('switches to English and back', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'My work' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.getByRole('button', { name: '切换到中文' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '我的待办' }).waitFor();
  });

  it("signs in with a pasted token, as production does, and refuses what is not one", async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(/\/console\/sign-in$/);
    const field = page.getByLabel('身份认证令牌');
    await field.fill('not-a-token');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByText('这不是一个有效的令牌').waitFor();
    await field.fill(await stack.token('officer.li'));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/console\/work$/);
    // The token carries only the subject and roles; the name and certificate come from GET /me.
    await page.getByTestId('user-certificate').waitFor();
    await expect(page.getByTestId('user-name').textContent()).resolves.toBe('李娜');
    await expect(page.getByTestId('user-certificate').textContent()).resolves.toBe('执法证号: 14040120240002');
    await expect(page.getByTestId('user-roles').textContent()).resolves.toBe('执法人员');
    await page.getByTestId('tasks').waitFor();
  });

  it('a supervisor reads the timeline and verifies the chain; an edit behind the trigger\'s back shows where it breaks', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(/\/console\/sign-in$/);
    await page.locator('button[data-username="supervisor.zhou"]').click();
    await page.waitForURL(/\/console\/work$/);
    await page.goto(`${stack.url}/console/cases/${caseId}`);
    const events = (await api.as('supervisor.zhou').GET('/api/v1/cases/{id}/timeline', { params: { path: { id: caseId } } })).data!.events;
    await page.getByTestId('timeline').locator('tbody tr[data-row-key]').first().waitFor();
    await expect(page.getByTestId('timeline').locator('tbody tr[data-row-key]').count()).resolves.toBe(events.length);
    await expect(page.getByTestId('timeline').locator('code[data-hash]').first().getAttribute('data-hash')).resolves.toBe(events[0].hash);
    await page.getByTestId('verify-chain').click();
    await expect(page.getByTestId('chain-result').textContent()).resolves.toBe(`哈希链完整：已校验 ${events.length} 个事件。`);
    await shot('timeline');
    await expectAccessible('timeline');

    // A superuser rewrites an event behind the append-only trigger's back: the console shows where the chain breaks.
    const tampered = await register(api.as('officer.zhang'));
    const filing = await api.as('head.sun').POST('/api/v1/cases/{id}/filing', {
      params: { path: { id: tampered.id } },
      body: { approve: true, reason: 'facts verified on inspection', officerIds: [api.id('officer.zhang'), api.id('officer.li')] },
    });
    expect(filing.response.status).toBe(200);
    await stack.ds.transaction(async (m) => {
      await m.query('ALTER TABLE case_events DISABLE TRIGGER case_events_append_only');
      await m.query(`UPDATE case_events SET payload = jsonb_set(payload, '{reason}', '"rewritten later"') WHERE case_id = $1 AND seq = 2`, [tampered.id]);
      await m.query('ALTER TABLE case_events ENABLE TRIGGER case_events_append_only');
    });
    await page.goto(`${stack.url}/console/cases/${tampered.id}`);
    await page.getByTestId('verify-chain').click();
    const broken = page.getByTestId('chain-result');
    await broken.waitFor();
    await expect(broken.textContent()).resolves.toMatch(/^哈希链在第 2 个事件处断开：/);
  });

  it('serves the app for any console address and 404s a missing bundle', async () => {
    const deep = await fetch(`${stack.url}/console/cases/${caseId}`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toMatch(/text\/html/);
    const missing = await fetch(`${stack.url}/console/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
  });

  it('sends scripts and the page compressed when the browser accepts it, the same bytes once decoded', async () => {
    const html = readFileSync(join(CONSOLE_DIR, 'index.html'), 'utf8');
    const script = /src="\/console\/(assets\/[^"]+\.js)"/.exec(html)![1];
    const raw = readFileSync(join(CONSOLE_DIR, script));
    for (const [accept, encoding, decode] of [
      ['br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await get(`${stack.url}/console/${script}`, { 'accept-encoding': accept });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.body.length).toBeLessThan(raw.length);
      expect(decode(res.body).equals(raw)).toBe(true);
    }
    const plain = await get(`${stack.url}/console/${script}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(raw)).toBe(true);
    for (const address of ['/console/', '/console/cases']) {
      const page = await get(`${stack.url}${address}`, { 'accept-encoding': 'gzip' });
      expect({ address, status: page.status, encoding: page.headers['content-encoding'] }).toEqual({ address, status: 200, encoding: 'gzip' });
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(gunzipSync(page.body).toString('utf8')).toBe(html);
    }
    // Nothing outside the build's assets is reachable through the compressed path.
    const outside = await get(`${stack.url}/console/assets/..%2f..%2fpackage.json`, { 'accept-encoding': 'gzip' });
    expect(outside.status).toBe(404);
  });

  it('logged no error in the browser console on any page', () => {
    expect(h.errors).toEqual([]);
  });
});
