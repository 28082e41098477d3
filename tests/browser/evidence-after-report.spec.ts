import type { Page } from 'playwright-core';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';
import { chooseOption, fillCommand, submitCommand } from './forms';
import { ago } from '../e2e/command-helpers';

// The new evidence forms in a real browser: a case officer attaches auxiliary
// staff, who drafts an item with the APL 55 rights notice; two officers
// confirm it; the report confiscates goods as items; after the notice the
// party's evidence is recorded with its origin, and the notice stays.
describe('evidence after the report and auxiliary drafts in the console', () => {
  let h: BrowserHarness;
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
    caseId = await h.api.filedCase({ violationCode: 'PRODUCT-FAKE' });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function openCase(): Promise<void> {
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    await page.getByTestId('case-number').waitFor();
  }

  async function action(name: string): Promise<void> {
    await page.locator(`[data-testid="allowed-actions"] button[data-action="${name}"]`).click();
  }

  /** Opens the evidence form and fills what every text item has. */
  async function fillItem(title: string, collectors: string[]): Promise<void> {
    await page.getByTestId('record-evidence').click();
    const form = page.getByTestId('record-evidence-form');
    await form.waitFor();
    const kindBox = form.getByRole('combobox', { name: '证据种类' });
    await kindBox.fill('书证');
    await page.locator('.ant-select-item-option-active', { hasText: '书证' }).waitFor();
    await kindBox.press('Enter');
    await form.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: '名称' }) }).locator('input').fill(title);
    for (const name of collectors) {
      const box = form.getByRole('checkbox', { name: new RegExp(name) });
      if (!(await box.isChecked())) await box.check();
    }
    await form.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: '采集地点' }) }).locator('input').fill('长治市潞州区某街12号');
    await form.getByText('文字', { exact: true }).click();
    await form.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: '文字内容' }) }).locator('textarea').fill(`${title}：内容`);
  }

  async function submitItem(): Promise<number> {
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${caseId}/evidence`) && r.request().method() === 'POST');
    await page.getByTestId('record-evidence-submit').click();
    return (await answer).status();
  }

  it('an officer attaches auxiliary staff under a named officer; they then read the case and draft an item with the rights notice', async () => {
    await signInAs(h, 'officer.zhang');
    await openCase();
    await action('auxiliary');
    await page.getByTestId('command-form-auxiliary').waitFor();
    await fillCommand(page, { auxiliaryId: { select: '陈静' }, supervisorId: { select: '张伟' } });
    const attached = page.waitForResponse((r) => r.url().endsWith(`/cases/${caseId}/auxiliary`));
    await submitCommand(page);
    expect((await attached).status()).toBe(200);
    await page.getByTestId('command-form-auxiliary').waitFor({ state: 'detached' });

    await signInAs(h, 'aux.chen');
    await openCase();
    await fillItem('现场照片说明', ['张伟', '李娜']);
    // Without the rights notice the first item is refused, and the form says so.
    expect(await submitItem()).toBe(422);
    await expect(page.getByTestId('record-evidence-problem').getAttribute('data-code')).resolves.toBe('EVIDENCE.RIGHTS_NOTICE_MISSING');
    const form = page.getByTestId('record-evidence-form');
    await form.getByRole('checkbox', { name: '已向当事人出示执法证件' }).check();
    await form.getByRole('checkbox', { name: /已告知当事人陈述/ }).check();
    expect(await submitItem()).toBe(201);
    await page.getByTestId('record-evidence-done').waitFor();
    const [item] = (await h.api.get<{ items: { draft?: boolean; recordedBy: { auxiliary: boolean } }[] }>('officer.zhang', `/cases/${caseId}/evidence`)).body.items;
    expect(item).toMatchObject({ draft: true, recordedBy: { auxiliary: true } });
  });

  it('two officers confirm the draft in its own form', async () => {
    await signInAs(h, 'officer.zhang');
    await openCase();
    await action('evidence-confirmation');
    const form = page.getByTestId('confirm-evidence-form');
    await form.waitFor();
    await form.getByRole('checkbox', { name: /李娜/ }).check();
    await expectAccessible(page, 'confirm-evidence-form');
    const answer = page.waitForResponse((r) => r.url().endsWith('/confirmation') && r.request().method() === 'POST');
    await page.getByTestId('confirm-evidence-submit').click();
    expect((await answer).status()).toBe(200);
    await page.getByTestId('confirm-evidence-done').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('evidence').getByTestId('evidence-draft-tag').getByText('辅助人员草稿·已确认').waitFor();
    const [item] = (await h.api.get<{ items: { confirmedBy?: { userId: string }[] }[] }>('officer.zhang', `/cases/${caseId}/evidence`)).body.items;
    expect(item.confirmedBy?.map((o) => o.userId)).toEqual([h.api.id('officer.zhang'), h.api.id('officer.li')]);
  });

  it('the report confiscates goods item by item; they are not money', async () => {
    await signInAs(h, 'officer.li');
    await openCase();
    await action('investigation-report');
    await page.getByTestId('command-form-investigation-report').waitFor();
    await fillCommand(page, {
      findings: { text: '当事人以不合格插座冒充合格产品销售，货值金额3000元。' },
      proposedOutcome: { radio: '给予行政处罚' },
      'proposedPenalty-kinds': { select: ['罚款', '没收违法所得、没收非法财物'] },
      'proposedPenalty-fineAmount': { number: 5000 },
      'proposedPenalty-confiscatedItems': { add: 1 },
      'proposedPenalty-confiscatedItems-0-description': { text: '不合格插座' },
      'proposedPenalty-confiscatedItems-0-quantity': { number: 300 },
      'proposedPenalty-confiscatedItems-0-unit': { text: '个' },
      legalBasis: { text: '《中华人民共和国产品质量法》第五十条' },
      circumstanceLevel: { radio: '一般' },
      discretionBases: { add: 1 },
      'discretionBases-0-kind': { select: '货值金额' },
      'discretionBases-0-value': { number: 3000 },
    });
    await shot(page, 'report-confiscated-items');
    const answer = page.waitForResponse((r) => r.url().endsWith(`/cases/${caseId}/investigation-report`));
    await submitCommand(page);
    const res = await answer;
    if (res.status() !== 200) throw new Error(`report: ${res.status()} ${await res.text()}`);
    const c = await h.api.case('officer.li', caseId);
    expect(c.status).toBe('INVESTIGATION_REPORTED');
  });

  it("after the notice the party's evidence is recorded with its origin; the notice stays", async () => {
    expect((await h.api.command('reviewer.liu', caseId, 'case-review', { opinion: 'AGREE', comments: 'facts clear' })).status).toBe(200);
    await h.api.approveNotice(caseId);
    const served = await h.api.command('officer.zhang', caseId, 'notice', {
      noticeNumber: '长市监告〔2026〕BR-EV号',
      text: '拟罚款并没收不合格插座; 你有陈述、申辩的权利.',
      hearingRightsNotified: true,
      method: 'DIRECT',
      servedAt: ago(20),
      recipient: '王某',
      proof: '送达回证 BR-EV',
    });
    expect(served.status).toBe(200);

    await signInAs(h, 'officer.zhang');
    await openCase();
    await fillItem('当事人提交的进货凭证', ['李娜']);
    const form = page.getByTestId('record-evidence-form');
    await expectAccessible(page, 'evidence-after-report-form');
    await chooseOption(page, form.getByRole('combobox', { name: '证据来源阶段' }), '当事人陈述申辩时提交');
    expect(await submitItem()).toBe(201);
    const c = await h.api.case('officer.zhang', caseId);
    expect(c.status).toBe('NOTICE_SERVED');
    const items = (await h.api.get<{ items: { title: string; origin?: string }[] }>('officer.zhang', `/cases/${caseId}/evidence`)).body.items;
    expect(items.find((e) => e.title === '当事人提交的进货凭证')?.origin).toBe('PARTY_DEFENCE');
  });
});
