import { DomainEvent, StoredDomainEvent } from '@suyuan/core';
import { RecordedEvent } from '@suyuan/eventstore';

// Views are interfaces, which have no index signature: only `any` lets each stand as a document.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = Record<string, any>;

export interface DocRef {
  collection: string;
  id: string;
}

/** `doc: null` deletes. */
export interface DocWrite extends DocRef {
  doc: Doc | null;
}

export interface DocReader {
  get<T extends Doc = Doc>(collection: string, id: string): T | undefined;
}

/**
 * A projection of the event union `E`, pure: `reads` names the documents an event needs to
 * see, computed from the event alone (so an async adapter can prefetch a whole page of them at
 * once); `apply` returns the documents it changes. Documents it only creates need no read.
 * Both narrow on `event.type`; `eventTypes` lists every type of `E` (see core's `eventTypes`).
 */
export interface Projection<E extends DomainEvent> {
  readonly name: string;
  readonly eventTypes: readonly E['type'][];
  reads(event: StoredDomainEvent<E>): DocRef[];
  apply(event: StoredDomainEvent<E>, docs: DocReader): DocWrite[];
}

/**
 * Projections of different event unions in one list, as the projectors hold them, over the
 * events as the store reads them back. Every `Projection<E>` is one: TypeScript lets a method
 * take a narrower event than its interface names. The projectors keep that sound by handing a
 * projection only events of its `eventTypes`, which the deciders of `E` wrote with metadata.
 */
export interface AnyProjection {
  readonly name: string;
  readonly eventTypes: readonly string[];
  reads(event: RecordedEvent): DocRef[];
  apply(event: RecordedEvent, docs: DocReader): DocWrite[];
}

export const docKey = (collection: string, id: string) => `${collection}\u0000${id}`;
