import { invalid } from '@suyuan/core';
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
  const page: ItemsPage = { limit: ITEMS_PAGE_DEFAULT };
  if (limit !== undefined) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > ITEMS_PAGE_MAX)
      throw invalid('invalid_query', `limit must be a whole number from 1 to ${ITEMS_PAGE_MAX}, got ${limit}`, { field: 'limit' });
    page.limit = Number(limit);
  }
  if (cursor !== undefined) {
    if (!isItemCode(cursor))
      throw invalid('invalid_query', `cursor must be the X-Next-Cursor of the page before, got ${cursor}`, { field: 'cursor' });
    page.after = normalizeItemCode(cursor);
  }
  return page;
}
