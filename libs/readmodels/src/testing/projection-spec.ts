import { DomainEvent, EventMetadata, StoredDomainEvent } from '@suyuan/core';
import { projectEvents } from '../project-events';
import { Doc, DocWrite, Projection, docKey } from '../projection';

/** An event as a spec writes it: its type and data, and whatever of its id, stream, position and metadata the spec is about. */
export type SpecEvent<E extends DomainEvent> = E & { id?: string; streamId?: string; position?: number; metadata?: Partial<EventMetadata> };

/** What a spec starts from, in order: documents already there (any projection's), and earlier events of this one. */
export type Given<E extends DomainEvent> = DocWrite | SpecEvent<E>;

const SPEC_METADATA: EventMetadata = {
  organizationId: 'org-spec',
  keyId: 'key-spec',
  occurredAt: '2025-06-19T00:00:00.000Z',
  recordedAt: '2025-06-19T00:00:00.000Z',
};

/** The event as the store would hand it back, at `position` unless it names its own; what the spec left out takes a default. */
export function recorded<E extends DomainEvent>(event: SpecEvent<E>, position = 1): StoredDomainEvent<E> {
  const at = event.position ?? position;
  return {
    id: `evt-${at}`,
    streamId: 'stream-spec',
    revision: at - 1,
    hash: `hash-${at}`,
    ...event,
    position: at,
    metadata: { ...SPEC_METADATA, ...event.metadata },
  };
}

/**
 * Given/when/then for a projection: `given([documents and earlier events]).when(event).then([writes])`,
 * `then([])` when the event changes nothing. Events run as the projectors run them (what
 * `reads` names, then `apply` over the documents so far); the writes are compared by
 * collection and id, whatever their order.
 */
export function projectionSpec<E extends DomainEvent>(projection: Projection<E>) {
  return (given: readonly Given<E>[] = []) => ({
    when: (event: SpecEvent<E>) => ({
      then: (expected: readonly DocWrite[]): void => {
        const docs = new Map<string, Doc | undefined>();
        const project = (e: SpecEvent<E>, position: number) => {
          const writes = projectEvents(
            [projection],
            [recorded(e, position)],
            (refs) => new Map(refs.map((r) => [docKey(r.collection, r.id), docs.get(docKey(r.collection, r.id))])),
          );
          for (const w of writes) docs.set(docKey(w.collection, w.id), w.doc ?? undefined);
          return writes;
        };
        given.forEach((entry, i) => {
          if ('collection' in entry) docs.set(docKey(entry.collection, entry.id), entry.doc ?? undefined);
          else project(entry, i + 1);
        });
        expect(byDocument(project(event, given.length + 1))).toEqual(byDocument(expected));
      },
    }),
  });
}

/** `{ 'batches/b-1': doc }`: a failure shows which document differs. */
function byDocument(writes: readonly DocWrite[]): Record<string, Doc | null> {
  return Object.fromEntries(writes.map((w) => [`${w.collection}/${w.id}`, w.doc]));
}
