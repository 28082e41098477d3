import type { Page } from 'playwright-core';
import { fillCommand, submitCommand } from './forms';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// The register of outside bodies (外部机关名录) in a real browser: an
// administrator reads it, is told a name registered twice, registers a unit
// and deactivates it; an officer's dispatch form offers the registered bodies
// of each kind, and the deactivated one no more.
describe('the register of outside bodies in the console', () => {
  let h: BrowserHarness;
  let page: Page;
  // A real unit the demo does not register; removed before and after, so later suites see the demo's register only.
  const NAME = '太原市公安局';
  const remove = () => h.stack.ds.query(`DELETE FROM outside_bodies WHERE name = $1`, [NAME]);
  // The form's 登记 button once it is not busy with the last registration (antd names a busy button "loading 登记").
  const register = () => page.locator('form button[type="submit"]:not(.ant-btn-loading)', { hasText: '登记' }).click();

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
    await remove();
  });
  afterAll(async () => {
    if (h) await remove();
    await h?.close();
  });

  it('offers the register to administrators only', async () => {
    await signInAs(h, 'officer.zhang');
    await page.getByRole('navigation').getByRole('link', { name: '案件' }).waitFor();
    await expect(page.getByRole('navigation').getByRole('link', { name: '外部机关名录' }).count()).resolves.toBe(0);
  });

  it('an administrator reads the register, is told a name is registered already, registers a unit and deactivates it', async () => {
    await signInAs(h, 'admin');
    const read = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/bodies') && r.request().method() === 'GET');
    await page.getByRole('navigation').getByRole('link', { name: '外部机关名录' }).click();
    await page.waitForURL(/\/console\/admin\/bodies$/);
    expect((await read).status()).toBe(200);
    const table = page.getByTestId('bodies');
    await table.locator('tr', { hasText: '长治市公安局潞州分局' }).waitFor();
    await expect(table.locator('tr', { hasText: '长治市人民检察院' }).textContent()).resolves.toContain('人民检察院');
    await expectAccessible(page, 'outside-bodies');

    await page.getByLabel('机关名称').fill('长治市公安局');
    await page.getByLabel('辖区').fill('长治市');
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/bodies') && r.request().method() === 'POST');
    await register();
    expect((await refused).status()).toBe(400);
    await expect(page.getByTestId('body-errors').textContent()).resolves.toContain('长治市公安局已登记');

    await page.getByLabel('机关名称').fill(NAME);
    await page.getByLabel('辖区').fill('太原市');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/bodies') && r.request().method() === 'POST');
    await register();
    expect((await created).status()).toBe(201);
    const row = table.locator('tr', { hasText: NAME });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('系统管理员');
    await shot(page, 'outside-bodies');

    await page.getByTestId(`deactivate-${NAME}`).click();
    const off = page.waitForResponse((r) => r.url().endsWith('/deactivation'));
    await page.locator('.ant-popconfirm').getByRole('button', { name: '停用' }).click();
    expect((await off).status()).toBe(200);
    await row.getByText('已停用').waitFor();
    await expect(page.getByTestId(`deactivate-${NAME}`).count()).resolves.toBe(0);
    await expectAccessible(page, 'outside-body-deactivated');
  });

  it('an officer’s dispatch form offers the active registered bodies of each kind, and the dispatch names them', async () => {
    const caseId = await h.api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    for (const [user, action, body] of [
      ['officer.zhang', 'criminal-transfer', { grounds: '销售伪劣产品，销售金额达到追诉标准', officerIds: [h.api.id('officer.zhang'), h.api.id('officer.li')] }],
      ['head.sun', 'criminal-transfer/approval', { approve: true, reason: '达到追诉标准' }],
    ] as const) {
      expect((await h.api.command(user, caseId, action, body)).status).toBe(200);
    }
    await signInAs(h, 'officer.li');
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    await page.locator('[data-testid="allowed-actions"] button[data-action="criminal-transfer/dispatch"]').click();
    const form = page.getByTestId('command-form-criminal-transfer/dispatch');
    await form.waitFor();
    // The police field lists police units only, active ones only.
    await page.locator('#cmd-policeAgency').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    const offered = await options.allTextContents();
    expect(offered).toEqual(expect.arrayContaining([expect.stringContaining('长治市公安局（长治市）'), expect.stringContaining('长治市公安局潞州分局')]));
    expect(offered.join()).not.toContain(NAME);
    expect(offered.join()).not.toContain('人民检察院');
    await page.locator('#cmd-policeAgency').blur();
    await fillCommand(page, {
      policeAgency: { select: '长治市公安局潞州分局' },
      procuratorate: { select: '长治市人民检察院' },
      documents: { add: 1 },
      'documents-0': { text: '移送书' },
    });
    await expectAccessible(page, 'dispatch-form');
    const sent = page.waitForResponse((r) => r.url().endsWith(`/cases/${caseId}/criminal-transfer/dispatch`));
    await submitCommand(page);
    expect((await sent).status()).toBe(200);
    await form.waitFor({ state: 'detached' });
    expect((await h.api.case('police.tian', caseId)).allowedActions).toContain('criminal-transfer/police-decision');
  });
});
