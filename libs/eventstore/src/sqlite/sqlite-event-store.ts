import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import {
  AppendResult,
  EventIdReuseError,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
  Subscription,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { toEventRow, toRecordedEvent } from './event-row';
import { prepareEventStatements, StoredEventPlace } from './event-statements';
import { matchesExpectedRevision } from './expected-revision';
import { createEventsSchema } from './schema';
import { SqliteSubscription } from './sqlite-subscription';

export interface SqliteEventStoreOptions {
  /**
   * Runs inside the append transaction, after the rows are inserted: embedded read
   * models project here so that a query right after the append already sees the
   * events. If it throws, the whole append rolls back and the caller gets the error.
   */
  onAppended?: (events: RecordedEvent[]) => void;
  /** Runs after the append's transaction committed: a projector outside it (a worker) is handed the events here. */
  onCommitted?: (events: RecordedEvent[]) => void;
  /** How often a caught-up subscription looks for appends made by other processes. Default 250 ms. */
  pollIntervalMs?: number;
}

/** The embedded event store: one SQLite file, no server. */
export class SqliteEventStore implements EventStore {
  private readonly statements;
  private readonly appendTransaction;
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly pollIntervalMs: number;
  private ownsDatabase = false;

  /**
   * Works on a connection the caller opened (and keeps: `close()` leaves it open), so
   * that the read-model store shares its file and transactions. Creates the schema if missing.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly options: SqliteEventStoreOptions = {},
  ) {
    createEventsSchema(db);
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.statements = prepareEventStatements(db);
    this.appendTransaction = db.transaction(this.appendInTransaction.bind(this));
  }

  /** Opens (or creates) the store's own database file; `close()` closes it. */
  static open(filename: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const db = new Database(filename);
    db.pragma('journal_mode = WAL');
    // WAL with synchronous=NORMAL is durable against a crash of the process: a commit
    // is in the WAL file once it returns. Only an OS crash or power loss can lose the
    // last commits (never corrupt the file), and it saves an fsync per append.
    db.pragma('synchronous = NORMAL');
    // Another process (the CLI, a second instance) may hold the write lock for a moment.
    db.pragma('busy_timeout = 5000');
    const store = new SqliteEventStore(db, options);
    store.ownsDatabase = true;
    return store;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    { expectedRevision = 'any' }: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    // IMMEDIATE takes the write lock before the revision check, so a writer in another
    // process cannot slip in between the check and the insert.
    const { result, recorded } = this.appendTransaction.immediate(streamId, events, expectedRevision);
    // After the commit, never inside it: a woken subscription must find the rows.
    if (recorded) {
      this.options.onCommitted?.(recorded);
      this.appended.emit('appended');
    }
    return result;
  }

  async readStream(streamId: string, { fromRevision = 0 }: { fromRevision?: number } = {}): Promise<RecordedEvent[]> {
    return this.statements.readStream.all(streamId, fromRevision).map(toRecordedEvent);
  }

  async readAll({ fromPosition = 0, maxCount }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAfter(fromPosition, maxCount);
  }

  subscribeToAll({ fromPosition = 0 }: { fromPosition?: number } = {}): Subscription {
    const subscription = new SqliteSubscription(
      {
        readAfter: (position, maxCount) => this.readAfter(position, maxCount),
        appended: this.appended,
        pollIntervalMs: this.pollIntervalMs,
        onClose: (closed) => this.subscriptions.delete(closed),
      },
      fromPosition,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    if (this.ownsDatabase && this.db.open) this.db.close();
  }

  private readAfter(position: number, maxCount?: number): RecordedEvent[] {
    // SQLite reads a negative LIMIT as "no limit".
    const limit = maxCount === undefined ? -1 : Math.max(0, maxCount);
    return this.statements.readAfter.all(position, limit).map(toRecordedEvent);
  }

  private appendInTransaction(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): { result: AppendResult; recorded?: RecordedEvent[] } {
    const retried = this.findStoredAppend(streamId, events);
    if (retried) return { result: retried };

    const head = this.statements.streamHead.get(streamId);
    const actual = head?.revision ?? -1;
    if (!matchesExpectedRevision(expected, actual)) throw new WrongExpectedRevisionError(streamId, expected, actual);
    if (events.length === 0) return { result: { nextRevision: actual, position: head?.position ?? 0 } };

    let previousHash = head?.hash ?? null;
    const recorded = events.map((event, index) => {
      const row = toEventRow(streamId, actual + 1 + index, event, previousHash);
      previousHash = row.hash;
      const { lastInsertRowid } = this.statements.insert.run(row);
      // Parsed back from the stored text, so inline projections see what a rebuild from 0 will read.
      return toRecordedEvent({ ...row, position: Number(lastInsertRowid) });
    });
    this.options.onAppended?.(recorded);
    const last = recorded[recorded.length - 1];
    return { result: { nextRevision: last.revision, position: last.position }, recorded };
  }

  /**
   * A retried append is recognised by its ids: all of them stored in this stream, in
   * order and consecutively. Its original result is returned whatever the expected
   * revision now says. Any other overlap is a caller bug, not a retry.
   */
  private findStoredAppend(streamId: string, events: readonly NewEvent[]): AppendResult | undefined {
    const ids = events.map((event) => event.id);
    if (new Set(ids).size < ids.length) {
      throw new EventIdReuseError(
        streamId,
        ids.filter((id, index) => ids.indexOf(id) !== index),
      );
    }

    const stored = ids.map((id) => this.statements.placeOfId.get(id));
    const reused = ids.filter((_, index) => stored[index] !== undefined);
    if (reused.length === 0) return undefined;

    const first = stored[0];
    const isSameAppend =
      first !== undefined && stored.every((row, index) => row?.stream_id === streamId && row.revision === first.revision + index);
    if (!isSameAppend) throw new EventIdReuseError(streamId, reused);

    const last = stored[stored.length - 1] as StoredEventPlace;
    return { nextRevision: last.revision, position: last.position };
  }
}
