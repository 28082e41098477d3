import type { Page } from 'playwright-core';
import { ago, type Client } from '../e2e/command-helpers';
import { fillCommand, submitCommand } from './forms';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// The liaisons' incoming transfers (两法衔接) in a real browser: the police the
// transfer was dispatched to see it waiting with its R310 limit and sign its
// receipt from there; a liaison of another police body sees nothing. Once
// forwarded to the competent unit (R310 7), the transfer waits for that
// unit's liaison instead, and leaves the forwarding unit's list.
describe('incoming transfers in a browser', () => {
  let h: BrowserHarness;
  let api: Client;
  let page: Page;
  let sent: { id: string; caseNumber: string };

  beforeAll(async () => {
    h = await openHarness();
    ({ api, page } = h);
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    const steps: [string, string, Record<string, unknown>][] = [
      ['officer.zhang', 'criminal-transfer', { grounds: '销售伪劣产品，销售金额达到追诉标准', officerIds: [api.id('officer.zhang'), api.id('officer.li')] }],
      ['head.sun', 'criminal-transfer/approval', { approve: true, reason: '达到追诉标准' }],
      ['officer.li', 'criminal-transfer/dispatch', { sentAt: ago(60), policeAgency: '长治市公安局', procuratorate: '长治市人民检察院', documents: ['移送书'] }],
    ];
    let caseNumber = '';
    for (const [user, action, body] of steps) {
      const res = await api.command(user, id, action, body);
      if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
      caseNumber = res.body.case.caseNumber as string;
    }
    sent = { id, caseNumber };
  });
  afterAll(async () => {
    await h?.close();
  });

  async function openIncoming(username: string): Promise<void> {
    await signInAs(h, username);
    const read = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/tasks'));
    await page.getByRole('navigation').getByRole('link', { name: '移送案件' }).click();
    await page.waitForURL(/\/console\/transfers\/incoming$/);
    expect((await read).status()).toBe(200);
  }

  it('shows the addressed police the transfer with its limit, and they sign its receipt from the list', async () => {
    await openIncoming('police.wu');
    const row = page.getByTestId('incoming-transfers').locator('tr', { hasText: sent.caseNumber });
    await row.waitFor();
    await expect(page.getByTestId('my-body').textContent()).resolves.toBe('本机关：长治市公安局');
    await expect(row.textContent()).resolves.toContain('R310 8');
    await shot(page, 'incoming-transfers');
    await expectAccessible(page, 'incoming-transfers');

    await row.locator('button[data-action="criminal-transfer/police-decision"]').click();
    await page.getByTestId('command-form-criminal-transfer/police-decision').waitFor();
    await fillCommand(page, { decision: { radio: '已接收' } });
    const recorded = page.waitForResponse((r) => r.url().endsWith(`/cases/${sent.id}/criminal-transfer/police-decision`));
    await submitCommand(page);
    const res = await recorded;
    expect({ status: res.status(), body: res.status() === 200 ? null : await res.json() }).toEqual({ status: 200, body: null });
    await page.getByTestId('command-form-criminal-transfer/police-decision').waitFor({ state: 'detached' });
    expect((await api.case('police.wu', sent.id)).status).toBe('TRANSFER_RECEIVED');
    // Still theirs to decide on filing, now counted from the receipt; and the receipt starts their 24 hours to review it (R310 7).
    await row.filter({ has: page.locator('button[data-action="criminal-transfer/police-decision"]') }).waitFor();
    await expect(row.filter({ has: page.locator('button[data-action="criminal-transfer/intake-review"]') }).textContent()).resolves.toContain('R310 7');
  });

  it('shows a liaison of another police body nothing of it', async () => {
    await openIncoming('police.jiang');
    await expect(page.getByTestId('my-body').textContent()).resolves.toBe('本机关：晋城市公安局');
    await page.getByTestId('incoming-transfers').locator('.ant-empty, .ant-table-placeholder').first().waitFor();
    await expect(page.getByTestId('incoming-transfers').textContent()).resolves.not.toContain(sent.caseNumber);
  });

  it('once forwarded, waits for the competent unit’s liaison, who signs its receipt from the list; it leaves the forwarding unit’s list', async () => {
    const forwarded = await api.command('police.wu', sent.id, 'criminal-transfer/forward', { policeAgency: '长治市公安局潞州分局', at: ago(10), reason: '违法行为发生地在潞州区' });
    expect(forwarded.status).toBe(200);
    await openIncoming('police.tian');
    await expect(page.getByTestId('my-body').textContent()).resolves.toBe('本机关：长治市公安局潞州分局');
    const row = page.getByTestId('incoming-transfers').locator('tr', { hasText: sent.caseNumber });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('R310 8');
    await shot(page, 'incoming-transfer-forwarded');
    await expectAccessible(page, 'incoming-transfer-forwarded');
    await row.locator('button[data-action="criminal-transfer/police-decision"]').click();
    await page.getByTestId('command-form-criminal-transfer/police-decision').waitFor();
    await fillCommand(page, { decision: { radio: '已接收' } });
    const recorded = page.waitForResponse((r) => r.url().endsWith(`/cases/${sent.id}/criminal-transfer/police-decision`));
    await submitCommand(page);
    expect((await recorded).status()).toBe(200);
    await page.getByTestId('command-form-criminal-transfer/police-decision').waitFor({ state: 'detached' });

    await openIncoming('police.wu');
    await expect(page.getByTestId('my-body').textContent()).resolves.toBe('本机关：长治市公安局');
    await page.getByTestId('incoming-transfers').locator('.ant-empty, .ant-table-placeholder, tbody tr').first().waitFor();
    await expect(page.getByTestId('incoming-transfers').textContent()).resolves.not.toContain(sent.caseNumber);
  });
});
