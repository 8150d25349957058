import { canonicalJson, chainedHash } from '../chain';
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
 * Data and metadata are stored as canonical JSON: the stored text is then what the hash
 * covers, and a verifier hashes it without parsing it.
 */
export function toEventRow(streamId: string, revision: number, event: NewEvent, previousHash: string | null): NewEventRow {
  const row = {
    id: event.id,
    stream_id: streamId,
    revision,
    type: event.type,
    data: canonicalJson(event.data ?? null),
    metadata: event.metadata === undefined ? null : canonicalJson(event.metadata),
  };
  return { ...row, hash: chainedHash(encodedRow(row), previousHash) };
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
 * The row's hash from its stored text. Rows written before hashes existed may hold JSON that
 * is not canonical (keys in insertion order): their text is parsed and re-encoded, which
 * gives the same hash for the same values.
 */
export function recomputeRowHash(row: Omit<EventRow, 'position' | 'hash'>, previousHash: string | null): string {
  return chainedHash(encodedRow(row), previousHash);
}

export function recomputeLegacyRowHash(row: Omit<EventRow, 'position' | 'hash'>, previousHash: string | null): string {
  return chainedHash(
    {
      ...encodedRow(row),
      data: canonicalJson(JSON.parse(row.data)),
      metadata: row.metadata === null ? null : canonicalJson(JSON.parse(row.metadata)),
    },
    previousHash,
  );
}

function encodedRow(row: Omit<EventRow, 'position' | 'hash'>) {
  return { streamId: row.stream_id, revision: row.revision, id: row.id, type: row.type, data: row.data, metadata: row.metadata };
}
