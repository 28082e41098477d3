import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { EvidenceStore } from '../../apps/case-api/src/evidence/evidence.store';
import type { Client } from '../e2e/command-helpers';
import type { Stack } from '../support/stack';
import { expectAccessible, giveAccessReason, openHarness, SCREENSHOTS, shot, signInAs, type BrowserHarness } from './harness';

// The evidence area of the case page in a real browser against the real
// stack: text and a 2 MB file recorded through the forms (the file with an
// upload progress bar), hashes as the API reports them, the file fetched
// back, custody handed over, a refusal placed on its field, and a file that
// no longer matches its hash refused with its code.
describe('the evidence area of the case page', () => {
  let h: BrowserHarness;
  let stack: Stack;
  let api: Client;
  let page: Page;
  let caseId: string;
  let dir: string;
  let file: { path: string; bytes: Buffer; sha256: string };
  const text = `现场检查笔录：当事人未取得食品经营许可证，正在销售预包装食品。（${randomUUID()}）`;
  const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

  beforeAll(async () => {
    h = await openHarness();
    ({ stack, api, page } = h);
    dir = mkdtempSync(join(tmpdir(), 'zhifa-evidence-upload-'));
    const bytes = randomBytes(2 * 1024 * 1024);
    file = { path: join(dir, '执法记录仪视频.mp4'), bytes, sha256: sha256(bytes) };
    writeFileSync(file.path, bytes);
  });
  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const evidence = async () => {
    const { data, error, response } = await api.as('officer.zhang').GET('/api/v1/cases/{id}/evidence', { params: { path: { id: caseId } } });
    expect({ status: response.status, error }).toEqual({ status: 200, error: undefined });
    return data!.items;
  };
  const form = () => page.getByTestId('record-evidence-form');
  const row = (title: string): Locator => page.getByTestId('evidence').locator('tbody tr[data-row-key]', { hasText: title });
  const formItem = (label: string): Locator => form().locator('.ant-form-item').filter({ has: page.locator('label', { hasText: label }) });

  /** Picks an option of a select by keyboard (type to filter, Enter) and waits until it is shown as chosen. */
  async function choose(scope: Locator, label: string, option: string): Promise<void> {
    const box = scope.getByRole('combobox', { name: label });
    await box.fill(option);
    await page.locator('.ant-select-item-option-active', { hasText: option }).waitFor();
    await box.press('Enter');
    const chosen = '.ant-select-content-has-value:not(.ant-select-content-has-search-value)';
    await scope.locator('.ant-form-item', { has: page.getByRole('combobox', { name: label }) }).locator(chosen, { hasText: option }).waitFor();
  }

  /** Opens the Record evidence drawer and fills the fields every item has. */
  async function fillCommon(kind: string, title: string, collectors: string[]): Promise<void> {
    await page.getByTestId('record-evidence').click();
    await form().waitFor();
    await choose(form(), '证据种类', kind);
    await formItem('名称').locator('input').fill(title);
    // The signed-in officer is ticked already; tick the others asked for.
    for (const name of collectors) {
      const box = form().getByRole('checkbox', { name: new RegExp(name) });
      if (!(await box.isChecked())) await box.check();
    }
    await formItem('采集地点').locator('input').fill('长治市潞州区某街12号');
    // APL 55: the first collection records the certificates shown and the rights told.
    await form().getByRole('checkbox', { name: '已向当事人出示执法证件' }).check();
    await form().getByRole('checkbox', { name: /已告知当事人陈述/ }).check();
  }

  it('registers a lead and files it through the API client', async () => {
    const zhang = api.as('officer.zhang');
    const { data, error, response } = await zhang.POST('/api/v1/cases', {
      body: {
        source: 'inspection',
        discoveredAt: new Date(Date.now() - 3600_000).toISOString(),
        violationAt: new Date(Date.now() - 2 * 86400_000).toISOString().slice(0, 10),
        party: { type: 'PERSON', name: '王某' },
        violationCode: 'FOOD-UNLICENSED',
        summary: 'browser test: evidence',
        procedure: 'ORDINARY',
        officerIds: [api.id('officer.zhang'), api.id('officer.li')],
      },
    });
    expect({ status: response.status, error }).toEqual({ status: 201, error: undefined });
    caseId = data!.id;
    const filed = await api.as('head.sun').POST('/api/v1/cases/{id}/filing', {
      params: { path: { id: caseId } },
      body: { approve: true, reason: 'facts verified on inspection', officerIds: [api.id('officer.zhang'), api.id('officer.li')] },
    });
    expect(filed.response.status).toBe(200);
    const c = await api.case('officer.zhang', caseId);
    expect(c.allowedActions).toEqual(expect.arrayContaining(['evidence']));
  });

  it('officer.zhang sees the empty Evidence section and records a text item', async () => {
    await signInAs(h, 'officer.zhang');
    await page.goto(`${stack.url}/console/cases/${caseId}`);
    await page.getByTestId('evidence-section').waitFor();
    await page.getByTestId('evidence').getByText('本案尚未登记证据').waitFor();

    await fillCommon('现场笔录', '现场检查笔录', ['李娜']);
    await form().getByText('文字', { exact: true }).click();
    await formItem('文字内容').locator('textarea').fill(text);
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${caseId}/evidence`) && r.request().method() === 'POST');
    await page.getByTestId('record-evidence-submit').click();
    const res = await answer;
    expect(res.status()).toBe(201);
    expect(res.request().headers()['idempotency-key']).toMatch(/^evidence-[0-9a-f]{32}$/);
    const done = page.getByTestId('record-evidence-done');
    await done.waitFor();
    // The hash the API reports is the sha256 of the text sent.
    await expect(done.getAttribute('data-sha256')).resolves.toBe(sha256(text));
    await row('现场检查笔录').locator(`[data-sha256="${sha256(text)}"]`).waitFor();
    await page.keyboard.press('Escape');
    await form().waitFor({ state: 'hidden' });
  });

  it('uploads a 2 MB file with a progress bar that reaches 100 %, and the row shows the hash the API reports', async () => {
    await fillCommon('视听资料', '执法记录仪视频', ['李娜']);
    await form().getByText('文件', { exact: true }).first().click();
    await form().locator('input[type=file]').setInputFiles(file.path);
    await form().getByText('执法记录仪视频.mp4').waitFor();

    // Every value the progress bar takes, as the page shows it.
    await page.evaluate(() => {
      // Runs in the page (the test's own tsconfig has no DOM types).
      type El = { getAttribute(name: string): string | null };
      type Observer = new (cb: () => void) => { observe(target: unknown, opts: object): void };
      const g = globalThis as unknown as { document: { body: unknown; querySelector(s: string): El | null }; MutationObserver: Observer; __progress: number[] };
      g.__progress = [];
      new g.MutationObserver(() => {
        const bar = g.document.querySelector('[data-testid="evidence-upload-progress"]');
        const v = bar ? Number(bar.getAttribute('aria-valuenow')) : NaN;
        if (!Number.isNaN(v) && g.__progress.at(-1) !== v) g.__progress.push(v);
      }).observe(g.document.body, { subtree: true, childList: true, attributes: true });
    });
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${caseId}/evidence`) && r.request().method() === 'POST');
    await page.getByTestId('record-evidence-submit').click();
    const res = await answer;
    expect(res.status()).toBe(201);
    expect(res.request().headers()['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const bar = page.getByTestId('evidence-upload-progress');
    await page.locator('[data-testid="evidence-upload-progress"][data-phase="done"]').waitFor();
    await expect(bar.getAttribute('aria-valuenow')).resolves.toBe('100');
    await shot(page, 'case-evidence-uploaded');
    await expectAccessible(page, 'case-evidence-uploaded');
    const seen = await page.evaluate(() => (globalThis as unknown as { __progress: number[] }).__progress);
    expect(seen.at(-1)).toBe(100);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    const recorded = (await res.json()) as { evidenceId: string; sha256: string; sizeBytes: number };
    expect(recorded).toMatchObject({ sha256: file.sha256, sizeBytes: file.bytes.length });
    await expect(page.getByTestId('record-evidence-done').getAttribute('data-sha256')).resolves.toBe(file.sha256);
    await page.keyboard.press('Escape');
    await form().waitFor({ state: 'hidden' });

    // The row: what GET …/evidence says, the sha256 of the file that was uploaded.
    const item = (await evidence()).find((e) => e.evidenceId === recorded.evidenceId)!;
    expect(item).toMatchObject({ sha256: file.sha256, sizeBytes: file.bytes.length, mediaType: 'video/mp4', custodian: api.id('officer.zhang') });
    const shown = row('执法记录仪视频');
    await expect(shown.locator('[data-sha256]').getAttribute('data-sha256')).resolves.toBe(file.sha256);
    await expect(shown.locator('[data-sha256]').textContent()).resolves.toBe(`${file.sha256.slice(0, 12)}…`);
    await expect(shown.getByTestId('evidence-file').locator('div').allTextContents()).resolves.toEqual(['video/mp4', '2.0 MB']);
    await expect(shown.getByTestId('evidence-collectors').locator('div').allTextContents()).resolves.toEqual(
      item.collectors.map((c) => `${c.name} ${c.certificateNumber}`),
    );
    expect(item.collectors.map((c) => c.name).sort()).toEqual(['张伟', '李娜'].sort());
    await expect(shown.getByTestId('evidence-custodian').textContent()).resolves.toBe('张伟');
    await expect(page.getByTestId('evidence').locator('tbody tr[data-row-key]').count()).resolves.toBe(2);
  });

  it('fetches the file with the token and saves it: the same bytes', async () => {
    const download = page.waitForEvent('download');
    await row('执法记录仪视频').getByTestId('evidence-download').click();
    await giveAccessReason(page, '核对现场录像');
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('执法记录仪视频.mp4');
    expect(sha256(readFileSync((await saved.path())!))).toBe(file.sha256);
  });

  it('hands the file over to officer.li and shows the chain of custody', async () => {
    await row('执法记录仪视频').getByTestId('evidence-transfer').click();
    const transfer = page.getByTestId('transfer-custody-form');
    await transfer.waitFor();
    await choose(transfer, '接收人', '李娜');
    await transfer.locator('textarea').fill('移交证据保管室');
    const answer = page.waitForResponse((r) => r.url().endsWith('/custody') && r.request().method() === 'POST');
    await page.getByTestId('transfer-custody-submit').click();
    expect((await answer).status()).toBe(200);
    await page.getByTestId('transfer-custody-done').waitFor();
    await page.keyboard.press('Escape');
    await transfer.waitFor({ state: 'hidden' });

    const custody = (await evidence()).find((e) => e.title === '执法记录仪视频')!;
    expect(custody.custodian).toBe(api.id('officer.li'));
    expect(custody.custody).toEqual([expect.objectContaining({ from: api.id('officer.zhang'), to: api.id('officer.li'), reason: '移交证据保管室' })]);
    await row('执法记录仪视频').getByTestId('evidence-custodian').getByText('李娜').waitFor();
    await row('执法记录仪视频').getByRole('button', { name: '展开行' }).click();
    const chain = page.getByTestId('custody-chain').locator('tbody tr', { hasText: '移交证据保管室' });
    await chain.waitFor();
    await expect(chain.locator('td').allTextContents()).resolves.toEqual(['张伟', '李娜', expect.stringMatching(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/), '移交证据保管室']);
  });

  it("shows the API's refusal of an item with one collector: title, detail and code, and the error on the collectors field", async () => {
    const before = await api.eventCount(caseId);
    await fillCommon('书证', '营业执照复印件', []);
    await form().getByText('文字', { exact: true }).click();
    await formItem('文字内容').locator('textarea').fill('营业执照复印件一份');
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${caseId}/evidence`) && r.request().method() === 'POST');
    await page.getByTestId('record-evidence-submit').click();
    const res = await answer;
    expect(res.status()).toBe(422);
    const problem = (await res.json()) as { title: string; detail: string; code: string; errors: { field: string; message: string }[] };
    expect(problem.code).toBe('CASE.TWO_OFFICERS_REQUIRED');
    const alert = page.getByTestId('record-evidence-problem');
    await alert.waitFor();
    await expect(alert.getAttribute('data-code')).resolves.toBe('CASE.TWO_OFFICERS_REQUIRED');
    const said = await alert.textContent();
    expect(said).toContain(problem.title);
    expect(said).toContain(problem.detail);
    expect(said).toContain('CASE.TWO_OFFICERS_REQUIRED');
    const onField = problem.errors.find((e) => e.field === 'collectedByIds')!;
    await expect(formItem('采集人').locator('.ant-form-item-explain-error').textContent()).resolves.toBe(onField.message);
    expect(await api.eventCount(caseId)).toBe(before);
    await shot(page, 'case-evidence-refused');
  });

  it('passes an axe scan with the evidence section, its row expanded and the refusal in the form', async () => {
    await expectAccessible(page, 'case-evidence-form');
    await page.keyboard.press('Escape');
    await form().waitFor({ state: 'hidden' });
    await page.getByTestId('evidence-section').scrollIntoViewIfNeeded();
    await shot(page, 'case-evidence');
    // The section alone, for the README.
    await page.getByTestId('evidence-section').screenshot({ path: join(SCREENSHOTS, 'case-evidence-section.png') });
    await expectAccessible(page, 'case-evidence');
  });

  it('refuses a file that no longer matches its hash, and shows the code', async () => {
    const store = stack.api.get(EvidenceStore);
    writeFileSync(store.pathOf(sha256(text)), `${text} (altered)`);
    const refused = page.waitForResponse((r) => r.url().endsWith('/content'));
    await row('现场检查笔录').getByTestId('evidence-download').click();
    await giveAccessReason(page, '核对笔录');
    expect((await refused).status()).toBe(409);
    const alert = page.getByTestId('evidence-content-error');
    await alert.waitFor();
    await expect(alert.getAttribute('data-code')).resolves.toBe('EVIDENCE.HASH_MISMATCH');
    await expect(alert.textContent()).resolves.toContain('现场检查笔录');
  });

  it('speaks English after the toggle, times still in the agency zone', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Evidence', exact: true }).waitFor();
    const video = row('执法记录仪视频');
    await expect(video.locator('td').nth(1).textContent()).resolves.toBe('Audio visual');
    const item = (await evidence()).find((e) => e.title === '执法记录仪视频')!;
    const agency = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    await expect(video.locator('td').nth(3).textContent()).resolves.toBe(agency.format(new Date(item.collectedAt)));
    await page.getByRole('button', { name: 'Download: 执法记录仪视频' }).waitFor();
    await page.getByRole('button', { name: '切换到中文' }).click();
    await page.getByRole('heading', { name: '证据', exact: true }).waitFor();
  });

  // The refusals above are answers, asserted where they were provoked; the harness records only real errors.
  it('logged no error in the browser console', () => {
    expect(h.errors).toEqual([]);
  });
});
