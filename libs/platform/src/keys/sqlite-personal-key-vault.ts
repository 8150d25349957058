import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { createPrivateDirectory, privateDatabaseFile } from '../storage/private-files';
import { PERSONAL_KEY_BYTES, PersonalKeyRefusedError, PersonalKeyVault } from './personal-key-vault.port';

/**
 * Personal keys in a SQLite file of their own (`personal-keys.sqlite`), never the event store's:
 * the log and its backups hold sealed data only. A destroyed key keeps its row, without the key,
 * so that the subject can never be given a new one.
 */
export class SqlitePersonalKeyVault implements PersonalKeyVault {
  private readonly findStmt: Database.Statement<[string], { key: Buffer | null }>;
  private readonly insertStmt: Database.Statement<[string, Buffer]>;
  private readonly destroyStmt: Database.Statement<[string]>;

  private constructor(private readonly db: Database.Database) {
    this.findStmt = db.prepare('SELECT key FROM personal_keys WHERE subject_id = ?');
    this.insertStmt = db.prepare('INSERT INTO personal_keys (subject_id, key) VALUES (?, ?)');
    this.destroyStmt = db.prepare(
      'INSERT INTO personal_keys (subject_id, key) VALUES (?, NULL) ON CONFLICT (subject_id) DO UPDATE SET key = NULL',
    );
  }

  static open(file: string): SqlitePersonalKeyVault {
    if (file !== ':memory:') {
      createPrivateDirectory(dirname(file));
      privateDatabaseFile(file);
    }
    const db = new Database(file);
    // A destroyed key is overwritten with zeros, not left behind in a free page or cell.
    db.pragma('secure_delete = ON');
    // A rollback journal, deleted at each commit: a write-ahead log would keep the page that held
    // a destroyed key until its next checkpoint.
    db.pragma('journal_mode = DELETE');
    // A key is on disk before the event sealed with it is appended.
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE IF NOT EXISTS personal_keys (subject_id TEXT PRIMARY KEY, key BLOB) WITHOUT ROWID');
    return new SqlitePersonalKeyVault(db);
  }

  async create(subjectId: string): Promise<Buffer> {
    const held = this.findStmt.get(subjectId);
    if (held) throw new PersonalKeyRefusedError(subjectId, held.key === null ? 'destroyed' : 'exists');
    const key = randomBytes(PERSONAL_KEY_BYTES);
    this.insertStmt.run(subjectId, key);
    return key;
  }

  async get(subjectId: string): Promise<Buffer | undefined> {
    return this.findStmt.get(subjectId)?.key ?? undefined;
  }

  async destroy(subjectId: string): Promise<void> {
    this.destroyStmt.run(subjectId);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
