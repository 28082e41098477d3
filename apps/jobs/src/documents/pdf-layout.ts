import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { DocumentText } from '@zhifa/domain';

/** Debian's fonts-noto-cjk (installed by infra/install-browser.sh and the Dockerfile); never fetched at run time. */
export const CJK_FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
/** The face inside the collection: Noto Serif CJK, simplified Chinese. */
export const CJK_FONT_NAME = 'NotoSerifCJKsc-Regular';

let fontBytes: Buffer | undefined;
/** The collection is read once per process (about 20 MB); pdfkit embeds a subset of it per document. */
function cjkFont(): Buffer {
  fontBytes ??= readFileSync(CJK_FONT_FILE);
  return fontBytes;
}

const MM = 72 / 25.4;
const RED = '#c8102e';
// GB/T 9704 (党政机关公文格式): A4, margins 37 / 28 / 35 / 26 mm.
const MARGINS = { top: 37 * MM, left: 28 * MM, bottom: 35 * MM, right: 26 * MM };

/**
 * Lays a document out as 公文 are: the issuing body in red, the number, a red
 * rule, the title, the addressee, the body, the date at the right with a
 * seal placeholder, page numbers. A pure function of its input: the creation
 * date is the issuing event's, so the same document gives the same bytes.
 */
export function renderPdf(doc: DocumentText, createdAt: string): Promise<Buffer> {
  if (!existsSync(CJK_FONT_FILE)) {
    return Promise.reject(new Error(`${CJK_FONT_FILE} is missing: install Debian's fonts-noto-cjk (bash infra/install-browser.sh)`));
  }
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    info: { Title: `${doc.title} ${doc.number}`, Author: doc.agency, Subject: doc.caseNumber, Creator: 'zhifa', Producer: 'zhifa', CreationDate: new Date(createdAt) },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('cjk', cjkFont(), CJK_FONT_NAME);
  pdf.font('cjk');
  const width = pdf.page.width - MARGINS.left - MARGINS.right;
  const left = MARGINS.left;

  // 版头: issuing body, number, red rule.
  pdf.fillColor(RED).fontSize(24).text(doc.agency, left, MARGINS.top, { width, align: 'center', characterSpacing: 2 });
  pdf.moveDown(0.6);
  pdf.fillColor('black').fontSize(14).text(doc.number, { width, align: 'center' });
  pdf.moveDown(0.3);
  const ruleY = pdf.y + 4;
  pdf.moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(1.5).strokeColor(RED).stroke();
  pdf.y = ruleY + 18;

  // 主体: title, addressee, body.
  pdf.fillColor('black').fontSize(20).text(doc.title, left, pdf.y, { width, align: 'center' });
  pdf.moveDown(0.8);
  pdf.fontSize(13);
  if (doc.addressee) pdf.text(`${doc.addressee}：`, left, pdf.y, { width });
  for (const section of doc.sections) {
    if (section.heading) {
      pdf.moveDown(0.4);
      pdf.fontSize(14).text(section.heading, left, pdf.y, { width });
      pdf.fontSize(13);
    }
    for (const p of section.paragraphs) pdf.text(p, left, pdf.y, { width, indent: 26, lineGap: 4, paragraphGap: 2, align: 'justify' });
  }
  if (doc.signatures?.length) {
    pdf.moveDown(1);
    for (const s of doc.signatures) {
      const y = pdf.y;
      pdf.text(s, left, y, { width: width / 2, lineBreak: false });
      pdf.text('年    月    日', left + width * 0.62, y, { width: width * 0.38, lineGap: 14 });
    }
  }

  // 落款: the agency and the date at the right, the seal over them.
  if (pdf.y > pdf.page.height - MARGINS.bottom - 110) pdf.addPage();
  pdf.moveDown(2);
  const sealTop = pdf.y;
  pdf.text(doc.agency, left, sealTop, { width: width - 20, align: 'right' });
  pdf.text(doc.dateZh, left, pdf.y + 4, { width: width - 20, align: 'right' });
  // The seal covers the agency's name and the date (骑年盖月); the placeholder's label sits above them, inside the ring.
  const cx = left + width - 20 - 60;
  const cy = sealTop + 14;
  pdf.save().circle(cx, cy, 44).lineWidth(1.5).dash(4, { space: 3 }).strokeColor(RED).stroke().restore();
  pdf.fillColor(RED).fontSize(10).text('（印章）', cx - 44, cy - 34, { width: 88, align: 'center', lineBreak: false });
  pdf.fillColor('black');

  // 页码, and the case number in the footer.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    pdf.page.margins.bottom = 0; // the footer sits in the margin: no new page for it
    const y = pdf.page.height - MARGINS.bottom + 14;
    pdf.fontSize(10).text(`— ${i + 1} —`, left, y, { width, align: 'center', lineBreak: false });
    pdf.fontSize(8).fillColor('#555555').text(`案件编号：${doc.caseNumber}`, left, y + 16, { width, align: 'left', lineBreak: false }).fillColor('black');
  }
  pdf.end();
  return done;
}
