import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ApiClient } from '../../apps/cli/src/world';
import { BENCH_ADMIN_KEY, Server, startServer } from '../harness/children';
import { compare } from '../harness/load';
import { RESULTS_DIR, fmt, printFigures, printMedians, printRun, scanFigure } from '../harness/report';
import { ITEMS_PER_BATCH, seed } from '../scan/seed';

/**
 * `npm run bench:sellable`: the public sellable check (GET /api/sellable/{code}) against bare
 * Fastify answering the same real bodies, side by side in one run. One lot of the seed is held
 * by a regulator and one item of another, so that the answers mix sellable and held codes.
 * Knobs: BENCH_BATCHES (4: 20,000 items), BENCH_ROUNDS, BENCH_SECONDS.
 */
const BATCHES = Number(process.env.BENCH_BATCHES ?? 4);
const LOAD = { rounds: Number(process.env.BENCH_ROUNDS ?? 3), seconds: Number(process.env.BENCH_SECONDS ?? 5), warmup: 3, connections: 50 };
const TARGET = 0.7;
const JSON_ACCEPT = 'application/json';

async function main() {
  const cpu = cpus();
  console.log(`Suyuan sellable bench — ${cpu.length} cores (${cpu[0]?.model.trim()}), node ${process.version}`);
  const app = await startServer('suyuan', 'serve-app.ts', { env: { SUYUAN_ADMIN_KEY: BENCH_ADMIN_KEY } });
  const servers: Server[] = [app];
  try {
    const api = new ApiClient(app.url);
    const started = performance.now();
    const { codes } = await seed(api, BENCH_ADMIN_KEY, BATCHES);
    console.log(
      `seed: ${fmt(codes.length)} items in ${BATCHES} packings of ${ITEMS_PER_BATCH}: ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const lot = (await api.get(`/t/${codes[0]}`, BENCH_ADMIN_KEY)) as { batch: { id: string } };
    await api.post('/api/holds', BENCH_ADMIN_KEY, { batchId: lot.batch.id, reason: '抽检不合格，待复检' });
    await api.post('/api/holds', BENCH_ADMIN_KEY, { code: codes.at(-1), reason: '标签信息与实物不符' });

    const paths = codes.map((code) => `/api/sellable/${code}`);
    const bodies: string[] = [];
    let held = 0;
    for (let i = 0; i < 300; i++) {
      const response = await fetch(`${app.url}${paths[(Math.random() * paths.length) | 0]}`);
      if (!response.ok) throw new Error(`the sellable check answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
      const body = await response.text();
      if (!(JSON.parse(body) as { sellable: boolean }).sellable) held++;
      bodies.push(body);
    }
    const mean = bodies.reduce((sum, b) => sum + Buffer.byteLength(b), 0) / bodies.length;
    console.log(`baseline bodies: ${bodies.length} real answers (${held} not sellable), mean ${fmt(mean)} B`);
    const bare = await startServer('fastify', 'serve-bare.ts', { bodies: { json: bodies, html: [] } });
    servers.push(bare);

    console.log(
      `\nsellable check: GET /api/sellable/<each of ${fmt(paths.length)} in random order>, -c ${LOAD.connections}, ${LOAD.rounds} rounds × ${LOAD.seconds} s`,
    );
    const result = await compare([app, bare], paths, JSON_ACCEPT, LOAD, printRun);
    printMedians([['sellable', result]]);
    const figures = [scanFigure('sellable check ÷ bare Fastify', result, TARGET)];
    printFigures(figures);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      join(RESULTS_DIR, 'sellable.json'),
      `${JSON.stringify({ at: new Date().toISOString(), items: codes.length, bodyMeanBytes: mean, load: LOAD, result, figures }, null, 2)}\n`,
    );
    if (figures.some((f) => f.failures)) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
