import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventHash } from '../chain';
import { SqliteEventStore } from './sqlite-event-store';
import { StoredEventsFile } from './stored-event-rows';

describe('a store file written before events carried hashes', () => {
  let directory: string;
  let file: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'suyuan-legacy-'));
    file = join(directory, 'events.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE events (
      position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT, UNIQUE (stream_id, revision))`);
    const insert = db.prepare('INSERT INTO events (id, stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
    // Written by JSON.stringify: keys in insertion order, not canonical.
    insert.run(
      'e1',
      'batch-1',
      0,
      'BatchRegistered',
      JSON.stringify({ product: '脐橙', cooperative: 'c-1' }),
      JSON.stringify({ keyId: 'k', organizationId: 'o' }),
    );
    insert.run('e2', 'batch-2', 0, 'BatchRegistered', JSON.stringify({ z: 1, a: 2 }), null);
    insert.run('e3', 'batch-1', 1, 'BatchHarvested', JSON.stringify({ quantityKg: 120, at: '2026-11-02' }), 'null');
    db.close();
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('is refused by the audit until it is opened for writing', () => {
    const stored = StoredEventsFile.open(file);
    expect(stored.verify([]).problem).toMatchObject({ kind: 'unhashed', eventId: 'e1' });
    stored.close();
  });

  it('opens, gets every chain backfilled from its stored values, and goes on appending to it', async () => {
    const store = SqliteEventStore.open(file);
    await store.appendToStream('batch-1', [{ id: 'e4', type: 'BatchPacked', data: { crates: 3 } }], { expectedRevision: 1 });
    const batch1 = await store.readStream('batch-1');
    const [batch2] = await store.readStream('batch-2');
    await store.close();

    expect(batch1.map((event) => event.hash)).toEqual([
      eventHash(batch1[0], null),
      eventHash(batch1[1], batch1[0].hash),
      eventHash(batch1[2], batch1[1].hash),
    ]);
    expect(batch2.hash).toBe(eventHash(batch2, null));
    expect(batch1[1].metadata).toBeNull();
    const stored = StoredEventsFile.open(file);
    expect(stored.verify([])).toMatchObject({ ok: true, eventsChecked: 4 });
    stored.close();
  });

  it('backfills once: a second opening changes nothing', async () => {
    await SqliteEventStore.open(file).close();
    const hashes = () => {
      const db = new Database(file, { readonly: true });
      const all = db.prepare('SELECT hash FROM events ORDER BY position').pluck().all();
      db.close();
      return all;
    };
    const first = hashes();

    await SqliteEventStore.open(file).close();

    expect(hashes()).toEqual(first);
    expect(first.every((hash) => typeof hash === 'string')).toBe(true);
  });
});
