import { invalid, wholeQueryNumber } from '@suyuan/core';
import { isItemCode, normalizeItemCode } from '@suyuan/codes';

/** Items per page unless asked: a 5,000-item packing comes in five pages. */
export const ITEMS_PAGE_DEFAULT = 1000;
export const ITEMS_PAGE_MAX = 5000;

export interface ItemsPage {
  limit: number;
  /** The last item code of the previous page. */
  after?: string;
}

/** `limit` (1–5000, 1000 unless asked) and `cursor` (the X-Next-Cursor of the page before) from a query string. */
export function itemsPage(limit: string | undefined, cursor: string | undefined): ItemsPage {
  const page: ItemsPage = { limit: wholeQueryNumber('limit', limit, { min: 1, max: ITEMS_PAGE_MAX, default: ITEMS_PAGE_DEFAULT }) };
  if (cursor !== undefined) {
    if (!isItemCode(cursor))
      throw invalid('invalid_query', `cursor must be the X-Next-Cursor of the page before, got ${cursor}`, { field: 'cursor' });
    page.after = normalizeItemCode(cursor);
  }
  return page;
}
