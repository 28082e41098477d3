import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ago } from '../e2e/command-helpers';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';
import { fillCommand, submitCommand } from './forms';

// Issue 10 in the console: a simple-procedure lead over the limit is converted
// to the ordinary procedure from its case page; a lead against a party already
// fined for the same violation is registered with the APL 29 warning shown in
// the register drawer and on the case page.
describe('simple-procedure exits and the one-fine-per-act warning in the console', () => {
  let h: BrowserHarness;
  let page: Page;

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
  });
  afterAll(async () => {
    await h?.close();
  });

  const simpleLead = (party: Record<string, unknown>) =>
    h.api.register({ procedure: 'SIMPLE', violationCode: 'TRAFFIC-RULE', party, officerIds: [h.api.id('officer.zhang')], summary: 'Stopped in a no-stopping zone' });

  it('an officer converts a simple lead to the ordinary procedure: the same case waits for filing', async () => {
    const lead = await simpleLead({ type: 'PERSON', name: '钱某' });
    await signInAs(h, 'officer.zhang');
    await page.goto(`${h.stack.url}/console/cases/${lead.id}`);
    await page.locator('button[data-action="simple-conversion"]').click();
    await page.getByTestId('command-form-simple-conversion').waitFor();
    await shot(page, 'simple-conversion-form');
    await expectAccessible(page, 'simple-conversion-form');
    await fillCommand(page, { reason: { text: '应处罚款超过简易程序限额，转为普通程序办理' } });
    const converted = page.waitForResponse((r) => r.url().endsWith(`/cases/${lead.id}/simple-conversion`));
    await submitCommand(page);
    expect((await converted).status()).toBe(200);
    await page.getByTestId('command-form-simple-conversion').waitFor({ state: 'detached' });
    const c = await h.api.case('officer.zhang', lead.id);
    expect(c).toMatchObject({ id: lead.id, procedure: 'ORDINARY', status: 'LEAD_REGISTERED' });
    expect(c.deadlines.map((d) => d.kind)).toContain('filingDecision');
    await page.locator('button[data-action="simple-conversion"]').waitFor({ state: 'detached' });
  });

  it('registering a lead against a party already fined for the same violation shows the warning, then on the case page', async () => {
    const idNumber = `14040019900101${randomUUID().slice(0, 4).toUpperCase()}`;
    const party = { type: 'PERSON', name: '孙某', idNumber };
    const first = await simpleLead(party);
    const decided = await h.api.command('officer.zhang', first.id, 'simple-decision', {
      facts: 'Vehicle stopped in a no-stopping zone',
      legalBasis: '《道路交通安全法》第九十条',
      penalty: { kinds: ['FINE'], fineAmount: 100 },
      documentNumber: `长市监简〔2026〕UI-${idNumber.slice(-4)}号`,
      text: '当场处罚决定书: 罚款 100 元',
      service: { method: 'DIRECT', servedAt: ago(5), recipient: '孙某', proof: '当事人签收' },
      defence: { waived: true },
    });
    expect(decided.status).toBe(200);

    await signInAs(h, 'officer.zhang');
    await page.getByRole('navigation').getByRole('link', { name: '案件' }).click();
    await page.getByTestId('register-lead').click();
    await page.getByTestId('command-form-register').waitFor();
    await fillCommand(page, {
      source: { text: '现场检查' },
      'party-type': { radio: '自然人' },
      'party-name': { text: '孙某' },
      'party-idNumber': { text: idNumber },
      violationCode: { select: 'TRAFFIC-RULE' },
      summary: { text: '同一地点再次违法停车' },
      procedure: { radio: '简易程序（当场处罚）' },
      violationAt: { date: '2026-11-18' },
    });
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/cases') && r.request().method() === 'POST');
    await submitCommand(page);
    expect((await created).status()).toBe(201);
    const warning = page.getByTestId('register-same-act-warning');
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain(first.caseNumber);
    await shot(page, 'register-same-act-warning');
    await expectAccessible(page, 'register-same-act-warning');

    await page.getByTestId('open-registered-case').click();
    await page.waitForURL(/\/console\/cases\/[0-9a-f-]{36}$/);
    const onPage = page.getByTestId('same-act-warning');
    await onPage.waitFor();
    await expect(onPage.textContent()).resolves.toContain(first.caseNumber);
    await expect(onPage.textContent()).resolves.toContain('第二十九条');
    await expectAccessible(page, 'case-same-act-warning');
  });
});
