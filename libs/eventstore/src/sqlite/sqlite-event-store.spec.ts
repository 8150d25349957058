import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventIdReuseError, NewEvent, RecordedEvent } from '../event-store.port';
import { settlesWithin, waitUntil } from '../contract/fixtures';
import { SqliteEventStore } from './sqlite-event-store';

const packed = (itemCode: string): NewEvent => ({ id: randomUUID(), type: 'ItemPacked', data: { itemCode } });

describe('SqliteEventStore', () => {
  describe('on a connection shared with the read models', () => {
    let db: Database.Database;

    beforeEach(() => {
      db = new Database(':memory:');
      db.exec('CREATE TABLE item_passports (code TEXT PRIMARY KEY, position INTEGER NOT NULL)');
    });
    afterEach(() => db.close());

    const projectPassports = (events: RecordedEvent[]) => {
      const upsert = db.prepare('INSERT INTO item_passports (code, position) VALUES (?, ?)');
      for (const event of events) upsert.run((event.data as { itemCode: string }).itemCode, event.position);
    };
    const passportCodes = () => db.prepare('SELECT code FROM item_passports ORDER BY code').pluck().all();

    it('calls onAppended inside the append transaction with the events as stored', async () => {
      const calls: { inTransaction: boolean; events: RecordedEvent[] }[] = [];
      const store = new SqliteEventStore(db, {
        onAppended: (events) => {
          calls.push({ inTransaction: db.inTransaction, events });
          projectPassports(events);
        },
      });

      await store.appendToStream('batch-1', [packed('A1'), packed('A2')]);

      expect(calls).toHaveLength(1);
      expect(calls[0].inTransaction).toBe(true);
      expect(calls[0].events).toEqual(await store.readStream('batch-1'));
      expect(passportCodes()).toEqual(['A1', 'A2']);
    });

    it('rolls the whole append back, projection included, when onAppended throws', async () => {
      const failure = new Error('projection failed');
      let failNext = true;
      const store = new SqliteEventStore(db, {
        onAppended: (events) => {
          projectPassports(events);
          if (failNext) throw failure;
        },
      });

      await expect(store.appendToStream('batch-1', [packed('A1')])).rejects.toBe(failure);

      expect(await store.readAll()).toEqual([]);
      expect(passportCodes()).toEqual([]);
      failNext = false;
      const retried = await store.appendToStream('batch-1', [packed('A1')], { expectedRevision: 'no_stream' });
      expect(retried).toEqual({ nextRevision: 0, position: 1 });
      expect(passportCodes()).toEqual(['A1']);
    });

    it('does not call onAppended for an idempotent retry or an empty append', async () => {
      const onAppended = jest.fn();
      const store = new SqliteEventStore(db, { onAppended });
      const events = [packed('A1')];

      await store.appendToStream('batch-1', events);
      await store.appendToStream('batch-1', events);
      await store.appendToStream('batch-1', []);

      expect(onAppended).toHaveBeenCalledTimes(1);
    });

    it('leaves the connection open on close()', async () => {
      const store = new SqliteEventStore(db);

      await store.close();

      expect(db.open).toBe(true);
    });
  });

  describe('event ids', () => {
    let store: SqliteEventStore;

    beforeEach(() => {
      store = SqliteEventStore.open(':memory:');
    });
    afterEach(() => store.close());

    it('refuses an id already stored in another stream', async () => {
      const event = packed('A1');
      await store.appendToStream('batch-1', [event]);

      await expect(store.appendToStream('batch-2', [event])).rejects.toBeInstanceOf(EventIdReuseError);
      expect(await store.readStream('batch-2')).toEqual([]);
    });

    it('refuses the same id twice in one append', async () => {
      const event = packed('A1');

      await expect(store.appendToStream('batch-1', [event, event])).rejects.toMatchObject({
        name: 'EventIdReuseError',
        eventIds: [event.id],
      });
      expect(await store.readAll()).toEqual([]);
    });
  });

  describe('on a file', () => {
    let directory: string;
    let filename: string;
    const opened: SqliteEventStore[] = [];
    const open = (pollIntervalMs?: number) => {
      const store = SqliteEventStore.open(filename, { pollIntervalMs });
      opened.push(store);
      return store;
    };

    beforeEach(async () => {
      directory = await mkdtemp(join(tmpdir(), 'suyuan-events-'));
      filename = join(directory, 'events.sqlite');
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      await rm(directory, { recursive: true, force: true });
    });

    it('opens the file in WAL mode, so that readers in other processes do not block appends', () => {
      open();
      const db = new Database(filename);
      try {
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      } finally {
        db.close();
      }
    });

    it('keeps the events when the file is reopened', async () => {
      const first = open();
      await first.appendToStream('batch-1', [packed('A1'), packed('A2')]);
      const written = await first.readAll();
      await first.close();

      const reopened = open();

      expect(await reopened.readAll()).toEqual(written);
      expect((await reopened.appendToStream('batch-1', [packed('A3')], { expectedRevision: 1 })).nextRevision).toBe(2);
    });

    it('delivers to a subscription the appends made through another store on the same file', async () => {
      const writer = open();
      const reader = open(20);
      const seen: RecordedEvent[] = [];
      const subscription = reader.subscribeToAll();
      const consumer = (async () => {
        for await (const event of subscription) seen.push(event);
      })();

      await writer.appendToStream('batch-1', [packed('A1')]);
      await writer.appendToStream('batch-2', [packed('B1'), packed('B2')]);
      await waitUntil(() => seen.length === 3);
      await subscription.close();
      await consumer;

      expect(seen).toEqual(await writer.readAll());
    });
  });

  it('close() ends a waiting subscription at once, without waiting for the poll', async () => {
    const store = SqliteEventStore.open(':memory:', { pollIntervalMs: 60_000 });
    const subscription = store.subscribeToAll();
    const consumer = (async () => {
      for await (const event of subscription) expect(event).toBeUndefined();
    })();
    await new Promise((resolve) => setImmediate(resolve));

    await store.close();

    expect(await settlesWithin(consumer, 100)).toBe(true);
  });
});
