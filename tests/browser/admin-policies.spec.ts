import type { Page } from 'playwright-core';
import type { JurisdictionPolicy } from '@zhifa/domain';
import { DEMO_POLICY } from '../../infra/seed/demo-policy';
import { eventually } from '../support/eventually';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// Policy versions (政策版本) in a real browser: an administrator edits the
// version in force in the JSON editor, is shown every bad field of an invalid
// draft, then publishes a changed version and reads its diff against the one before.
describe('policy versions in the console', () => {
  let h: BrowserHarness;
  let page: Page;
  const NEXT = 'changzhi-market-2026.4-browser';

  beforeAll(async () => {
    // Its own database: the version published here becomes every later case's policy.
    h = await openHarness({ isolated: true });
    page = h.page;
  });
  afterAll(() => h?.close());

  /** The editor's document, changed by `edit`, typed back into the textarea. */
  async function editDocument(edit: (doc: JurisdictionPolicy) => void): Promise<void> {
    const editor = page.locator('#publish-policy_document');
    const doc = JSON.parse(await editor.inputValue()) as JurisdictionPolicy;
    edit(doc);
    await editor.fill(JSON.stringify(doc, null, 2));
  }

  async function submit(): Promise<number> {
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/policies') && r.request().method() === 'POST');
    await page.locator('form#publish-policy button[type=submit]').click();
    return (await answered).status();
  }

  it('an administrator is shown each bad field of an invalid draft, then publishes a changed version and sees its diff', async () => {
    await signInAs(h, 'admin');
    const read = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/policies') && r.request().method() === 'GET');
    await page.getByRole('navigation').getByRole('link', { name: '政策版本' }).click();
    await page.waitForURL(/\/console\/admin\/policies$/);
    expect((await read).status()).toBe(200);
    const table = page.getByTestId('policies');
    await expect(table.locator('tr', { hasText: DEMO_POLICY.version }).textContent()).resolves.toContain('现行');
    // The editor is filled with the version in force.
    await eventually(async () => (await page.locator('#publish-policy_document').inputValue()).includes(`"version": "${DEMO_POLICY.version}"`));
    await expectAccessible(page, 'policies');

    await editDocument((doc) => {
      doc.version = NEXT;
      doc.deadlines.filingDecision.days = -1;
      doc.discretion![0].bands[0].levels.GENERAL = { min: 85000, max: 65000 };
      doc.criminalThresholds![0].violationCode = 'NO-SUCH-CODE';
    });
    expect(await submit()).toBe(400);
    const errors = page.getByTestId('policy-errors');
    await errors.waitFor();
    const listed = await errors.locator('li').allTextContents();
    expect(listed).toEqual([
      expect.stringContaining('policy.deadlines.filingDecision.days'),
      expect.stringContaining('policy.discretion[0].bands[0].levels.GENERAL'),
      expect.stringContaining('policy.criminalThresholds[0].violationCode'),
    ]);
    expect(listed[1]).toContain('上下限颠倒');
    await shot(page, 'policy-refused');

    await editDocument((doc) => {
      doc.deadlines.filingDecision.days = 10;
      doc.discretion![0].bands[0].levels.GENERAL = { min: 65000, max: 85000 };
      doc.criminalThresholds![0].violationCode = 'PRODUCT-FAKE';
    });
    await page.locator('#publish-policy_reason').fill('立案期限缩短为10个工作日');
    expect(await submit()).toBe(201);
    await page.getByText(`版本 ${NEXT} 已发布`).waitFor();
    await expect(table.locator('tr', { hasText: NEXT }).textContent()).resolves.toContain('现行');
    await expect(table.locator('tr', { hasText: DEMO_POLICY.version }).textContent()).resolves.toContain('已停用');

    const changes = page.getByTestId('policy-changes');
    await changes.getByText(`版本 ${NEXT} 相对 ${DEMO_POLICY.version} 的变更`).waitFor();
    const diff = page.getByTestId('policy-diff');
    const row = diff.locator('tr', { hasText: 'deadlines.filingDecision.days' });
    await row.waitFor();
    expect((await row.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['deadlines.filingDecision.days', '修改', '15', '10']);
    await expect(diff.locator('tbody tr').count()).resolves.toBe(2);
    await expectAccessible(page, 'policy-diff');
    await shot(page, 'policy-published');

    // The version before, viewed: the first version, every section added.
    await page.getByTestId(`view-${DEMO_POLICY.version}`).click();
    await changes.getByText(`版本 ${DEMO_POLICY.version}（首个版本）`).waitFor();
    expect(h.errors).toEqual([]);
  });
});
