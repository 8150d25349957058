import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '../../../eventstore/src/sqlite/sqlite-event-store';
import { catchUp } from '../../../readmodels/src/projector';
import { Projection } from '../../../readmodels/src/projection';
import { INLINE_CHECKPOINT, InlineProjector } from '../../../readmodels/src/sqlite/inline-projector';
import { DocIndex, SqliteDocumentStore } from '../../../readmodels/src/sqlite/sqlite-document-store';
import { SqliteIdempotencyStore } from '../idempotency/idempotency.store';

export interface EmbeddedStorage {
  db: Database.Database;
  events: SqliteEventStore;
  docs: SqliteDocumentStore;
  idempotency: SqliteIdempotencyStore;
  close(): Promise<void>;
}

export interface ReadModelSchema {
  projections: readonly Projection[];
  indexes: DocIndex[];
  /** Bump when a projection changes what it writes: read models are then rebuilt from position 0. */
  version: number;
}

const VERSION_CHECKPOINT = 'read-model-version';

/**
 * One SQLite file holds events, read models, checkpoints and idempotency records.
 * Opens it, brings the read models up to date (rebuilding them if their code changed),
 * and from then on projects inline with every append.
 */
export async function openEmbeddedStorage(file: string, schema: ReadModelSchema): Promise<EmbeddedStorage> {
  if (file !== ':memory:') mkdirSync(join(file, '..'), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: an append is on disk before it is acknowledged, even if the machine loses power.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // One process owns the file in embedded mode: an exclusive lock spares every read the
  // shared-memory locking of WAL (a third of a scan's cost), and keeps a second server
  // from opening the same data directory by mistake.
  db.pragma('locking_mode = EXCLUSIVE');
  const docs = new SqliteDocumentStore(db, schema.indexes);
  const inline = new InlineProjector(docs, schema.projections);
  const events = new SqliteEventStore(db, { onAppended: inline.project });
  if (docs.checkpointSync(VERSION_CHECKPOINT) !== schema.version) {
    db.transaction(() => {
      db.exec('DELETE FROM documents; DELETE FROM checkpoints;');
      docs.commitSync([], { name: VERSION_CHECKPOINT, position: schema.version });
    })();
  }
  await catchUp(events, docs, schema.projections, INLINE_CHECKPOINT);
  return {
    db,
    events,
    docs,
    idempotency: new SqliteIdempotencyStore(db),
    async close() {
      await events.close();
      db.close();
    },
  };
}
