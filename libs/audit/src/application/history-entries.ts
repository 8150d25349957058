import { DocumentStore } from '@suyuan/readmodels';
import { encodeCursor, HistoryCursor } from '../domain/cursor';
import { AuditEntry } from '../domain/entry';
import { HistoryFilter, matches } from '../domain/filter';
import { AUDIT_PAGE_SIZE, AUDIT_PAGES, AuditPageView, pageId } from '../history.views';

/** How much of a history one request may read: a page of rows, and how many index entries it may step over to fill it. */
export interface EntryBounds {
  limit: number;
  /** A narrow filter returns a short page (with a cursor) rather than read a whole long history. */
  scanBudget: number;
}

export interface EntryPage {
  entries: AuditEntry[];
  nextCursor?: string;
}

/**
 * One page of the merged history of some subjects' lists (an item's own and its carton's), in
 * the order the events were recorded, each event once, filtered; and where the next page starts.
 */
export async function entryPage(
  docs: DocumentStore,
  lists: readonly { key: string; count: number }[],
  cursor: HistoryCursor | undefined,
  filter: HistoryFilter,
  bounds: EntryBounds,
): Promise<EntryPage> {
  const readers = lists.map((list, i) => new ListReader(docs, list.key, list.count, cursor?.pages[i] ?? 0));
  let after = cursor?.after ?? 0;
  let scanned = 0;
  const entries: AuditEntry[] = [];
  for (;;) {
    const heads: (AuditEntry | undefined)[] = [];
    // Most steps find the next entry in the index page at hand: no await for them.
    for (const reader of readers) heads.push(reader.bufferedAfter(after) ?? (await reader.peekAfter(after)));
    const next = heads.reduce<AuditEntry | undefined>((min, e) => (e && (!min || e.position < min.position) ? e : min), undefined);
    if (!next) return { entries };
    if (entries.length === bounds.limit || scanned === bounds.scanBudget) {
      return { entries, nextCursor: encodeCursor({ after, pages: readers.map((r) => r.page) }) };
    }
    after = next.position;
    scanned++;
    if (matches(filter, next)) entries.push(next);
  }
}

/** Reads one subject's list forward, a few index pages at a time. */
class ListReader {
  private entries: AuditEntry[] = [];
  private index = 0;
  private readonly pages: number;

  constructor(
    private readonly docs: DocumentStore,
    private readonly key: string,
    count: number,
    /** The index page the reader is in. */
    public page: number,
  ) {
    this.pages = Math.ceil(count / AUDIT_PAGE_SIZE);
    this.loaded = page - 1;
  }

  private loaded: number;
  private buffered: AuditPageView[] = [];

  /** The first entry after `position` in the index page at hand, if it holds one. */
  bufferedAfter(position: number): AuditEntry | undefined {
    while (this.index < this.entries.length && this.entries[this.index].position <= position) this.index++;
    return this.entries[this.index];
  }

  /** The first entry after `position`, without moving past it. */
  async peekAfter(position: number): Promise<AuditEntry | undefined> {
    for (;;) {
      const buffered = this.bufferedAfter(position);
      if (buffered) return buffered;
      const page = await this.nextPage();
      if (!page) return undefined;
      this.page = page.page;
      this.entries = page.entries;
      this.index = 0;
    }
  }

  private async nextPage(): Promise<AuditPageView | undefined> {
    if (this.buffered.length === 0) {
      const wanted = [];
      for (let p = this.loaded + 1; p < Math.min(this.pages, this.loaded + 1 + PREFETCH); p++) wanted.push(p);
      if (wanted.length === 0) return undefined;
      const found = await this.docs.getMany<AuditPageView>(wanted.map((p) => ({ collection: AUDIT_PAGES, id: pageId(this.key, p) })));
      this.buffered = [...found.values()].filter((page): page is AuditPageView => !!page);
      this.loaded = wanted[wanted.length - 1];
      if (this.buffered.length === 0) return undefined;
    }
    return this.buffered.shift();
  }
}

/** Index pages read in one round trip: a page of 100 rows spans two or three. */
const PREFETCH = 3;
