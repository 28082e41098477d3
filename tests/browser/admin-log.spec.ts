import type { Page } from 'playwright-core';
import { chooseOption } from './forms';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// The administration log (管理日志) in a real browser: an administrator reads
// their agency's changes with the record before and after; a supervisor and a
// system administrator verify the chain; an officer is offered no log.
describe('the administration log in the console', () => {
  let h: BrowserHarness;
  let page: Page;
  // A real unit the demo does not register: registered and deactivated through the API, removed after.
  const NAME = '运城市公安局';
  const remove = () => h.stack.ds.query(`DELETE FROM outside_bodies WHERE name = $1`, [NAME]);
  let bodyId: string;

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
    await remove();
    const token = await h.api.token('admin');
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${h.stack.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    bodyId = ((await (await call('POST', '/admin/bodies', { name: NAME, kind: 'POLICE', region: '运城市' })).json()) as { id: string }).id;
    expect((await call('POST', `/admin/bodies/${bodyId}/deactivation`)).status).toBe(200);
  });
  afterAll(async () => {
    if (h) await remove();
    await h?.close();
  });

  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name });

  it('is not offered to an officer', async () => {
    await signInAs(h, 'officer.zhang');
    await nav('案件').waitFor();
    await expect(nav('管理日志').count()).resolves.toBe(0);
  });

  it("an administrator reads their agency's changes, each with the record before and after", async () => {
    await signInAs(h, 'admin');
    await nav('管理日志').click();
    await page.waitForURL(/\/console\/admin\/log$/);
    const table = page.getByTestId('admin-events');
    const filtered = page.waitForResponse((r) => r.url().includes('/api/v1/admin/events?') && r.url().includes('subjectType=BODY'));
    await chooseOption(page, page.getByTestId('subject-type').getByRole('combobox'), '外部机关');
    expect((await filtered).status()).toBe(200);
    const deactivated = table.locator('tr', { hasText: bodyId }).filter({ hasText: '停用外部机关' });
    await deactivated.waitFor();
    await expect(deactivated.textContent()).resolves.toContain('系统管理员');
    await expect(table.locator('tr', { hasText: bodyId }).filter({ hasText: '登记外部机关' }).count()).resolves.toBe(1);
    await deactivated.locator('.ant-table-row-expand-icon').click();
    const seq = (await deactivated.locator('td').nth(1).textContent())!.trim();
    const details = page.getByTestId(`details-${seq}`);
    await expect(details.textContent()).resolves.toMatch(/变更前[\s\S]*"active": true[\s\S]*变更后[\s\S]*"active": false/);
    await expect(page.getByTestId('verify-chain').count()).resolves.toBe(0);
    await expectAccessible(page, 'admin-log');
    await shot(page, 'admin-log');
  });

  it('a supervisor and a system administrator verify the chain', async () => {
    for (const who of ['supervisor.zhou', 'sysadmin']) {
      await signInAs(h, who);
      await nav('管理日志').click();
      await page.waitForURL(/\/console\/admin\/log$/);
      const verified = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/events/verify'));
      await page.getByTestId('verify-chain').click();
      expect((await verified).status()).toBe(200);
      await expect(page.getByTestId('chain-result').textContent()).resolves.toMatch(/哈希链完整：已核验 \d+ 条记录/);
    }
    expect(h.errors).toEqual([]);
  });
});
