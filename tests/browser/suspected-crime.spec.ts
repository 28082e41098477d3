import type { Page } from 'playwright-core';
import type { Client } from '../e2e/command-helpers';
import { fillCommand, submitCommand } from './forms';
import { actionButtons, expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// The suspected-crime flag in a real browser: an officer flags a filed case
// with grounds through its form, the head decides not to transfer with
// reasons through hers, and the supervisor reads that decision on the
// transfer watch.
describe('the suspected-crime flag in the console', () => {
  let h: BrowserHarness;
  let api: Client;
  let page: Page;
  let caseId: string;
  let caseNumber: string;
  const reasons = '经核实，三家门店系他人经营，当事人销售金额仅八千元，未达追诉标准';

  beforeAll(async () => {
    h = await openHarness();
    ({ api, page } = h);
    caseId = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    caseNumber = (await api.case('head.sun', caseId)).caseNumber;
  });
  afterAll(async () => {
    await h?.close();
  });

  async function submitted(action: string): Promise<number> {
    const answer = page.waitForResponse((r) => r.url().endsWith(`/cases/${caseId}/${action}`) && r.request().method() === 'POST');
    await submitCommand(page);
    return (await answer).status();
  }

  it('an officer flags the case as a suspected crime with grounds and the threshold', async () => {
    await signInAs(h, 'officer.zhang');
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    expect(await actionButtons(page)).toContain('suspected-crime');
    expect(await actionButtons(page)).not.toContain('suspected-crime/no-transfer');
    await page.locator('button[data-action="suspected-crime"]').click();
    const form = page.getByTestId('command-form-suspected-crime');
    await form.waitFor();
    await expect(form.getByText('涉嫌犯罪的事实和理由').count()).resolves.toBeGreaterThan(0);
    await fillCommand(page, { grounds: { text: '证人证言显示三家门店销售该批电暖器约七万元' }, threshold: { text: '销售金额五万元以上（立案追诉标准）' } });
    await expectAccessible(page, 'flag-suspected-crime');
    expect(await submitted('suspected-crime')).toBe(200);
    await form.waitFor({ state: 'detached' });
    const c = await api.case('head.sun', caseId);
    expect(c.flags).toContain('SUSPECTED_CRIME');
  });

  it('the head decides not to transfer, with reasons', async () => {
    await signInAs(h, 'head.sun');
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    await page.locator('button[data-action="suspected-crime/no-transfer"]').click();
    const form = page.getByTestId('command-form-suspected-crime/no-transfer');
    await form.waitFor();
    await expect(form.getByText('不予移送的理由').count()).resolves.toBeGreaterThan(0);
    await fillCommand(page, { reasons: { text: reasons } });
    expect(await submitted('suspected-crime/no-transfer')).toBe(200);
    await form.waitFor({ state: 'detached' });
    expect((await api.case('head.sun', caseId)).flags).not.toContain('SUSPECTED_CRIME');
  });

  it('the supervisor reads the decision and its grounds on the transfer watch', async () => {
    await signInAs(h, 'supervisor.zhou');
    await page.getByRole('navigation').getByRole('link', { name: '移送监督' }).click();
    await page.waitForURL(/\/console\/supervision\/transfers$/);
    const row = page.getByTestId('no-transfer-decisions').locator('tr', { hasText: caseNumber });
    await row.waitFor();
    await expect(row.getByTestId('no-transfer-reasons').textContent()).resolves.toBe(reasons);
    await expect(row.textContent()).resolves.toContain('执法人员标记：证人证言显示三家门店销售该批电暖器约七万元（销售金额五万元以上（立案追诉标准））');
    await shot(page, 'no-transfer-decisions');
    await expectAccessible(page, 'no-transfer-decisions');
  });

  it('logged no error in the browser console', () => {
    expect(h.errors).toEqual([]);
  });
});
