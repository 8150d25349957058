import Database from 'better-sqlite3';
import { DocChange } from '../document-store.port';
import { SqliteDocumentStore } from './sqlite-document-store';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SqliteDocumentStore', () => {
  let db: Database.Database;
  let docs: SqliteDocumentStore;
  let heard: (readonly DocChange[])[];

  beforeEach(() => {
    db = new Database(':memory:');
    docs = new SqliteDocumentStore(db, [
      { field: 'batchId', collections: ['items'] },
      { field: 'cooperative.id', collections: ['batches'] },
    ]);
    heard = [];
    docs.onChange((writes) => heard.push(writes));
  });
  afterEach(() => db.close());

  it('saves, finds by field paths, deletes, and moves the checkpoint with the documents', async () => {
    await docs.commit(
      [
        { collection: 'items', id: 'A', doc: { batchId: 'B1', n: 1 } },
        { collection: 'items', id: 'B', doc: { batchId: 'B2', n: 2 } },
        { collection: 'batches', id: 'B1', doc: { cooperative: { id: 'C1' } } },
      ],
      { name: 'p', position: 7 },
    );
    expect(await docs.get('items', 'A')).toEqual({ batchId: 'B1', n: 1 });
    expect(await docs.find('items', { batchId: 'B2' })).toEqual([{ batchId: 'B2', n: 2 }]);
    expect(await docs.find('batches', { 'cooperative.id': 'C1' })).toHaveLength(1);
    expect(await docs.checkpoint('p')).toBe(7);
    await docs.commit([{ collection: 'items', id: 'A', doc: null }], { name: 'p', position: 8 });
    expect(await docs.get('items', 'A')).toBeUndefined();
  });

  it('finds a page at a time in id order, after the last id of the page before', async () => {
    const ids = ['E', 'A', 'D', 'B', 'C'];
    await docs.commit(
      [
        ...ids.map((id) => ({ collection: 'items', id, doc: { batchId: 'B1', id } })),
        { collection: 'items', id: 'AA', doc: { batchId: 'B2', id: 'AA' } },
      ],
      { name: 'p', position: 1 },
    );
    const page = (after: string | undefined) => docs.findPage<{ id: string }>('items', { batchId: 'B1' }, { after, limit: 2 });
    expect((await page(undefined)).map((d) => d.id)).toEqual(['A', 'B']);
    expect((await page('B')).map((d) => d.id)).toEqual(['C', 'D']);
    expect((await page('D')).map((d) => d.id)).toEqual(['E']);
    expect(await page('E')).toEqual([]);
  });

  it('tells listeners of committed changes only, after the transaction', async () => {
    db.transaction(() => {
      docs.commitSync([{ collection: 'items', id: 'A', doc: { n: 1 } }], { name: 'p', position: 1 });
      expect(heard).toEqual([]);
    })();
    expect(() =>
      db.transaction(() => {
        docs.commitSync([{ collection: 'items', id: 'X', doc: { n: 9 } }], { name: 'p', position: 2 });
        throw new Error('the append failed after projecting');
      })(),
    ).toThrow();
    await tick();
    expect(heard).toEqual([[{ collection: 'items', id: 'A', doc: { n: 1 } }]]);
    expect(await docs.get('items', 'X')).toBeUndefined();
  });

  it('finds through the partial index where one is declared for the collection, and by scanning elsewhere', async () => {
    await docs.commit(
      [
        { collection: 'items', id: 'A', doc: { batchId: 'B1' } },
        { collection: 'cartons', id: 'K', doc: { batchId: 'B1' } },
      ],
      { name: 'p', position: 1 },
    );
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT doc FROM documents INDEXED BY documents_batchId WHERE collection = ? AND collection IN ('items') AND json_extract(doc, '$.batchId') = ?`,
      )
      .all('items', 'B1') as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('documents_batchId');
    expect(await docs.find('items', { batchId: 'B1' })).toEqual([{ batchId: 'B1' }]);
    expect(await docs.find('cartons', { batchId: 'B1' })).toEqual([{ batchId: 'B1' }]);
  });

  it('replaces an index whose definition changed and drops one no longer declared, keeping the documents', async () => {
    await docs.commit([{ collection: 'items', id: 'A', doc: { batchId: 'B1' } }], { name: 'p', position: 1 });
    const again = new SqliteDocumentStore(db, [{ field: 'batchId', collections: ['items', 'cartons'] }]);
    const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'documents_%'`).all() as {
      name: string;
      sql: string;
    }[];
    expect(indexes.map((i) => i.name)).toEqual(['documents_batchId']);
    expect(indexes[0].sql).toContain("IN ('items', 'cartons')");
    expect(await again.find('items', { batchId: 'B1' })).toHaveLength(1);
  });

  it('keeps documents parsed once committed, and never serves a write that was rolled back', async () => {
    await docs.commit([{ collection: 'items', id: 'A', doc: { n: 1 } }], { name: 'p', position: 1 });
    await tick();
    const first = docs.getSync('items', 'A');
    expect(docs.getSync('items', 'A')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() =>
      db.transaction(() => {
        docs.commitSync([{ collection: 'items', id: 'A', doc: { n: 2 } }], { name: 'p', position: 2 });
        throw new Error('the append failed after projecting');
      })(),
    ).toThrow();
    expect(docs.getSync('items', 'A')).toEqual({ n: 1 });
    await tick();
    expect(docs.getSync('items', 'A')).toEqual({ n: 1 });
    await docs.commit([{ collection: 'items', id: 'A', doc: { n: 3 } }], { name: 'p', position: 3 });
    expect(docs.getSync('items', 'A')).toEqual({ n: 3 });
    await tick();
    expect(docs.getSync('items', 'A')).toEqual({ n: 3 });
    await docs.commit([{ collection: 'items', id: 'A', doc: null }], { name: 'p', position: 4 });
    await tick();
    expect(docs.getSync('items', 'A')).toBeUndefined();
  });

  it('keeps the absence of a document too, and never past a write of it, committed or not', async () => {
    const get = jest.spyOn((docs as unknown as { getStmt: { get: () => unknown } }).getStmt, 'get');
    expect(docs.getSync('items', 'A')).toBeUndefined();
    expect(docs.getSync('items', 'A')).toBeUndefined();
    expect(get).toHaveBeenCalledTimes(1);
    // Read again inside the writing transaction, the table speaks (its uncommitted row); after a rollback, nothing is there.
    expect(() =>
      db.transaction(() => {
        docs.commitSync([{ collection: 'items', id: 'A', doc: { n: 1 } }], { name: 'p', position: 1 });
        expect(docs.getSync('items', 'A')).toEqual({ n: 1 });
        throw new Error('the append failed after projecting');
      })(),
    ).toThrow();
    expect(docs.getSync('items', 'A')).toBeUndefined();
    await tick();
    expect(docs.getSync('items', 'A')).toBeUndefined();
    await docs.commit([{ collection: 'items', id: 'A', doc: { n: 2 } }], { name: 'p', position: 2 });
    expect(docs.getSync('items', 'A')).toEqual({ n: 2 });
    await tick();
    expect(docs.getSync('items', 'A')).toEqual({ n: 2 });
    await docs.commit([{ collection: 'items', id: 'A', doc: null }], { name: 'p', position: 3 });
    expect(docs.getSync('items', 'A')).toBeUndefined();
    await tick();
    get.mockClear();
    expect(docs.getSync('items', 'A')).toBeUndefined();
    expect(get).not.toHaveBeenCalled();
  });

  it('forgets the oldest parsed documents past its budget, in passes, and reads them again from the table', async () => {
    const big = (i: number) => ({ i, text: 'x'.repeat(1024 * 1024) });
    await docs.commit([{ collection: 'big', id: '0', doc: big(0) }], { name: 'p', position: 1 });
    await tick();
    const first = docs.getSync('big', '0');
    for (let i = 1; i <= 20; i++) await docs.commit([{ collection: 'big', id: String(i), doc: big(i) }], { name: 'p', position: i + 1 });
    await tick();
    const kept = (docs as unknown as { parsedBytes: number }).parsedBytes;
    expect(kept).toBeLessThanOrEqual(16 * 1024 * 1024);
    expect(kept).toBeGreaterThan(12 * 1024 * 1024);
    expect(docs.getSync('big', '20')).toBe(docs.getSync('big', '20'));
    const again = docs.getSync<{ i: number }>('big', '0');
    expect(again).not.toBe(first);
    expect(again?.i).toBe(0);
  });

  it('drops a table of the earlier WITHOUT ROWID layout with the checkpoints, so the read models are rebuilt', async () => {
    const old = new Database(':memory:');
    old.exec(`CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (collection, id)) WITHOUT ROWID;
      CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
      INSERT INTO documents VALUES ('items', 'A', '{"n":1}'); INSERT INTO checkpoints VALUES ('inline', 42);`);
    const store = new SqliteDocumentStore(old, [{ field: 'batchId', collections: ['items'] }]);
    expect(store.getSync('items', 'A')).toBeUndefined();
    expect(store.checkpointSync('inline')).toBe(0);
    const { sql } = old.prepare(`SELECT sql FROM sqlite_master WHERE name = 'documents'`).get() as { sql: string };
    expect(sql).not.toMatch(/WITHOUT ROWID/);
    await store.commit([{ collection: 'items', id: 'A', doc: { batchId: 'B1' } }], { name: 'inline', position: 1 });
    await tick();
    expect(store.findSync('items', { batchId: 'B1' })).toEqual([{ batchId: 'B1' }]);
    // Opened again on its own layout, it keeps everything.
    new SqliteDocumentStore(old, [{ field: 'batchId', collections: ['items'] }]);
    expect(old.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 1 });
    expect(store.checkpointSync('inline')).toBe(1);
    old.close();
  });

  it('refuses a field path that is not one', () => {
    expect(() => docs.findSync('items', { "x') OR 1=1 --": 1 })).toThrow(/field path/);
  });
});
