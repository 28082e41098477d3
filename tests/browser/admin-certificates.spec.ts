import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// A user's certificates (执法证件) in a real browser: the administrator opens a
// user's certificates, is told field by field what is wrong with an issue,
// issues one, suspends it with a reason and sees the status and its history.
describe('certificates in the console', () => {
  let h: BrowserHarness;
  let page: Page;
  const USERNAME = `browser.cert.${randomUUID().slice(0, 6)}`;
  const NUMBER = `BR-${randomUUID().slice(0, 10)}`;

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
    await h.stack.ds.query(`INSERT INTO users (id, agency_id, username, name, roles, active) SELECT $1, agency_id, $2, '浏览器测试执法人员', '{OFFICER}', true FROM users WHERE username = 'admin'`, [
      randomUUID(),
      USERNAME,
    ]);
  });
  afterAll(async () => {
    // The certificate's history is append-only: the test user is deactivated, not deleted.
    if (h) await h.stack.ds.query(`UPDATE users SET active = false WHERE username = $1`, [USERNAME]);
    await h?.close();
  });

  it('an administrator issues a certificate, is shown a bad field under it, suspends it and sees the status and history', async () => {
    await signInAs(h, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: '用户管理' }).click();
    await page.waitForURL(/\/console\/admin\/users$/);
    await page.getByTestId(`certificates-${USERNAME}`).click();
    const dialog = page.getByRole('dialog');
    const panel = dialog.getByTestId('certificates');
    await panel.getByText('未持有执法证件').waitFor();

    await dialog.locator('#issue-certificate_number').fill(NUMBER);
    await dialog.locator('#issue-certificate_scope').fill('ENFORCEMENT:market');
    await dialog.locator('#issue-certificate_validFrom').fill('2026-01-01');
    await dialog.locator('#issue-certificate_validTo').fill('2025-12-31');
    const refused = page.waitForResponse((r) => r.url().endsWith('/certificates') && r.request().method() === 'POST');
    await dialog.locator('form#issue-certificate button[type=submit]').click();
    expect((await refused).status()).toBe(400);
    // The API's problem shows under its field.
    await dialog.locator('.ant-form-item', { has: page.locator('#issue-certificate_validTo') }).locator('.ant-form-item-explain-error').getByText('有效期截止日须晚于起始日').waitFor();
    await shot(page, 'certificate-refused');

    await dialog.locator('#issue-certificate_validTo').fill('2028-12-31');
    const issued = page.waitForResponse((r) => r.url().endsWith('/certificates') && r.request().method() === 'POST');
    await dialog.locator('form#issue-certificate button[type=submit]').click();
    expect((await issued).status()).toBe(201);
    await expect(dialog.getByTestId(`status-${NUMBER}`).textContent()).resolves.toBe('有效');

    await dialog.getByTestId(`suspend-${NUMBER}`).click();
    await dialog.locator('#certificate-change_reason').fill('涉嫌违反执法纪律，暂扣执法证件');
    await expectAccessible(page, 'certificate-suspend');
    const suspended = page.waitForResponse((r) => r.url().endsWith('/suspension'));
    await dialog.locator('form#certificate-change button[type=submit]').click();
    expect((await suspended).status()).toBe(200);
    await dialog.getByTestId(`status-${NUMBER}`).getByText('暂扣').waitFor();
    await dialog.getByTestId(`reinstate-${NUMBER}`).waitFor();

    await dialog.locator('tr', { hasText: NUMBER }).locator('.ant-table-row-expand-icon').click();
    const history = dialog.getByTestId(`history-${NUMBER}`);
    await history.getByText('涉嫌违反执法纪律').waitFor();
    await expect(history.textContent()).resolves.toContain('签发');
    await shot(page, 'certificate-suspended');
  });
});
