import type { Page } from 'playwright-core';
import type { components } from '@zhifa/api-client';
import type { Client } from '../e2e/command-helpers';
import { majorCaseAwaitingReview, ok, reportedAndHeard } from '../e2e/legal-review-helpers';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

type LegalReviewView = components['schemas']['LegalReviewView'];

// 法制审核 in the console, in a real browser against the real stack: a major
// case waits for reviewer.liu (driven there through the API); the reviewer
// finds it in the queue, reads the proposal, the benchmark band its fine falls
// in and the evidence, returns it with two points, and — once the officers
// have revised the proposal and asked again — approves it. The API's state is
// checked after each opinion.
describe('legal review in the console', () => {
  let h: BrowserHarness;
  let api: Client;
  let page: Page;
  let caseId: string;
  let caseNumber: string;

  beforeAll(async () => {
    h = await openHarness();
    ({ api, page } = h);
    ({ id: caseId, caseNumber } = await majorCaseAwaitingReview(api, 150000, 'reviewer.liu'));
  });
  afterAll(async () => {
    await h?.close();
  });

  async function review(): Promise<LegalReviewView> {
    const { data, error } = await api.as('head.sun').GET('/api/v1/cases/{id}/legal-review', { params: { path: { id: caseId } } });
    if (!data) throw new Error(JSON.stringify(error));
    return data;
  }

  /** Picks a radio by its label, as a user clicks it (antd hides the input itself). */
  async function choose(label: string): Promise<void> {
    await page.getByTestId('legal-review-form').locator('label', { has: page.getByRole('radio', { name: label, exact: true }) }).click();
    await expect(page.getByRole('radio', { name: label, exact: true }).isChecked()).resolves.toBe(true);
  }

  /** Submits the opinion form and waits for the API's answer. */
  async function submit(): Promise<number> {
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${caseId}/legal-review`) && r.request().method() === 'POST');
    await page.getByTestId('submit-opinion').click();
    return (await answer).status();
  }

  it('shows the reviewer the queue, from the API, with the review limit', async () => {
    await signInAs(h, 'reviewer.liu');
    await page.getByRole('navigation').getByRole('link', { name: '法制审核' }).click();
    await page.waitForURL(/\/console\/reviews$/);
    const row = page.getByTestId('review-queue').locator('tr', { hasText: caseNumber });
    await row.waitFor();
    await expect(row.getByText('法制审核', { exact: false }).count()).resolves.toBeGreaterThan(0);
    await expect(row.getByText(/剩 \d+ 天|今日到期/).count()).resolves.toBe(1);
    // Exactly the legal reviews the API gives, in its order.
    const { items } = await api.myTasks('reviewer.liu');
    const shown = await page.getByTestId('review-queue').locator('tbody tr a').allTextContents();
    expect(shown).toEqual(items.filter((t) => t.action === 'legal-review').map((t) => t.caseNumber));
    await shot(page, 'review-queue');
    await expectAccessible(page, 'review-queue');
  });

  it('shows the proposal, the benchmark band the fine falls in, the evidence and the pending round', async () => {
    await page.getByTestId('review-queue').getByRole('link', { name: caseNumber }).click();
    await page.waitForURL(new RegExp(`/console/reviews/${caseId}$`));
    await page.getByTestId('proposal').waitFor();
    await expect(page.getByTestId('proposed-fine').textContent()).resolves.toBe('¥150,000.00 （人民币壹拾伍万元整）');
    await expect(page.getByTestId('major-case').textContent()).resolves.toContain('案件情况疑难复杂');
    await expect(page.getByTestId('assignee').textContent()).resolves.toBe('刘洋 (法制审核资格证号 FZSH20240001)');
    await expect(page.getByTestId('statutory-range').textContent()).resolves.toBe('¥120,000.00 – ¥240,000.00');
    await expect(page.getByTestId('level-range').textContent()).resolves.toBe('¥120,000.00 – ¥156,000.00');
    await expect(page.getByTestId('rule-source').textContent()).resolves.toContain('《食品安全法》第一百二十二条');
    await expect(page.locator('[data-placement="WITHIN_LEVEL"]').count()).resolves.toBe(1);
    // The bar: three levels, 从轻 the report's, the fine marked; its words for screen readers.
    const bar = page.getByTestId('benchmark-bar');
    await expect(bar.locator('[data-level]').count()).resolves.toBe(3);
    await expect(bar.locator('[data-level="LIGHTER"]').getAttribute('data-current')).resolves.toBe('true');
    await expect(bar.getByRole('img').getAttribute('aria-label')).resolves.toBe('拟罚款 ¥150,000.00，法定幅度 ¥120,000.00 至 ¥240,000.00');
    await expect(bar.getByTestId('fine-marker').isVisible()).resolves.toBe(true);
    // The evidence as GET /evidence gives it.
    const evidence = page.getByTestId('review-evidence').locator('tbody tr');
    await evidence.first().waitFor();
    const { data } = await api.as('reviewer.liu').GET('/api/v1/cases/{id}/evidence', { params: { path: { id: caseId } } });
    await expect(evidence.count()).resolves.toBe(data!.items.length);
    await expect(evidence.first().textContent()).resolves.toContain('现场检查笔录');
    await expect(page.getByTestId('review-rounds').locator('li[data-round]').evaluateAll((els) => els.map((e) => e.getAttribute('data-opinion')))).resolves.toEqual([
      'PENDING',
    ]);
    await shot(page, 'review');
    await expectAccessible(page, 'review');
  });

  it('returns the proposal with two points; a refusal shows the API problem and its field', async () => {
    await choose('退回');
    await choose('重新拟定处理意见');
    await page.getByTestId('opinion-text').fill('罚款数额需重新论证');
    // A point longer than the API takes: refused with its field, nothing recorded.
    await page.getByTestId('point-0').fill('过长'.repeat(1001));
    expect(await submit()).toBe(400);
    const problem = page.getByTestId('legal-review-problem');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toContain('VALIDATION.FAILED');
    await expect(page.getByTestId('review-points').locator('.ant-form-item-explain-error').count()).resolves.toBeGreaterThan(0);
    expect((await review()).rounds[0].opinion).toBeUndefined();

    await page.getByTestId('point-0').fill('货值计算依据不足');
    await page.getByTestId('add-point').click();
    await page.getByTestId('point-1').fill('从轻理由需补充证据');
    expect(await submit()).toBe(200);
    await page.getByTestId('no-opinion').waitFor();

    const after = await review();
    expect(after).toMatchObject({ status: 'FILED', pending: false });
    expect(after.rounds).toHaveLength(1);
    expect(after.rounds[0]).toMatchObject({
      opinion: 'RETURN',
      text: '罚款数额需重新论证',
      points: ['货值计算依据不足', '从轻理由需补充证据'],
      returnTo: 'PROPOSAL',
      reviewer: { name: '刘洋' },
    });
    await page.locator('li[data-round="1"][data-opinion="RETURN"]').waitFor();
  });

  it('approves the revised proposal once the officers ask again', async () => {
    await reportedAndHeard(api, caseId, 130000);
    await ok(api.command('officer.zhang', caseId, 'legal-review-request', { reviewerId: api.id('reviewer.liu') }));

    // The case page's command drawer offers the same form for the action.
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    await page.getByTestId('allowed-actions').locator('button[data-action="legal-review"]').click();
    await page.getByRole('dialog').getByTestId('legal-review-form').waitFor();

    await page.goto(`${h.stack.url}/console/reviews/${caseId}`);
    await page.getByTestId('legal-review-form').waitFor();
    await expect(page.getByTestId('proposed-fine').textContent()).resolves.toBe('¥130,000.00 （人民币壹拾叁万元整）');
    await expect(page.getByTestId('review-rounds').locator('li[data-round]').evaluateAll((els) => els.map((e) => e.getAttribute('data-opinion')))).resolves.toEqual([
      'RETURN',
      'PENDING',
    ]);
    await expect(page.locator('li[data-round="1"]').textContent()).resolves.toContain('从轻理由需补充证据');

    await choose('同意');
    await page.getByTestId('opinion-text').fill('事实清楚, 证据确凿, 罚款在裁量基准从轻幅度内, 同意');
    expect(await submit()).toBe(200);
    await page.locator('li[data-round="2"][data-opinion="APPROVE"]').waitFor();

    const after = await review();
    expect(after).toMatchObject({ status: 'LEGAL_REVIEW_PASSED', pending: false });
    expect(after.rounds.map((r) => r.opinion)).toEqual(['RETURN', 'APPROVE']);

    // Nothing left for the reviewer on this case.
    await page.getByRole('navigation').getByRole('link', { name: '法制审核' }).click();
    await page.waitForURL(/\/console\/reviews$/);
    expect((await api.myTasks('reviewer.liu')).items.filter((t) => t.caseId === caseId)).toEqual([]);
    await page.getByTestId('review-queue').locator('tr', { hasText: caseNumber }).waitFor({ state: 'detached' });
    expect(h.errors).toEqual([]);
  });
});
