import { readSheet } from 'read-excel-file/node';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Client } from '../e2e/command-helpers';
import { chooseOption } from './forms';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// 执法统计 in a real browser: the supervisor reads this year's figures as
// tables, groups them by violation, and downloads them as CSV and XLSX.
describe('the enforcement statistics in a browser', () => {
  let h: BrowserHarness;
  let api: Client;
  let page: Page;

  beforeAll(async () => {
    h = await openHarness();
    ({ api, page } = h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('has an on-the-spot fine decided today', async () => {
    const lead = await api.register({ procedure: 'SIMPLE', violationCode: 'TRAFFIC-RULE', party: { type: 'PERSON', name: '李某' }, officerIds: [api.id('officer.zhang')] });
    const decided = await api.command('officer.zhang', lead.id, 'simple-decision', {
      facts: 'Vehicle stopped in a no-stopping zone',
      legalBasis: '《道路交通安全法》第九十条',
      penalty: { kinds: ['FINE'], fineAmount: 200 },
      documentNumber: '长市监简〔2026〕BST-1号',
      text: '当场处罚决定书: 罚款 200 元',
      service: { method: 'DIRECT', servedAt: new Date().toISOString(), recipient: '李某', proof: '当事人签收' },
      defence: { waived: true },
    });
    expect(decided.status).toBe(200);
  });

  it('shows the figures as tables, grouped as chosen, and downloads them as CSV and XLSX', async () => {
    await signInAs(h, 'supervisor.zhou');
    const read = page.waitForResponse((r) => r.url().includes('/api/v1/supervision/statistics'));
    await page.getByRole('navigation').getByRole('link', { name: '执法统计' }).click();
    await page.waitForURL(/\/console\/supervision\/statistics$/);
    expect((await read).status()).toBe(200);
    // One group, the agency: the fine is among its figures.
    const cases = page.getByTestId('statistics-cases');
    const agencyRow = cases.locator('tbody tr', { hasText: '市场监督管理局' });
    await agencyRow.waitFor();
    await expect(agencyRow.textContent()).resolves.toContain('罚款');

    // By violation: the traffic group, with the numbers the API gives.
    const byCode = page.waitForResponse((r) => r.url().includes('groupBy=violationCode'));
    await chooseOption(page, page.getByRole('combobox', { name: '分组' }), '按违法行为');
    await byCode;
    const { data } = await api.as('supervisor.zhou').GET('/api/v1/supervision/statistics', {
      params: { query: { from: `${new Date().getFullYear()}-01-01`, to: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()), groupBy: 'violationCode' } },
    });
    const traffic = data!.groups.find((g) => g.key === 'TRAFFIC-RULE')!;
    const row = cases.locator('tbody tr', { hasText: 'TRAFFIC-RULE' });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toBe('TRAFFIC-RULE');
    expect(cells[1]).toBe(String(traffic.opened));
    expect(cells[6]).toBe(String(traffic.fineTotal));
    await expect(page.getByTestId('statistics-execution').locator('tbody tr', { hasText: 'TRAFFIC-RULE' }).locator('td').nth(1).textContent()).resolves.toBe(String(traffic.execution.due));

    const download = page.waitForEvent('download');
    await page.getByTestId('download-csv').click();
    const csv = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toMatch(/^group,label,opened,filed,decided,/);
    expect(csv).toContain(`TRAFFIC-RULE,TRAFFIC-RULE,${traffic.opened},`);

    const xlsx = page.waitForEvent('download');
    await page.getByTestId('download-xlsx').click();
    expect((await xlsx).suggestedFilename()).toMatch(/^statistics-violationCode-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [header, ...rows] = await readSheet(readFileSync(await (await xlsx).path()));
    expect(header.slice(0, 5)).toEqual(['group', 'label', 'opened', 'filed', 'decided']);
    expect(rows.find((r) => r[0] === 'TRAFFIC-RULE')?.[2]).toBe(traffic.opened);
    await shot(page, 'statistics');
    await expectAccessible(page, 'statistics');
  });

  it('logged no error in the browser console on any page', () => {
    expect(h.errors).toEqual([]);
  });
});
