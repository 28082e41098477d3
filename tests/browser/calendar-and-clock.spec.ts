import type { Page } from 'playwright-core';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';
import { fillCommand, submitCommand } from './forms';

// Issue 10 items 6 and 7 in a real browser: an administrator publishes a
// holiday calendar (its bad dates named, then a good one listed), and an
// officer records a testing entrustment and its report on a case page.
describe('holiday calendars and testing and appraisal in the console', () => {
  let h: BrowserHarness;
  let page: Page;
  const YEAR = 2043;

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
  });
  afterAll(async () => {
    // A test calendar is not a real notice: later suites of this run count without it.
    await h?.stack.ds.query(`DELETE FROM holiday_calendars WHERE year = $1`, [YEAR]);
    // This harness runs no jobs: its announcement is not left for a later suite's jobs to deliver.
    await h?.stack.ds.query(`DELETE FROM outbox WHERE event_id LIKE $1 AND dispatched_at IS NULL`, [`calendar:${YEAR}:%`]);
    await h?.close();
  });

  it('offers no calendar entry to an officer', async () => {
    await signInAs(h, 'officer.zhang');
    await page.getByRole('navigation').getByRole('link', { name: '案件' }).waitFor();
    await expect(page.getByRole('navigation').getByRole('link', { name: '节假日安排' }).count()).resolves.toBe(0);
  });

  it('an administrator sees the 2026 notice, is told each bad date, then publishes a year', async () => {
    await signInAs(h, 'admin');
    const read = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/calendars') && r.request().method() === 'GET');
    await page.getByRole('navigation').getByRole('link', { name: '节假日安排' }).click();
    await page.waitForURL(/\/console\/admin\/calendars$/);
    expect((await read).status()).toBe(200);
    await page.getByTestId('calendars').locator('tr', { hasText: '2026' }).waitFor();
    await expectAccessible(page, 'calendars');

    await page.getByLabel('年份').fill(String(YEAR));
    await page.getByLabel('放假日').fill(`${YEAR}-01-01\n${YEAR - 1}-12-31`);
    await page.getByLabel('调休上班日').fill(`${YEAR}-01-01`);
    await page.getByLabel('来源').fill('浏览器测试用节假日安排（非真实通知）');
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/calendars') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '发布' }).click();
    expect((await refused).status()).toBe(400);
    const errors = page.getByTestId('calendar-errors');
    await errors.waitFor();
    await expect(errors.locator('li').allTextContents()).resolves.toEqual([
      expect.stringContaining('holidays[1]'),
      expect.stringContaining('adjustedWorkingDays[0]'),
      expect.stringContaining('adjustedWorkingDays[0]'),
    ]);
    await shot(page, 'calendar-refused');
    await expectAccessible(page, 'calendar-refused');

    await page.getByLabel('放假日').fill(`${YEAR}-01-01`);
    await page.getByLabel('调休上班日').fill('');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/calendars') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '发布' }).click();
    expect((await created).status()).toBe(201);
    await page.getByTestId('calendars').locator('tr', { hasText: String(YEAR) }).waitFor();
    await page.getByRole('status').waitFor();
  });

  it('an officer entrusts a test on the case page, then records its report; the decision limit pauses in between', async () => {
    const id = await h.api.filedCase();
    await signInAs(h, 'officer.zhang');
    await page.goto(`${h.stack.url}/console/cases/${id}`);
    await page.locator('button[data-action="examination"]').click();
    await page.getByTestId('command-form-examination').waitFor();
    await fillCommand(page, {
      kind: { radio: '检测' },
      subject: { text: '抽样的散装食用油：过氧化值' },
      institution: { text: '长治市食品药品检验检测中心' },
    });
    await expectAccessible(page, 'examination-form');
    const started = page.waitForResponse((r) => r.url().endsWith(`/cases/${id}/examination`));
    await submitCommand(page);
    expect((await started).status()).toBe(200);
    await page.getByTestId('command-form-examination').waitFor({ state: 'detached' });
    expect((await h.api.case('officer.zhang', id)).deadlines.find((d) => d.kind === 'decision')?.state).toBe('SUSPENDED');

    await page.locator('button[data-action="examination/result"]').click();
    await page.getByTestId('command-form-examination/result').waitFor();
    await fillCommand(page, { examinationNo: { number: 1 }, result: { text: '过氧化值 0.38 g/100g，超过限量' }, reportNumber: { text: 'JC-2026-0415' } });
    const ended = page.waitForResponse((r) => r.url().endsWith(`/cases/${id}/examination/result`));
    await submitCommand(page);
    expect((await ended).status()).toBe(200);
    await page.getByTestId('command-form-examination/result').waitFor({ state: 'detached' });
    const decision = (await h.api.case('officer.zhang', id)).deadlines.find((d) => d.kind === 'decision')!;
    expect(decision.state).toBe('OPEN');
    expect(decision.basis.pauses.map((p) => p.reason)).toEqual(['EXAMINATION:1']);
    await shot(page, 'examination-recorded');
  });
});
