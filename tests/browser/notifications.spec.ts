import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { http } from '../support/stack';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// Issue 12 item 3 in a real browser, with the jobs running: the header's bell
// counts what is unread, the notifications page marks them and opens the case;
// an administrator sets the agency's webhook and reads its delivery log.
describe('notifications and the webhook in the console', () => {
  let h: BrowserHarness;
  let page: Page;
  let receiver: Server;
  let url = '';
  const secret = 'browser-webhook-secret-0123456789';

  beforeAll(async () => {
    h = await openHarness({ jobs: true });
    page = h.page;
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    if (h) await http(h.stack, 'DELETE', '/api/v1/admin/webhooks', { token: await h.api.token('admin') });
    await new Promise((resolve) => receiver?.close(resolve));
    await h?.close();
  });

  const bellName = (n: number) => (n > 0 ? `通知：${n} 条未读` : '通知：没有未读');
  const unreadOf = async (user: string): Promise<number> => {
    const [{ n }] = await h.stack.ds.query('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [h.api.id(user)]);
    return n;
  };

  it('the bell counts my unread notifications; the page marks one read, opens its case, then marks all read', async () => {
    // Two leads: one notification to mark read by itself, one left for "mark all".
    const c = await h.api.register();
    const c2 = await h.api.register();
    await eventually(async () => {
      const [{ n }] = await h.stack.ds.query(`SELECT count(*)::int AS n FROM notifications WHERE case_id = ANY($1::uuid[]) AND user_id = $2`, [[c.id, c2.id], h.api.id('officer.li')]);
      return n === 2;
    });
    const unread = await unreadOf('officer.li');
    await signInAs(h, 'officer.li');
    const bell = page.getByRole('link', { name: bellName(unread) });
    await bell.waitFor();
    await expect(page.getByTestId('notification-count').textContent()).resolves.toContain(String(Math.min(unread, 99)));
    await expectAccessible(page, 'bell');

    await bell.click();
    await page.waitForURL(/\/console\/notifications$/);
    const row = page.getByTestId('notifications').locator('tr', { hasText: c.caseNumber });
    await row.waitFor();
    await expect(row.getByTestId('notification-message').textContent()).resolves.toBe(`${c.caseNumber}：案源已登记，待立案审批`);
    await expect(row.getByText('本人承办的案件').count()).resolves.toBe(1);
    await shot(page, 'notifications');
    await expectAccessible(page, 'notifications');

    const marked = page.waitForResponse((r) => /\/api\/v1\/me\/notifications\/\d+\/read$/.test(r.url()));
    await row.getByTestId('mark-read').click();
    expect((await marked).status()).toBe(200);
    await row.getByTestId('notification-state').filter({ hasText: /^已读$/ }).waitFor();
    await page.getByRole('link', { name: bellName(unread - 1) }).waitFor();

    // English: the same notification in the other language.
    await page.getByRole('button', { name: /English/ }).click();
    const english = `${c.caseNumber}: lead registered, awaiting the filing decision`;
    await row.getByTestId('notification-message').filter({ hasText: new RegExp(`^${english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).waitFor();
    await page.getByRole('button', { name: /中文/ }).click();

    await row.getByTestId('notification-case').click();
    await page.waitForURL(new RegExp(`/console/cases/${c.id}#actions$`));
    await page.getByTestId('case-number').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: '通知' }).click();
    await page.getByTestId('mark-all-read').click();
    await page.getByRole('link', { name: bellName(0) }).waitFor();
    // The bell and the page's count come from two reads refetched after the change: wait for the page's own (seen in CI: the bell first).
    await page.getByTestId('unread-count').filter({ hasText: /^未读 0 条$/ }).waitFor();
    expect(await unreadOf('officer.li')).toBe(0);
  });

  it('an officer has no webhook screen; an administrator sets the URL and secret, never sees the secret again, and reads the deliveries', async () => {
    await signInAs(h, 'officer.zhang');
    await page.getByRole('navigation').getByRole('link', { name: '案件' }).waitFor();
    await expect(page.getByRole('navigation').getByRole('link', { name: '事件推送' }).count()).resolves.toBe(0);

    await signInAs(h, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: '事件推送' }).click();
    await page.waitForURL(/\/console\/admin\/webhook$/);
    await page.getByText('尚未设置推送地址').waitFor();
    await page.getByLabel('推送地址').fill(url);
    await page.getByLabel('签名密钥').fill(secret);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/webhooks') && r.request().method() === 'PUT');
    await page.getByTestId('webhook-save').click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('status').waitFor();
    await expect(page.getByTestId('webhook-url').textContent()).resolves.toBe(url);
    await expect(page.getByLabel('签名密钥').inputValue()).resolves.toBe('');
    expect(await page.content()).not.toContain(secret);

    const c = await h.api.register();
    await eventually(async () => {
      const [{ n }] = await h.stack.ds.query(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE case_id = $1 AND ok`, [c.id]);
      return n === 1;
    });
    await page.reload();
    await page.getByTestId('webhook-deliveries').locator('tr', { hasText: 'LEAD_REGISTERED' }).first().getByText('成功 204').waitFor();
    await shot(page, 'webhook');
    await expectAccessible(page, 'webhook');
  });
});
