import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/**
 * The baseline: every row of the events table read in order and its columns put through
 * SHA-256, nothing else (no chain, no comparison, no checkpoint): what a verification cannot be
 * faster than.
 */
export function bareSha256(file: string): { rows: number; digest: string } {
  const db = new Database(file, { readonly: true });
  try {
    let rows = 0;
    let last = '';
    for (const row of db.prepare('SELECT * FROM events ORDER BY position').iterate() as Iterable<Record<string, string | number | null>>) {
      last = createHash('sha256')
        .update(`${row.stream_id}|${row.revision}|${row.id}|${row.type}|${row.data}|${row.metadata ?? ''}|${row.hash}`)
        .digest('hex');
      rows++;
    }
    return { rows, digest: last };
  } finally {
    db.close();
  }
}
