import type { Database } from 'better-sqlite3';
import { recomputeRowHash, type EventRow } from './event-row';

/**
 * One table for every stream. `position` is the global order: AUTOINCREMENT never
 * reuses a value, and SQLite's single writer hands positions out in commit order,
 * so a reader that has seen position p has seen every event before it.
 * `hash` chains each event to the one before it in its stream (../chain).
 */
export function createEventsSchema(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      type TEXT NOT NULL,
      data TEXT NOT NULL,
      metadata TEXT,
      hash TEXT,
      UNIQUE (stream_id, revision)
    )
  `);
  addHashes(db);
}

/**
 * A file written before events carried hashes gets the column, and every event its hash,
 * computed in each stream's order from its stored values, before anything else is appended.
 */
function addHashes(db: Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(events)').all();
  if (!columns.some((column) => column.name === 'hash')) db.exec('ALTER TABLE events ADD COLUMN hash TEXT');
  const missing = db.prepare<[], { found: number }>('SELECT EXISTS (SELECT 1 FROM events WHERE hash IS NULL) AS found');
  if (!missing.get()!.found) return;
  const unhashed = db.prepare<[], EventRow>('SELECT * FROM events WHERE hash IS NULL ORDER BY stream_id, revision');
  const hashBefore = db.prepare<[string, number], { hash: string | null }>('SELECT hash FROM events WHERE stream_id = ? AND revision = ?');
  const setHash = db.prepare<[string, number]>('UPDATE events SET hash = ? WHERE position = ?');
  db.transaction(() => {
    const rows = unhashed.all();
    let previous: { streamId: string; revision: number; hash: string } | undefined;
    for (const row of rows) {
      const before =
        previous?.streamId === row.stream_id && previous.revision === row.revision - 1
          ? previous.hash
          : row.revision === 0
            ? null
            : (hashBefore.get(row.stream_id, row.revision - 1)?.hash ?? null);
      const hash = recomputeRowHash(row, before);
      setHash.run(hash, row.position);
      previous = { streamId: row.stream_id, revision: row.revision, hash };
    }
  }).immediate();
}
