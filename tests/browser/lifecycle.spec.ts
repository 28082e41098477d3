import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CaseView } from '@zhifa/api-client';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';
import { fillCommand, submitCommand, type FieldInput } from './forms';
import { runArchiveJob } from '../support/archive-job';

// The demo case from lead to archive, every step clicked in the console by
// the person whose step it is: registered, filed, evidence recorded by two
// officers, reported, reviewed, noticed, defence waived, a major decision's
// legal review returned and then approved, discussed collectively, decided,
// served, paid, closed and archived; then a supervisor verifies the chain.
describe('a case from lead to archive in the console', () => {
  let h: BrowserHarness;
  let page: Page;
  let caseId: string;
  let signedIn = '';

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
  });
  afterAll(async () => {
    await h?.close();
  });

  const read = (username = 'supervisor.zhou'): Promise<CaseView> => h.api.case(username, caseId);

  async function as(username: string): Promise<void> {
    if (signedIn !== username) {
      await signInAs(h, username);
      signedIn = username;
    }
  }

  async function openCase(): Promise<void> {
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    await page.getByTestId('case-number').waitFor();
  }

  /** One step: `username` opens the case, clicks the action, fills its form and submits; the API must accept it. */
  async function step(username: string, action: string, fields: Record<string, FieldInput>, status = 200): Promise<CaseView> {
    await as(username);
    await openCase();
    const button = page.locator(`[data-testid="allowed-actions"] button[data-action="${action}"]`);
    await button.click();
    const form = page.getByTestId(`command-form-${action}`);
    await form.waitFor();
    await fillCommand(page, fields);
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/cases/${caseId}/${action}`));
    await submitCommand(page);
    const res = await answer;
    if (res.status() !== status) throw new Error(`${action} as ${username}: ${res.status()} ${await res.text()}`);
    await form.waitFor({ state: 'detached' });
    return read();
  }

  /** The investigation report, reviewed, the notice approved and served, the defence and the hearing waived; then the legal review asked of 刘洋. */
  async function proposeAndNotify(fine: number, round: number): Promise<void> {
    let c = await step('officer.li', 'investigation-report', {
      findings: { text: '当事人未取得食品经营许可证，销售预包装食品，货值金额12000元。' },
      proposedOutcome: { radio: '给予行政处罚' },
      'proposedPenalty-kinds': { select: ['罚款'] },
      'proposedPenalty-fineAmount': { number: fine },
      legalBasis: { text: '《中华人民共和国食品安全法》第一百二十二条第一款' },
      circumstanceLevel: { radio: '从轻处罚' },
      discretionReasons: { text: '初次违法，积极配合调查' },
      discretionBases: { add: 1 },
      'discretionBases-0-kind': { select: '货值金额' },
      'discretionBases-0-value': { number: 12000 },
      'discretionBases-0-note': { text: '进货票据' },
    });
    expect(c.status).toBe('INVESTIGATION_REPORTED');
    c = await step('reviewer.liu', 'case-review', { opinion: { radio: '同意' }, comments: { text: '事实清楚，证据确凿，适用依据正确' } });
    expect(c.status).toBe('CASE_REVIEWED');
    await step('head.sun', 'notice-approval', { comments: { text: '同意告知' } });
    c = await step('officer.zhang', 'notice', {
      method: { radio: '直接送达' },
      proof: { text: `送达回证 2026-${round}` },
      noticeNumber: { text: `长市监告〔2026〕${round}号` },
      text: { text: '拟对你单位罚款；你单位有陈述、申辩和要求听证的权利。' },
      hearingRightsNotified: { radio: '是' },
    });
    expect(c.status).toBe('NOTICE_SERVED');
    c = await step('officer.zhang', 'defence', { waived: { radio: '是' }, hearingWaived: { switch: true } });
    await step('officer.zhang', 'legal-review-request', { reviewerId: { select: '刘洋' }, note: { text: '罚款数额较大，提请法制审核' } });
    expect((await read()).status).toBe('LEGAL_REVIEW_PENDING');
  }

  it('an officer registers the lead', async () => {
    await as('officer.zhang');
    await page.getByRole('navigation').getByRole('link', { name: '案件' }).click();
    await page.getByTestId('register-lead').click();
    await page.getByTestId('command-form-register').waitFor();
    await fillCommand(page, {
      source: { text: '投诉举报' },
      'party-type': { radio: '法人或其他组织' },
      'party-name': { text: '长治市某某食品有限公司' },
      // A party of this run's own: one credit code fined twice for the same violation is refused (APL 29).
      'party-creditCode': { text: `91140400MA${randomUUID().slice(0, 8).toUpperCase()}` },
      violationCode: { select: 'FOOD-UNLICENSED' },
      summary: { text: '群众举报：该公司未取得食品经营许可证销售预包装食品' },
      procedure: { radio: '普通程序' },
      violationAt: { date: '2026-11-18' },
      officerIds: { select: ['张伟', '李娜'] },
    });
    await submitCommand(page);
    await page.waitForURL(/\/console\/cases\/[0-9a-f-]{36}$/);
    caseId = page.url().split('/').pop()!;
    expect((await read()).status).toBe('LEAD_REGISTERED');
  });

  it('the head files it', async () => {
    const c = await step('head.sun', 'filing', { approve: { radio: '是' }, reason: { text: '经核查，有违法事实，属本机关管辖，予以立案' } });
    expect(c.status).toBe('FILED');
    // The header names the violation as the case's pinned policy does.
    const policy = await h.api.as('head.sun').GET('/api/v1/policies/{version}', { params: { path: { version: c.policyVersion } } });
    const violation = policy.data!.violations.find((v) => v.code === c.violationCode)!;
    await page.getByTestId('case-violation').getByText(violation.title, { exact: false }).waitFor();
  });

  it('two officers each upload evidence with a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhifa-walk-'));
    for (const [who, other, kind, title, fileName] of [
      ['officer.zhang', '李娜', '现场笔录', '现场检查笔录', '现场检查笔录.pdf'],
      ['officer.li', '张伟', '书证', '进货票据复印件', '进货票据.jpg'],
    ] as const) {
      const content = Buffer.from(`${title}：检查发现当事人未取得食品经营许可证，正在销售预包装食品。${randomUUID()}`);
      const path = join(dir, fileName);
      writeFileSync(path, content);
      await as(who);
      await openCase();
      await page.locator('[data-testid="allowed-actions"] button[data-action="evidence"]').click();
      const form = page.getByTestId('record-evidence-form');
      await form.waitFor();
      const kindBox = form.getByRole('combobox', { name: '证据种类' });
      await kindBox.fill(kind);
      await page.locator('.ant-select-item-option-active', { hasText: kind }).waitFor();
      await kindBox.press('Enter');
      await form.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: '名称' }) }).locator('input').fill(title);
      const collector = form.getByRole('checkbox', { name: new RegExp(other) });
      if (!(await collector.isChecked())) await collector.check();
      await form.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: '采集地点' }) }).locator('input').fill('长治市潞州区某街12号');
      await form.getByRole('checkbox', { name: '已向当事人出示执法证件' }).check();
      await form.getByRole('checkbox', { name: /已告知当事人陈述/ }).check();
      await form.getByText('文件', { exact: true }).first().click();
      await form.locator('input[type=file]').setInputFiles(path);
      const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${caseId}/evidence`) && r.request().method() === 'POST');
      await page.getByTestId('record-evidence-submit').click();
      const res = await answer;
      if (res.status() !== 201) throw new Error(`evidence as ${who}: ${res.status()} ${await res.text()}`);
      expect(((await res.json()) as { sha256: string }).sha256).toBe(createHash('sha256').update(content).digest('hex'));
      await form.waitFor({ state: 'detached' });
    }
    const evidence = await h.api.as('officer.zhang').GET('/api/v1/cases/{id}/evidence', { params: { path: { id: caseId } } });
    expect(evidence.data!.items.map((e) => e.title).sort()).toEqual(['现场检查笔录', '进货票据复印件'].sort());
    await page.getByTestId('evidence').locator('tbody tr[data-row-key]', { hasText: '进货票据复印件' }).waitFor();
    await shot(page, 'case-evidence-walk');
  });

  it('the investigation report goes through review, notice and defence to a legal review', async () => {
    await proposeAndNotify(150000, 1);
    // The case header says which benchmark band and level the proposed fine was judged in.
    await openCase();
    const c = await read();
    expect(c.discretion?.level).toBe('LIGHTER');
    const shown = page.getByTestId('case-discretion');
    await expect(shown.textContent()).resolves.toContain('从轻处罚');
    await expect(shown.textContent()).resolves.toContain(c.discretion!.band);
    await shot(page, 'case-legal-review-pending');
    await expectAccessible(page, 'case-legal-review-pending');
  });

  /** The legal reviewer works from the queue: 法制审核 → the case → the review page's opinion form. */
  async function review(opinion: '同意' | '退回', text: string, points: string[] = [], returnTo?: string): Promise<CaseView> {
    await as('reviewer.liu');
    await page.getByRole('navigation').getByRole('link', { name: '法制审核' }).click();
    await page.waitForURL(/\/console\/reviews$/);
    const caseNumber = (await read()).caseNumber;
    await page.getByTestId('review-queue').getByRole('link', { name: caseNumber }).click();
    await page.waitForURL(new RegExp(`/console/reviews/${caseId}$`));
    const form = page.getByTestId('legal-review-form');
    const choose = async (label: string) => form.locator('label', { has: page.getByRole('radio', { name: label, exact: true }) }).click();
    await choose(opinion);
    if (returnTo) await choose(returnTo);
    await page.getByTestId('opinion-text').fill(text);
    for (const [i, point] of points.entries()) {
      if (i > 0) await page.getByTestId('add-point').click();
      await page.getByTestId(`point-${i}`).fill(point);
    }
    if (opinion === '同意') await shot(page, 'review-approve');
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${caseId}/legal-review`) && r.request().method() === 'POST');
    await page.getByTestId('submit-opinion').click();
    const res = await answer;
    if (res.status() !== 200) throw new Error(`legal review: ${res.status()} ${await res.text()}`);
    await page.getByTestId('no-opinion').waitFor();
    return read();
  }

  it('the legal reviewer returns it with points; the officers propose again; the reviewer approves', async () => {
    let c = await review('退回', '罚款数额的计算依据需补充说明', ['说明货值金额的计算依据', '裁量理由应对应裁量基准的从轻情形'], '重新拟定处理意见');
    expect(c.status).toBe('FILED');
    await proposeAndNotify(120000, 2);
    c = await review('同意', '同意，事实清楚，程序合法，裁量适当');
    expect(c.status).toBe('LEGAL_REVIEW_PASSED');
  });

  it('the heads discuss it and the head decides', async () => {
    await step('head.sun', 'collective-discussion', {
      attendeeIds: { select: ['孙局长', '钱副局长'] },
      minutes: { text: '集体讨论记录：同意罚款十二万元' },
      resolution: { text: '罚款人民币壹拾贰万元整' },
    });
    const c = await step('head.sun', 'decision', {
      outcome: { radio: '给予行政处罚' },
      'penalty-kinds': { select: ['罚款'] },
      'penalty-fineAmount': { number: 120000 },
      documentNumber: { text: '长市监罚〔2026〕1号' },
      text: { text: '决定对你单位罚款人民币壹拾贰万元整。' },
      legalBasis: { text: '《中华人民共和国食品安全法》第一百二十二条第一款' },
      facts: { text: '当事人未取得食品经营许可证销售预包装食品，货值金额12000元。' },
      evidenceIds: { select: ['现场检查笔录', '进货票据复印件'] },
      performance: { text: '自收到本决定书之日起十五日内到指定银行缴纳罚款' },
      'remedy-reconsiderationBody': { text: '长治市人民政府' },
      'remedy-court': { text: '长治市潞州区人民法院' },
    });
    expect(c.status).toBe('DECIDED');
  });

  it('the decision is served, the fine paid, the case closed and archived', async () => {
    let c = await step('officer.zhang', 'service', { method: { radio: '直接送达' }, proof: { text: '送达回证 2026-3' } });
    expect(c.status).toBe('SERVED');
    c = await step('officer.li', 'payments', {
      amount: { number: 120000 },
      receipt: { text: '非税收入缴款书 No. 1404-0001' },
      'collector-kind': { radio: '指定银行' },
      'collector-name': { text: '中国工商银行长治分行' },
    });
    expect(c.status).toBe('EXECUTED');
    c = await step('head.sun', 'closure', { summary: { text: '罚款已全额缴纳，予以结案' } });
    expect(c.status).toBe('CLOSED');
    c = await step('officer.zhang', 'archive', {});
    expect(c.status).toBe('ARCHIVING');
    await openCase();
    await expect(page.getByTestId('case-status').textContent()).resolves.toBe('归档中');
    // The archive job builds and signs the package (called as the archive queue will); the open page sees the case sealed.
    await runArchiveJob(h.stack.archiveJob, h.stack.ds, caseId);
    await page.getByTestId('case-status').filter({ hasText: '已归档' }).waitFor();
    await shot(page, 'case-archived');
  });

  it('a supervisor opens the timeline and verifies the chain', async () => {
    await as('supervisor.zhou');
    await openCase();
    await page.getByTestId('verify-chain').click();
    const events = (await h.api.as('supervisor.zhou').GET('/api/v1/cases/{id}/timeline', { params: { path: { id: caseId } } })).data!.events;
    await expect(page.getByTestId('chain-result').textContent()).resolves.toBe(`哈希链完整：已校验 ${events.length} 个事件。`);
    await expectAccessible(page, 'case-archived');
  });

  it('logged no error in the browser console', () => {
    expect(h.errors).toEqual([]);
  });
});
