import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Noto Sans Hans (SIL Open Font License) from the `@embedpdf/fonts-sc` npm package: every
 * GB2312 character and Latin, in an OpenType (CFF) file that pdfkit embeds as a subset of
 * the glyphs a document uses, so no system font is needed anywhere. The package exports no
 * file paths: the fonts folder sits beside its entry point's folder.
 */
export const CJK_FONT_PATH = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
export const CJK_FONT = 'NotoSansHans';

let bytes: Buffer | undefined;

/** The font file, read once (8 MB). */
export function cjkFont(): Buffer {
  bytes ??= readFileSync(CJK_FONT_PATH);
  return bytes;
}
