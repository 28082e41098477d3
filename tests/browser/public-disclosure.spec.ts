import type { Page } from 'playwright-core';
import { jobIdFor } from '@zhifa/contracts';
import type { DisclosureJob } from '../../apps/jobs/src/disclosure/disclosure.job';
import type { Client } from '../e2e/command-helpers';
import { decidedCase, disclosureJobOf, lastEventMessage, PRIVATE_ACCOUNT, PRIVATE_PARTY } from '../support/disclosure-cases';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// 行政执法公示 in a real browser, signed in as nobody: the agency's 事前公示,
// the certificate lookup, and two published decisions — one withdrawn after
// its revocation, marked so — with no ID number or phone on any page.
describe('the public pages in a browser', () => {
  let h: BrowserHarness;
  let api: Client;
  let page: Page;
  let job: DisclosureJob;
  let closeJob: () => Promise<void>;
  const published: Record<'standing' | 'revoked', { caseId: string; documentNumber: string }> = {} as never;

  beforeAll(async () => {
    h = await openHarness();
    ({ api, page } = h);
    ({ job, close: closeJob } = disclosureJobOf(h.stack));
  });
  afterAll(async () => {
    await closeJob?.();
    await h?.close();
  });

  /** Nothing personal on the page: the party's ID number, phone, home and account never appear. */
  async function expectNothingPersonal(): Promise<void> {
    const text = await page.locator('body').innerText();
    for (const secret of [PRIVATE_PARTY.idNumber, '11010519491231002X', PRIVATE_PARTY.phone, '13800138000', '英雄中路', PRIVATE_ACCOUNT]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
  }

  it('publishes two decisions through the disclosure job, then revokes one and withdraws it', async () => {
    // Two people (one fine per act, APL 29: the same party twice for one violation would need a reason).
    const parties = { standing: PRIVATE_PARTY, revoked: { ...PRIVATE_PARTY, name: '赵德明', idNumber: '11010519491231002X', phone: '13800138000' } };
    for (const key of ['standing', 'revoked'] as const) {
      const caseId = await decidedCase(api, parties[key]);
      const decision = await lastEventMessage(h.stack, caseId, 'DECISION_MADE');
      await job.handle(decision, jobIdFor(decision.eventId, 'disclosure'));
      published[key] = { caseId, documentNumber: `长市监罚〔2026〕DS-${caseId.slice(0, 6)}号` };
    }
    const { caseId } = published.revoked;
    const filed = { kind: 'RECONSIDERATION', at: new Date().toISOString(), body: '长治市人民政府' };
    const challenge = await api.command<{ challengeId: string }>('officer.zhang', caseId, 'challenges', { ...filed, stage: 'FILED' });
    const decided = await api.command('officer.zhang', caseId, 'challenges', { ...filed, challengeId: challenge.body.challengeId, stage: 'DECIDED', result: 'REVOKED' });
    expect(decided.status).toBe(200);
    const revoked = await lastEventMessage(h.stack, caseId, 'CHALLENGE_RECORDED');
    expect(await job.handle(revoked, jobIdFor(revoked.eventId, 'disclosure'))).toMatchObject({ action: 'WITHDRAWN' });
  });

  it('reaches the public page from the sign-in screen without signing in, and shows the agency’s powers, procedures, remedies and officers', async () => {
    await page.goto(`${h.stack.url}/console/sign-in`);
    await page.getByRole('link', { name: '行政执法公示' }).click();
    await page.waitForURL(/\/console\/public$/);
    await page.getByRole('heading', { name: '长治市市场监督管理局' }).waitFor();
    await page.getByRole('table', { name: '职权与依据' }).getByText('PRODUCT-FAKE').waitFor();
    await page.getByRole('table', { name: '普通程序' }).getByText('行政处罚决定公示').waitFor();
    await page.getByRole('table', { name: '当事人的权利和救济途径' }).getByText('60日').waitFor();
    const officers = page.getByRole('table', { name: '执法人员' });
    await officers.getByText('14040120240001').waitFor();
    expect(await officers.locator('tr', { hasText: '14040120210004' }).innerText()).toContain('无效');
    await expectAccessible(page, 'public-agency');
    await shot(page, 'public-agency');
  });

  it('looks up a certificate: valid today, or not found', async () => {
    await page.getByRole('tab', { name: '执法资格查询' }).click();
    const box = page.getByLabel('执法证件编号');
    await box.fill('14040120240001');
    await box.press('Enter');
    const result = page.getByRole('region', { name: '执法资格查询' });
    await result.getByText('张伟').waitFor();
    expect(await result.innerText()).toContain('有效');
    await box.fill('NO-SUCH-1');
    await box.press('Enter');
    await page.getByRole('alert').getByText('没有该编号的执法证件：NO-SUCH-1').waitFor();
    await expectAccessible(page, 'public-certificate');
  });

  it('lists the published decisions with the withdrawn one marked, and opens each: the text redacted, the withdrawal with its reason', async () => {
    await page.getByRole('tab', { name: '处罚决定公示' }).click();
    const table = page.getByRole('table', { name: '处罚决定公示' });
    const standing = table.locator('tr', { hasText: published.standing.documentNumber });
    const revoked = table.locator('tr', { hasText: published.revoked.documentNumber });
    await standing.waitFor();
    expect(await standing.innerText()).toContain('已公示');
    expect(await revoked.innerText()).toContain('已撤下');
    await expectNothingPersonal();
    await expectAccessible(page, 'public-disclosures');
    await shot(page, 'public-disclosures');

    await standing.getByRole('link', { name: published.standing.documentNumber }).click();
    await page.getByText('以不合格产品冒充合格产品销售').waitFor();
    expect(await page.locator('body').innerText()).toContain('［电话号码已隐去］');
    await expectNothingPersonal();
    await expectAccessible(page, 'public-disclosure');
    await shot(page, 'public-disclosure');

    await page.getByRole('link', { name: '返回公示列表' }).click();
    await table.getByRole('link', { name: published.revoked.documentNumber }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('该决定已撤下公示').waitFor();
    expect(await alert.innerText()).toContain('长治市人民政府行政复议撤销');
    await expectNothingPersonal();
    await shot(page, 'public-disclosure-withdrawn');

    // The case page tells its officers where the decision stands in public, linked to the record.
    await signInAs(h, 'officer.zhang');
    await page.goto(`${h.stack.url}/console/cases/${published.revoked.caseId}`);
    const onCase = page.getByTestId('case-disclosure');
    await onCase.getByRole('link', { name: '已撤下公示' }).waitFor();
    expect(await onCase.innerText()).toContain('长治市人民政府行政复议撤销');
    expect(h.errors).toEqual([]);
  });
});
