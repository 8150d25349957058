import { invalid, wholeQueryNumber } from '@suyuan/core';

/** How far and how much a trace answers at once: generations, and entries per list and page. */
export interface TraceBounds {
  depth: number;
  limit: number;
  /** Where each list of the answer continues (from the cursor): entries already answered. */
  offsets: Readonly<Record<string, number>>;
}

export const DEPTH = { default: 10, max: 20 };
export const LIMIT = { default: 100, max: 1000 };

/** The bounds from the query's text: depth 1–20 (10), limit 1–1000 (100), and the cursor a previous page gave. */
export function traceBounds(query: { depth?: string; limit?: string; cursor?: string }): TraceBounds {
  return {
    depth: wholeQueryNumber('depth', query.depth, { min: 1, ...DEPTH }),
    limit: wholeQueryNumber('limit', query.limit, { min: 1, ...LIMIT }),
    offsets: query.cursor === undefined ? {} : decodeCursor(query.cursor),
  };
}

/** Opaque to clients: where each list of the answer continues. */
export function encodeCursor(offsets: Record<string, number>): string {
  return Buffer.from(JSON.stringify(offsets)).toString('base64url');
}

function decodeCursor(cursor: string): Record<string, number> {
  let offsets: unknown;
  try {
    offsets = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    offsets = undefined;
  }
  const valid =
    typeof offsets === 'object' &&
    offsets !== null &&
    !Array.isArray(offsets) &&
    Object.values(offsets).every((n) => Number.isSafeInteger(n) && n >= 0);
  if (!valid)
    throw invalid('invalid_query', 'cursor is not one this server gave: pass nextCursor from the previous page as it came', {
      field: 'cursor',
    });
  return offsets as Record<string, number>;
}

/** The page of `list` from `offset`, and whether more follow. */
export function page<T>(list: readonly T[], offset: number, limit: number): { entries: T[]; more: boolean } {
  return { entries: list.slice(offset, offset + limit), more: offset + limit < list.length };
}
