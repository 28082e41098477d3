import type { Page } from 'playwright-core';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';
import { fillCommand, submitCommand } from './forms';

// The command forms: built from the body schemas the API publishes, sent
// through the typed client, refusals shown where they belong — field errors
// on their fields, the rest with title, reason and code.
describe('command forms in the console', () => {
  let h: BrowserHarness;
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("registers a lead: the API's field errors show on their fields, then the corrected lead opens as a case", async () => {
    await signInAs(h, 'officer.zhang');
    await page.getByRole('navigation').getByRole('link', { name: '案件' }).click();
    await page.getByTestId('register-lead').click();
    const form = page.getByTestId('command-form-register');
    await form.waitFor();
    // Nothing filled but what the form starts with: the API names each missing field.
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/cases') && r.request().method() === 'POST');
    await submitCommand(page);
    expect((await refused).status()).toBe(400);
    await page.getByTestId('command-problem').waitFor();
    await expect(page.getByTestId('command-problem').getAttribute('data-code')).resolves.toBe('VALIDATION.FAILED');
    // On the field itself, as the API said it.
    const summaryItem = form.locator('.ant-form-item', { has: page.locator('#cmd-summary') });
    await summaryItem.locator('.ant-form-item-explain-error').first().waitFor();
    await shot(page, 'register-lead-refused');
    await expectAccessible(page, 'register-lead-refused');

    await fillCommand(page, {
      source: { text: '投诉举报' },
      'party-type': { radio: '自然人' },
      'party-name': { text: '王某' },
      violationCode: { select: 'FOOD-UNLICENSED' },
      summary: { text: '群众举报：某街12号无证销售预包装食品' },
      procedure: { radio: '普通程序' },
      violationAt: { date: '2026-11-18' },
    });
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/cases') && r.request().method() === 'POST');
    await submitCommand(page);
    expect((await created).status()).toBe(201);
    await page.waitForURL(/\/console\/cases\/[0-9a-f-]{36}$/);
    caseId = page.url().split('/').pop()!;
    await expect(page.getByTestId('case-status').textContent()).resolves.toBe('线索已登记');
    const c = await h.api.case('officer.zhang', caseId);
    expect(c.party.name).toBe('王某');
    expect(c.officers.map((o) => o.userId)).toEqual([h.api.id('officer.zhang')]);
  });

  it("a head's filing with one officer is refused with the law's reason and code; with two it files the case", async () => {
    await signInAs(h, 'head.sun');
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    await page.locator('button[data-action="filing"]').click();
    await page.getByTestId('command-form-filing').waitFor();
    await fillCommand(page, { approve: { radio: '是' }, reason: { text: '经核查，案件事实基本清楚，属本机关管辖' } });
    const refused = page.waitForResponse((r) => r.url().endsWith(`/cases/${caseId}/filing`));
    await submitCommand(page);
    expect((await refused).status()).toBe(422);
    const problem = page.getByTestId('command-problem');
    await problem.waitFor();
    const code = await problem.getAttribute('data-code');
    expect(code).toMatch(/^CASE\./);
    await expect(problem.textContent()).resolves.toContain(code!);
    await shot(page, 'command-refused');
    expect((await h.api.case('head.sun', caseId)).status).toBe('LEAD_REGISTERED');

    await fillCommand(page, { officerIds: { select: ['张伟', '李娜'] } });
    const filed = page.waitForResponse((r) => r.url().endsWith(`/cases/${caseId}/filing`));
    await submitCommand(page);
    expect((await filed).status()).toBe(200);
    await page.getByTestId('command-form-filing').waitFor({ state: 'detached' });
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    // The case is read again after the command: the header follows.
    await page.getByTestId('case-status').getByText('已立案', { exact: true }).waitFor();
    const c = await h.api.case('head.sun', caseId);
    expect(c.status).toBe('FILED');
    expect(c.officers.map((o) => o.userId).sort()).toEqual([h.api.id('officer.zhang'), h.api.id('officer.li')].sort());
    await expectAccessible(page, 'case-filed');
  });

  it('logged no error in the browser console', () => {
    expect(h.errors).toEqual([]);
  });
});
