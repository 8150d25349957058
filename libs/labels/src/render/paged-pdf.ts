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
  const pdf = new PdfWriter(title);
  const size: [number, number] = [layout.page.width * PT, layout.page.height * PT];
  for (let page = 0; page < pages; page++) {
    pdf.doc.addPage({ size, margin: 0 });
    pdf.doc.font(CJK_FONT);
    drawPage(pdf.doc, page);
    const written = await pdf.written();
    if (written) yield written;
  }
  const rest = await pdf.end();
  if (rest) yield rest;
}

/**
 * A pdfkit document with the CJK font, whose bytes are taken as they are written: a caller
 * draws a part, takes what pdfkit wrote out, and hands it on before drawing the next.
 */
export class PdfWriter {
  readonly doc: PdfDoc;
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<void>;

  constructor(title: string) {
    this.doc = new PDFDocument({ autoFirstPage: false, margin: 0, info: { Title: title, Creator: 'Suyuan 溯源' } });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.ended = new Promise<void>((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    this.doc.registerFont(CJK_FONT, cjkFont());
  }

  /** What was written since the last call, if anything: the stream hands its data on a tick later, so this waits one. */
  async written(): Promise<Buffer | undefined> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return this.take();
  }

  /** Ends the document; the rest of its bytes. */
  async end(): Promise<Buffer | undefined> {
    this.doc.end();
    await this.ended;
    return this.take();
  }

  private take(): Buffer | undefined {
    return this.chunks.length > 0 ? Buffer.concat(this.chunks.splice(0)) : undefined;
  }
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
