import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decisionContent, documentText, recordedDocumentNumber, zhDate, type DocumentText } from '@zhifa/domain';
import { documentSamples } from '@zhifa/domain/testing/document-samples';
import { CJK_FONT_NAME, renderPdf } from './pdf-layout';

// Every document kind rendered from a case, read back with poppler-utils
// (installed by infra/install-browser.sh): the text is the case's, the CJK
// font is embedded, the same input gives the same bytes.
const dir = mkdtempSync(join(tmpdir(), 'zhifa-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { policy, samples } = documentSamples();
const AGENCY = '长治市市场监督管理局';

interface Rendered {
  text: DocumentText;
  bytes: Buffer;
  file: string;
  extracted: string;
}
const cache = new Map<string, Promise<Rendered>>();

/** Each kind rendered once for the suite. */
function rendered(kind: string): Promise<Rendered> {
  if (!cache.has(kind)) cache.set(kind, render(kind));
  return cache.get(kind)!;
}

async function render(kind: string): Promise<Rendered> {
  const sample = samples.find((s) => s.kind === kind)!;
  const number = recordedDocumentNumber(sample.kind, sample.state) ?? `CZSJ〔2026〕${sample.source.seq}号`;
  const text = documentText(sample.kind, sample.state, sample.source, policy, AGENCY, number);
  const bytes = await renderPdf(text, sample.source.occurredAt);
  const file = join(dir, `${kind}.pdf`);
  writeFileSync(file, bytes);
  // pdftotext breaks long lines where the page does: compare without the breaks, and above the
  // footer (A4 is 595 × 842 pt; page number and case number sit in the bottom margin, below 745 pt).
  const extracted = execFileSync('pdftotext', ['-enc', 'UTF-8', '-x', '0', '-y', '0', '-W', '595', '-H', '745', file, '-']).toString('utf8').replace(/\s+/g, '');
  return { text, bytes, file, extracted };
}

const flat = (s: string) => s.replace(/\s+/g, '');

describe('document PDFs', () => {
  it('covers every kind', () => {
    expect(samples.map((s) => s.kind).sort()).toEqual(
      ['CLOSING_APPROVAL', 'DECISION', 'FILING_APPROVAL', 'HEARING_NOTICE', 'HEARING_REPORT', 'PRE_DECISION_NOTICE', 'SERVICE_RECEIPT', 'TRANSFER_LETTER'],
    );
  });

  it.each(samples.map((s) => [s.kind]))('%s: the text is the case’s, the CJK font is embedded', async (kind) => {
    const { text, bytes, file, extracted } = await rendered(kind);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    for (const line of [AGENCY, text.number, text.title, text.dateZh, ...text.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs])]) {
      expect(extracted).toContain(flat(line));
    }
    expect(extracted).toContain('（印章）');
    const fonts = execFileSync('pdffonts', [file]).toString('utf8');
    expect(fonts).toMatch(new RegExp(`[A-Z]{6}\\+${CJK_FONT_NAME}\\s+CID Type 0C\\s+Identity-H\\s+yes\\s+yes\\s+yes`));
  });

  it('gives the same bytes for the same input (the creation date is the event’s)', async () => {
    const { text, bytes } = await rendered('DECISION');
    const again = await renderPdf(text, samples.find((s) => s.kind === 'DECISION')!.source.occurredAt);
    expect(createHash('sha256').update(again).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    const later = await renderPdf(text, '2026-12-01T00:00:00.000Z');
    expect(later.equals(bytes)).toBe(false);
  });

  it('the decision states APL 59’s contents as the case recorded them', async () => {
    const { extracted } = await rendered('DECISION');
    const s = samples.find((x) => x.kind === 'DECISION')!.state;
    const c = decisionContent(s, policy)!;
    expect(extracted).toContain(flat(`当事人（名称）：${s.party.name}`));
    expect(extracted).toContain(`统一社会信用代码：${s.party.creditCode}`);
    expect(extracted).toContain(flat(s.decision!.contents!.facts));
    expect(extracted).toContain('（一）罚款人民币伍万元整（¥50,000.00）。');
    expect(extracted).toContain('没收违法所得人民币贰仟元整（¥2,000.00）');
    expect(extracted).toContain('履行期限为自收到本决定书之日起十五日。');
    expect(extracted).toContain('六十日内向长治市人民政府申请行政复议');
    expect(extracted).toContain('六个月内向长治市市场监督管理局所在地有管辖权的人民法院提起行政诉讼');
    expect(extracted).toContain(c.documentNumber);
    expect(extracted).toContain(zhDate(c.decidedOn));
  });

  it('the notice tells both windows, the hearing notice the time and place', async () => {
    const notice = (await rendered('PRE_DECISION_NOTICE')).extracted;
    expect(notice).toContain('可以在收到本告知书之日起五个工作日内向本机关提出');
    expect(notice).toContain('你（单位）有权要求听证');
    const hearing = await rendered('HEARING_NOTICE');
    expect(hearing.extracted).toContain('长治市市场监督管理局第一听证室');
    expect(hearing.extracted).toContain('听证主持人：郑主持');
  });

  it('the transfer letter lists what is handed over', async () => {
    const { extracted } = await rendered('TRANSFER_LETTER');
    expect(extracted).toContain('长治市公安局：');
    expect(extracted).toContain('附：移送材料清单');
    expect(extracted).toContain('4.检验报告');
    expect(extracted).toContain('抄送长治市人民检察院');
  });
});
