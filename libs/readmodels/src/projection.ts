import { RecordedEvent } from '@suyuan/eventstore';

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
 * A projection is pure: `reads` names the documents an event needs to see, computed
 * from the event alone (so an async adapter can prefetch a whole page of them at once);
 * `apply` returns the documents it changes. Documents it only creates need no read.
 */
export interface Projection {
  readonly name: string;
  readonly eventTypes: readonly string[];
  reads(event: RecordedEvent): DocRef[];
  apply(event: RecordedEvent, docs: DocReader): DocWrite[];
}

export const docKey = (collection: string, id: string) => `${collection}\u0000${id}`;
