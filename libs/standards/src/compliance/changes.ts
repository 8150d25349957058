import { Doc, DocReader, DocWrite } from '@suyuan/readmodels';

/**
 * The documents one event changes, read through its own writes: one event may touch the same
 * aggregate (a month's counts) for several batches, and each must see the one before.
 */
export class Changes {
  /** By collection, then id: a key made of both would be a new string to hash on every read. */
  private readonly changed = new Map<string, Map<string, Doc>>();

  constructor(private readonly docs: DocReader) {}

  get<T extends Doc>(collection: string, id: string): T | undefined {
    return (this.changed.get(collection)?.get(id) as T | undefined) ?? this.docs.get<T>(collection, id);
  }

  put<T extends Doc>(collection: string, id: string, doc: T): T {
    let docs = this.changed.get(collection);
    if (!docs) this.changed.set(collection, (docs = new Map()));
    docs.set(id, doc);
    return doc;
  }

  writes(): DocWrite[] {
    const out: DocWrite[] = [];
    for (const [collection, docs] of this.changed) for (const [id, doc] of docs) out.push({ collection, id, doc });
    return out;
  }
}
