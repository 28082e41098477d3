import type { Page } from 'playwright-core';
import type { Client } from '../e2e/command-helpers';
import { fillCommand, submitCommand } from './forms';
import { actionButtons, expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// The suspected-crime flag in a real browser: an officer flags a filed case
// with grounds through its form, the head decides not to transfer with
// reasons through hers, and the supervisor reads that decision on the
// transfer watch.
describe('the suspected-crime flag in the console', () => {
  let h: BrowserHarness;
  let api: Client;
  let page: Page;
  let caseId: string;
  let caseNumber: string;
  const reasons = '经核实，三家门店系他人经营，当事人销售金额仅八千元，未达追诉标准';

  beforeAll(async () => {
    h = await openHarness();
    ({ api, page } = h);
    caseId = await api.filedCase({ violationCode: 'PRODUCT-FAKE' });
    caseNumber = (await api.case('head.sun', caseId)).caseNumber;
  });
  afterAll(async () => {
    await h?.close();
  });

  async function submitted(action: string): Promise<number> {
    const answer = page.waitForResponse((r) => r.url().endsWith(`/cases/${caseId}/${action}`) && r.request().method() === 'POST');
    await submitCommand(page);
    return (await answer).status();
  }

  it('an officer flags the case as a suspected crime with grounds and the threshold', async () => {
    await signInAs(h, 'officer.zhang');
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    expect(await actionButtons(page)).toContain('suspected-crime');
    expect(await actionButtons(page)).not.toContain('suspected-crime/no-transfer');
    await page.locator('button[data-action="suspected-crime"]').click();
    const form = page.getByTestId('command-form-suspected-crime');
    await form.waitFor();
    await expect(form.getByText('涉嫌犯罪的事实和理由').count()).resolves.toBeGreaterThan(0);
    await fillCommand(page, { grounds: { text: '证人证言显示三家门店销售该批电暖器约七万元' }, threshold: { text: '销售金额五万元以上（立案追诉标准）' } });
    await expectAccessible(page, 'flag-suspected-crime');
    expect(await submitted('suspected-crime')).toBe(200);
    await form.waitFor({ state: 'detached' });
    const c = await api.case('head.sun', caseId);
    expect(c.flags).toContain('SUSPECTED_CRIME');
  });

  it('the head decides not to transfer, with reasons', async () => {
    await signInAs(h, 'head.sun');
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    await page.locator('button[data-action="suspected-crime/no-transfer"]').click();
    const form = page.getByTestId('command-form-suspected-crime/no-transfer');
    await form.waitFor();
    await expect(form.getByText('不予移送的理由').count()).resolves.toBeGreaterThan(0);
    await fillCommand(page, { reasons: { text: reasons } });
    expect(await submitted('suspected-crime/no-transfer')).toBe(200);
    await form.waitFor({ state: 'detached' });
    expect((await api.case('head.sun', caseId)).flags).not.toContain('SUSPECTED_CRIME');
  });

  it('the supervisor reads the decision and its grounds on the transfer watch', async () => {
    await signInAs(h, 'supervisor.zhou');
    await page.getByRole('navigation').getByRole('link', { name: '移送监督' }).click();
    await page.waitForURL(/\/console\/supervision\/transfers$/);
    const row = page.getByTestId('no-transfer-decisions').locator('tr', { hasText: caseNumber });
    await row.waitFor();
    await expect(row.getByTestId('no-transfer-reasons').textContent()).resolves.toBe(reasons);
    await expect(row.textContent()).resolves.toContain('执法人员标记：证人证言显示三家门店销售该批电暖器约七万元（销售金额五万元以上（立案追诉标准））');
    await shot(page, 'no-transfer-decisions');
    await expectAccessible(page, 'no-transfer-decisions');
  });

  it('an officer registers an emissions lead with two earlier penalties through the form; the case page names the threshold reached and lists them', async () => {
    await signInAs(h, 'officer.zhang');
    await page.getByRole('navigation').getByRole('link', { name: '案件' }).click();
    await page.getByTestId('register-lead').click();
    const form = page.getByTestId('command-form-register');
    await form.waitFor();
    await expect(form.getByText('当事人此前受过的行政处罚').count()).resolves.toBeGreaterThan(0);
    await fillCommand(page, {
      source: { text: '监督检查' },
      'party-type': { radio: '法人或其他组织' },
      'party-name': { text: '某化工有限公司' },
      violationCode: { select: 'AIR-EXCESS' },
      summary: { text: '重污染天气预警期间氮氧化物超标排放' },
      procedure: { radio: '普通程序' },
      violationAt: { date: '2026-11-18' },
      priorPenalties: { add: 2 },
      'priorPenalties-0-decisionNumber': { text: '长生环罚〔2025〕31号' },
      'priorPenalties-0-agency': { text: '长治市生态环境局' },
      'priorPenalties-0-decidedOn': { text: '2025-03-02' },
      'priorPenalties-0-act': { text: '重污染天气预警期间超标排放氮氧化物' },
      'priorPenalties-1-decisionNumber': { text: '长生环罚〔2026〕7号' },
      'priorPenalties-1-agency': { text: '长治市生态环境局' },
      'priorPenalties-1-decidedOn': { text: '2026-01-15' },
      'priorPenalties-1-act': { text: '重污染天气预警期间超标排放二氧化硫' },
    });
    await expectAccessible(page, 'register-prior-penalties');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/cases') && r.request().method() === 'POST');
    await submitCommand(page);
    expect((await created).status()).toBe(201);
    await page.waitForURL(/\/console\/cases\/[0-9a-f-]{36}$/);
    const suspicion = page.getByTestId('case-suspicion');
    await suspicion.waitFor();
    await expect(suspicion.textContent()).resolves.toContain('涉嫌犯罪：案件事实达到立案追诉标准');
    const met = suspicion.getByTestId('threshold-met');
    await expect(met.count()).resolves.toBe(1);
    const text = await met.textContent();
    expect(text).toContain('24个月内曾受行政处罚 2 次：长生环罚〔2025〕31号、长生环罚〔2026〕7号 ≥ 2');
    expect(text).toContain('《刑法》第三百三十八条 污染环境罪');
    expect(text).toContain('法释〔2023〕7号）第一条第（六）项');
    expect(text).toContain('登记线索时载明');
    const priors = page.getByTestId('prior-penalties');
    await expect(priors.locator('tbody tr').count()).resolves.toBe(2);
    await expect(priors.locator('tbody tr').first().textContent()).resolves.toContain('长治市生态环境局');
    await shot(page, 'case-suspicion-repeat');
    await expectAccessible(page, 'case-suspicion-repeat');
  });

  it('a farmland lead shows its area in m² and mu against the 5 mu of the standard', async () => {
    const c = await api.register({ violationCode: 'LAND-OCCUPY', amounts: [{ kind: 'BASIC_FARMLAND_M2', value: 4000 }] });
    await page.goto(`${h.stack.url}/console/cases/${c.id}`);
    const met = page.getByTestId('case-suspicion').getByTestId('threshold-met');
    await met.waitFor();
    const text = await met.textContent();
    expect(text).toContain('占用基本农田面积（平方米） 4000 平方米（约 6 亩） ≥ 5 亩');
    expect(text).toContain('第六十七条第一款第（一）项');
  });

  it('logged no error in the browser console', () => {
    expect(h.errors).toEqual([]);
  });
});
