import type { Page } from 'playwright-core';
import { agencyToday, daysBetween, leadDueIn } from '../support/due-leads';
import { eventually } from '../support/eventually';
import type { Client } from '../e2e/command-helpers';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// The supervisor's overdue watch (超期预警) in a real browser: one lead whose
// filing limit has passed and one due within days, as GET
// /supervision/overdue gives them, in its order, with basis and who waits.
describe('the supervision page in a browser', () => {
  let h: BrowserHarness;
  let api: Client;
  let page: Page;
  const cases: Record<'past' | 'near', { id: string; caseNumber: string; dueDate: string }> = {} as never;

  beforeAll(async () => {
    h = await openHarness();
    ({ api, page } = h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('makes one case overdue and one near its deadline', async () => {
    for (const [key, due, party] of [
      ['near', leadDueIn(1, 3), '孙某'],
      ['past', leadDueIn(-20, -3), '李某'],
    ] as const) {
      const { data, response } = await api.as('officer.zhang').POST('/api/v1/cases', {
        body: {
          source: 'inspection',
          discoveredAt: due.discoveredAt,
          violationAt: due.violationAt,
          party: { type: 'PERSON', name: party },
          violationCode: 'FOOD-UNLICENSED',
          summary: 'browser test supervision',
          procedure: 'ORDINARY',
          officerIds: [api.id('officer.zhang'), api.id('officer.li')],
        },
      });
      expect(response.status).toBe(201);
      cases[key] = { id: data!.id, caseNumber: data!.caseNumber, dueDate: due.dueDate };
    }
    await eventually(async () => (await api.case('head.sun', cases.past.id)).deadlines.find((d) => d.kind === 'filingDecision')?.state === 'MISSED');
  });

  it('offers no supervision entry to a head', async () => {
    await signInAs(h, 'head.sun');
    await page.getByRole('navigation').getByRole('link', { name: '案件' }).waitFor();
    await expect(page.getByRole('navigation').getByRole('link', { name: '监督', exact: true }).count()).resolves.toBe(0);
  });

  it('shows the supervisor both, the overdue first, with basis and who each waits for', async () => {
    await signInAs(h, 'supervisor.zhou');
    const read = page.waitForResponse((r) => r.url().includes('/api/v1/supervision/overdue'));
    await page.getByRole('navigation').getByRole('link', { name: '监督', exact: true }).click();
    await page.waitForURL(/\/console\/supervision$/);
    expect((await read).status()).toBe(200);
    const table = page.getByTestId('overdue');
    await table.locator('tr', { hasText: cases.near.caseNumber }).waitFor();

    // The rows in the API's order.
    const { data } = await api.as('supervisor.zhou').GET('/api/v1/supervision/overdue', { params: { query: { withinDays: 3, pageSize: 20 } } });
    const shown = await table.locator('tbody tr[data-row-key] td:first-child a').allTextContents();
    expect(shown).toEqual(data!.items.map((i) => i.caseNumber));
    expect(shown.indexOf(cases.past.caseNumber)).toBeLessThan(shown.indexOf(cases.near.caseNumber));

    const today = agencyToday();
    const past = table.locator('tr', { hasText: cases.past.caseNumber });
    await expect(past.getAttribute('class')).resolves.toContain('zf-row-overdue');
    await expect(past.locator('[data-overdue]').getAttribute('data-overdue')).resolves.toBe('true');
    await expect(past.locator('[data-overdue]').textContent()).resolves.toBe(`已超期 ${-daysBetween(today, cases.past.dueDate)} 天`);
    await expect(past.locator('[data-deadline]').textContent()).resolves.toBe('立案决定');
    await expect(past.getByTestId('basis').textContent()).resolves.toMatch(/^MSA 18；自 .+ 起算，15 个工作日$/);
    await expect(past.getByTestId('responsible').textContent()).resolves.toMatch(/孙局长（立案审批）/);
    const near = table.locator('tr', { hasText: cases.near.caseNumber });
    await expect(near.getAttribute('class')).resolves.not.toContain('zf-row-overdue');
    await expect(near.locator('[data-overdue]').getAttribute('data-days-left')).resolves.toBe(String(daysBetween(today, cases.near.dueDate)));
    await expect(near.getByTestId('responsible').textContent()).resolves.toMatch(/钱副局长（立案审批）/);

    // The counts per kind, in words and bars.
    const filing = data!.counts.find((c) => c.deadline === 'filingDecision')!;
    await expect(page.getByTestId('overdue-chart').locator('[data-deadline="filingDecision"]').textContent()).resolves.toBe(
      `立案决定：已超期 ${filing.overdue} 件，临期 ${filing.near} 件`,
    );
    await shot(page, 'supervision');
    await expectAccessible(page, 'supervision');
  });

  it('narrows to what is overdue or due today, by keyboard', async () => {
    const table = page.getByTestId('overdue');
    await page.locator('#supervision-within').focus();
    await page.keyboard.press('Enter');
    await page.locator('.ant-select-item-option', { hasText: '仅今日到期' }).waitFor();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    const read = page.waitForResponse((r) => r.url().includes('withinDays=0'));
    await page.keyboard.press('Enter');
    await read;
    await page.waitForURL(/within=0/);
    await table.locator('tr', { hasText: cases.past.caseNumber }).waitFor();
    await table.locator('tr', { hasText: cases.near.caseNumber }).waitFor({ state: 'detached' });
  });

  it('opens the overdue case: its deadline shows the days the API counted', async () => {
    await page.getByTestId('overdue').getByRole('link', { name: cases.past.caseNumber }).click();
    await page.waitForURL(new RegExp(`/console/cases/${cases.past.id}$`));
    const row = page.getByTestId('deadlines').locator('tr[data-row-key="filingDecision"]');
    await row.waitFor();
    const deadline = (await api.case('supervisor.zhou', cases.past.id)).deadlines.find((d) => d.kind === 'filingDecision')!;
    await expect(row.locator('[data-overdue]').getAttribute('data-days-left')).resolves.toBe(String(deadline.daysLeft));
    await expect(row.locator('[data-overdue]').getAttribute('data-overdue')).resolves.toBe('true');
  });

  it('logged no error in the browser console on any page', () => {
    expect(h.errors).toEqual([]);
  });
});
