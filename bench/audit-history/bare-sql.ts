import Database from 'better-sqlite3';

/**
 * The baseline: the lot's events in a plain better-sqlite3 table keyed as a DBA would key a
 * history (subject, then position), and a page read as one range query with each row's payload
 * and metadata parsed: what the history's index and rendering are measured against.
 */
export interface BareHistory {
  page(after: number, limit: number): unknown[];
  rows: number;
}

const SCHEMA = `
CREATE TABLE history (
  subject TEXT NOT NULL, position INTEGER NOT NULL, id TEXT NOT NULL, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
  type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT, PRIMARY KEY (subject, position)
) WITHOUT ROWID;
`;

/** The same rows as the store holds them: `positions` are the lot's events, copied from the store's `events` table. */
export function bareHistory(source: Database.Database, subject: string, positions: readonly number[]): BareHistory {
  const db = new Database(':memory:');
  db.exec(SCHEMA);
  const read = source.prepare('SELECT position, id, stream_id, revision, type, data, metadata FROM events WHERE position = ?');
  const insert = db.prepare('INSERT INTO history VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const position of positions) {
      const row = read.get(position) as {
        position: number;
        id: string;
        stream_id: string;
        revision: number;
        type: string;
        data: string;
        metadata: string;
      };
      insert.run(subject, row.position, row.id, row.stream_id, row.revision, row.type, row.data, row.metadata);
    }
  })();
  const page = db.prepare('SELECT * FROM history WHERE subject = ? AND position > ? ORDER BY position LIMIT ?');
  return {
    rows: positions.length,
    page: (after, limit) =>
      (page.all(subject, after, limit) as { data: string; metadata: string }[]).map((row) => ({
        ...row,
        data: JSON.parse(row.data),
        metadata: JSON.parse(row.metadata),
      })),
  };
}
