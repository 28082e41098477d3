import type { Page } from 'playwright-core';
import type { CaseView } from '@zhifa/api-client';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';
import { fillCommand, submitCommand, type FieldInput } from './forms';

// 先行登记保存 and 查封扣押 through the console: an officer preserves goods
// with an inventory, the head approves, turns them into a seizure, extends
// it once and releases it; the case page lists each measure as it stands.
describe('coercive measures in the console', () => {
  let h: BrowserHarness;
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
    caseId = await h.api.filedCase();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function step(username: string, action: string, fields: Record<string, FieldInput>, status = 200): Promise<CaseView> {
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
    if (res.status() !== status) throw new Error(`${action} as ${username}: ${res.status()} ${await res.text()}`);
    if (status === 200) await form.waitFor({ state: 'detached' });
    return h.api.case(username, caseId);
  }

  const inventoryRow: Record<string, FieldInput> = {
    items: { add: 1 },
    'items-0-description': { text: '无标签预包装食品' },
    'items-0-quantity': { number: 120 },
    'items-0-unit': { text: '袋' },
    'items-0-location': { text: '长治市潞州区某街12号仓库' },
    'items-0-custodian': { text: '王某' },
  };

  it('an officer preserves evidence with its inventory; the head approves it', async () => {
    let c = await step('officer.zhang', 'preservations', {
      measureId: { text: 'P-1' },
      grounds: { text: '当事人可能转移涉案货物，证据可能灭失' },
      officerIds: { select: ['张伟', '李娜'] },
      emergency: { radio: '否' },
      ...inventoryRow,
    });
    expect(c.coerciveMeasures?.[0]).toMatchObject({ measureId: 'P-1', status: 'REQUESTED', items: [{ description: '无标签预包装食品', quantity: 120, unit: '袋' }] });
    c = await step('head.sun', 'preservations/approval', { approve: { radio: '是' }, reason: { text: '同意先行登记保存' }, measureId: { text: 'P-1' } });
    expect(c.coerciveMeasures?.[0].status).toBe('OPEN');
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    await page.getByTestId('measure-status-P-1').waitFor();
    await expect(page.getByTestId('measure-status-P-1').textContent()).resolves.toBe('实施中');
    await shot(page, 'preservation-open');
    await expectAccessible(page, 'preservation-open');
  });

  it('the head seizes the preserved goods, extends the seizure once, and releases it', async () => {
    let c = await step('head.sun', 'seizures', {
      measureId: { text: 'S-1' },
      mode: { radio: '扣押' },
      decisionNumber: { text: '长市监强〔2026〕B-1号' },
      grounds: { text: '涉嫌无证经营的食品，需扣押以防转移' },
      legalBasis: { text: '《中华人民共和国行政强制法》第二十二条' },
      officerIds: { select: ['张伟', '李娜'] },
      fromPreservationId: { text: 'P-1' },
      ...inventoryRow,
    });
    expect(c.coerciveMeasures?.map((m) => [m.measureId, m.status])).toEqual([
      ['P-1', 'ENDED'],
      ['S-1', 'OPEN'],
    ]);
    // Over the legal limit: the API's reason shows with its code, nothing is recorded.
    c = await step('head.sun', 'seizures/extension', { measureId: { text: 'S-1' }, days: { number: 45 }, reason: { text: '案情复杂' } }, 422);
    await expect(page.getByTestId('command-problem').getAttribute('data-code')).resolves.toBe('SEIZURE.EXTENSION_TOO_LONG');
    expect(c.coerciveMeasures?.[1].extension).toBeUndefined();
    c = await step('head.sun', 'seizures/extension', { measureId: { text: 'S-1' }, days: { number: 30 }, reason: { text: '案情复杂，检验尚未完成' } });
    expect(c.coerciveMeasures?.[1].extension).toMatchObject({ days: 30 });
    c = await step('head.sun', 'seizures/end', {
      measureId: { text: 'S-1' },
      ending: { radio: '解除，退还物品' },
      basis: { text: '《中华人民共和国行政强制法》第二十八条第一款第三项' },
      reason: { text: '检验合格，不再需要扣押' },
    });
    expect(c.coerciveMeasures?.[1]).toMatchObject({ status: 'ENDED', ending: { outcome: 'RELEASE' } });
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    await page.getByTestId('measure-status-S-1').waitFor();
    await expect(page.getByTestId('measure-status-S-1').textContent()).resolves.toBe('已结束');
    await shot(page, 'seizure-released');
    await expectAccessible(page, 'seizure-released');
  });
});
