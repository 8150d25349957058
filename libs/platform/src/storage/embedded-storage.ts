import Database from 'better-sqlite3';
import { join } from 'node:path';
import {
  AnyProjection,
  catchUp,
  DocIndex,
  DocumentStore,
  INLINE_CHECKPOINT,
  InlineProjector,
  SqliteDocumentStore,
} from '@suyuan/readmodels';
import { SqliteEventStore } from '@suyuan/eventstore';
import { SqliteIdempotencyStore } from '../idempotency/idempotency.store';
import { createPrivateDirectory, privateDatabaseFile } from './private-files';
import { SplitDocumentStore } from './split-document-store';
import { OffThreadSchema, WorkerProjector } from './worker-projector';

export interface EmbeddedStorage {
  db: Database.Database;
  events: SqliteEventStore;
  /** The main file's documents, projected inline. */
  docs: SqliteDocumentStore;
  /** What readers use: the main file's documents and, in worker mode, the worker's. */
  readModels: DocumentStore;
  /** In worker mode, the projector worker (its file read-only here). */
  worker?: WorkerProjector;
  idempotency: SqliteIdempotencyStore;
  close(): Promise<void>;
}

export interface ReadModelSchema {
  projections: readonly AnyProjection[];
  indexes: DocIndex[];
  /** Bump when a projection changes what it writes: read models are then rebuilt from position 0. */
  version: number;
  /** Projections that may run on a worker thread instead of in the append (see `openEmbeddedStorage`). */
  offThread?: OffThreadSchema;
}

/**
 * `inline` (the default): every projection runs in the append's transaction. `worker`: the
 * schema's off-thread projections run on a worker thread, into a file of their own beside the
 * main one, so that appends do not wait for them and they can use another core; readers of
 * their collections wait until the worker has seen every append made before the read.
 * `:memory:` is always inline: a second thread cannot open it.
 */
export type ProjectorMode = 'worker' | 'inline';

const VERSION_CHECKPOINT = 'read-model-version';
/** 1 when the main file's documents were last projected with projections off-thread. */
const OFF_THREAD_CHECKPOINT = 'projections-off-thread';

/**
 * One SQLite file holds events, read models, checkpoints and idempotency records.
 * Opens it, brings the read models up to date (rebuilding them if their code changed),
 * and from then on projects inline with every append.
 */
export async function openEmbeddedStorage(file: string, schema: ReadModelSchema, mode: ProjectorMode = 'inline'): Promise<EmbeddedStorage> {
  const offThread = file !== ':memory:' && mode === 'worker' ? schema.offThread : undefined;
  const projections = offThread ? schema.projections.filter((p) => !offThread.runs.includes(p.name)) : schema.projections;
  if (file !== ':memory:') {
    createPrivateDirectory(join(file, '..'));
    privateDatabaseFile(file);
    privateDatabaseFile(workerFile(file), Boolean(offThread));
  }
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
  const inline = new InlineProjector(docs, projections);
  let worker: WorkerProjector | undefined;
  const events = new SqliteEventStore(db, { onAppended: inline.project, onCommitted: (appended) => worker?.handOver(appended) });
  // A change of mode rebuilds too: the off-thread projections' documents in the main file
  // stopped at the switch to worker mode, and are missing events when switched back.
  const split = offThread ? 1 : 0;
  if (docs.checkpointSync(VERSION_CHECKPOINT) !== schema.version || docs.checkpointSync(OFF_THREAD_CHECKPOINT) !== split) {
    db.transaction(() => {
      db.exec('DELETE FROM documents; DELETE FROM checkpoints;');
      docs.commitSync([], { name: VERSION_CHECKPOINT, position: schema.version });
      docs.commitSync([], { name: OFF_THREAD_CHECKPOINT, position: split });
    })();
  }
  await catchUp(events, docs, projections, INLINE_CHECKPOINT);
  if (offThread) worker = await WorkerProjector.start(workerFile(file), offThread, events);
  return {
    db,
    events,
    docs,
    readModels: worker ? new SplitDocumentStore(docs, worker, offThread!.collections) : docs,
    worker,
    idempotency: new SqliteIdempotencyStore(db),
    async close() {
      await worker?.close();
      await events.close();
      db.close();
    },
  };
}

/** `data/suyuan.db` → `data/suyuan.worker.db`. */
export function workerFile(file: string): string {
  return `${file.replace(/\.db$/, '')}.worker.db`;
}
