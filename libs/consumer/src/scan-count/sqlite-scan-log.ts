import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { createPrivateDirectory, privateDatabaseFile, SealedPersonalData } from '@suyuan/platform';
import {
  CounterfeitSignals,
  FlaggedCode,
  ProblemKind,
  ProblemReport,
  ReportsQuery,
  ScanLog,
  ScanRecord,
  SignalsByDay,
  SignalsQuery,
} from './scan-log.port';
import { VOIDED_FLAG } from './scan-limits';

/** The bits of the copied-code warnings, apart from a voided code's. */
const WARNING_BITS = VOIDED_FLAG - 1;

interface ScanRow {
  at: number;
  code: string;
  issued: number;
  chain: number;
  client: string;
  place: string | null;
  owner: string | null;
  product: string | null;
  flags: number;
}

interface ReportRow {
  id: string;
  at: number;
  code: string;
  kind: string;
  description: string;
  contact: string | null;
  client: string;
  owner: string | null;
  product: string | null;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS scans (
    at INTEGER NOT NULL, code TEXT NOT NULL, issued INTEGER NOT NULL, chain INTEGER NOT NULL,
    client TEXT NOT NULL, place TEXT, owner TEXT, product TEXT, flags INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS scans_at ON scans (at);
  CREATE TABLE IF NOT EXISTS reports (
    id TEXT PRIMARY KEY, at INTEGER NOT NULL, code TEXT NOT NULL, kind TEXT NOT NULL, description TEXT NOT NULL,
    contact TEXT, client TEXT NOT NULL, owner TEXT, product TEXT
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS reports_at ON reports (at);
`;

/** Days as China Standard Time sees them: a scan at 23:30 in Beijing is that day's. */
const DAY = `strftime('%Y-%m-%d', at / 1000, 'unixepoch', '+8 hours')`;
const BY_DAY = `SELECT ${DAY} AS day, place, count(*) AS scans, count(DISTINCT client) AS clients, count(DISTINCT code) AS codes FROM scans`;
/** `@owners`: a JSON array of organization ids, or null for everyone's. */
const OWNER = `(@owners IS NULL OR owner IN (SELECT value FROM json_each(@owners)))`;
const FLAGGED_CODES_LIMIT = 500;

/**
 * The scan log in a SQLite file of its own (`scans.sqlite` in the data directory), beside the
 * event store and never in it: scans come by the thousand and are no command's fact. A
 * write-ahead log with `synchronous = NORMAL`: a batch is one transaction, and a crash loses at
 * most the batches not yet flushed — scans were never acknowledged as commands are.
 */
export class SqliteScanLog implements ScanLog {
  private readonly insert: Database.Statement;
  private readonly insertReport: Database.Statement;
  private readonly appendAll: (records: readonly ScanRecord[]) => void;

  private constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO scans (at, code, issued, chain, client, place, owner, product, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertReport = db.prepare(
      'INSERT INTO reports (id, at, code, kind, description, contact, client, owner, product) VALUES (@id, @at, @code, @kind, @description, @contact, @client, @owner, @product)',
    );
    this.appendAll = db.transaction((records: readonly ScanRecord[]) => {
      for (const r of records) {
        this.insert.run(
          r.at,
          r.code,
          r.issued ? 1 : 0,
          r.chain ? 1 : 0,
          r.client,
          r.place ?? null,
          r.ownerId ?? null,
          r.productId ?? null,
          r.flags,
        );
      }
    });
  }

  static open(file: string): SqliteScanLog {
    if (file !== ':memory:') {
      createPrivateDirectory(dirname(file));
      privateDatabaseFile(file);
    }
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA);
    return new SqliteScanLog(db);
  }

  /** Made once and kept with the log, never rotated: a code's consumers are counted over its whole life. */
  async salt(): Promise<Buffer> {
    const row = this.db.prepare("SELECT value FROM meta WHERE name = 'salt'").get() as { value: Buffer } | undefined;
    if (row) return row.value;
    const salt = randomBytes(32);
    this.db.prepare("INSERT INTO meta (name, value) VALUES ('salt', ?)").run(salt);
    return salt;
  }

  async append(records: readonly ScanRecord[]): Promise<void> {
    if (records.length > 0) this.appendAll(records);
  }

  async replay(each: (record: ScanRecord) => void): Promise<void> {
    for (const row of this.db.prepare('SELECT * FROM scans ORDER BY rowid').iterate() as IterableIterator<ScanRow>) {
      each({
        at: row.at,
        code: row.code,
        issued: row.issued === 1,
        chain: row.chain === 1,
        client: row.client,
        ...(row.place !== null && { place: row.place }),
        ...(row.owner !== null && { ownerId: row.owner }),
        ...(row.product !== null && { productId: row.product }),
        flags: row.flags,
      });
    }
  }

  async signals({ owners, unissued: withUnissued, from, to }: SignalsQuery): Promise<CounterfeitSignals> {
    const params = { owners: ownersParam(owners), from, to };
    const window = 'at >= @from AND at < @to AND chain = 0';
    const grouped = 'GROUP BY day, place ORDER BY day, place';
    const flagged = this.db
      .prepare(`${BY_DAY} WHERE ${window} AND issued = 1 AND (flags & ${WARNING_BITS}) <> 0 AND ${OWNER} ${grouped}`)
      .all(params) as SignalsByDay[];
    const voided = this.db
      .prepare(`${BY_DAY} WHERE ${window} AND issued = 1 AND (flags & ${VOIDED_FLAG}) <> 0 AND ${OWNER} ${grouped}`)
      .all(params) as SignalsByDay[];
    const flaggedCodes = this.db
      .prepare(
        `SELECT code, max(product) AS productId, max(owner) AS ownerId, min(at) AS firstAt, max(at) AS lastAt, count(*) AS scans,
           count(DISTINCT client) AS clients, count(DISTINCT place) AS places,
           max(flags & 1) | max(flags & 2) | max(flags & 4) | max(flags & ${VOIDED_FLAG}) AS flags
         FROM scans WHERE ${window} AND issued = 1 AND flags <> 0 AND ${OWNER}
         GROUP BY code ORDER BY clients DESC, code LIMIT ${FLAGGED_CODES_LIMIT + 1}`,
      )
      .all(params) as FlaggedCode[];
    const flaggedCodesTruncated = flaggedCodes.length > FLAGGED_CODES_LIMIT;
    if (flaggedCodesTruncated) flaggedCodes.pop();
    const found = { flagged, voided, flaggedCodes, flaggedCodesTruncated };
    if (!withUnissued) return found;
    const unissued = this.db.prepare(`${BY_DAY} WHERE ${window} AND issued = 0 ${grouped}`).all({ from, to }) as SignalsByDay[];
    return { unissued, ...found };
  }

  async addReport(report: ProblemReport): Promise<void> {
    const { id, at, code, kind, description, client } = report;
    this.insertReport.run({
      id,
      at,
      code,
      kind,
      description,
      client,
      contact: report.sealedContact ? JSON.stringify(report.sealedContact) : null,
      owner: report.ownerId ?? null,
      product: report.productId ?? null,
    });
  }

  async reports({ owners, from, to, before, limit }: ReportsQuery): Promise<ProblemReport[]> {
    const after = before ? 'AND (at < @beforeAt OR (at = @beforeAt AND id < @beforeId))' : '';
    const rows = this.db
      .prepare(`SELECT * FROM reports WHERE at >= @from AND at < @to AND ${OWNER} ${after} ORDER BY at DESC, id DESC LIMIT @limit`)
      .all({ owners: ownersParam(owners), from, to, limit, beforeAt: before?.at ?? null, beforeId: before?.id ?? null }) as ReportRow[];
    return rows.map(reportOf);
  }

  async report(id: string): Promise<ProblemReport | undefined> {
    const row = this.db.prepare('SELECT * FROM reports WHERE id = ?').get(id) as ReportRow | undefined;
    return row && reportOf(row);
  }

  async dropContact(id: string): Promise<void> {
    this.db.prepare('UPDATE reports SET contact = NULL WHERE id = ?').run(id);
  }

  async clearContacts(): Promise<{ id: string; contact: string }[]> {
    const rows = this.db.prepare('SELECT id, contact FROM reports WHERE contact IS NOT NULL').all() as { id: string; contact: string }[];
    return rows.filter((r) => sealedOf(r.contact) === undefined);
  }

  async sealContact(id: string, sealed: SealedPersonalData): Promise<void> {
    this.db.prepare('UPDATE reports SET contact = ? WHERE id = ?').run(JSON.stringify(sealed), id);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function ownersParam(owners: readonly string[] | undefined): string | null {
  return owners === undefined ? null : JSON.stringify(owners);
}

function reportOf(r: ReportRow): ProblemReport {
  const sealedContact = r.contact === null ? undefined : sealedOf(r.contact);
  return {
    id: r.id,
    at: r.at,
    code: r.code,
    kind: r.kind as ProblemKind,
    description: r.description,
    ...(sealedContact && { sealedContact }),
    client: r.client,
    ...(r.owner !== null && { ownerId: r.owner }),
    ...(r.product !== null && { productId: r.product }),
  };
}

/** The sealed contact a row keeps, or undefined for a contact an older version kept in clear. */
function sealedOf(stored: string): SealedPersonalData | undefined {
  try {
    const value = JSON.parse(stored) as Partial<SealedPersonalData> | null;
    const sealed = value?.v === 1 && typeof value.iv === 'string' && typeof value.ct === 'string' && typeof value.tag === 'string';
    return sealed ? (value as SealedPersonalData) : undefined;
  } catch {
    return undefined;
  }
}
