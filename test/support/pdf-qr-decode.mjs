/**
 * Renders every page of a PDF the way a viewer does (pdfjs-dist onto @napi-rs/canvas) and
 * decodes the QR code in each given region of each page with jsQR, as a phone would read the
 * printed label. A child process of the tests: pdfjs-dist ships ES modules only.
 *
 * stdin: {"pdf": path, "scale": 3, "regions": [{"x","y","w","h"} in points, per page slot]}
 * stdout: {"pages": [[decoded text or null, per region]], "text": [page text]}
 */
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { createCanvas } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const input = JSON.parse(readFileSync(0, 'utf8'));
const scale = input.scale ?? 3;
const pdf = await getDocument({ data: new Uint8Array(readFileSync(input.pdf)), disableFontFace: true, verbosity: 0 }).promise;
const pages = [];
const text = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: context, viewport, canvas }).promise;
  pages.push(
    input.regions.map((r) => {
      const [x, y, w, h] = [r.x, r.y, r.w, r.h].map((v) => Math.round(v * scale));
      const image = context.getImageData(x, y, Math.min(w, canvas.width - x), Math.min(h, canvas.height - y));
      return jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
    }),
  );
  text.push((await page.getTextContent()).items.map((item) => item.str).join('\n'));
  page.cleanup();
}
process.stdout.write(JSON.stringify({ pages, text }));
