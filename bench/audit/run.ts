import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '@suyuan/eventstore';
import { Checkpointer, loadSigningKey, verifyStoredHistory } from '@suyuan/integrity';
import { Figure, RESULTS_DIR, fmt, printFigures } from '../harness/report';
import { appendsPerSecond, bareAppender } from './append-loop';
import { bareSha256 } from './bare-sha256';
import { appendSample } from './seed';

/**
 * `npm run bench:audit` (and the end of `npm run bench`): `audit:verify`'s core over a store of
 * BENCH_AUDIT_EVENTS events (default 200,000 in 5,000 streams, a checkpoint signed every 50,000),
 * as a ratio to bare SHA-256 over the same rows, in alternating rounds in one process; then the
 * adapter's appends per second (hashing included) beside a bare insert loop, and beside the
 * adapter of an earlier commit when BENCH_AUDIT_BASE names its sqlite-event-store.ts.
 */
const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 200_000);
const STREAMS = 5_000;
const CHECKPOINT_EVERY = 50_000;
const ROUNDS = Number(process.env.BENCH_AUDIT_ROUNDS ?? 5);
const APPENDS = 20_000;
const TARGET = 0.5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'suyuan-bench-audit-'));
  const file = join(dataDir, 'suyuan.db');
  try {
    const key = loadSigningKey({ dataDir });
    const seedStart = performance.now();
    const store = SqliteEventStore.open(file);
    const checkpointer = new Checkpointer(store, key);
    for (let done = 0; done < EVENTS; done += CHECKPOINT_EVERY) {
      await appendSample(store, Math.min(CHECKPOINT_EVERY, EVENTS - done), STREAMS, done);
      await checkpointer.sign({ organizationId: 'bench', keyId: 'bench' });
    }
    await store.close();
    console.log(
      `seed: ${fmt(EVENTS)} events in ${fmt(STREAMS)} streams, checkpoints every ${fmt(CHECKPOINT_EVERY)}: ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    const verify = [] as { bare: number; ours: number; ratio: number }[];
    for (let round = 1; round <= ROUNDS; round++) {
      let start = performance.now();
      const bare = bareSha256(file);
      const bareSeconds = (performance.now() - start) / 1000;
      start = performance.now();
      const verdict = verifyStoredHistory({ file, trustedKeys: [key] });
      const oursSeconds = (performance.now() - start) / 1000;
      if (!verdict.ok || verdict.eventsChecked !== bare.rows) throw new Error(`verify disagreed: ${JSON.stringify(verdict)}`);
      verify.push({ bare: bare.rows / bareSeconds, ours: verdict.eventsChecked / oursSeconds, ratio: bareSeconds / oursSeconds });
      console.log(
        `  round ${round}  verify ${fmt(verdict.eventsChecked / oursSeconds).padStart(9)} events/s (${verdict.checkpointsChecked} checkpoints)  bare sha256 ${fmt(bare.rows / bareSeconds).padStart(9)} rows/s  ratio ${(bareSeconds / oursSeconds).toFixed(2)}`,
      );
    }

    const base = process.env.BENCH_AUDIT_BASE;
    const BaseStore = base ? ((await import(base)) as { SqliteEventStore: typeof SqliteEventStore }).SqliteEventStore : undefined;
    const appends = [] as { ours: number; bare: number; base?: number }[];
    for (let round = 1; round <= 3; round++) {
      const ours = await appendsPerSecond((f) => SqliteEventStore.open(f), APPENDS);
      const bare = await appendsPerSecond(bareAppender, APPENDS);
      const before = BaseStore ? await appendsPerSecond((f) => BaseStore.open(f), APPENDS) : undefined;
      appends.push({ ours, bare, base: before });
      console.log(
        `  round ${round}  appends/s: adapter ${fmt(ours)}  bare insert ${fmt(bare)}${before ? `  adapter before hashing ${fmt(before)}` : ''}`,
      );
    }

    const verifyRatio = median(verify.map((r) => r.ratio));
    const figures: Figure[] = [
      {
        figure: '9. audit:verify ÷ bare sha256',
        text: verifyRatio.toFixed(2),
        target: `≥ ${TARGET}`,
        met: verifyRatio >= TARGET,
        failures: 0,
        note: `rounds ${verify.map((r) => r.ratio.toFixed(2)).join(', ')}; verify ${fmt(median(verify.map((r) => r.ours)))} events/s, bare ${fmt(median(verify.map((r) => r.bare)))} rows/s`,
      },
      {
        figure: '10. appends/s, adapter ÷ bare insert',
        text: median(appends.map((a) => a.ours / a.bare)).toFixed(2),
        target: '—',
        met: true,
        failures: 0,
        note: `rounds ${appends.map((a) => (a.ours / a.bare).toFixed(2)).join(', ')}; adapter ${fmt(median(appends.map((a) => a.ours)))}/s, bare ${fmt(median(appends.map((a) => a.bare)))}/s`,
      },
    ];
    if (BaseStore) {
      figures.push({
        figure: '11. appends/s, with ÷ before hashing',
        text: median(appends.map((a) => a.ours / a.base!)).toFixed(2),
        target: '—',
        met: true,
        failures: 0,
        note: `rounds ${appends.map((a) => (a.ours / a.base!).toFixed(2)).join(', ')}; before ${fmt(median(appends.map((a) => a.base!)))}/s (${base})`,
      });
    }
    printFigures(figures);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      join(RESULTS_DIR, 'audit.json'),
      `${JSON.stringify({ at: new Date().toISOString(), events: EVENTS, verify, appends, figures }, null, 2)}\n`,
    );
    console.log('\nresults in .bench/audit.json');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
