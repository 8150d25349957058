import type { Database } from 'better-sqlite3';

/**
 * One table for every stream. `position` is the global order: AUTOINCREMENT never
 * reuses a value, and SQLite's single writer hands positions out in commit order,
 * so a reader that has seen position p has seen every event before it.
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
      UNIQUE (stream_id, revision)
    )
  `);
}
