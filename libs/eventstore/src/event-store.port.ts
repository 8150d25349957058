/**
 * The event store port. One interface; each adapter (embedded SQLite now,
 * EventStoreDB later) passes the same contract suite in ./contract.
 *
 * Revisions are 0-based per stream. Positions are global, strictly increasing,
 * and > 0; a checkpoint of 0 means "before the first event". Catch-up reads and
 * subscriptions are exclusive of the position they start from.
 */
export type ExpectedRevision =
  | 'no_stream' // the stream must not exist yet
  | 'stream_exists' // the stream must have at least one event
  | 'any' // no concurrency check
  | number; // the stream's last revision must be exactly this

export interface NewEvent {
  /** Unique id; re-appending an id already stored is a no-op (idempotent retries). */
  id: string;
  type: string;
  data: unknown;
  metadata?: unknown;
}

export interface RecordedEvent extends NewEvent {
  streamId: string;
  revision: number;
  position: number;
  /**
   * Chains the event to the one before it in its stream (`eventHash` in ./chain), computed
   * by the adapter at append: tamper evidence, checked by `npm run audit:verify`.
   */
  hash: string;
}

export interface AppendResult {
  /** The stream's last revision after the append. */
  nextRevision: number;
  /** The global position of the last event of this append. */
  position: number;
}

export interface ReadAllOptions {
  /** Exclusive: events with position > fromPosition. Default 0. */
  fromPosition?: number;
  maxCount?: number;
}

export interface Subscription extends AsyncIterable<RecordedEvent> {
  /** Ends the iteration; safe to call more than once. */
  close(): Promise<void>;
}

export interface EventStore {
  appendToStream(streamId: string, events: readonly NewEvent[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult>;
  /** All events of a stream in revision order; [] when the stream does not exist. */
  readStream(streamId: string, options?: { fromRevision?: number }): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up subscription: replays from the checkpoint, then turns live without gap or duplicate. */
  subscribeToAll(options?: { fromPosition?: number }): Subscription;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');

/** The only error a concurrency mismatch raises, whatever the adapter. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Some ids of an append were stored before, but not the whole append as it was: a caller bug. */
export class EventIdReuseError extends Error {
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
  ) {
    super(`stream ${streamId}: event ids already used by a different append: ${eventIds.join(', ')}`);
    this.name = 'EventIdReuseError';
  }
}
