import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readModelSchema } from '../../apps/api/src/read-models';
import { RecordedEvent } from '@suyuan/eventstore/event-store.port';
import { openEmbeddedStorage } from '@suyuan/platform/storage/embedded-storage';
import { recordLifecycles } from './record-lifecycles';

/**
 * `npm run bench:compliance-pages`: what the compliance projections write to disk, counted
 * rather than timed. Records `BENCH_SECONDS` (default 8) of whole lifecycles once, then
 * replays the events into fresh embedded stores with and without the standards and compliance
 * projections, checkpointing off, and reports the WAL pages each store wrote per lifecycle.
 * The counts are the same from run to run: a lever on write cost shows here when timings on
 * these machines cannot tell it from noise.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

async function walPages(events: RecordedEvent[], schema: typeof readModelSchema): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'suyuan-pages-'));
  const storage = await openEmbeddedStorage(join(dir, 'suyuan.db'), schema);
  try {
    const start = (storage.db.pragma('wal_checkpoint(TRUNCATE)') as { log: number }[])[0].log;
    storage.db.pragma('wal_autocheckpoint = 0');
    for (const e of events)
      await storage.events.appendToStream(e.streamId, [{ id: e.id, type: e.type, data: e.data, metadata: e.metadata }]);
    return (storage.db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0].log - Math.max(0, start);
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const { events, lifecycles } = await recordLifecycles(SECONDS);
  const without = {
    ...readModelSchema,
    projections: readModelSchema.projections.filter((p) => !['standards', 'compliance'].includes(p.name)),
  };
  const withPages = await walPages(events, readModelSchema);
  const withoutPages = await walPages(events, without);
  const per = (pages: number) => (pages / lifecycles).toFixed(0);
  console.log(`${lifecycles} lifecycles, ${events.length} events replayed into fresh stores`);
  console.log(
    `WAL pages per lifecycle: with compliance ${per(withPages)}, without ${per(withoutPages)}, compliance's own ${per(withPages - withoutPages)}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
