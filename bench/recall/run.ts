import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ApiClient } from '../../apps/cli/src/world';
import { recallReach } from '@suyuan/processing';
import { BatchReaders } from '@suyuan/production/nest';
import { RecallView, recallProgress } from '@suyuan/recalls';
import { BENCH_ADMIN_KEY } from '../harness/children';
import { withAppInProcess } from '../harness/in-process-app';
import { Figure, RESULTS_DIR, fmt, printFigures } from '../harness/report';
import { compare, httpLatency, ms } from '../harness/side-by-side';
import { ITEMS_PER_LOT, seedTraceWorld } from '../trace/seed';
import { bareRecall } from './bare-sql';

/**
 * `npm run bench:recall` (and the end of `npm run bench`): on the trace bench's world (a lot of
 * leaves with 10,000 descendant items over 100 shipments and three generations), the county
 * regulator recalls the leaves and the carrier returns and destroys some cartons; then the
 * recall's progress (`recallProgress`, as `GET /api/recalls/{id}` computes it) and its opening's
 * scope (`recallReach`), each timed against a bare SQL query over the same rows in plain
 * better-sqlite3 tables, in the same process, in alternating rounds; the p99 of each and of the
 * HTTP request beside them. Knobs: BENCH_RECALL_ROUNDS, BENCH_RECALL_CALLS.
 */
const ROUNDS = Number(process.env.BENCH_RECALL_ROUNDS ?? 5);
const CALLS = { progress: Number(process.env.BENCH_RECALL_CALLS ?? 200), scope: Number(process.env.BENCH_RECALL_CALLS ?? 200) * 10 };
const HTTP_CALLS = 200;
/** The issue names no target of its own for the recall; ≥ 0.5 as for the trace and audit:verify against their bare baselines. */
const TARGET = 0.5;
/** Cartons at the village point the carrier returns, and as many it destroys. */
const DISPOSED = 5;
const started = performance.now();

async function main() {
  await withAppInProcess('recall', async (running, url) => {
    const api = new ApiClient(url);
    const seedStart = performance.now();
    const world = await seedTraceWorld(api, BENCH_ADMIN_KEY);
    const opened = await api.post('/api/recalls', world.regulator.key, {
      class: 'I',
      reason: '毒死蜱残留超标 (GB 2763)',
      scope: { lots: [world.leaves] },
    });
    const tasks = await api.get('/api/recall-tasks', world.carrier.key);
    const atVillage: string[] = tasks
      .flatMap((t: { recallId: string; cartons: { cartonId: string; facilityId: string }[] }) =>
        t.recallId === opened.id ? t.cartons : [],
      )
      .filter((c: { facilityId: string }) => c.facilityId === world.village)
      .map((c: { cartonId: string }) => c.cartonId);
    if (atVillage.length < 2 * DISPOSED) throw new Error(`the carrier's tasks list ${atVillage.length} cartons at the village point`);
    for (const [n, disposition] of (['returned', 'destroyed'] as const).entries()) {
      const cartonIds = atVillage.slice(n * DISPOSED, (n + 1) * DISPOSED);
      await api.post(`/api/recalls/${opened.id}/disposals`, world.carrier.key, { disposition, facilityId: world.village, cartonIds });
    }
    console.log(
      `seed: the trace world (2 lots of ${fmt(ITEMS_PER_LOT)} gift boxes, ${world.shipments} shipments), a recall of its first lot, ` +
        `${DISPOSED} cartons returned and ${DISPOSED} destroyed: ${((performance.now() - seedStart) / 1000).toFixed(1)} s through the API`,
    );

    const docs = running.storage.readModels;
    const viewer = await running.app.get(BatchReaders).viewer({ organizationId: world.regulator.id, keyId: 'bench', role: 'regulator' });
    const read = async () => {
      const recall = await docs.get<RecallView>('recalls', opened.id);
      if (!recall) throw new Error(`recall ${opened.id} is not in the read models`);
      return recall;
    };
    const recall = await read();
    const bare = await bareRecall(docs, recall);
    const ours = {
      progress: async () => recallProgress(docs, await read()),
      scope: () => recallReach(docs, viewer, [{ lot: world.leaves }]),
    };
    const progress = await ours.progress();
    const { places, ...figures } = progress;
    console.log(`recall ${recall.id} of ${recall.lots.length} lots: ${JSON.stringify(figures)}; ${places.length} places`);
    const counted = bare.progress(recall.id);
    const disagree = (Object.keys(counted) as (keyof typeof counted)[]).filter((k) => counted[k] !== progress[k]);
    if (disagree.length) throw new Error(`the bare query counts ${JSON.stringify(counted)}, the recall ${JSON.stringify(figures)}`);
    const scope = await ours.scope();
    console.log(`scope: ${scope.lots.length} lots (bare SQL: ${(bare.scope(world.leaves) as unknown[]).length})`);

    const results = {
      progress: await compare('progress', 'recall', ROUNDS, CALLS.progress, ours.progress, () => bare.progress(recall.id)),
      scope: await compare('scope', 'recall', ROUNDS, CALLS.scope, ours.scope, () => bare.scope(world.leaves)),
    };
    const http = await httpLatency(`${url}/api/recalls/${recall.id}`, world.regulator.key, HTTP_CALLS);
    const label = { progress: 'recall progress', scope: 'recall scope' } as const;
    const printed: Figure[] = (['progress', 'scope'] as const).map((kind) => ({
      figure: `${label[kind]} ÷ bare SQL`,
      text: results[kind].ratio.toFixed(2),
      target: `≥ ${TARGET}`,
      met: results[kind].ratio >= TARGET,
      failures: 0,
      note:
        `${label[kind]} p50 ${ms(results[kind].ours.p50)} p99 ${ms(results[kind].ours.p99)}, ` +
        `bare SQL p50 ${ms(results[kind].bare.p50)} p99 ${ms(results[kind].bare.p99)}` +
        (kind === 'progress' ? `; GET /api/recalls/{id} p50 ${ms(http.p50)} p99 ${ms(http.p99)}` : ''),
    }));
    printFigures(printed);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      join(RESULTS_DIR, 'recall.json'),
      `${JSON.stringify({ at: new Date().toISOString(), results, http, figures: printed }, null, 2)}\n`,
    );
    console.log(`\nresults in .bench/recall.json (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
