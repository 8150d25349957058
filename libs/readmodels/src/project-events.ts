import { RecordedEvent } from '@suyuan/eventstore';
import { AnyProjection, Doc, DocRef, DocWrite, docKey } from './projection';

/** Loads documents the overlay does not hold yet; sync so it can run inside a SQLite transaction. */
export type DocLoader = (refs: DocRef[]) => Map<string, Doc | undefined>;

/**
 * Runs projections over a page of events in memory: each event sees the writes of the
 * events before it. Returns the net writes, one per document, for the adapter to save
 * together with the checkpoint.
 */
export function projectEvents(projections: readonly AnyProjection[], events: readonly RecordedEvent[], load: DocLoader): DocWrite[] {
  const byType = indexByType(projections);
  // By collection, then id: a key of both would be a new string to hash on every read.
  const overlay = new Map<string, Map<string, Doc | undefined>>();
  const seen = (collection: string, id: string) => overlay.get(collection)?.has(id) ?? false;
  const keep = (collection: string, id: string, doc: Doc | undefined) => {
    let docs = overlay.get(collection);
    if (!docs) overlay.set(collection, (docs = new Map()));
    docs.set(id, doc);
  };
  const loadInto = (refs: DocRef[]) => {
    const found = load(refs);
    for (const ref of refs) keep(ref.collection, ref.id, found.get(docKey(ref.collection, ref.id)));
  };
  const writes = new Map<string, DocWrite>();
  // `reads` prefetches what an event is known to need; a document found only through
  // another one (the cold windows a facility holds) is loaded when first asked for.
  const reader = {
    get: <T extends Doc>(collection: string, id: string) => {
      if (!seen(collection, id)) loadInto([{ collection, id }]);
      return overlay.get(collection)!.get(id) as T | undefined;
    },
  };
  for (const event of events) {
    for (const projection of byType.get(event.type) ?? []) {
      const missing = projection.reads(event).filter((ref) => !seen(ref.collection, ref.id));
      if (missing.length > 0) loadInto(missing);
      for (const write of projection.apply(event, reader)) {
        keep(write.collection, write.id, write.doc ?? undefined);
        writes.set(docKey(write.collection, write.id), write);
      }
    }
  }
  return [...writes.values()];
}

const cache = new WeakMap<readonly AnyProjection[], Map<string, AnyProjection[]>>();

function indexByType(projections: readonly AnyProjection[]): Map<string, AnyProjection[]> {
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
