import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Page } from 'playwright-core';
import type { CaseEventMessage } from '@zhifa/contracts';
import { EvidenceStore } from '@zhifa/persistence';
import { DocumentsJobHandler } from '../../apps/jobs/src/documents/documents.handler';
import { JobsModule } from '../../apps/jobs/src/jobs.module';
import { jobIdFor } from '../../apps/jobs/src/queues';
import type { Client } from '../e2e/command-helpers';
import type { Stack } from '../support/stack';
import { expectAccessible, openHarness, shot, signInAs, type BrowserHarness } from './harness';

// The documents section of the case page in a real browser: the filing
// approval the documents job issued is listed with its number and hash,
// downloads as the same PDF, and a tampered file is refused with its code.
describe('the documents section of the case page', () => {
  let h: BrowserHarness;
  let stack: Stack;
  let api: Client;
  let page: Page;
  let jobs: INestApplicationContext;
  let caseId: string;
  let issued: { id: string; sha256: string; number: string; fileName: string };

  beforeAll(async () => {
    h = await openHarness();
    ({ stack, api, page } = h);
    // The jobs app beside the stack, as in production; its documents handler is called as the documents queue will call it.
    jobs = await NestFactory.createApplicationContext(JobsModule, { logger: ['error'] });
    await jobs.init();
    caseId = await api.filedCase({ party: { type: 'PERSON', name: '王某', address: '长治市潞州区某街12号' } });
    const [row]: { event_id: string; seq: number; payload: Record<string, unknown> }[] = await stack.ds.query(
      `SELECT event_id, seq, payload FROM case_events WHERE case_id = $1 AND type = 'FILING_APPROVED'`,
      [caseId],
    );
    const msg: CaseEventMessage = { eventId: row.event_id, caseId, seq: row.seq, type: 'FILING_APPROVED', payload: row.payload };
    const doc = (await jobs.get(DocumentsJobHandler).handle(msg, jobIdFor(row.event_id)))!.document;
    issued = { id: doc.id, sha256: doc.sha256!, number: doc.number, fileName: doc.fileName! };
  });
  afterAll(async () => {
    await jobs?.close();
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

  it('downloads the PDF with the token: the same bytes', async () => {
    const download = page.waitForEvent('download');
    await row().getByTestId('document-download').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(issued.fileName);
    const bytes = readFileSync((await saved.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(issued.sha256);
  });

  it('refuses a file that no longer matches its hash, and shows the code', async () => {
    const path = stack.api.get(EvidenceStore).pathOf(issued.sha256);
    const bytes = readFileSync(path);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(path, bytes);
    const refused = page.waitForResponse((r) => r.url().endsWith(`/documents/${issued.id}`));
    await row().getByTestId('document-download').click();
    expect((await refused).status()).toBe(409);
    const alert = page.getByTestId('document-download-error');
    await alert.waitFor();
    await expect(alert.getAttribute('data-code')).resolves.toBe('DOCUMENT.HASH_MISMATCH');
    await expect(alert.textContent()).resolves.toContain('立案审批表');
    expect(h.errors).toEqual([]);
  });
});
