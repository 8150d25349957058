import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ApiClient } from '../../apps/cli/src/world';
import { traceBack, traceBounds, traceForward } from '@suyuan/processing';
import { BatchReaders } from '@suyuan/production/nest';
import { BENCH_ADMIN_KEY } from '../harness/children';
import { withAppInProcess } from '../harness/in-process-app';
import { Figure, RESULTS_DIR, fmt, printFigures } from '../harness/report';
import { compare, httpLatency, ms } from '../harness/side-by-side';
import { bareTrace } from './bare-sql';
import { ITEMS_PER_LOT, seedTraceWorld } from './seed';

/**
 * `npm run bench:trace` (and the end of `npm run bench`): trace forward of a lot with 10,000
 * descendant items over 100 shipments and three generations — the whole affected set counted by
 * where the units are now, and its first page — and trace back of an item through the three
 * generations, each timed against a bare recursive SQL query over the same edges in plain
 * better-sqlite3 tables, in the same process, in alternating rounds; the p99 of the trace itself
 * and of the HTTP request a regulator sends beside it. Knobs: BENCH_TRACE_ROUNDS, BENCH_TRACE_CALLS.
 */
const ROUNDS = Number(process.env.BENCH_TRACE_ROUNDS ?? 5);
const CALLS = { forward: Number(process.env.BENCH_TRACE_CALLS ?? 200), back: Number(process.env.BENCH_TRACE_CALLS ?? 200) * 10 };
const HTTP_CALLS = 200;
const TARGET = 0.5;
const started = performance.now();

async function main() {
  await withAppInProcess('trace', async (running, url) => {
    const seedStart = performance.now();
    const world = await seedTraceWorld(new ApiClient(url), BENCH_ADMIN_KEY);
    console.log(
      `seed: 2 lots of leaves → 1 lot of tea → 2 lots of ${fmt(ITEMS_PER_LOT)} gift boxes, ${world.shipments} shipments: ` +
        `${((performance.now() - seedStart) / 1000).toFixed(1)} s through the API`,
    );
    const docs = running.storage.readModels;
    const viewer = await running.app.get(BatchReaders).viewer({ organizationId: world.regulator.id, keyId: 'bench', role: 'regulator' });
    const bounds = traceBounds({});
    const bare = await bareTrace(docs);
    const ours = {
      forward: () => traceForward(docs, viewer, { lot: world.leaves }, bounds),
      back: () => traceBack(docs, viewer, { item: world.code }, bounds),
    };
    const forward = await ours.forward();
    console.log(
      `trace forward of the leaves: ${forward.summary.lots} lots, ${fmt(forward.summary.units)} units in ${fmt(forward.summary.cartons)} cartons, ` +
        `${forward.summary.shipments} shipments; where: ${JSON.stringify(forward.summary.where)}`,
    );
    console.log(`  its answer: ${fmt(JSON.stringify(forward).length)} bytes of JSON`);
    const back = await ours.back();
    console.log(`trace back of one box: ${back.lots.length} lots over ${back.lots[back.lots.length - 1].generation + 1} generations`);

    const results = {
      forward: await compare('forward', 'trace', ROUNDS, CALLS.forward, ours.forward, () =>
        bare.forward(world.leaves, bounds.depth, bounds.limit),
      ),
      back: await compare('back', 'trace', ROUNDS, CALLS.back, ours.back, () => bare.back(world.code, bounds.depth)),
    };
    const http = {
      forward: await httpLatency(`${url}/api/trace/forward?lot=${world.leaves}`, world.regulator.key, HTTP_CALLS),
      back: await httpLatency(`${url}/api/trace/back?item=${world.code}`, world.regulator.key, HTTP_CALLS),
    };
    const figures: Figure[] = (['forward', 'back'] as const).map((kind, i) => ({
      figure: `${i + 5}. trace ${kind} ÷ bare SQL`,
      text: results[kind].ratio.toFixed(2),
      target: `≥ ${TARGET}`,
      met: results[kind].ratio >= TARGET,
      failures: 0,
      note:
        `trace p50 ${ms(results[kind].ours.p50)} p99 ${ms(results[kind].ours.p99)}, bare SQL p50 ${ms(results[kind].bare.p50)} p99 ${ms(results[kind].bare.p99)}; ` +
        `over HTTP p50 ${ms(http[kind].p50)} p99 ${ms(http[kind].p99)}`,
    }));
    printFigures(figures);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      join(RESULTS_DIR, 'trace.json'),
      `${JSON.stringify({ at: new Date().toISOString(), results, http, figures }, null, 2)}\n`,
    );
    console.log(`\nresults in .bench/trace.json (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
