import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Client } from '../e2e/command-helpers';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// 案卷评查 in a real browser: the supervisor evaluates this year's files,
// downloads the CSV for the annual report and opens one file's checklist:
// a suspected crime left unresolved is the check it fails.
describe('the case-file evaluation in a browser', () => {
  let h: BrowserHarness;
  let api: Client;
  let page: Page;
  let flagged: { id: string; caseNumber: string };

  beforeAll(async () => {
    h = await openHarness();
    ({ api, page } = h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('has a filed case whose suspected crime is not yet resolved', async () => {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    expect((await api.textEvidence(id)).status).toBe(201);
    const flag = await api.command('officer.zhang', id, 'suspected-crime', { grounds: '销售金额疑似超过五万元' });
    expect(flag.status).toBe(200);
    flagged = { id, caseNumber: (await api.case('officer.zhang', id)).caseNumber };
  });

  it('lists the period’s files with their grades and failed checks, and downloads them as CSV', async () => {
    await signInAs(h, 'supervisor.zhou');
    const read = page.waitForResponse((r) => r.url().includes('/api/v1/supervision/evaluations'));
    await page.getByRole('navigation').getByRole('link', { name: '案卷评查' }).click();
    await page.waitForURL(/\/console\/supervision\/evaluations$/);
    expect((await read).status()).toBe(200);
    const row = page.getByTestId('evaluations').locator('tr', { hasText: flagged.caseNumber });
    await row.waitFor();
    await expect(row.locator('[data-grade]').getAttribute('data-grade')).resolves.toBe('PASS');
    await expect(row.textContent()).resolves.toContain('涉嫌犯罪的依法移送或经负责人说明理由决定不移送');
    await expect(page.getByTestId('evaluation-totals').textContent()).resolves.toMatch(/共 \d+ 件/);

    const download = page.waitForEvent('download');
    await page.getByTestId('download-csv').click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toBe('case_number,status,score,grade,failed_checks');
    expect(csv).toContain(`${flagged.caseNumber},`);
    await shot(page, 'evaluations');
    await expectAccessible(page, 'evaluations');
  });

  it('opens one file: each check with its result, finding, source and event', async () => {
    await page.getByTestId('evaluations').getByRole('link', { name: flagged.caseNumber }).click();
    await page.waitForURL(new RegExp(`/console/supervision/evaluations/${flagged.id}$`));
    const checks = page.getByTestId('evaluation-checks');
    const transfer = checks.locator('tr', { has: page.locator('[data-check="transfer"]') });
    await transfer.waitFor();
    await expect(transfer.locator('[data-result]').getAttribute('data-result')).resolves.toBe('FAIL');
    await expect(transfer.textContent()).resolves.toContain('涉嫌犯罪尚未依法处理');
    await expect(transfer.textContent()).resolves.toContain('R310 3, 11; APL 27');
    const rights = checks.locator('tr', { has: page.locator('[data-check="rights-told"]') });
    await expect(rights.locator('[data-result]').getAttribute('data-result')).resolves.toBe('PASS');
    const { data } = await api.as('supervisor.zhou').GET('/api/v1/supervision/cases/{id}/evaluation', { params: { path: { id: flagged.id } } });
    await expect(page.getByTestId('evaluation-score').textContent()).resolves.toBe(String(data!.score));
    await shot(page, 'evaluation');
    await expectAccessible(page, 'evaluation');
  });

  it('logged no error in the browser console on any page', () => {
    expect(h.errors).toEqual([]);
  });
});
