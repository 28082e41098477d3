import type { Page } from 'playwright-core';
import type { CaseView } from '@zhifa/api-client';
import { ago } from '../e2e/command-helpers';
import { expectAccessible, openHarness, signInAs, type BrowserHarness } from './harness';
import { fillCommand, submitCommand, type FieldInput } from './forms';

// 两法衔接 through the console, each new step by its own role on the case
// page: a lead proposed for transfer, the police asking for missing material
// and forwarding to the competent unit (chosen from the register), whose
// liaison then acts, the officer supplying material and handing the items
// over after filing, and the police returning the case (APL 27).
describe('the police side of a transfer in the console', () => {
  let h: BrowserHarness;
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
    caseId = (await h.api.register({ violationCode: 'PRODUCT-FAKE' })).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  async function step(username: string, action: string, fields: Record<string, FieldInput>): Promise<CaseView> {
    await signInAs(h, username);
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    await page.getByTestId('case-number').waitFor();
    await page.locator(`[data-testid="allowed-actions"] button[data-action="${action}"]`).click();
    const form = page.getByTestId(`command-form-${action}`);
    await form.waitFor();
    await fillCommand(page, fields);
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/cases/${caseId}/${action}`));
    await submitCommand(page);
    const res = await answer;
    if (res.status() !== 200) throw new Error(`${action} as ${username}: ${res.status()} ${await res.text()}`);
    await form.waitFor({ state: 'detached' });
    return h.api.case(username, caseId);
  }

  it('an officer proposes a transfer of a lead under verification', async () => {
    const c = await step('officer.zhang', 'criminal-transfer', {
      grounds: { text: '核查中发现销售伪劣产品，销售金额达到追诉标准' },
      officerIds: { select: ['张伟', '李娜'] },
    });
    expect(c.status).toBe('TRANSFER_PROPOSED');
    expect((await h.api.command('head.sun', caseId, 'criminal-transfer/approval', { approve: true, reason: '达到追诉标准' })).status).toBe(200);
    const sent = await h.api.command('officer.li', caseId, 'criminal-transfer/dispatch', { sentAt: ago(600), policeAgency: '长治市公安局', procuratorate: '长治市人民检察院', documents: ['移送书'] });
    expect(sent.status).toBe(200);
    expect((await h.api.command('police.wu', caseId, 'criminal-transfer/police-decision', { decision: 'RECEIPT', at: ago(500) })).status).toBe(200);
  });

  it('the police ask for missing material; the officer supplies it; the police forward to the competent unit', async () => {
    let c = await step('police.wu', 'criminal-transfer/material-request', { materials: { add: 1 }, 'materials-0': { text: '检验报告原件' }, at: { text: ago(400) } });
    expect(c.deadlines.find((d) => d.kind === 'transferMaterialSupply')).toMatchObject({ state: 'OPEN' });
    await expectAccessible(page, 'transfer-material-requested');
    c = await step('officer.zhang', 'criminal-transfer/material-supply', { documents: { add: 1 }, 'documents-0': { text: '检验报告原件' }, at: { text: ago(300) } });
    expect(c.deadlines.find((d) => d.kind === 'transferMaterialSupply')).toMatchObject({ state: 'MET' });
    c = await step('police.wu', 'criminal-transfer/forward', { policeAgency: { select: '长治市公安局潞州分局' }, at: { text: ago(200) }, reason: { text: '违法行为发生地在潞州区，由潞州分局管辖' } });
    expect(c.status).toBe('TRANSFERRED');
    // Forwarded: the competent unit acts from now on; the forwarding unit reads the case and is offered nothing.
    expect((await h.api.case('police.wu', caseId)).allowedActions).toEqual([]);
    expect((await h.api.case('police.tian', caseId)).allowedActions).toContain('criminal-transfer/police-decision');
  });

  it('after filing, the officer hands the items over with an inventory; the police return the case, which is a lead again', async () => {
    expect((await h.api.command('police.tian', caseId, 'criminal-transfer/police-decision', { decision: 'ACCEPT', at: ago(100) })).status).toBe(200);
    let c = await step('officer.zhang', 'criminal-transfer/handover', { inventory: { add: 2 }, 'inventory-0': { text: '伪劣电线 40 卷' }, 'inventory-1': { text: '案卷 1 册' }, at: { text: ago(60) } });
    expect(c.deadlines.find((d) => d.kind === 'transferHandover')).toMatchObject({ state: 'MET' });
    c = await step('police.tian', 'criminal-transfer/police-return', { at: { text: ago(30) }, reason: { text: '经审查没有犯罪事实，移回行政机关处理' } });
    expect(c.status).toBe('LEAD_REGISTERED');
    await expectAccessible(page, 'transfer-returned-by-police');
  });
});
