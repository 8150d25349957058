import { Readable } from 'node:stream';
import { chinaDateTime } from '@suyuan/core';
import { CJK_FONT, PdfDoc, PdfWriter } from '@suyuan/labels';
import { HistoryRow } from '../application/history-rows';
import { HistorySelection } from '../application/history.query';
import { rowChunks } from './history-export';

/** Who asked for the file and what it holds: printed at its head, so that a case file says where its copy came from. */
export interface PdfHeading {
  exportedBy: { organizationId: string; organizationName?: string; keyId: string };
  exportedAt: string;
  filter: string;
}

// A4 landscape, in points.
const WIDTH = 841.89;
const HEIGHT = 595.28;
const MARGIN = 32;
const FONT_PT = 7;
const LINE = 8.6;
const MAX_SUMMARY_LINES = 4;
const COLUMNS: { title: string; width: number; text: (row: HistoryRow) => string }[] = [
  { title: '位置 position', width: 44, text: (r) => String(r.position) },
  { title: '发生 occurred (UTC+8)', width: 70, text: (r) => chinaTime(r.occurredAt) },
  { title: '记录 recorded (UTC+8)', width: 70, text: (r) => chinaTime(r.recordedAt) },
  { title: '事件 event', width: 108, text: (r) => `${r.type}\n${r.streamId}@${r.revision}` },
  { title: '内容 what it recorded', width: 290, text: (r) => r.summary },
  {
    title: '记录单位 who (key)',
    width: 110,
    text: (r) => `${r.recordedBy.organizationName ?? r.recordedBy.organizationId}\n${r.recordedBy.keyId}`,
  },
  { title: '地点 where', width: 85, text: (r) => r.facility?.name ?? r.facility?.id ?? '' },
];

/**
 * A history as a PDF a regulator attaches to a case file: a heading (subject, who exported it
 * and when, the filter), one row an event, page numbers. Written as the reader takes it, a
 * chunk of rows at a time, so a long history never sits whole in memory.
 */
export function historyPdf(selection: HistorySelection, heading: PdfHeading): Readable {
  return Readable.from(pdfChunks(selection, heading), { objectMode: false });
}

async function* pdfChunks(selection: HistorySelection, heading: PdfHeading) {
  const pdf = new PdfWriter(`Audit history of ${selection.subject.title}`);
  const doc = pdf.doc;
  let page = 0;
  let y = 0;
  const newPage = () => {
    doc.addPage({ size: [WIDTH, HEIGHT], margin: 0 });
    doc.font(CJK_FONT);
    page++;
    y = MARGIN;
    if (page === 1) y = drawHeading(doc, selection, heading);
    y = drawRow(
      doc,
      y,
      COLUMNS.map((c) => c.title),
      true,
    );
    doc.fontSize(FONT_PT).text(`${selection.subject.title} · 第 ${page} 页 page ${page}`, MARGIN, HEIGHT - MARGIN + 8, {
      width: WIDTH - 2 * MARGIN,
      align: 'center',
      lineBreak: false,
    });
  };
  newPage();
  for await (const rows of rowChunks(selection)) {
    for (const row of rows) {
      const cells = COLUMNS.map((c) => c.text(row));
      if (y + rowHeight(doc, cells) > HEIGHT - MARGIN) newPage();
      y = drawRow(doc, y, cells, false);
    }
    const written = await pdf.written();
    if (written) yield written;
  }
  if (y + 2 * LINE > HEIGHT - MARGIN) newPage();
  const more = selection.nextCursor ? ` More events follow: export again with cursor=${selection.nextCursor}` : '';
  doc.fontSize(FONT_PT + 1).text(`— 共 ${selection.entries.length} 条 ${selection.entries.length} events.${more}`, MARGIN, y + LINE, {
    width: WIDTH - 2 * MARGIN,
  });
  const rest = await pdf.end();
  if (rest) yield rest;
}

function drawHeading(doc: PdfDoc, selection: HistorySelection, heading: PdfHeading): number {
  const by = heading.exportedBy;
  const lines = [
    `对象 Subject: ${selection.subject.title}`,
    `导出 Exported by ${by.organizationName ?? by.organizationId} (${by.organizationId}), key ${by.keyId}, at ${chinaTime(heading.exportedAt)} (UTC+8)`,
    `筛选 Filter: ${heading.filter}`,
    `事件 Events: ${selection.entries.length}, in the order they were recorded`,
  ];
  doc.fontSize(15).text('审计记录 Audit history', MARGIN, MARGIN, { lineBreak: false });
  let y = MARGIN + 24;
  doc.fontSize(9);
  for (const line of lines) {
    doc.text(line, MARGIN, y, { width: WIDTH - 2 * MARGIN, lineBreak: false, ellipsis: true });
    y += 12;
  }
  return y + 6;
}

function rowHeight(doc: PdfDoc, cells: string[]): number {
  doc.fontSize(FONT_PT);
  const lines = cells.map((text, i) =>
    Math.min(MAX_SUMMARY_LINES, Math.ceil(doc.heightOfString(text || ' ', { width: COLUMNS[i].width - 4 }) / doc.currentLineHeight(true))),
  );
  return Math.max(...lines) * doc.currentLineHeight(true) + 4;
}

function drawRow(doc: PdfDoc, y: number, cells: string[], header: boolean): number {
  const height = rowHeight(doc, cells);
  let x = MARGIN;
  if (header)
    doc
      .rect(MARGIN, y, WIDTH - 2 * MARGIN, height)
      .fillOpacity(0.08)
      .fill('#000000')
      .fillOpacity(1)
      .fillColor('#000000');
  cells.forEach((text, i) => {
    doc.text(text, x + 2, y + 2, { width: COLUMNS[i].width - 4, height: height - 2, ellipsis: true });
    x += COLUMNS[i].width;
  });
  doc
    .moveTo(MARGIN, y + height)
    .lineTo(WIDTH - MARGIN, y + height)
    .lineWidth(0.3)
    .strokeColor('#999999')
    .stroke();
  return y + height;
}

function chinaTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? chinaDateTime(ms) : iso;
}
