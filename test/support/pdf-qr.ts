import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DecodedPdf {
  /** Per page, per region: the QR's text, or null where none decoded. */
  pages: (string | null)[][];
  /** Per page, its text as a viewer extracts it. */
  text: string[];
}

/** Every page of the PDF rendered and each region's QR code decoded (see pdf-qr-decode.mjs). */
export async function decodePdfQrCodes(pdf: Buffer, regions: Region[], scale = 3): Promise<DecodedPdf> {
  const dir = mkdtempSync(join(tmpdir(), 'suyuan-pdf-'));
  try {
    const path = join(dir, 'labels.pdf');
    writeFileSync(path, pdf);
    const out = await new Promise<string>((resolve, reject) => {
      const child = execFile(
        process.execPath,
        [join(__dirname, 'pdf-qr-decode.mjs')],
        { maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
      );
      child.stdin!.end(JSON.stringify({ pdf: path, scale, regions }));
    });
    return JSON.parse(out) as DecodedPdf;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
