import Database from 'better-sqlite3';
import { ServiceUnavailableException } from '@nestjs/common';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RecordedEvent, SqliteEventStore } from '@suyuan/eventstore';
import { DocIndex, SqliteDocumentStore } from '@suyuan/readmodels';
import { ToMain, ToWorker, WorkerInit } from './worker-messages';

/** Projections that run on a worker thread, into a file of their own, and the collections they own there. */
export interface OffThreadSchema {
  /** The module whose `exportName` is the worker's whole read-model schema (loaded by the worker). */
  module: string;
  exportName: string;
  /** The main schema's projections the worker runs instead of the append. */
  runs: string[];
  /** Collections readers find in the worker's file; the rest of its file is its own copies. */
  collections: string[];
  indexes: DocIndex[];
}

/** The running projector worker, or null when every projection runs inline. */
export const PROJECTOR_WORKER = Symbol('ProjectorWorker');

export interface WorkerStatus {
  projectedPosition: number;
  appendedPosition: number;
  error?: string;
}

const PAGE = 500;
/** A reader waits this long for the worker to reach the events appended before it asked. */
const WAIT_MS = 10_000;
/** JSON text of the worker file's documents the main thread keeps parsed. */
const READER_PARSED_BYTES = 2 * 1024 * 1024;

/**
 * The main thread's side of a projector worker: hands it every committed append, knows how
 * far it has projected, and lets a reader wait until it has seen every event appended before
 * the read (read-your-writes, as with inline projection, at the cost of the wait).
 */
export class WorkerProjector {
  /** The worker's file, read-only here. */
  readonly docs: SqliteDocumentStore;
  private head: number;
  private projected: number;
  private failure?: Error;
  private closing = false;
  private readonly waiters = new Set<{ position: number; resolve: () => void; reject: (e: Error) => void }>();
  private readonly exited: Promise<void>;

  private constructor(
    private readonly worker: Worker,
    private readonly readDb: Database.Database,
    schema: OffThreadSchema,
    position: number,
  ) {
    // Small: readers of these documents are few (the scan pages keep compliance rendered), and
    // every cache of parsed documents counts against the app's memory target.
    this.docs = new SqliteDocumentStore(readDb, schema.indexes, { readOnly: true, parsedBudgetBytes: READER_PARSED_BYTES });
    this.head = this.projected = position;
    worker.on('message', (message: ToMain) => this.heard(message));
    worker.on('error', (error) => this.fail(new Error(`the projector worker failed: ${error.message}`)));
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.once('exit', (code) => this.closing || this.fail(new Error(`the projector worker exited (code ${code})`)));
  }

  /** Starts the worker on `file` and hands it the events it has not projected yet. */
  static async start(file: string, schema: OffThreadSchema, events: SqliteEventStore): Promise<WorkerProjector> {
    const ts = extname(__filename) === '.ts';
    const init: WorkerInit = { file, schemaModule: schema.module, schemaExport: schema.exportName };
    const worker = new Worker(join(__dirname, `projector-worker${extname(__filename)}`), {
      workerData: init,
      // Under jest and `npm run demo` the sources are TypeScript: the worker compiles them as it loads them.
      execArgv: ts ? ['-r', join(__dirname, 'register-ts.js')] : [],
    });
    const position = await new Promise<number>((resolve, reject) => {
      worker.once('message', (m: ToMain) =>
        m.type === 'ready' ? resolve(m.position) : reject(new Error(`projector worker: ${JSON.stringify(m)}`)),
      );
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the projector worker exited (code ${code}) before it was ready`)));
    });
    const projector = new WorkerProjector(worker, new Database(file, { readonly: true, fileMustExist: true }), schema, position);
    for (;;) {
      const page = await events.readAll({ fromPosition: projector.head, maxCount: PAGE });
      if (page.length === 0) break;
      projector.handOver(page);
      await projector.caughtUp();
    }
    return projector;
  }

  /** Called after each append commits. */
  handOver(events: RecordedEvent[]): void {
    if (events.length === 0 || this.failure) return;
    this.head = events[events.length - 1].position;
    this.worker.postMessage({ type: 'events', events } satisfies ToWorker);
  }

  get position(): number {
    return this.projected;
  }

  /** For /health: how far the worker has projected, how far the appends are, and why it stopped if it did. */
  status(): WorkerStatus {
    return { projectedPosition: this.projected, appendedPosition: this.head, ...(this.failure && { error: this.failure.message }) };
  }

  /** Resolves once the worker has projected every event appended so far. */
  caughtUp(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.projected >= this.head) return Promise.resolve();
    const position = this.head;
    return new Promise((resolve, reject) => {
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new ServiceUnavailableException(
            `the projector worker is behind: at position ${this.projected} of ${position} after ${WAIT_MS / 1000} s`,
          ),
        );
      }, WAIT_MS);
      this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    this.worker.postMessage({ type: 'close' } satisfies ToWorker);
    await this.exited;
    this.readDb.close();
  }

  private heard(message: ToMain): void {
    if (message.type === 'failed') {
      this.fail(new Error(`the projector worker stopped after position ${message.position}, at ${message.message}`));
      return;
    }
    if (message.type !== 'projected') return;
    this.projected = message.position;
    // Stale copies go before any waiter reads.
    this.docs.changedElsewhere(message.changed);
    for (const waiter of this.waiters) {
      if (waiter.position > this.projected) continue;
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    // Acknowledged events are safe in the event store: the next start projects them again.
    console.error(error.message);
    this.failure = new ServiceUnavailableException(error.message);
    for (const waiter of this.waiters) waiter.reject(this.failure);
    this.waiters.clear();
  }
}
