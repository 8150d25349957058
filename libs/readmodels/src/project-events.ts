import { RecordedEvent } from '../../eventstore/src/event-store.port';
import { Doc, DocRef, DocWrite, Projection, docKey } from './projection';

/** Loads documents the overlay does not hold yet; sync so it can run inside a SQLite transaction. */
export type DocLoader = (refs: DocRef[]) => Map<string, Doc | undefined>;

/**
 * Runs projections over a page of events in memory: each event sees the writes of the
 * events before it. Returns the net writes, one per document, for the adapter to save
 * together with the checkpoint.
 */
export function projectEvents(
  projections: readonly Projection[],
  events: readonly RecordedEvent[],
  load: DocLoader,
): DocWrite[] {
  const byType = indexByType(projections);
  const overlay = new Map<string, Doc | undefined>();
  const writes = new Map<string, DocWrite>();
  // `reads` prefetches what an event is known to need; a document found only through
  // another one (the cold windows a facility holds) is loaded when first asked for.
  const reader = {
    get: <T extends Doc>(collection: string, id: string) => {
      const key = docKey(collection, id);
      if (!overlay.has(key)) for (const [k, doc] of load([{ collection, id }])) overlay.set(k, doc);
      return overlay.get(key) as T | undefined;
    },
  };
  for (const event of events) {
    for (const projection of byType.get(event.type) ?? []) {
      const missing = projection.reads(event).filter((ref) => !overlay.has(docKey(ref.collection, ref.id)));
      if (missing.length > 0) for (const [key, doc] of load(missing)) overlay.set(key, doc);
      for (const write of projection.apply(event, reader)) {
        const key = docKey(write.collection, write.id);
        overlay.set(key, write.doc ?? undefined);
        writes.set(key, write);
      }
    }
  }
  return [...writes.values()];
}

const cache = new WeakMap<readonly Projection[], Map<string, Projection[]>>();

function indexByType(projections: readonly Projection[]): Map<string, Projection[]> {
  let index = cache.get(projections);
  if (!index) {
    index = new Map();
    for (const projection of projections) {
      for (const type of projection.eventTypes) index.set(type, [...(index.get(type) ?? []), projection]);
    }
    cache.set(projections, index);
  }
  return index;
}
