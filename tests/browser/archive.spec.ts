import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { MANIFEST_FILE, packageDir, type ArchiveManifest } from '@zhifa/archive';
import { runArchiveJob } from '../support/archive-job';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';
import { submitCommand } from './forms';

// 归档 on a case page: the officer archives, the page shows the case being
// archived until the archive job's package seals it, then shows the package
// (manifest hash, key, contents) and verifies it on demand, naming the file
// that fails once a byte of it is changed.
describe('the archive in the console', () => {
  let h: BrowserHarness;
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    h = await openHarness();
    page = h.page;
    // A filed case with evidence, terminated and closed, through the API.
    caseId = await h.api.filedCase();
    const ev = await h.api.textEvidence(caseId);
    if (ev.status !== 201) throw new Error(`evidence: ${ev.status}`);
    for (const [user, action, body] of [
      ['head.sun', 'suspension', { action: 'TERMINATE', reason: '违法事实不能成立' }],
      ['head.sun', 'closure', { summary: '终止调查，结案' }],
    ] as const) {
      const r = await h.api.command(user, caseId, action, body);
      if (r.status !== 200) throw new Error(`${action}: ${r.status} ${JSON.stringify(r.body)}`);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  async function openCase(): Promise<void> {
    await page.goto(`${h.stack.url}/console/cases/${caseId}`);
    await page.getByTestId('case-number').waitFor();
  }

  it('archiving: the case shows 归档中 until the job has recorded the package, then 已归档 with the package', async () => {
    await signInAs(h, 'officer.zhang');
    await openCase();
    await page.locator('[data-testid="allowed-actions"] button[data-action="archive"]').click();
    await page.getByTestId('command-form-archive').waitFor();
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/cases/${caseId}/archive`));
    await submitCommand(page);
    expect((await answer).status()).toBe(200);
    await page.getByTestId('case-status').filter({ hasText: '归档中' }).waitFor();
    await expect(page.getByTestId('archive-status').textContent()).resolves.toContain('归档任务正在生成并签名归档包');
    await expect(page.getByTestId('verify-archive').count()).resolves.toBe(0);
    await shot(page, 'case-archiving');

    const built = await runArchiveJob(h.stack.archiveJob, h.stack.ds, caseId);
    // The page looks again while the case is being archived.
    await page.getByTestId('case-status').filter({ hasText: '已归档' }).waitFor();
    await expect(page.getByTestId('archive-status').textContent()).resolves.toContain('案件已封存');
    await expect(page.getByTestId('archive-manifest').textContent()).resolves.toBe(built.package!.manifestSha256);
  });

  it('"verify archive" shows the package whole; after one byte of the evidence changes it names the file and both hashes', async () => {
    await signInAs(h, 'supervisor.zhou');
    await openCase();
    await page.getByTestId('verify-archive').click();
    await expect(page.getByTestId('archive-result').textContent()).resolves.toMatch(/^归档包完整：签名有效（密钥 .+），3 个文件均与清单一致，事件链完整。$/);
    await expectAccessible(page, 'archive-verified');

    const dir = packageDir(h.stack.cfg.archiveDir, caseId);
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as ArchiveManifest;
    const evidence = manifest.files.find((f) => f.kind === 'evidence')!;
    const bytes = await readFile(join(dir, evidence.path));
    bytes[0] ^= 0x01;
    await writeFile(join(dir, evidence.path), bytes);

    await openCase();
    await page.getByTestId('verify-archive').click();
    await expect(page.getByTestId('archive-result').textContent()).resolves.toBe('归档包核验未通过：1 处问题。');
    const row = page.getByTestId('archive-problems').locator('tbody tr');
    await expect(row.count()).resolves.toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('FILE_HASH_MISMATCH');
    expect(text).toContain(evidence.path);
    expect(text).toContain(evidence.sha256);
    await shot(page, 'archive-tampered');
    await expectAccessible(page, 'archive-tampered');
  });

  it('logged no error in the browser console', () => {
    expect(h.errors).toEqual([]);
  });
});
