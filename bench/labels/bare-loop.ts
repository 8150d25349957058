import PDFDocument from 'pdfkit';
import * as QRCode from 'qrcode';
import { ItemLabel, itemLabelLines } from '@suyuan/labels';

const PT = 72 / 25.4;
const A4: [number, number] = [210 * PT, 297 * PT];

/**
 * The baseline: the loop anyone would write first with pdfkit and qrcode, drawing the same
 * codes and the same text with the same font, 40 to an A4 page, into one buffer: the QR's
 * modules as rectangles (each row's dark runs merged), its lines at fixed places, no fitting,
 * no layouts, no streaming.
 */
export async function bareLabelsPdf(labels: readonly ItemLabel[], font: Buffer): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  doc.registerFont('cjk', font);
  labels.forEach((label, i) => {
    const slot = i % 40;
    if (slot === 0) doc.addPage({ size: A4, margin: 0 }).font('cjk');
    const x = (8 + (slot % 4) * 48.5) * PT;
    const y = (21.5 + Math.floor(slot / 4) * 25.4) * PT;
    const { modules } = QRCode.create(label.url, { errorCorrectionLevel: 'H' });
    const n = modules.size;
    const m = (21.4 * PT) / (n + 8);
    for (let row = 0; row < n; row++) {
      let col = 0;
      while (col < n) {
        if (!modules.data[row * n + col]) {
          col++;
          continue;
        }
        let end = col + 1;
        while (end < n && modules.data[row * n + end]) end++;
        doc.rect(x + 2 * PT + (4 + col) * m, y + 2 * PT + (4 + row) * m, (end - col) * m, m);
        col = end;
      }
    }
    doc.fill('black');
    itemLabelLines(label).forEach((line, k) => doc.fontSize(7).text(line, x + 25.4 * PT, y + (3 + k * 3.3) * PT, { lineBreak: false }));
  });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
