import Database from 'better-sqlite3';
import { ChainLink, HistoryVerdict, HistoryVerifier, RootClaim } from '../chain';
import type { RecordedEvent } from '../event-store.port';
import { EventRow, recomputeRowHash, toRecordedEvent } from './event-row';

/**
 * An embedded store's file opened read-only, for an audit: nothing is migrated or written,
 * so what is checked is exactly what is on disk.
 */
export class StoredEventsFile {
  private constructor(private readonly db: Database.Database) {}

  static open(filename: string): StoredEventsFile {
    const db = new Database(filename, { readonly: true, fileMustExist: true });
    try {
      db.prepare('SELECT 1 FROM events LIMIT 1').get();
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code === 'SQLITE_BUSY') {
        throw new Error(`${filename} is locked by a running server: stop it, or ask the server (GET /api/audit/verify)`, {
          cause: error,
        });
      }
      throw error;
    }
    return new StoredEventsFile(db);
  }

  readStream(streamId: string): RecordedEvent[] {
    return this.db
      .prepare<[string], EventRow>('SELECT * FROM events WHERE stream_id = ? ORDER BY revision')
      .all(streamId)
      .map(toRecordedEvent);
  }

  /** Every chain and every claimed root, reading the rows once in global order. */
  verify(claims: readonly RootClaim[]): HistoryVerdict {
    const verifier = new HistoryVerifier(claims);
    const rows = this.db.prepare<[], EventRow>('SELECT * FROM events ORDER BY position');
    // One link and one function for all rows: millions of events, no garbage per row beyond the row.
    let row!: EventRow;
    const link: ChainLink = { streamId: '', revision: 0, position: 0, id: '', hash: null };
    const recompute = (previous: string | null) => rowHash(row, previous);
    for (row of rows.iterate()) {
      link.streamId = row.stream_id;
      link.revision = row.revision;
      link.position = row.position;
      link.id = row.id;
      link.hash = row.hash ?? null;
      verifier.accept(link, recompute);
    }
    return verifier.finish();
  }

  close(): void {
    this.db.close();
  }
}

/**
 * The text re-encoded as it stands first, parsed only when that does not match (text not as
 * JSON.stringify writes it); a row whose text no longer parses cannot match.
 */
function rowHash(row: EventRow, previousHash: string | null): string {
  try {
    const hash = recomputeRowHash(row, previousHash);
    if (hash === row.hash) return hash;
  } catch {
    // not as JSON.stringify writes it: parsed below
  }
  try {
    return recomputeRowHash(row, previousHash, true);
  } catch {
    return 'unreadable';
  }
}
