import * as QRCode from 'qrcode';
import { EcLevel } from '../domain/qr-capacity';
import { QUIET_ZONE_MODULES } from '../domain/fit';

/** Points per millimetre. */
export const PT = 72 / 25.4;

/** Where a QR's drawing goes: a pdfkit document's raw page content. */
export interface ContentSink {
  addContent(operators: string): unknown;
}

/**
 * A QR code as vector rectangles in the page's content, each row's run of dark modules one
 * rectangle, inside a `side` mm square (quiet zone of four modules included, left white).
 * Drawn in module units under one transform: short integers instead of a formatted number per
 * corner, sharp at any printer resolution. The text goes in as one byte-mode segment, as the
 * fit assumed; the mask is still chosen per code (a label is printed once, scanned for weeks).
 */
export function drawQr(doc: ContentSink, text: string, box: { x: number; y: number; side: number; level: EcLevel }): void {
  const { modules } = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: box.level });
  const n = modules.size;
  const m = (box.side * PT) / (n + 2 * QUIET_ZONE_MODULES);
  const x0 = box.x * PT + QUIET_ZONE_MODULES * m;
  const y0 = box.y * PT + QUIET_ZONE_MODULES * m;
  const dark = modules.data;
  let ops = `q ${fixed(m)} 0 0 ${fixed(m)} ${fixed(x0)} ${fixed(y0)} cm 0 g\n`;
  for (let row = 0; row < n; row++) {
    const at = row * n;
    let col = 0;
    while (col < n) {
      if (!dark[at + col]) {
        col++;
        continue;
      }
      let end = col + 1;
      while (end < n && dark[at + end]) end++;
      ops += `${col} ${row} ${end - col} 1 re\n`;
      col = end;
    }
  }
  doc.addContent(`${ops}f Q`);
}

function fixed(value: number): string {
  return value.toFixed(4);
}
