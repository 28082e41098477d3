import type { Page } from 'playwright-core';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { freshAgencyCode } from '../support/agency-people';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// The agency's users (用户管理) in a real browser: an administrator sees each
// liaison with the body they belong to, is told a liaison named to a body of
// the other kind, creates one of the right kind and moves them to another unit.
describe('the agency’s users in the console', () => {
  let h: BrowserHarness;
  let page: Page;
  const USERNAME = 'browser.liaison';
  const COUNTY = 'browser.county';
  const remove = () => h.stack.ds.query(`DELETE FROM users WHERE username = ANY($1)`, [[USERNAME, COUNTY]]);

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
    await remove();
  });
  afterAll(async () => {
    if (h) await remove();
    await h?.close();
  });

  /** Chooses options of an antd select by typing, as a keyboard user does. */
  async function choose(id: string, options: string[]): Promise<void> {
    const field = page.locator(`#${id}`);
    for (const option of options) {
      await field.focus();
      await field.fill(option);
      await page.locator('.ant-select-item-option-active', { hasText: option }).last().waitFor();
      await field.press('Enter');
    }
    await field.blur();
  }

  it('an administrator creates a liaison of a registered body of their kind, then moves them to another unit', async () => {
    await signInAs(h, 'admin');
    const read = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/users') && r.request().method() === 'GET');
    await page.getByRole('navigation').getByRole('link', { name: '用户管理' }).click();
    await page.waitForURL(/\/console\/admin\/users$/);
    expect((await read).status()).toBe(200);
    const table = page.getByTestId('users');
    await expect(table.locator('tr', { hasText: 'police.tian' }).textContent()).resolves.toContain('长治市公安局潞州分局');
    await expectAccessible(page, 'users');

    await page.locator('#create-user_username').fill(USERNAME);
    await page.locator('#create-user_name').fill('浏览器测试联络员');
    await choose('create-user_roles', ['检察机关']);
    await choose('create-user_body', ['长治市公安局潞州分局']);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/users') && r.request().method() === 'POST');
    await page.locator('form#create-user button[type=submit]').click();
    expect((await refused).status()).toBe(400);
    await expect(page.getByTestId('user-errors').textContent()).resolves.toContain('登记为公安机关');
    await shot(page, 'user-refused');

    await page.locator('.ant-form-item', { has: page.locator('#create-user_roles') }).locator('[class*="-item-remove"]').first().click();
    await choose('create-user_roles', ['公安联络员']);
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/users') && r.request().method() === 'POST');
    await page.locator('form#create-user button[type=submit]').click();
    expect((await created).status()).toBe(201);
    const row = table.locator('tr', { hasText: USERNAME });
    await expect(row.textContent()).resolves.toContain('长治市公安局潞州分局');

    await page.getByTestId(`edit-${USERNAME}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#edit-user_body').waitFor();
    await expectAccessible(page, 'user-edit');
    await choose('edit-user_body', ['晋城市公安局']);
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await dialog.locator('button[type=submit]').click();
    expect((await saved).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('晋城市公安局').waitFor();
  });

  it("a system administrator picks another agency and creates its user there", async () => {
    const agency = await h.api.as('sysadmin').POST('/api/v1/admin/agencies', {
      body: { code: freshAgencyCode(), name: '浏览器测试县市场监督管理局', jurisdiction: DEMO_POLICY.jurisdiction },
    });
    expect(agency.response.status).toBe(201);
    await signInAs(h, 'sysadmin');
    await page.getByRole('navigation').getByRole('link', { name: '用户管理' }).click();
    await page.waitForURL(/\/console\/admin\/users$/);
    const table = page.getByTestId('users');
    await table.locator('tr', { hasText: 'officer.zhang' }).waitFor();

    const other = page.waitForResponse((r) => r.url().endsWith(`/api/v1/admin/users?agencyId=${agency.data!.id}`));
    await choose('users-agency', ['浏览器测试县市场监督管理局']);
    expect((await other).status()).toBe(200);
    await table.getByText('本机关尚无用户').waitFor();

    await page.locator('#create-user_username').fill(COUNTY);
    await page.locator('#create-user_name').fill('浏览器测试县执法人员');
    await choose('create-user_roles', ['执法人员']);
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/users') && r.request().method() === 'POST');
    await page.locator('form#create-user button[type=submit]').click();
    expect((await created).status()).toBe(201);
    await table.locator('tr', { hasText: COUNTY }).waitFor();
    await expect(table.locator('tbody tr[data-row-key]').count()).resolves.toBe(1);
    const [row] = await h.stack.ds.query(`SELECT agency_id FROM users WHERE username = $1`, [COUNTY]);
    expect(row.agency_id).toBe(agency.data!.id);
    await shot(page, 'users-other-agency');
    await expectAccessible(page, 'users-other-agency');
    expect(h.errors).toEqual([]);
  });
});
