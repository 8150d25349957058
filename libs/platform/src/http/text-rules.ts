/**
 * Characters no name, code or note of ours can truly hold, each with what a person is told:
 * controls (C0 but tab and line breaks, DEL, C1), the marks, embeddings, overrides and
 * isolates that reorder text on screen (a name could show as another), non-characters, and
 * a surrogate without its pair (not text at all, and not storable as UTF-8).
 */
const UNTRUE =
  // eslint-disable-next-line no-control-regex -- finding control characters is what this pattern is for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAKS = /[\t\n\r]/;
const ONLY_WHITESPACE = /^\s+$/;

/** Fields people write sentences in: they may hold tabs and line breaks. */
const FREE_TEXT_FIELDS = new Set(['note', 'description']);

export const isFreeTextField = (name: string): boolean => FREE_TEXT_FIELDS.has(name);

/**
 * What makes `text` impossible as a value, to follow the field's name ("contains a control
 * character (U+0000)", "is only whitespace"), or undefined when it is fine. Outside free text, tabs and line breaks are refused too, and
 * so is a value of whitespace only.
 */
export function untrueText(text: string, freeText = false): string | undefined {
  const found = UNTRUE.exec(text) ?? (freeText ? null : LINE_BREAKS.exec(text));
  if (found) return `contains ${describe(found[0].charCodeAt(0))}`;
  if (ONLY_WHITESPACE.test(text)) return 'is only whitespace';
  return undefined;
}

/** A request header as the client wrote it: Node reads header bytes as Latin-1, clients send UTF-8. */
export function headerText(value: string): string {
  return /[\u0080-\u00FF]/.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value;
}

function describe(code: number): string {
  const kind =
    code >= 0xd800 && code <= 0xdfff
      ? 'an unpaired surrogate'
      : code === 0xfffe || code === 0xffff || (code >= 0xfdd0 && code <= 0xfdef)
        ? 'a non-character'
        : code >= 0x2000 || code === 0x061c
          ? 'a bidirectional control'
          : code === 0x09 || code === 0x0a || code === 0x0d
            ? 'a tab or line break'
            : 'a control character';
  return `${kind} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}
