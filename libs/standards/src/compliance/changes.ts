import { Doc, DocReader, DocWrite } from '../../../readmodels/src/projection';

/**
 * The documents one event changes, read through its own writes: one event may touch the same
 * aggregate (a month's counts) for several batches, and each must see the one before.
 */
export class Changes {
  private readonly changed = new Map<string, Doc>();

  constructor(private readonly docs: DocReader) {}

  get<T extends Doc>(collection: string, id: string): T | undefined {
    return (this.changed.get(`${collection}\u0000${id}`) as T | undefined) ?? this.docs.get<T>(collection, id);
  }

  put<T extends Doc>(collection: string, id: string, doc: T): T {
    this.changed.set(`${collection}\u0000${id}`, doc);
    return doc;
  }

  writes(): DocWrite[] {
    return [...this.changed].map(([key, doc]) => {
      const [collection, id] = key.split('\u0000');
      return { collection, id, doc };
    });
  }
}
