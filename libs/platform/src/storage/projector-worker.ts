import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { RecordedEvent } from '@suyuan/eventstore';
import { projectEvents, SqliteDocumentStore } from '@suyuan/readmodels';
import type { ReadModelSchema } from './embedded-storage';
import { ToMain, ToWorker, WorkerInit } from './worker-messages';

/**
 * The projector worker's thread: owns the worker's SQLite file, projects the events the main
 * thread hands over (in pages: one commit for everything that queued up meanwhile) and says
 * how far it got and which documents changed. The main thread only reads this file.
 */
const PAGE = 500;
/**
 * Events that arrive within this long of the first one waiting go in one page: one commit,
 * and a document the page touches often (a batch's record, a logger hour) is written once.
 */
const GATHER_MS = 4;
const CHECKPOINT = 'worker';
const VERSION_CHECKPOINT = 'read-model-version';
const WORKER_PARSED_BYTES = 4 * 1024 * 1024;

const init = workerData as WorkerInit;
const port = parentPort!;
// The schema's module is named at run time (sources or a build): only require() can load it here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = (require(init.schemaModule) as Record<string, ReadModelSchema>)[init.schemaExport];
const db = new Database(init.file);
db.pragma('journal_mode = WAL');
// NORMAL, not FULL: the events are the record. A commit lost to a power cut takes its
// checkpoint with it, and the worker projects those events again on the next start.
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
// A lifecycle's projections touch a few dozen documents: 4 MB of them parsed keeps every open
// batch's, and keeps the worker's heap (counted in the app's memory) small.
const docs = new SqliteDocumentStore(db, schema.indexes, { parsedBudgetBytes: WORKER_PARSED_BYTES });
if (docs.checkpointSync(VERSION_CHECKPOINT) !== schema.version) {
  db.transaction(() => {
    db.exec('DELETE FROM documents; DELETE FROM checkpoints;');
    docs.commitSync([], { name: VERSION_CHECKPOINT, position: schema.version });
  })();
}

const queue: RecordedEvent[] = [];
let timer: NodeJS.Timeout | undefined;
let failed = false;
const send = (message: ToMain) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'close') {
    // What was handed over is projected before the file closes; the store's own microtasks
    // (it learns of its last commit in one) run before the close.
    clearTimeout(timer);
    while (queue.length > 0 && !failed) project(queue.splice(0, PAGE));
    setImmediate(() => {
      db.close();
      port.close();
    });
    return;
  }
  queue.push(...message.events);
  if (!timer && !failed) timer = setTimeout(drain, GATHER_MS);
});

function drain(): void {
  timer = undefined;
  if (failed) return;
  project(queue.splice(0, PAGE));
  // A macrotask, not a microtask: the store learns of its last commit in a microtask first.
  if (queue.length > 0) timer = setTimeout(drain, 0);
}

/** Projects a page in one commit; should it fail, event by event up to the one that fails. */
function project(page: RecordedEvent[]): void {
  try {
    commit(page);
  } catch (error) {
    if (page.length > 1) {
      for (const event of page) if (!failed) project([event]);
      return;
    }
    // Nothing of the event was written: the worker stops before it, and says why.
    failed = true;
    const [event] = page;
    const why = error instanceof Error ? error.message : String(error);
    send({
      type: 'failed',
      position: docs.checkpointSync(CHECKPOINT),
      message: `event ${event.id} (${event.type}, position ${event.position}): ${why}`,
    });
  }
}

function commit(page: RecordedEvent[]): void {
  const position = page[page.length - 1].position;
  const writes = projectEvents(schema.projections, page, (refs) => docs.getManySync(refs));
  db.transaction(() => docs.commitSync(writes, { name: CHECKPOINT, position }))();
  send({ type: 'projected', position, changed: writes.map(({ collection, id }) => ({ collection, id })) });
}

send({ type: 'ready', position: docs.checkpointSync(CHECKPOINT) });
