import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ApiClient } from '../../apps/cli/src/world';
import { BENCH_ADMIN_KEY, Server, startServer } from '../harness/children';
import { ingest } from '../harness/ingest';
import { compare, load } from '../harness/load';
import { RESULTS_DIR, fmt, mb, printFigures, printMedians, printRun, scanFigure } from '../harness/report';
import { ITEMS_PER_BATCH, seed } from './seed';

/**
 * `npm run bench`: the scan path against bare Fastify (and bare NestJS) in the same run,
 * cold-chain ingest and the app's memory. Knobs for quick tries: BENCH_BATCHES, BENCH_ROUNDS,
 * BENCH_SECONDS; BENCH_PROFILE=1 adds profiled scan loads of the app and bare Fastify after
 * the measurements (CPU profiles in .bench/, read them with bench/tools/profile-summary.ts);
 * BENCH_APP_LOG=error shows the app's errors.
 */
const BATCHES = Number(process.env.BENCH_BATCHES ?? 20);
const LOAD = { rounds: Number(process.env.BENCH_ROUNDS ?? 3), seconds: Number(process.env.BENCH_SECONDS ?? 5), warmup: 3, connections: 50 };
const INGEST = { clients: 4, seconds: 10 };
const TARGETS = { json: 0.7, html: 0.6, ingest: 10_000, rssMb: 400 };
const JSON_ACCEPT = 'application/json';
const HTML_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const started = performance.now();

async function main() {
  const cpu = cpus();
  console.log(`Suyuan bench — ${cpu.length} cores (${cpu[0]?.model.trim()}), node ${process.version}, ${platform()} ${arch()}`);
  console.log('Ratios compare servers measured side by side in this run; absolute req/s vary with the machine.\n');
  // --expose-gc only lets the bench tell live data from garbage V8 has not yet collected.
  const app = await startServer('suyuan', 'serve-app.ts', { env: { SUYUAN_ADMIN_KEY: BENCH_ADMIN_KEY }, exposeGc: true });
  const servers: Server[] = [app];
  try {
    const seedStart = performance.now();
    const seeded = await seed(new ApiClient(app.url), BENCH_ADMIN_KEY, BATCHES);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    console.log(
      `seed: ${fmt(seeded.codes.length)} items in ${BATCHES} packings of ${ITEMS_PER_BATCH}, ${fmt(seeded.cartons)} cartons, ` +
        `${fmt(seeded.itemsWithColdChain)} with cold-chain journeys: ${seedSeconds.toFixed(1)} s through the API`,
    );
    const paths = seeded.codes.map((code) => `/t/${code}`);
    const bodies = { json: await realBodies(app.url, paths, JSON_ACCEPT), html: await realBodies(app.url, paths, HTML_ACCEPT) };
    for (const [kind, b] of Object.entries(bodies)) {
      console.log(`baseline ${kind} bodies: ${b.bodies.length} real scan answers, mean ${fmt(b.mean)} B (${fmt(b.min)}–${fmt(b.max)} B)`);
    }
    const fixed = { json: bodies.json.bodies, html: bodies.html.bodies };
    const bare = await startServer('fastify', 'serve-bare.ts', { bodies: fixed });
    const nest = await startServer('nest', 'serve-nest.ts', { bodies: fixed });
    servers.push(bare, nest);
    const memoryAfterSeed = await app.memory();

    console.log(
      `\nscan JSON: GET /t/<each of ${fmt(paths.length)} in random order>, -c ${LOAD.connections}, ${LOAD.rounds} rounds × ${LOAD.seconds} s after ${LOAD.warmup} s warm-up each`,
    );
    const json = await compare([app, bare, nest], paths, JSON_ACCEPT, LOAD, printRun);
    console.log("\nscan HTML page: the same with a browser's Accept");
    const html = await compare([app, bare], paths, HTML_ACCEPT, LOAD, printRun);

    console.log(
      `\ncold-chain ingest: POST /api/cold-chain/readings, 1000 readings each, 4 cold stores × 2 loggers, ${INGEST.clients} clients, ${INGEST.seconds} s`,
    );
    const cpuBefore = await app.cpu();
    const cold = await ingest(app.url, seeded.logisticsKey, seeded.ingestFacilities, INGEST.clients, INGEST.seconds);
    const ingestCpu = (await app.cpu()) - cpuBefore;
    console.log(
      `  ${fmt(cold.uploads)} uploads, ${fmt(cold.readings)} readings, upload p50 ${fmt(cold.p50Ms)} ms p99 ${fmt(cold.p99Ms)} ms, ` +
        `${fmt(cold.readings / (ingestCpu / 1e6))} readings per server CPU-s${cold.failures ? `  FAILURES ${cold.failures}` : ''}`,
    );
    const memory = await app.memory();
    const memoryAfterGc = await app.memory(true);

    printMedians([
      ['JSON', json],
      ['HTML', html],
    ]);
    console.log(
      `  framework ceiling: bare NestJS ÷ bare Fastify ${(json.median.nest.rps / json.median.fastify.rps).toFixed(2)} req/s, ` +
        `${(json.median.nest.perCpuSecond / json.median.fastify.perCpuSecond).toFixed(2)} per CPU-s; suyuan ÷ bare NestJS ${(json.median.suyuan.rps / json.median.nest.rps).toFixed(2)} req/s`,
    );
    console.log(
      `  app memory: RSS ${fmt(mb(memoryAfterSeed.rss))} MB after seeding; after the load RSS ${fmt(mb(memory.rss))} MB (peak ${fmt(mb(memory.peakRss))}), ` +
        `heap ${fmt(mb(memory.heapUsed))} MB; after a full GC RSS ${fmt(mb(memoryAfterGc.rss))} MB, heap ${fmt(mb(memoryAfterGc.heapUsed))} MB (live data)`,
    );
    const figures = [
      scanFigure('1. scan JSON ÷ bare Fastify', json, TARGETS.json),
      scanFigure('2. scan HTML ÷ bare Fastify', html, TARGETS.html),
      {
        figure: '3. cold-chain ingest',
        text: `${fmt(cold.readingsPerSecond)} readings/s`,
        target: `≥ ${fmt(TARGETS.ingest)}`,
        met: cold.readingsPerSecond >= TARGETS.ingest,
        failures: cold.failures,
      },
      {
        figure: '4. app RSS after the load',
        text: `${fmt(mb(memory.rss))} MB`,
        target: `≤ ${TARGETS.rssMb} MB`,
        met: mb(memory.rss) <= TARGETS.rssMb,
        failures: 0,
      },
    ];
    printFigures(figures);

    mkdirSync(RESULTS_DIR, { recursive: true });
    if (process.env.BENCH_PROFILE === '1') await profile([app, bare], paths);
    const machine = { cores: cpu.length, cpu: cpu[0]?.model, node: process.version };
    const seedInfo = {
      items: seeded.codes.length,
      cartons: seeded.cartons,
      itemsWithColdChain: seeded.itemsWithColdChain,
      seconds: seedSeconds,
    };
    const results = {
      at: new Date().toISOString(),
      machine,
      seed: seedInfo,
      bodyMeanBytes: { json: bodies.json.mean, html: bodies.html.mean },
      load: LOAD,
      json,
      html,
      ingest: { ...cold, serverCpuSeconds: ingestCpu / 1e6 },
      memoryAfterSeed,
      memory,
      memoryAfterGc,
      figures,
    };
    writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nresults in .bench/latest.json (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
    if (figures.some((f) => f.failures)) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** Real scan answers of random codes: the baselines' bodies, with the app's mix of sizes. */
async function realBodies(baseUrl: string, paths: string[], accept: string) {
  const bodies: string[] = [];
  for (let i = 0; i < 300; i++) {
    const response = await fetch(`${baseUrl}${paths[(Math.random() * paths.length) | 0]}`, { headers: { accept } });
    if (!response.ok) throw new Error(`scan answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    bodies.push(await response.text());
  }
  const sizes = bodies.map((s) => Buffer.byteLength(s));
  return { bodies, mean: sizes.reduce((a, b) => a + b, 0) / sizes.length, min: Math.min(...sizes), max: Math.max(...sizes) };
}

/** Profiled apart from the figures, since the profiler slows a server down. */
async function profile(servers: Server[], paths: string[]) {
  for (const server of servers) {
    for (const [kind, accept] of [
      ['json', JSON_ACCEPT],
      ['html', HTML_ACCEPT],
    ]) {
      await server.profile();
      const run = await load(server, paths, accept, LOAD.seconds, LOAD.connections);
      await server.profile(join(RESULTS_DIR, `${server.name}-${kind}.cpuprofile`));
      console.log(`profiled ${server.name} ${kind}: ${fmt(run.rps)} req/s → .bench/${server.name}-${kind}.cpuprofile`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
