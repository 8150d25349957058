import Database from 'better-sqlite3';
import { HistoryVerdict, HistoryVerifier, RootClaim } from '../chain';
import type { RecordedEvent } from '../event-store.port';
import { EventRow, recomputeLegacyRowHash, recomputeRowHash, toRecordedEvent } from './event-row';

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
    for (const row of rows.iterate()) {
      verifier.accept(
        { streamId: row.stream_id, revision: row.revision, position: row.position, id: row.id, hash: row.hash ?? null },
        (previous) => rowHash(row, previous),
      );
    }
    return verifier.finish();
  }

  close(): void {
    this.db.close();
  }
}

/** The stored text first (canonical since hashes exist); values re-encoded for older rows. */
function rowHash(row: EventRow, previousHash: string | null): string {
  const hash = recomputeRowHash(row, previousHash);
  if (hash === row.hash) return hash;
  try {
    return recomputeLegacyRowHash(row, previousHash);
  } catch {
    return hash;
  }
}
