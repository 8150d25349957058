import { Readable } from 'node:stream';
import { decodePdfQrCodes, Region } from '../../../../test/support/pdf-qr';
import { LabelLayout, LAYOUTS, labelOrigin, labelsPerPage, rollLayout } from '../domain/layouts';
import { itemLabelsPdf } from './item-labels-pdf';
import { sampleLabels } from './label-fixtures';
import { pagedPdf } from './paged-pdf';
import { PT } from './qr-rects';

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Each label's rectangle on a page, in points. */
function regions(layout: LabelLayout): Region[] {
  return Array.from({ length: labelsPerPage(layout) }, (_, slot) => {
    const at = labelOrigin(layout, slot);
    return { x: at.x * PT, y: at.y * PT, w: layout.label.width * PT, h: layout.label.height * PT };
  });
}

describe('item labels as PDF', () => {
  it.each([
    ['a4-3x8', 30],
    ['a4-4x10', 45],
    ['roll-40x30', 3],
    ['roll-50x30', 3],
  ])(
    'on %s, every QR decodes to its item’s URL and the Chinese text is there',
    async (name, count) => {
      const layout = LAYOUTS[name];
      const labels = sampleLabels(count);
      const pdf = await bytes(itemLabelsPdf(labels, layout, 'test'));
      const decoded = await decodePdfQrCodes(pdf, regions(layout));
      const perPage = labelsPerPage(layout);
      expect(decoded.pages).toHaveLength(Math.ceil(count / perPage));
      const read = decoded.pages.flat().slice(0, count);
      expect(read).toEqual(labels.map((l) => l.url));
      expect(
        decoded.pages
          .flat()
          .slice(count)
          .every((r) => r === null),
      ).toBe(true);
      expect(decoded.text[0]).toContain('黄金柰李');
      expect(decoded.text[0]).toContain('净含量 2.5 kg');
      expect(decoded.text[0]).toContain('批号 LC20260715A');
      expect(decoded.text[0].replace(/\s/g, '')).toContain(labels[0].code);
    },
    60_000,
  );

  it('embeds a subset of the CJK font, never the whole 8 MB file', async () => {
    const pdf = await bytes(itemLabelsPdf(sampleLabels(24), LAYOUTS['a4-3x8'], 'test'));
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans/);
    expect(text).toContain('/FontFile3');
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('refuses a roll label too small for its QR code before writing anything', () => {
    expect(() => itemLabelsPdf(sampleLabels(1), rollLayout(20, 15), 'test')).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'label_too_small' }),
    );
  });

  it('draws a page only when the reader has taken the one before', async () => {
    let drawn = 0;
    const stream = pagedPdf(LAYOUTS['roll-40x30'], 50, 'test', (doc) => {
      drawn++;
      doc.text(`page ${drawn}`, 10, 10);
    });
    const drawnWhenRead: number[] = [];
    for await (const _chunk of stream) drawnWhenRead.push(drawn);
    // Chunk k arrives when about k pages are drawn, never all 50 before the first is read.
    expect(drawnWhenRead[0]).toBeLessThanOrEqual(2);
    expect(drawnWhenRead.length).toBeGreaterThanOrEqual(45);
  });

  it('sends a 400-label job a page at a time (the bench streams 10,000)', async () => {
    const sizes: number[] = [];
    for await (const chunk of itemLabelsPdf(sampleLabels(400), LAYOUTS['a4-4x10'], 'test')) sizes.push((chunk as Buffer).length);
    expect(sizes.length).toBeGreaterThanOrEqual(10);
    // A piece a page (40 labels, about 40 KB); the last also carries the font's subset. Never the file whole.
    const pages = sizes.slice(1, -1);
    expect(Math.max(...pages)).toBeLessThan(1.5 * Math.min(...pages));
    expect(sizes[sizes.length - 1]).toBeLessThan(sizes.reduce((a, b) => a + b, 0) / 4);
  }, 60_000);
});
