/** What an item's scan URL identifies. */
export interface ItemScanKey {
  /** The item code (一物一码), also the GS1 serial (AI 21). */
  code: string;
  gtin14?: string;
  /** The batch's lot code (AI 10). */
  lotCode?: string;
}

export interface DigitalLinkItem {
  gtin14: string;
  lot?: string;
  serial: string;
}

/**
 * The URL printed in an item's QR code. With a GTIN it is a GS1 Digital Link
 * (`/01/{gtin}/10/{lot}/21/{serial}`, qualifiers in GS1's order) so that retail scanners
 * read it too; a product without a GTIN gets the short `/t/{code}`, which keeps the QR small.
 */
export function itemScanUrl(base: string, item: ItemScanKey): string {
  const root = stripTrailingSlashes(base);
  if (item.gtin14 === undefined) return `${root}/t/${encodeSegment(item.code)}`;
  const lot = item.lotCode === undefined ? '' : `/10/${encodeSegment(item.lotCode)}`;
  return `${root}/01/${item.gtin14}${lot}/21/${encodeSegment(item.code)}`;
}

/**
 * The item a Digital Link path names, or undefined when it names none. A path prefix
 * before `/01/` is allowed (GS1 lets a resolver live under one), as are a query and fragment.
 */
export function parseDigitalLinkPath(path: string): DigitalLinkItem | undefined {
  const end = firstIndexOf(path, '?', '#');
  const segments = path.slice(0, end).split('/');
  const start = segments.indexOf('01');
  if (start < 0) return undefined;
  const gtin14 = segments[start + 1];
  if (!isGtin14Shape(gtin14)) return undefined;

  let i = start + 2;
  let lot: string | undefined;
  if (segments[i] === '10') {
    lot = decodeSegment(segments[i + 1]);
    if (!lot) return undefined;
    i += 2;
  }
  if (segments[i] !== '21' || segments.length !== i + 2) return undefined;
  const serial = decodeSegment(segments[i + 1]);
  if (!serial) return undefined;
  return lot === undefined ? { gtin14, serial } : { gtin14, lot, serial };
}

/** Percent-encodes everything outside RFC 3986's unreserved set (encodeURIComponent leaves !'()* alone). */
function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeSegment(segment: string | undefined): string | undefined {
  if (!segment) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function isGtin14Shape(value: string | undefined): value is string {
  return value !== undefined && /^\d{14}$/.test(value);
}

function stripTrailingSlashes(base: string): string {
  let end = base.length;
  while (end > 0 && base[end - 1] === '/') end--;
  return base.slice(0, end);
}

function firstIndexOf(text: string, ...marks: string[]): number {
  let end = text.length;
  for (const mark of marks) {
    const at = text.indexOf(mark);
    if (at >= 0 && at < end) end = at;
  }
  return end;
}
