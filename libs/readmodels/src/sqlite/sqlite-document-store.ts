import type { Database, Statement } from 'better-sqlite3';
import { DocChange, DocPage, DocumentStore } from '../document-store.port';
import { Doc, DocRef, DocWrite, docKey } from '../projection';

/**
 * A rowid table, not WITHOUT ROWID: a WITHOUT ROWID row keeps at most about a quarter of a
 * 4 KB page in its leaf and spills the rest to overflow pages, so rewriting a 3 KB document
 * (a compliance record, a batch) wrote four or five pages. Here it stays in its leaf, and an
 * event that rewrites a few documents writes about half the pages.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  doc TEXT NOT NULL,
  UNIQUE (collection, id)
);
CREATE TABLE IF NOT EXISTS checkpoints (
  name TEXT PRIMARY KEY,
  position INTEGER NOT NULL
);`;

/**
 * A field path (`batchId`, `cooperative.id`) queried with `find` in the listed collections;
 * indexed with a partial expression index on the JSON. Partial, because every write of every
 * document evaluates each full index: a cold-chain hour or a compliance record would pay, on
 * every write, for each index of a field it does not have.
 */
export interface DocIndex {
  field: string;
  collections: string[];
}

/**
 * Read models in the same SQLite file as the events, so that inline projection,
 * documents and checkpoint commit in the append's own transaction.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly getStmt: Statement<[string, string], { doc: string }>;
  private readonly putStmt: Statement<[string, string, string]>;
  private readonly delStmt: Statement<[string, string]>;
  private readonly cpGet: Statement<[string], { position: number }>;
  private readonly cpPut: Statement<[string, number]>;
  private readonly listeners: ((changes: readonly DocChange[]) => void)[] = [];
  private pending: { writes: DocWrite[]; sizes: number[]; checkpoint: { name: string; position: number } }[] = [];
  private readonly indexes: Map<string, { name: string; collections: string[] }>;
  /**
   * Parsed documents, shared by every reader: read-only by contract (projections return new
   * documents; under jest they are frozen, so a mutation fails a test). Parsing what the last
   * event just wrote was most of a projection's cost.
   */
  private readonly parsed = new Map<string, { doc: Doc | undefined; bytes: number }>();
  private parsedBytes = 0;
  private readonly parsedBudget: number;
  /** Keys written by a transaction not known to have committed: read from the table, never kept. */
  private readonly uncommitted = new Set<string>();

  /**
   * `readOnly`: a reader of a file another connection writes (a projector worker's), which
   * creates the schema and indexes itself; such a reader hears of changes through `changedElsewhere`.
   * `parsedBudgetBytes`: the JSON text of documents kept parsed (16 MB unless told).
   */
  constructor(
    private readonly db: Database,
    indexes: DocIndex[] = [],
    { readOnly = false, parsedBudgetBytes = PARSED_BUDGET_BYTES }: { readOnly?: boolean; parsedBudgetBytes?: number } = {},
  ) {
    this.parsedBudget = parsedBudgetBytes;
    if (!readOnly) {
      dropOlderLayout(db);
      db.exec(SCHEMA);
    }
    this.indexes = readOnly ? indexesByField(indexes) : declareIndexes(db, indexes);
    this.getStmt = db.prepare('SELECT doc FROM documents WHERE collection = ? AND id = ?');
    this.putStmt = db.prepare(
      'INSERT INTO documents (collection, id, doc) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc',
    );
    this.delStmt = db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?');
    this.cpGet = db.prepare('SELECT position FROM checkpoints WHERE name = ?');
    this.cpPut = db.prepare(
      'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    );
  }

  getSync<T extends Doc = Doc>(collection: string, id: string): T | undefined {
    return this.getKeyed<T>(docKey(collection, id), collection, id);
  }

  private getKeyed<T extends Doc>(key: string, collection: string, id: string): T | undefined {
    const cached = this.parsed.get(key);
    if (cached) return cached.doc as T | undefined;
    const row = this.getStmt.get(collection, id);
    if (this.uncommitted.has(key)) return row ? (JSON.parse(row.doc) as T) : undefined;
    // Absence is kept too (at the cost of its key): projections ask again and again for
    // documents that do not exist yet, such as the hours an upload may find closed windows in.
    if (!row) return this.remember(key, undefined, key.length) as undefined;
    return this.remember(key, JSON.parse(row.doc), row.doc.length) as T;
  }

  /** Keeps a parsed document (or its absence) within a budget of JSON text; the oldest kept go first. */
  private remember(key: string, doc: Doc | undefined, bytes: number): Doc | undefined {
    this.forget(key);
    this.parsed.set(key, { doc: FREEZE && doc ? deepFreeze(doc) : doc, bytes });
    this.parsedBytes += bytes;
    if (this.parsedBytes > this.parsedBudget) this.evict();
    return doc;
  }

  /**
   * Forgets the oldest documents down to nine tenths of the budget, in one pass. A pass over
   * the map starts at its oldest slot and steps over every slot earlier deletions left there
   * (until V8 compacts the table): one pass per write, on a full cache, would cost more than
   * the projections that wrote.
   */
  private evict(): void {
    for (const oldest of this.parsed.keys()) {
      if (this.parsedBytes <= this.parsedBudget * EVICT_TO) break;
      this.forget(oldest);
    }
  }

  private forget(key: string): void {
    const entry = this.parsed.get(key);
    if (!entry) return;
    this.parsed.delete(key);
    this.parsedBytes -= entry.bytes;
  }

  /** The stored JSON text itself, for callers that pass it on unparsed. */
  getRawSync(collection: string, id: string): string | undefined {
    return this.getStmt.get(collection, id)?.doc;
  }

  getManySync<T extends Doc = Doc>(refs: DocRef[]): Map<string, T | undefined> {
    const found = new Map<string, T | undefined>();
    for (const { collection, id } of refs) {
      const key = docKey(collection, id);
      found.set(key, this.getKeyed<T>(key, collection, id));
    }
    return found;
  }

  findSync<T extends Doc = Doc>(collection: string, where: Record<string, unknown> = {}, page?: DocPage): T[] {
    const fields = Object.keys(where);
    fields.forEach(assertFieldName);
    // The planner, without statistics, prefers the primary key's collection prefix to an
    // expression index: name the index, and repeat its condition so that it applies.
    const indexed = fields.map((f) => this.indexes.get(f)).find((i) => i?.collections.includes(collection));
    const sql =
      `SELECT doc FROM documents${indexed ? ` INDEXED BY ${indexed.name}` : ''} WHERE collection = ?` +
      (indexed ? ` AND collection IN (${indexed.collections.map(literal).join(', ')})` : '') +
      fields.map((f) => ` AND json_extract(doc, '$.${f}') = ?`).join('') +
      (page?.after !== undefined ? ' AND id > ?' : '') +
      ' ORDER BY id' +
      (page ? ' LIMIT ?' : '');
    const params = [
      collection,
      ...fields.map((f) => sqlValue(where[f])),
      ...(page?.after !== undefined ? [page.after] : []),
      ...(page ? [page.limit] : []),
    ];
    return (this.db.prepare(sql).all(...params) as { doc: string }[]).map((r) => JSON.parse(r.doc) as T);
  }

  /** Must run inside the caller's transaction when atomicity with other writes matters. */
  commitSync(writes: DocWrite[], checkpoint: { name: string; position: number }): void {
    const sizes: number[] = [];
    for (const w of writes) {
      if (w.doc === null) this.delStmt.run(w.collection, w.id);
      else {
        const json = JSON.stringify(w.doc);
        this.putStmt.run(w.collection, w.id, json);
        sizes.push(json.length);
      }
      // Until the transaction is known to have committed, readers go to the table.
      const key = docKey(w.collection, w.id);
      this.forget(key);
      this.uncommitted.add(key);
    }
    this.cpPut.run(checkpoint.name, checkpoint.position);
    if (writes.length === 0) return;
    if (this.pending.length === 0) queueMicrotask(() => this.notify());
    this.pending.push({ writes, sizes, checkpoint });
  }

  /**
   * Listeners hear of changes once they are committed: the enclosing transaction (the
   * append's, when projecting inline) has ended by the time a microtask runs, and a write
   * whose checkpoint did not stick was rolled back. The writer's own continuation runs
   * after this, so it reads its writes through the caches too.
   */
  private notify(): void {
    const pending = this.pending;
    this.pending = [];
    this.uncommitted.clear();
    for (const { writes, sizes, checkpoint } of pending) {
      if (this.checkpointSync(checkpoint.name) < checkpoint.position) continue;
      let i = 0;
      for (const w of writes) {
        const key = docKey(w.collection, w.id);
        if (w.doc !== null) this.remember(key, w.doc, sizes[i++]);
        else this.remember(key, undefined, key.length);
      }
      for (const listener of this.listeners) listener(writes);
    }
  }

  /** Documents another connection changed: parsed copies are dropped, and listeners hear of it. */
  changedElsewhere(changed: DocRef[]): void {
    for (const { collection, id } of changed) this.forget(docKey(collection, id));
    for (const listener of this.listeners) listener(changed);
  }

  checkpointSync(name: string): number {
    return this.cpGet.get(name)?.position ?? 0;
  }

  async get<T extends Doc = Doc>(collection: string, id: string) {
    return this.getSync<T>(collection, id);
  }
  async getMany<T extends Doc = Doc>(refs: DocRef[]) {
    return this.getManySync<T>(refs);
  }
  async find<T extends Doc = Doc>(collection: string, where?: Record<string, unknown>) {
    return this.findSync<T>(collection, where);
  }
  async findPage<T extends Doc = Doc>(collection: string, where: Record<string, unknown>, page: DocPage) {
    return this.findSync<T>(collection, where, page);
  }
  async commit(writes: DocWrite[], checkpoint: { name: string; position: number }) {
    this.db.transaction(() => this.commitSync(writes, checkpoint))();
  }
  async checkpoint(name: string) {
    return this.checkpointSync(name);
  }
  onChange(listener: (changes: readonly DocChange[]) => void): void {
    this.listeners.push(listener);
  }
}

/**
 * Read models are derived: a table of the earlier WITHOUT ROWID layout is dropped with the
 * checkpoints, and the store is rebuilt from the events as after a read-model version change.
 */
function dropOlderLayout(db: Database): void {
  const table = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'documents'`).get() as
    { sql: string } | undefined;
  if (!table || !/WITHOUT ROWID/i.test(table.sql)) return;
  db.transaction(() => db.exec('DROP TABLE documents; DROP TABLE IF EXISTS checkpoints;'))();
}

const indexName = (field: string) => `documents_${field.replace(/\./g, '_')}`;

function indexesByField(indexes: DocIndex[]): Map<string, { name: string; collections: string[] }> {
  return new Map(indexes.map(({ field, collections }) => [field, { name: indexName(field), collections }]));
}

/** Creates the declared indexes, replacing any of another definition and dropping undeclared ones. */
function declareIndexes(db: Database, indexes: DocIndex[]): Map<string, { name: string; collections: string[] }> {
  const wanted = new Map<string, string>();
  for (const { field, collections } of indexes) {
    assertFieldName(field);
    collections.forEach(assertFieldName);
    const name = indexName(field);
    wanted.set(
      name,
      `CREATE INDEX ${name} ON documents (json_extract(doc, '$.${field}')) WHERE collection IN (${collections.map(literal).join(', ')})`,
    );
  }
  const byField = indexesByField(indexes);
  const existing = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' AND name LIKE 'documents_%'`)
    .all() as { name: string; sql: string }[];
  for (const { name, sql } of existing) if (wanted.get(name) !== sql) db.exec(`DROP INDEX ${name}`);
  const kept = new Set(existing.filter(({ name, sql }) => wanted.get(name) === sql).map((e) => e.name));
  for (const [name, sql] of wanted) if (!kept.has(name)) db.exec(sql);
  return byField;
}

const literal = (name: string) => `'${name}'`;

/** JSON text of the documents kept parsed (about three times as much heap); parsed again past it. */
const PARSED_BUDGET_BYTES = 16 * 1024 * 1024;
const EVICT_TO = 0.9;
const FREEZE = process.env.JEST_WORKER_ID !== undefined;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function assertFieldName(field: string): void {
  if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(field)) throw new Error(`not a field path: ${field}`);
}

/** SQLite's json_extract yields 1/0 for booleans and text for strings. */
function sqlValue(value: unknown): string | number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null || value === undefined) return null;
  return value as string | number;
}
