import type { Page } from 'playwright-core';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { freshAgencyCode } from '../support/agency-people';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// Agencies and their powers (机关与职权) in a real browser: only a system
// administrator is offered the page; they are told a code is taken, add an
// agency, rename it and set its list of enforcement matters (权责清单).
describe('agencies and their powers in the console', () => {
  let h: BrowserHarness;
  let page: Page;
  const code = freshAgencyCode();

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
  });
  afterAll(() => h?.close());

  const posted = (path: RegExp, method: string) => page.waitForResponse((r) => path.test(new URL(r.url()).pathname) && r.request().method() === method);

  it("is not offered to an officer; an agency's administrator reads their own agency's list, nothing to edit", async () => {
    await signInAs(h, 'officer.zhang');
    await page.getByRole('navigation').getByRole('link', { name: '案件' }).waitFor();
    await expect(page.getByRole('navigation').getByRole('link', { name: '机关与职权' }).count()).resolves.toBe(0);

    await signInAs(h, 'admin');
    const read = page.waitForResponse((r) => r.url().includes('/api/v1/admin/agencies/') && r.request().method() === 'GET');
    await page.getByRole('navigation').getByRole('link', { name: '机关与职权' }).click();
    expect((await read).status()).toBe(200);
    const own = page.getByTestId('own-agency');
    await own.waitFor();
    await expect(own.textContent()).resolves.toMatch(/CZSJ[\s\S]*未配置（全部违法行为）/);
    await expect(page.locator('form#create-agency').count()).resolves.toBe(0);
    await expectAccessible(page, 'own-agency-powers');
  });

  it('a system administrator is told a code is taken, adds an agency, renames it and sets its powers', async () => {
    await signInAs(h, 'sysadmin');
    const read = posted(/\/api\/v1\/admin\/agencies$/, 'GET');
    await page.getByRole('navigation').getByRole('link', { name: '机关与职权' }).click();
    await page.waitForURL(/\/console\/admin\/agencies$/);
    expect((await read).status()).toBe(200);
    const table = page.getByTestId('agencies');
    await expect(table.locator('tr', { hasText: 'CZSJ' }).textContent()).resolves.toContain('未配置');
    await expectAccessible(page, 'agencies');

    const form = page.locator('form#create-agency');
    await form.getByLabel('机关代码').fill('CZSJ');
    await form.getByLabel('机关名称').fill('测试机关');
    await form.getByLabel('适用执法政策的辖区').fill(DEMO_POLICY.jurisdiction);
    const refused = posted(/\/api\/v1\/admin\/agencies$/, 'POST');
    await form.locator('button[type=submit]').click();
    expect((await refused).status()).toBe(400);
    await expect(page.getByTestId('agency-errors').textContent()).resolves.toContain('CZSJ已被使用');

    await form.getByLabel('机关代码').fill(code);
    await form.getByLabel('变更理由').fill('浏览器测试新设');
    const created = posted(/\/api\/v1\/admin\/agencies$/, 'POST');
    await form.locator('button[type=submit]').click();
    expect((await created).status()).toBe(201);
    const row = table.locator('tr', { hasText: code });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('未配置');

    await page.getByTestId(`edit-${code}`).click();
    const edit = page.locator('form#edit-agency');
    await edit.getByLabel('机关名称').fill('测试机关（更名）');
    const renamed = posted(/\/api\/v1\/admin\/agencies\/[^/]+$/, 'PATCH');
    await edit.locator('button[type=submit]').click();
    expect((await renamed).status()).toBe(200);
    await table.locator('tr', { hasText: code }).filter({ hasText: '测试机关（更名）' }).waitFor();

    await page.getByTestId(`powers-${code}`).click();
    const powers = page.locator('form#agency-powers');
    await powers.getByTestId('add-power').click();
    const select = powers.locator('#agency-powers_powers_0_violationCode');
    await select.focus();
    await select.fill('FOOD-UNLICENSED');
    await page.locator('.ant-select-item-option-active', { hasText: 'FOOD-UNLICENSED' }).last().waitFor();
    await select.press('Enter');
    await powers.getByLabel('变更理由').fill('按权责清单配置');
    const set = posted(/\/api\/v1\/admin\/agencies\/[^/]+\/powers$/, 'PUT');
    await powers.locator('button[type=submit]').click();
    expect((await set).status()).toBe(200);
    await table.locator('tr', { hasText: code }).filter({ hasText: '1 项：FOOD-UNLICENSED' }).waitFor();
    await shot(page, 'agencies');
    expect(h.errors).toEqual([]);
  });
});
