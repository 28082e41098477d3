import type { Page } from 'playwright-core';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// The timeline as a supervisor audits it, in a real browser: beside each
// event the role its actor acted in, the certificate valid that day and the
// deadline it met.
describe('the timeline audit in a browser', () => {
  let h: BrowserHarness;
  let page: Page;

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the officer\'s certificate on registration, and the head\'s filing meeting the filing limit', async () => {
    const id = await h.api.filedCase();
    const [{ number }] = await h.stack.ds.query(`SELECT number FROM certificates WHERE user_id = $1 AND valid_from <= CURRENT_DATE AND CURRENT_DATE <= valid_to`, [h.api.id('officer.zhang')]);
    await signInAs(h, 'supervisor.zhou');
    await page.goto(`${h.stack.url}/console/cases/${id}`);
    const rows = page.getByTestId('timeline').locator('tbody tr[data-row-key]');
    await rows.nth(1).waitFor();
    const registered = rows.nth(0);
    await expect(registered.locator('[data-acted-as]').textContent()).resolves.toBe('执法人员');
    await expect(registered.getByTestId('event-certificate').textContent()).resolves.toBe(`执法证 ${number}`);
    const filed = rows.nth(1);
    await expect(filed.locator('[data-acted-as]').getAttribute('data-acted-as')).resolves.toBe('AGENCY_HEAD');
    await expect(filed.getByTestId('event-certificate').count()).resolves.toBe(0);
    await expect(filed.getByTestId('event-deadlines').locator('li[data-outcome="MET"]').textContent()).resolves.toMatch(/：按期完成$/);
    await expectAccessible(page, 'timeline-audit');
    await shot(page, 'timeline-audit');
    expect(h.errors).toEqual([]);
  });
});
