import { Readable } from 'node:stream';
import { ITEM_LABEL, LabelGeometry, LINE_HEIGHT, labelGeometry } from '../domain/fit';
import { CartonLabel, cartonLabelLines, ItemLabel, itemLabelLines } from '../domain/label-content';
import { LabelLayout, labelOrigin, labelsPerPage, pageCount } from '../domain/layouts';
import { fittedLine, pagedPdf, PdfDoc } from './paged-pdf';
import { drawQr, PT } from './qr-rects';

/**
 * Item labels as a PDF for the layout: each with its QR (quiet zone four modules, error
 * correction chosen for its printed size), the code in groups of four, product, grade, net
 * weight and lot. Throws `label_too_small` before a byte is written when the layout cannot hold them.
 */
export function itemLabelsPdf(labels: readonly ItemLabel[], layout: LabelLayout, title: string): Readable {
  return labelsPdf(labels, itemLabelLines, layout, title);
}

/** Carton labels: the carton code, its QR opening the carton's page, product, grades, count and lot. */
export function cartonLabelsPdf(labels: readonly CartonLabel[], layout: LabelLayout, title: string): Readable {
  return labelsPdf(labels, cartonLabelLines, layout, title);
}

function labelsPdf<L extends { url: string }>(
  labels: readonly L[],
  linesOf: (label: L) => string[],
  layout: LabelLayout,
  title: string,
): Readable {
  const geometry = labelGeometry(layout, longestUrlBytes(labels), ITEM_LABEL);
  const perPage = labelsPerPage(layout);
  return pagedPdf(layout, pageCount(layout, labels.length), title, (doc, page) => {
    const first = page * perPage;
    const onPage = Math.min(perPage, labels.length - first);
    for (let slot = 0; slot < onPage; slot++) {
      const label = labels[first + slot];
      drawLabel(doc, label.url, linesOf(label), labelOrigin(layout, slot), geometry);
    }
  });
}

function drawLabel(doc: PdfDoc, url: string, lines: string[], at: { x: number; y: number }, g: LabelGeometry): void {
  drawQr(doc, url, { x: at.x + g.qr.x, y: at.y + g.qr.y, side: g.qr.side, level: g.qr.level });
  const lineMm = (g.text.fontPt * LINE_HEIGHT) / PT;
  // Centred in the text column's height, the first line a little larger.
  let y = at.y + g.text.y + (g.text.height - lines.length * lineMm) / 2;
  lines.forEach((line, i) => {
    fittedLine(doc, line, at.x + g.text.x, y, g.text.width, i === 0 ? g.text.fontPt : g.text.fontPt * 0.9);
    y += lineMm;
  });
}

export function longestUrlBytes(labels: readonly { url: string }[]): number {
  let longest = 0;
  for (const { url } of labels) longest = Math.max(longest, Buffer.byteLength(url));
  return longest;
}
