import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NewEvent } from '@suyuan/eventstore';
import { appendSample, sampleEvent } from './seed';

interface Appending {
  appendToStream(streamId: string, events: NewEvent[]): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Appends per second into a fresh file, one event per append into 500 streams, as commands
 * append: `open` gives the store under test (the adapter with hashing, or another version of it).
 */
export async function appendsPerSecond(open: (file: string) => Appending, count: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'suyuan-bench-append-'));
  const store = open(join(dir, 'events.sqlite'));
  try {
    await appendSample(store, 500, 500);
    const start = performance.now();
    await appendSample(store, count, 500, 500);
    return count / ((performance.now() - start) / 1000);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The baseline: what an append is without the adapter: in one IMMEDIATE transaction, the
 * stream's head looked up and the row inserted with JSON.stringify'd data, no hash.
 */
export function bareAppender(file: string): Appending {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT, UNIQUE (stream_id, revision))`);
  const head = db.prepare<[string], { revision: number }>('SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1');
  const insert = db.prepare('INSERT INTO events (id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
  const append = db.transaction((streamId: string, event: ReturnType<typeof sampleEvent>) => {
    const revision = (head.get(streamId)?.revision ?? -1) + 1;
    insert.run(event.id, streamId, revision, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata));
  });
  return {
    async appendToStream(streamId, events) {
      for (const event of events) append.immediate(streamId, event as ReturnType<typeof sampleEvent>);
    },
    async close() {
      db.close();
    },
  };
}
