import { EventStore, RecordedEvent } from '@suyuan/eventstore';
import { DocumentStore } from './document-store.port';
import { projectEvents } from './project-events';
import { AnyProjection, Doc, DocRef, docKey } from './projection';

const PAGE = 500;

/**
 * Projects one page: prefetches every document the page reads in one round trip,
 * then runs the pure projections in memory and commits documents + checkpoint together.
 */
export async function projectPage(
  docs: DocumentStore,
  projections: readonly AnyProjection[],
  name: string,
  events: RecordedEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const refs = new Map<string, DocRef>();
  for (const event of events) {
    for (const p of projections) {
      if (!p.eventTypes.includes(event.type)) continue;
      for (const ref of p.reads(event)) refs.set(docKey(ref.collection, ref.id), ref);
    }
  }
  const prefetched = await docs.getMany([...refs.values()]);
  // Documents reached only through others are found on a first run; fetch them and run the
  // page again (projections are pure, so a rerun is the same run with more documents at hand).
  for (;;) {
    const missed = new Map<string, DocRef>();
    const writes = projectEvents(projections, events, (wanted) => {
      const found = new Map<string, Doc | undefined>();
      for (const ref of wanted) {
        const key = docKey(ref.collection, ref.id);
        if (!prefetched.has(key)) missed.set(key, ref);
        found.set(key, prefetched.get(key));
      }
      return found;
    });
    if (missed.size === 0) {
      await docs.commit(writes, { name, position: events[events.length - 1].position });
      return;
    }
    for (const [key, doc] of await docs.getMany([...missed.values()])) prefetched.set(key, doc);
  }
}

/** Replays the whole log from the checkpoint into `docs` until it is caught up. */
export async function catchUp(
  store: EventStore,
  docs: DocumentStore,
  projections: readonly AnyProjection[],
  name: string,
): Promise<number> {
  let position = await docs.checkpoint(name);
  for (;;) {
    const page = await store.readAll({ fromPosition: position, maxCount: PAGE });
    if (page.length === 0) return position;
    await projectPage(docs, projections, name, page);
    position = page[page.length - 1].position;
  }
}

/**
 * A projector worker for deployments where projections do not run inline: catches up
 * in pages, then follows the store's catch-up subscription from its checkpoint.
 */
export async function follow(
  store: EventStore,
  docs: DocumentStore,
  projections: readonly AnyProjection[],
  name: string,
  signal: AbortSignal,
): Promise<void> {
  const from = await catchUp(store, docs, projections, name);
  const subscription = store.subscribeToAll({ fromPosition: from });
  signal.addEventListener('abort', () => void subscription.close(), { once: true });
  for await (const event of subscription) {
    await projectPage(docs, projections, name, [event]);
  }
}
