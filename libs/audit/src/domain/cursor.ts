import { invalid } from '@suyuan/core';

/**
 * Where the next page of a history starts: after the event at `after` (a global position), and
 * in which index page of each subject's list to look for it, so that no page is read twice.
 */
export interface HistoryCursor {
  after: number;
  pages: number[];
}

export function encodeCursor(cursor: HistoryCursor): string {
  return Buffer.from(JSON.stringify([cursor.after, ...cursor.pages])).toString('base64url');
}

/** The cursor of a history over `subjects` lists, or a refusal naming the parameter. */
export function decodeCursor(text: string, subjects: number): HistoryCursor {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const whole = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
  if (!Array.isArray(values) || values.length !== subjects + 1 || !values.every(whole)) {
    throw invalid('invalid_query', 'cursor must be the nextCursor of a previous page of this history', { field: 'cursor' });
  }
  const [after, ...pages] = values as number[];
  return { after, pages };
}
