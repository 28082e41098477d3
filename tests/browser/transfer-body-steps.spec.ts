import type { Page } from 'playwright-core';
import type { CaseView } from '@zhifa/api-client';
import { ago, type Client } from '../e2e/command-helpers';
import { fillCommand, submitCommand, type FieldInput } from './forms';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// The limits of the police and the procuratorate in the console: the police
// record their intake review from their incoming transfers (R310 7's 24
// hours), the procuratorate asks them to explain their refusal and the police
// explain, each from the liaison's screen with its limit; the supervisor sees
// the supervision's steps and each body's limits on the transfer watch.
describe("the outside bodies' limits on a transfer in the console", () => {
  let h: BrowserHarness;
  let api: Client;
  let page: Page;
  let caseId: string;
  let caseNumber: string;

  beforeAll(async () => {
    h = await openHarness();
    ({ api, page } = h);
    caseId = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    const steps: [string, string, Record<string, unknown>][] = [
      ['officer.zhang', 'criminal-transfer', { grounds: '销售伪劣产品，销售金额达到追诉标准', officerIds: [api.id('officer.zhang'), api.id('officer.li')] }],
      ['head.sun', 'criminal-transfer/approval', { approve: true, reason: '达到追诉标准' }],
      ['officer.li', 'criminal-transfer/dispatch', { sentAt: ago(600), policeAgency: '长治市公安局', procuratorate: '长治市人民检察院', documents: ['移送书'] }],
      ['police.wu', 'criminal-transfer/police-decision', { decision: 'RECEIPT', at: ago(500) }],
    ];
    for (const [user, action, body] of steps) {
      const res = await api.command(user, caseId, action, body);
      if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
      caseNumber = res.body.case.caseNumber as string;
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  /** From the liaison's incoming transfers: the row's action opens its form; the form is filled and sent. */
  async function fromIncoming(username: string, action: string, source: string, fields: Record<string, FieldInput>): Promise<CaseView> {
    await signInAs(h, username);
    const read = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/tasks'));
    await page.getByRole('navigation').getByRole('link', { name: '移送案件' }).click();
    await page.waitForURL(/\/console\/transfers\/incoming$/);
    expect((await read).status()).toBe(200);
    const row = page.getByTestId('incoming-transfers').locator('tr', { hasText: caseNumber }).filter({ has: page.locator(`button[data-action="${action}"]`) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(source);
    await expectAccessible(page, `incoming-${action.replace('/', '-')}`);
    await row.locator(`button[data-action="${action}"]`).click();
    const form = page.getByTestId(`command-form-${action}`);
    await form.waitFor();
    await fillCommand(page, fields);
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/cases/${caseId}/${action}`));
    await submitCommand(page);
    const res = await answer;
    expect({ status: res.status(), body: res.status() === 200 ? null : await res.json() }).toEqual({ status: 200, body: null });
    await form.waitFor({ state: 'detached' });
    return api.case(username, caseId);
  }

  it("the police record their intake review within 24 hours of receipt, from their incoming transfers", async () => {
    const c = await fromIncoming('police.wu', 'criminal-transfer/intake-review', 'R310 7', { at: { text: ago(400) } });
    expect(c.deadlines.find((d) => d.kind === 'policeIntakeReview')).toMatchObject({ state: 'MET' });
    expect(c.status).toBe('TRANSFER_RECEIVED');
  });

  it('after the refusal and the request for supervision, the procuratorate asks the police to explain, and the police explain', async () => {
    expect((await api.command('police.wu', caseId, 'criminal-transfer/police-decision', { decision: 'DECLINE', at: ago(300), reason: '未达追诉标准' })).status).toBe(200);
    expect((await api.command('officer.zhang', caseId, 'criminal-transfer/supervision', { action: 'REQUEST', reason: '不予立案理由不能成立' })).status).toBe(200);
    let c = await fromIncoming('procurator.zheng', 'criminal-transfer/explanation-request', 'procuratorate rules', {
      at: { text: new Date().toISOString() },
      reason: { text: '销售账册显示销售金额已达追诉标准，需公安机关说明不立案理由' },
    });
    expect(c.deadlines.find((d) => d.kind === 'policeNonFilingExplanation')).toMatchObject({ state: 'OPEN', owner: 'POLICE' });
    await shot(page, 'explanation-requested');
    c = await fromIncoming('police.wu', 'criminal-transfer/explanation', 'Procuratorate rules', {
      at: { text: new Date().toISOString() },
      explanation: { text: '经核实，退货部分不计入销售金额，实际销售金额未达追诉标准' },
    });
    expect(c.deadlines.find((d) => d.kind === 'policeNonFilingExplanation')).toMatchObject({ state: 'MET' });
  });

  it("shows the supervisor the supervision's steps and each body's limits", async () => {
    await signInAs(h, 'supervisor.zhou');
    const read = page.waitForResponse((r) => r.url().includes('/api/v1/supervision/transfers'));
    await page.goto(`${h.stack.url}/console/supervision/transfers?stage=TRANSFER_SUPERVISION_REQUESTED&pageSize=100`);
    expect((await read).status()).toBe(200);
    const row = page.getByTestId('transfers').locator('tr', { hasText: caseNumber });
    await row.waitFor();
    await expect(row.getByTestId('supervision-steps').textContent()).resolves.toMatch(/提请.*要求说明不立案理由.*公安机关说明理由/);
    await expect(row.locator('[data-limit="supervisionExplanationRequest"]').textContent()).resolves.toMatch(/^要求说明不立案理由：.+ 办结$/);
    await expect(row.locator('[data-limit="policeNonFilingExplanation"]').textContent()).resolves.toMatch(/^公安机关说明不立案理由：.+ 办结$/);
    await expect(row.locator('[data-limit="policeIntakeReview"]').textContent()).resolves.toMatch(/^公安机关受理审查（24小时）：.+ 办结$/);
    await shot(page, 'transfer-watch-supervision');
    await expectAccessible(page, 'transfer-watch-supervision');
  });

  it('logged no error in the browser console on any page', () => {
    expect(h.errors).toEqual([]);
  });
});
