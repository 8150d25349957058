import { canonicalJson, canonicalJsonOfStringified, chainedHash } from '../chain';
import type { NewEvent, RecordedEvent } from '../event-store.port';

export interface EventRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string | null;
  /** Null only in a file written before hashes existed, until it is opened for writing (see schema.ts). */
  hash: string | null;
}

export type NewEventRow = Omit<EventRow, 'position'> & { hash: string };

/**
 * Data is stored as `JSON.stringify` writes it, keys in the order they were recorded (pages show
 * a process's parameters in that order); metadata, the envelope read field by field, is stored
 * as canonical JSON, so that a verifier hashes it as it stands. The hash covers the canonical
 * JSON of both, which any adapter and any verifier derives from the values alone.
 */
export function toEventRow(streamId: string, revision: number, event: NewEvent, previousHash: string | null): NewEventRow {
  const data = event.data ?? null;
  const metadata = event.metadata === undefined ? null : canonicalJson(event.metadata);
  const hash = chainedHash({ streamId, revision, id: event.id, type: event.type, data: canonicalJson(data), metadata }, previousHash);
  return { id: event.id, stream_id: streamId, revision, type: event.type, data: JSON.stringify(data), metadata, hash };
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const event: RecordedEvent = {
    id: row.id,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data),
    hash: row.hash ?? '',
  };
  if (row.metadata !== null) event.metadata = JSON.parse(row.metadata);
  return event;
}

/**
 * The row's hash recomputed from its stored text: the data re-encoded canonically as it stands,
 * the metadata as it is stored. `exact` parses both instead: slower, for a row whose text is not
 * as this adapter writes it (a file from before hashes, an edit), still the hash of its values.
 */
export function recomputeRowHash(row: Omit<EventRow, 'position' | 'hash'>, previousHash: string | null, exact = false): string {
  return chainedHash(
    {
      streamId: row.stream_id,
      revision: row.revision,
      id: row.id,
      type: row.type,
      data: exact ? canonicalJson(JSON.parse(row.data)) : canonicalJsonOfStringified(row.data),
      metadata: row.metadata === null ? null : exact ? canonicalJson(JSON.parse(row.metadata)) : row.metadata,
    },
    previousHash,
  );
}
