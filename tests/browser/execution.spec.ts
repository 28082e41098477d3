import type { Page } from 'playwright-core';
import { agencyToday } from '../support/due-leads';
import { ago } from '../e2e/command-helpers';
import { actionButtons, expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';
import { fillCommand, submitCommand } from './forms';

// Execution on the case page: the ledger of a served fine, and the head's
// deferral (暂缓缴纳, APL 66) filled in its form and sent.
describe('execution in the console', () => {
  let h: BrowserHarness;
  let page: Page;

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the ledger of a served fine, and a head defers its payment through the payment-plan form', async () => {
    const lead = await h.api.register({ procedure: 'SIMPLE', violationCode: 'TRAFFIC-RULE', party: { type: 'PERSON', name: '李某' }, officerIds: [h.api.id('officer.zhang')] });
    const decided = await h.api.command('officer.zhang', lead.id, 'simple-decision', {
      facts: 'Vehicle stopped in a no-stopping zone',
      legalBasis: '《道路交通安全法》第九十条',
      penalty: { kinds: ['FINE'], fineAmount: 200 },
      documentNumber: '长市监简〔2026〕B-X1号',
      text: '当场处罚决定书: 罚款 200 元',
      service: { method: 'DIRECT', servedAt: ago(5), recipient: '李某', proof: '当事人签收' },
      defence: { waived: true },
    });
    expect(decided.status).toBe(200);

    await signInAs(h, 'head.sun');
    await page.goto(`${h.stack.url}/console/cases/${lead.id}`);
    await page.getByTestId('ledger').waitFor();
    await expect(page.getByTestId('ledger-outstanding').textContent()).resolves.toContain('200.00');
    expect(await actionButtons(page)).toEqual(expect.arrayContaining(['payment-plan', 'execution-end']));

    await page.locator('button[data-action="payment-plan"]').click();
    await page.getByTestId('command-form-payment-plan').waitFor();
    const d = new Date(`${agencyToday()}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 30);
    const date = d.toISOString().slice(0, 10);
    await fillCommand(page, {
      kind: { radio: '暂缓缴纳' },
      instalments: { add: 1 },
      'instalments-0-dueDate': { date },
      'instalments-0-amount': { number: 200 },
      reason: { text: '当事人确有经济困难，书面申请暂缓缴纳' },
    });
    await shot(page, 'payment-plan-form');
    await expectAccessible(page, 'payment-plan-form');
    const sent = page.waitForResponse((r) => r.url().endsWith(`/cases/${lead.id}/payment-plan`));
    await submitCommand(page);
    expect((await sent).status()).toBe(200);
    await page.getByTestId('command-form-payment-plan').waitFor({ state: 'detached' });
    // The case page shows the approved deferral under the ledger.
    await expect(page.getByTestId('execution-steps').textContent()).resolves.toContain('暂缓缴纳');

    const c = await h.api.case('head.sun', lead.id);
    const due = c.deadlines.find((x) => x.kind === 'payment')!;
    expect(due.state).toBe('OPEN');
    expect(due.basis.rolledForwardFrom ?? due.basis.dueDate).toBe(date);
    expect(c.allowedActions).not.toContain('payment-plan');
    expect(await h.api.eventTypes(lead.id)).toEqual(['LEAD_REGISTERED', 'SIMPLE_DECISION_MADE', 'PAYMENT_PLAN_APPROVED']);
  });
});
