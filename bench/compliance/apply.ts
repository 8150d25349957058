import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { readModelSchema } from '../../apps/api/src/read-models';
import { RecordedEvent } from '@suyuan/eventstore/event-store.port';
import { projectEvents } from '@suyuan/readmodels/project-events';
import { Doc, DocReader } from '@suyuan/readmodels/projection';
import { SqliteDocumentStore } from '@suyuan/readmodels/sqlite/sqlite-document-store';

/**
 * The compliance projection's own work, alone and repeatable: replays the recorded events in
 * `BENCH_EVENTS` into an in-memory store, keeping what `apply` read for each event, then runs
 * `apply` on those same inputs `BENCH_LOOPS` times. `bench/compliance/instructions.ts` runs it
 * under cachegrind; run directly, it prints the time per lifecycle.
 */
const file = process.env.BENCH_EVENTS;
if (!file) throw new Error('BENCH_EVENTS must name a file of recorded events');
const { events, lifecycles } = JSON.parse(readFileSync(file, 'utf8')) as { events: RecordedEvent[]; lifecycles: number };
const loops = Number(process.env.BENCH_LOOPS ?? 10);
const compliance = readModelSchema.projections.find((p) => p.name === 'compliance')!;
const inputs: { event: RecordedEvent; seen: Map<string, Doc | undefined> }[] = [];
const capturing = readModelSchema.projections.map((p) =>
  p !== compliance
    ? p
    : {
        ...p,
        apply: (event: RecordedEvent, docs: DocReader) => {
          const seen = new Map<string, Doc | undefined>();
          const spy: DocReader = {
            get: <T extends Doc>(c: string, id: string) => {
              const doc = docs.get<T>(c, id);
              seen.set(`${c}\u0000${id}`, doc);
              return doc;
            },
          };
          inputs.push({ event, seen });
          return p.apply(event, spy);
        },
      },
);
const db = new Database(':memory:');
const store = new SqliteDocumentStore(db, readModelSchema.indexes);
for (const e of events) {
  const writes = projectEvents(capturing, [e], (refs) => store.getManySync(refs));
  db.transaction(() => store.commitSync(writes, { name: 'bench', position: e.position }))();
}
const started = performance.now();
let written = 0;
for (let i = 0; i < loops; i++) {
  for (const { event, seen } of inputs)
    written += compliance.apply(event, {
      get: <T extends Doc>(c: string, id: string) => seen.get(`${c}\u0000${id}`) as T | undefined,
    }).length;
}
console.log(
  `apply ${((performance.now() - started) / loops / lifecycles).toFixed(3)} ms per lifecycle (${inputs.length} events, ${written / loops} writes a loop)`,
);
