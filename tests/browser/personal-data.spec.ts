import type { Page } from 'playwright-core';
import type { Client } from '../e2e/command-helpers';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// PIPL in a real browser: the case page shows the party's ID number, phone
// and address masked; an officer reads them in full with a reason; the
// supervisor sees that read in the log.
describe("a party's personal information in a browser", () => {
  let h: BrowserHarness;
  let api: Client;
  let page: Page;
  let id: string;
  const party = { type: 'PERSON', name: '钱某', idNumber: '140402198805051234', phone: '13935501234', address: '山西省长治市潞州区太行东街2号' };
  const reason = '送达决定书需核对住址';

  beforeAll(async () => {
    h = await openHarness();
    ({ api, page } = h);
    id = (await api.register({ party })).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the party masked, and in full only after a reason is given', async () => {
    await signInAs(h, 'officer.zhang');
    await page.goto(`${h.stack.url}/console/cases/${id}`);
    const shown = page.getByTestId('party');
    await expect(shown.locator('[data-field="idNumber"]').textContent()).resolves.toBe('身份证号码：140402********1234');
    await expect(shown.textContent()).resolves.not.toContain(party.phone);
    await shown.getByRole('button', { name: '查看完整信息' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '查看' }).click();
    await dialog.getByText('请填写查看理由').waitFor();
    await dialog.getByLabel('查看理由').fill(reason);
    const read = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${id}/party`));
    await dialog.getByRole('button', { name: '查看' }).click();
    expect((await read).status()).toBe(200);
    await expect(dialog.locator('[data-full="idNumber"]').textContent()).resolves.toBe(party.idNumber);
    await expect(dialog.locator('[data-full="address"]').textContent()).resolves.toBe(party.address);
    await shot(page, 'party-full');
    await expectAccessible(page, 'party-full');
  });

  it('lists the read for the supervisor, with who and why', async () => {
    await signInAs(h, 'supervisor.zhou');
    await page.getByRole('navigation').getByRole('link', { name: '个人信息查阅' }).click();
    await page.waitForURL(/\/console\/supervision\/personal-data$/);
    const caseNumber = (await api.case('officer.zhang', id)).caseNumber;
    const row = page.getByTestId('personal-data-reads').locator('tr', { hasText: caseNumber }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('张伟');
    await expect(row.getByTestId('read-reason').textContent()).resolves.toBe(reason);
    await shot(page, 'personal-data-reads');
    await expectAccessible(page, 'personal-data-reads');
  });

  it('logged no error in the browser console on any page', () => {
    expect(h.errors).toEqual([]);
  });
});
