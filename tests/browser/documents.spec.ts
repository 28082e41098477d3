import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { EvidenceStore } from '@zhifa/persistence';
import type { Client } from '../e2e/command-helpers';
import { eventually } from '../support/eventually';
import type { Stack } from '../support/stack';
import { expectAccessible, giveAccessReason, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// The documents section of the case page in a real browser, with the jobs
// app running: the filing approval the documents queue issued is listed with
// its number and hash, downloads as the same PDF, and a tampered file is
// refused with its code.
describe('the documents section of the case page', () => {
  let h: BrowserHarness;
  let stack: Stack;
  let api: Client;
  let page: Page;
  let caseId: string;
  let issued: { id: string; sha256: string; number: string; fileName: string };

  beforeAll(async () => {
    h = await openHarness({ jobs: true });
    ({ stack, api, page } = h);
    caseId = await api.filedCase({ party: { type: 'PERSON', name: '王某', address: '长治市潞州区某街12号' } });
    issued = await eventually(async () => (await api.get<{ items: (typeof issued)[] }>('officer.zhang', `/cases/${caseId}/documents`)).body.items[0], 60000);
  });
  afterAll(async () => {
    await h?.close();
  });

  const row = () => page.getByTestId('documents').locator(`tbody tr[data-row-key="${issued.id}"]`);

  it('lists the issued document with its number and hash', async () => {
    await signInAs(h, 'officer.zhang');
    await page.goto(`${stack.url}/console/cases/${caseId}`);
    await row().waitFor();
    await expect(row().getByTestId('document-title').textContent()).resolves.toBe('立案审批表');
    await expect(row().textContent()).resolves.toContain(issued.number);
    await expect(row().textContent()).resolves.toContain(issued.sha256.slice(0, 12));
    await page.getByTestId('documents-section').scrollIntoViewIfNeeded();
    await shot(page, 'case-documents');
    await expectAccessible(page, 'case-documents');
  });

  it('asks the reason (the PDF carries the party\'s personal information), then downloads it with the token: the same bytes, the read logged', async () => {
    const download = page.waitForEvent('download');
    await row().getByTestId('document-download').click();
    await giveAccessReason(page, '核对立案审批表');
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(issued.fileName);
    const bytes = readFileSync((await saved.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(issued.sha256);
    const [read] = await stack.ds.query(`SELECT reason, source, source_ref FROM personal_data_access WHERE case_id = $1 ORDER BY at DESC LIMIT 1`, [caseId]);
    expect(read).toEqual({ reason: '核对立案审批表', source: 'DOCUMENT', source_ref: issued.number });
  });

  it('refuses a file that no longer matches its hash, and shows the code', async () => {
    const path = stack.api.get(EvidenceStore).pathOf(issued.sha256);
    const bytes = readFileSync(path);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(path, bytes);
    const refused = page.waitForResponse((r) => r.url().endsWith(`/documents/${issued.id}`));
    await row().getByTestId('document-download').click();
    await giveAccessReason(page, '核对立案审批表');
    expect((await refused).status()).toBe(409);
    const alert = page.getByTestId('document-download-error');
    await alert.waitFor();
    await expect(alert.getAttribute('data-code')).resolves.toBe('DOCUMENT.HASH_MISMATCH');
    await expect(alert.textContent()).resolves.toContain('立案审批表');
    expect(h.errors).toEqual([]);
  });
});
