import type { Page } from 'playwright-core';
import { ago, type Client } from '../e2e/command-helpers';
import { chooseOption } from './forms';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// The supervisor's transfer watch (两法衔接监督) in a real browser: a transfer
// waiting for the police and one the head refused, as GET
// /supervision/transfers gives them, with each R310 limit and the reasons.
describe('the transfer watch in a browser', () => {
  let h: BrowserHarness;
  let api: Client;
  let page: Page;
  const cases: Record<'sent' | 'refused', { id: string; caseNumber: string }> = {} as never;

  beforeAll(async () => {
    h = await openHarness();
    ({ api, page } = h);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function proposed(): Promise<{ id: string; caseNumber: string }> {
    const id = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    const res = await api.command('officer.zhang', id, 'criminal-transfer', {
      grounds: '销售伪劣产品，销售金额达到追诉标准',
      officerIds: [api.id('officer.zhang'), api.id('officer.li')],
      thresholdFacts: '销售金额¥86,000',
    });
    expect(res.status).toBe(200);
    return { id, caseNumber: res.body.case.caseNumber as string };
  }

  it('makes one transfer wait for the police and has the head refuse another', async () => {
    cases.sent = await proposed();
    await api.command('head.sun', cases.sent.id, 'criminal-transfer/approval', { approve: true, reason: '达到追诉标准' });
    const sent = await api.command('officer.li', cases.sent.id, 'criminal-transfer/dispatch', {
      sentAt: ago(60),
      policeAgency: '长治市公安局',
      procuratorate: '长治市人民检察院',
      documents: ['移送书'],
    });
    expect(sent.status).toBe(200);
    cases.refused = await proposed();
    const refused = await api.command('head.sun', cases.refused.id, 'criminal-transfer/approval', { approve: false, reason: '销售金额经核实未达追诉标准' });
    expect(refused.status).toBe(200);
  });

  it('shows the supervisor each transfer with its stage, limits and the head\'s reasons', async () => {
    await signInAs(h, 'supervisor.zhou');
    const read = page.waitForResponse((r) => r.url().includes('/api/v1/supervision/transfers'));
    await page.getByRole('navigation').getByRole('link', { name: '移送监督' }).click();
    await page.waitForURL(/\/console\/supervision\/transfers$/);
    expect((await read).status()).toBe(200);
    const table = page.getByTestId('transfers');
    const sent = table.locator('tr', { hasText: cases.sent.caseNumber });
    await sent.waitFor();
    await expect(sent.locator('[data-stage]').getAttribute('data-stage')).resolves.toBe('TRANSFERRED');
    await expect(sent.locator('[data-limit="transferApproval"]').textContent()).resolves.toMatch(/^移送审批：.+ 办结$/);
    await expect(sent.locator('[data-limit="policeFilingDecision"]').textContent()).resolves.toMatch(/^公安机关立案审查：.+ 前$/);
    await expect(sent.textContent()).resolves.toContain('公安机关');
    const refused = table.locator('tr', { hasText: cases.refused.caseNumber });
    await expect(refused.locator('[data-stage]').getAttribute('data-stage')).resolves.toBe('REFUSED_BY_HEAD');
    await expect(refused.getByTestId('head-decision').textContent()).resolves.toBe('不予移送：销售金额经核实未达追诉标准');
    await shot(page, 'transfer-watch');
    await expectAccessible(page, 'transfer-watch');
  });

  it('narrows to the refusals by stage', async () => {
    const table = page.getByTestId('transfers');
    const read = page.waitForResponse((r) => r.url().includes('stage=REFUSED_BY_HEAD'));
    await chooseOption(page, page.locator('#transfer-stage'), '负责人不予移送');
    await read;
    await page.waitForURL(/stage=REFUSED_BY_HEAD/);
    await table.locator('tr', { hasText: cases.refused.caseNumber }).waitFor();
    await table.locator('tr', { hasText: cases.sent.caseNumber }).waitFor({ state: 'detached' });
  });

  it('logged no error in the browser console on any page', () => {
    expect(h.errors).toEqual([]);
  });
});
