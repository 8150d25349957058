import type { Database, Statement } from 'better-sqlite3';

export interface StoredResponse {
  requestHash: string;
  status: number;
  body: string;
}

/** Responses of writes made with an `Idempotency-Key`, per organization. */
export interface IdempotencyStore {
  find(scope: string, key: string): Promise<StoredResponse | undefined>;
  /** `at`: when the answer was given, by the application's clock. */
  save(scope: string, key: string, response: StoredResponse, at: string): Promise<void>;
}

export const IDEMPOTENCY_STORE = Symbol('IdempotencyStore');

export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly findStmt: Statement<[string, string], { request_hash: string; status: number; body: string }>;
  private readonly saveStmt: Statement<[string, string, string, number, string, string]>;

  constructor(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
      status INTEGER NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL,
      PRIMARY KEY (scope, key)) WITHOUT ROWID`);
    this.findStmt = db.prepare('SELECT request_hash, status, body FROM idempotency_keys WHERE scope = ? AND key = ?');
    this.saveStmt = db.prepare(
      'INSERT OR IGNORE INTO idempotency_keys (scope, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  async find(scope: string, key: string): Promise<StoredResponse | undefined> {
    const row = this.findStmt.get(scope, key);
    return row && { requestHash: row.request_hash, status: row.status, body: row.body };
  }

  async save(scope: string, key: string, r: StoredResponse, at: string): Promise<void> {
    this.saveStmt.run(scope, key, r.requestHash, r.status, r.body, at);
  }
}
