import PDFDocument from 'pdfkit';
import { Readable } from 'node:stream';
import { MIN_FONT_PT } from '../domain/fit';
import { LabelLayout } from '../domain/layouts';
import { CJK_FONT, cjkFont } from './font';
import { PT } from './qr-rects';

export type PdfDoc = InstanceType<typeof PDFDocument>;

/**
 * A PDF drawn a page at a time as the reader takes it: pdfkit writes a page out when the next
 * one begins, and the generator draws the next page only when the response has taken the
 * last. A 10,000-label job holds one page's bytes at a time, never the whole file.
 */
export function pagedPdf(layout: LabelLayout, pages: number, title: string, drawPage: (doc: PdfDoc, page: number) => void): Readable {
  return Readable.from(pdfChunks(layout, pages, title, drawPage), { objectMode: false });
}

async function* pdfChunks(layout: LabelLayout, pages: number, title: string, drawPage: (doc: PdfDoc, page: number) => void) {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, info: { Title: title, Creator: 'Suyuan 溯源' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont(CJK_FONT, cjkFont());
  const size: [number, number] = [layout.page.width * PT, layout.page.height * PT];
  for (let page = 0; page < pages; page++) {
    doc.addPage({ size, margin: 0 });
    doc.font(CJK_FONT);
    drawPage(doc, page);
    // The stream hands its data on a tick later: wait for the page before the next is drawn.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (chunks.length > 0) yield Buffer.concat(chunks.splice(0));
  }
  doc.end();
  await ended;
  if (chunks.length > 0) yield Buffer.concat(chunks.splice(0));
}

/** One line of text in `width` mm: shrunk down to 5 pt if it must, then cut short with an ellipsis. */
export function fittedLine(doc: PdfDoc, text: string, x: number, y: number, width: number, fontPt: number): void {
  const room = width * PT;
  let size = fontPt;
  doc.fontSize(size);
  let line = text;
  const natural = doc.widthOfString(line);
  if (natural > room) {
    size = Math.max(Math.min(fontPt, MIN_FONT_PT), ((fontPt * room) / natural) * 0.98);
    doc.fontSize(size);
    while (line.length > 1 && doc.widthOfString(line) > room) line = `${line.slice(0, -2)}…`;
  }
  doc.text(line, x * PT, y * PT, { lineBreak: false });
}
