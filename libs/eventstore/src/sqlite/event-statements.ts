import type { Database } from 'better-sqlite3';
import type { EventRow, NewEventRow } from './event-row';

export interface StreamHead {
  revision: number;
  position: number;
  hash: string | null;
}

export interface StoredEventPlace {
  stream_id: string;
  revision: number;
  position: number;
}

/** Prepared once per store: an append runs several of them inside one transaction. */
export function prepareEventStatements(db: Database) {
  return {
    streamHead: db.prepare<[streamId: string], StreamHead>(
      'SELECT revision, position, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    ),
    placeOfId: db.prepare<[id: string], StoredEventPlace>('SELECT stream_id, revision, position FROM events WHERE id = ?'),
    insert: db.prepare<NewEventRow>(
      'INSERT INTO events (id, stream_id, revision, type, data, metadata, hash) ' +
        'VALUES (@id, @stream_id, @revision, @type, @data, @metadata, @hash)',
    ),
    readStream: db.prepare<[streamId: string, fromRevision: number], EventRow>(
      'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision',
    ),
    readAfter: db.prepare<[position: number, limit: number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
  };
}
