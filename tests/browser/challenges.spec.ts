import type { Page } from 'playwright-core';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';
import { fillCommand, submitCommand } from './forms';

// 复议 / 诉讼 on a case page: the header says what is due and when the
// decision becomes final, the deadline list shows the party's windows, and
// the challenge form records a reconsideration and its REVOKED outcome.
describe('challenges in the console', () => {
  let h: BrowserHarness;
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
    // A simple case decided and served on the spot (¥200), through the API.
    const lead = await h.api.register({
      procedure: 'SIMPLE',
      violationCode: 'TRAFFIC-RULE',
      party: { type: 'PERSON', name: '李某' },
      officerIds: [h.api.id('officer.zhang')],
      summary: 'Stopped in a no-stopping zone',
    });
    caseId = lead.id;
    const decided = await h.api.command('officer.zhang', caseId, 'simple-decision', {
      facts: 'Vehicle stopped in a no-stopping zone, recorded on the body camera',
      legalBasis: '《道路交通安全法》第九十条',
      penalty: { kinds: ['FINE'], fineAmount: 200 },
      documentNumber: '长市监简〔2026〕BR-CH1号',
      text: '当场处罚决定书: 罚款 200 元',
      service: { method: 'DIRECT', servedAt: new Date(Date.now() - 60_000).toISOString(), recipient: '李某', proof: '当事人签收' },
      defence: { waived: true },
    });
    if (decided.status !== 200) throw new Error(`simple decision: ${decided.status} ${JSON.stringify(decided.body)}`);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function challenge(fields: Parameters<typeof fillCommand>[1]): Promise<number> {
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    await page.getByTestId('case-number').waitFor();
    await page.locator('[data-testid="allowed-actions"] button[data-action="challenges"]').click();
    const form = page.getByTestId('command-form-challenges');
    await form.waitFor();
    await fillCommand(page, fields);
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/cases/${caseId}/challenges`));
    await submitCommand(page);
    const res = await answer;
    if (res.status() === 200) await form.waitFor({ state: 'detached' });
    return res.status();
  }

  it('the header and the deadline list show the windows running from service', async () => {
    await signInAs(h, 'officer.zhang');
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    await page.getByTestId('case-number').waitFor();
    await expect(page.getByTestId('case-amount-due').textContent()).resolves.toContain('200');
    await expect(page.getByTestId('case-decision-final').textContent()).resolves.toContain('复议、诉讼期限届满');
    const deadlines = page.getByTestId('deadlines');
    await deadlines.getByText('申请行政复议期限').waitFor();
    await deadlines.getByText('提起行政诉讼期限').waitFor();
    // The lawsuit window is counted in months, and says so.
    await deadlines.getByText(/6 个月 \(\d+ /).first().waitFor();
    await expectAccessible(page, 'challenge-windows');
  });

  it('records a reconsideration and its REVOKED outcome: nothing is due and the decision is flagged revoked', async () => {
    expect(await challenge({ kind: { radio: '行政复议' }, stage: { radio: '提起' }, body: { text: '长治市人民政府' } })).toBe(200);
    const filed = (await h.api.case('officer.zhang', caseId)) as { decisionFinalAt?: string };
    // Pending: the decision is not final.
    expect(filed.decisionFinalAt).toBeUndefined();
    const [row] = await h.stack.ds.query('SELECT state FROM cases WHERE id = $1', [caseId]);
    const challengeId = row.state.challenges[0].challengeId as string;

    expect(
      await challenge({ challengeId: { text: challengeId }, kind: { radio: '行政复议' }, stage: { radio: '作出结果' }, body: { text: '长治市人民政府' }, result: { select: '撤销' } }),
    ).toBe(200);
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    await page.getByTestId('case-number').waitFor();
    await expect(page.getByTestId('case-amount-due').textContent()).resolves.toContain('0.00');
    await page.getByText('决定已撤销').first().waitFor();
    await shot(page, 'challenge-revoked');
    const c = await h.api.case('officer.zhang', caseId);
    expect(c).toMatchObject({ status: 'SERVED', amountDue: 0 });
    expect(c.allowedActions).not.toContain('payments');
  });
});
