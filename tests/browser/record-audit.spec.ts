import type { Page } from 'playwright-core';
import { runAuditJob } from '../support/audit-jobs';
import { eventually } from '../support/eventually';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// The supervisor's record audit (记录核查) in a real browser, with the jobs
// app running: a chain broken behind the trigger's back is alerted and
// acknowledged; a read model altered behind the chain's back is listed as
// stuck and rebuilt from its chain with the button.
describe('the record audit page in a browser', () => {
  let h: BrowserHarness;
  let page: Page;
  let broken: { id: string; number: string };
  let drifted: { id: string; number: string };

  beforeAll(async () => {
    h = await openHarness({ jobs: true });
    page = h.page;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('has a chain broken and a read model altered, and the audit jobs run', async () => {
    const filed = async () => {
      const id = await h.api.filedCase();
      // Once the jobs app has issued the filing's form (DOCUMENT_ISSUED) the case stops moving: a later projection
      // would otherwise write the read model back over the alteration below.
      await eventually(async () => (await h.api.eventTypes(id)).includes('DOCUMENT_ISSUED'), 60_000);
      return { id, number: (await h.api.case('officer.zhang', id)).caseNumber };
    };
    broken = await filed();
    drifted = await filed();
    await h.stack.ds.transaction(async (m) => {
      await m.query('ALTER TABLE case_events DISABLE TRIGGER case_events_append_only');
      await m.query(`UPDATE case_events SET payload = jsonb_set(payload, '{reason}', '"rewritten later"') WHERE case_id = $1 AND seq = 2`, [broken.id]);
      await m.query('ALTER TABLE case_events ENABLE TRIGGER case_events_append_only');
    });
    await h.stack.ds.query(`UPDATE cases SET status = 'CLOSED' WHERE id = $1`, [drifted.id]);
    await runAuditJob(h.stack.cfg.redisUrl, 'CHAIN_VERIFICATION');
    await runAuditJob(h.stack.cfg.redisUrl, 'CASE_RECONCILIATION');
  });

  it('offers no record audit to an officer', async () => {
    await signInAs(h, 'officer.zhang');
    await page.getByRole('navigation').getByRole('link', { name: '案件' }).waitFor();
    await expect(page.getByRole('navigation').getByRole('link', { name: '记录核查' }).count()).resolves.toBe(0);
  });

  it('shows the supervisor the broken chain, where it breaks, and acknowledges it', async () => {
    await signInAs(h, 'supervisor.zhou');
    const read = page.waitForResponse((r) => r.url().includes('/api/v1/supervision/alerts'));
    await page.getByRole('navigation').getByRole('link', { name: '记录核查' }).click();
    await page.waitForURL(/\/console\/supervision\/audit$/);
    expect((await read).status()).toBe(200);
    const row = page.getByTestId('alerts').locator('tr', { hasText: broken.number });
    await row.waitFor();
    await expect(row.getByTestId('broken-at').textContent()).resolves.toBe('第 2 个事件：hash does not match the event content');
    await expect(row.getByRole('link', { name: broken.number }).getAttribute('href')).resolves.toBe(`/console/cases/${broken.id}`);
    await expectAccessible(page, 'record-audit');
    await shot(page, 'record-audit');

    const answer = page.waitForResponse((r) => r.url().includes('/acknowledge') && r.request().method() === 'POST');
    await row.getByRole('button', { name: `确认 ${broken.number}` }).click();
    expect((await answer).status()).toBe(200);
    await page.getByRole('status').filter({ hasText: '预警已确认' }).waitFor();
    await row.waitFor({ state: 'detached' });
    // All alerts, the acknowledged ones too: who acknowledged it, and when.
    await page.getByRole('switch', { name: '只看未处理' }).click();
    await row.getByTestId('acknowledged').waitFor();
    await expect(row.getByTestId('acknowledged').textContent()).resolves.toMatch(/^周督察 于 .+ 确认$/);
  });

  it('lists the altered read model as stuck and rebuilds it from the chain', async () => {
    const row = page.getByTestId('stuck').locator('tr', { hasText: drifted.number });
    await row.waitFor();
    await expect(row.locator('[data-cause]').textContent()).resolves.toBe('查询视图与事件链不一致');
    await expect(row.getByTestId('stuck-detail').textContent()).resolves.toBe('不一致：状态');
    const answer = page.waitForResponse((r) => r.url().includes('/repair') && r.request().method() === 'POST');
    await row.getByRole('button', { name: `按事件链重建 ${drifted.number}` }).click();
    expect((await answer).status()).toBe(200);
    await page.getByRole('status').filter({ hasText: `${drifted.number} 的查询视图已按事件链重建` }).waitFor();
    await row.waitFor({ state: 'detached' });
    await expect(h.api.case('officer.zhang', drifted.id).then((c) => c.status)).resolves.toBe('FILED');
    await shot(page, 'record-audit-repaired');
    expect(h.errors).toEqual([]);
  });
});
