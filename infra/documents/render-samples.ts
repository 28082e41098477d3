// Renders one document of each kind from the sample cases and writes page 1
// of each as a PNG (pdftoppm, 60 dpi) to docs/documents/: the pages the README
// there shows. Run: npm run documents:samples
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { documentNumber, documentText, recordedDocumentNumber } from '@zhifa/domain';
import { documentSamples } from '@zhifa/domain/testing/document-samples';
import { renderPdf } from '../../apps/jobs/src/documents/pdf-layout';
import { DEMO_AGENCY } from '../seed/demo-people';

async function main(): Promise<void> {
  const out = resolve(__dirname, '../../docs/documents');
  const tmp = mkdtempSync(join(tmpdir(), 'zhifa-samples-'));
  const { policy, samples } = documentSamples();
  for (const s of samples) {
    const number = recordedDocumentNumber(s.kind, s.state) ?? documentNumber(DEMO_AGENCY.code, s.kind, 2026, 1);
    const text = documentText(s.kind, s.state, s.source, policy, DEMO_AGENCY.jurisdiction, number);
    const pdf = join(tmp, `${s.kind}.pdf`);
    writeFileSync(pdf, await renderPdf(text, s.source.occurredAt));
    const name = s.kind.toLowerCase().replace(/_/g, '-');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(tmp, name)]);
    renameSync(join(tmp, `${name}.png`), join(out, `${name}.png`));
    console.log(`docs/documents/${name}.png  ${text.title}  ${text.number}`);
  }
  rmSync(tmp, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
