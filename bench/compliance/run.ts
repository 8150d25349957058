import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ApiClient } from '../../apps/cli/src/world';
import { BENCH_ADMIN_KEY, Server, startServer } from '../harness/children';
import { ingest } from '../harness/ingest';
import { interleave, load, medians, pairedRatio } from '../harness/load';
import { Figure, RESULTS_DIR, Rate, fmt, printFigures, printRound, ratioFigure } from '../harness/report';
import { ITEMS_PER_BATCH } from './lifecycle';
import { lifecycleLoad } from './lifecycle-load';
import { holdGoods, seedSeason } from './seed';
import { World, buildWorld } from './world';

/**
 * `npm run bench:compliance`: what judging every batch against its product's standard as
 * events arrive costs. Logger uploads and whole batch lifecycles go to two servers side by
 * side, one with the standards and compliance projections and one without, in interleaved
 * rounds; then a fresh server with a county's season seeded answers the regulator's summary.
 * Knobs for quick tries: BENCH_COMPLIANCE_BATCHES (the season), BENCH_HOLDING_BATCHES,
 * BENCH_ROUNDS, BENCH_SECONDS, BENCH_PROJECTOR=worker (compliance on the projector worker); BENCH_PROFILE=1 adds profiled runs of both kinds of ingest
 * after the measurements (CPU profiles in .bench/, read them with bench/tools/profile-summary.ts, or
 * compare the two sides per lifecycle or reading with bench/tools/profile-diff.ts).
 */
const SEASON_BATCHES = Number(process.env.BENCH_COMPLIANCE_BATCHES ?? 1000);
const HOLDING_BATCHES = Number(process.env.BENCH_HOLDING_BATCHES ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 3;
const UPLOAD_CLIENTS = 4;
/** Enough lifecycles in flight to keep the server busy between one client's requests. */
const LIFECYCLE_CLIENTS = 8;
const SUMMARY = { connections: 10, dimensions: ['product', 'cooperative', 'month'] };
const TARGETS = { ratio: 0.8, summaryP99Ms: 50 };
const DAY = 86_400_000;
/** A lifecycle slot every 20 minutes of county time, from 90 days back: its steps stay in the past. */
const LIFECYCLE = { from: 90 * DAY, every: 20 * 60_000, spanMs: 60 * 3_600_000 };
const PROFILE = process.env.BENCH_PROFILE === '1';
const started = performance.now();
const START = Date.now();

type Measured<R> = R & Rate;

/** One server of the pair with its county, and where its logger clocks and batch numbers have got to. */
interface Side {
  name: string;
  server: Server;
  world: World;
  facilities: string[];
  clock: number;
  batches: number;
}

async function main() {
  const cpu = cpus();
  console.log(`Suyuan compliance bench — ${cpu.length} cores (${cpu[0]?.model.trim()}), node ${process.version}, ${platform()} ${arch()}`);
  console.log('Ratios compare a server with the compliance projections to one without, measured side by side in this run.\n');
  mkdirSync(RESULTS_DIR, { recursive: true });
  const servers: Server[] = [
    await startServer('with', 'serve-app.ts', { env: { SUYUAN_ADMIN_KEY: BENCH_ADMIN_KEY } }),
    await startServer('without', 'serve-app.ts', { env: { SUYUAN_ADMIN_KEY: BENCH_ADMIN_KEY, BENCH_READ_MODELS: 'no-compliance' } }),
  ];
  try {
    // About a day of logger time per second of uploading, however fast the server, keeps every reading in the past.
    const uploadSeconds = WARMUP_SECONDS + (ROUNDS + (PROFILE ? 1 : 0)) * SECONDS;
    const readingsFrom = Date.now() - (7 + uploadSeconds) * DAY;
    const pair: Side[] = [];
    for (const server of servers) {
      const seedStart = performance.now();
      const api = new ApiClient(server.url);
      const world = await buildWorld(api, BENCH_ADMIN_KEY);
      await holdGoods(api, world, HOLDING_BATCHES, readingsFrom);
      pair.push({
        name: server.name,
        server,
        world,
        facilities: [...world.holdingTrucks, ...world.stations],
        clock: readingsFrom,
        batches: 0,
      });
      console.log(
        `${server.name}: ${HOLDING_BATCHES} batches on ${world.holdingTrucks.length} trucks and at ${world.stations.length} town stations: ` +
          `${((performance.now() - seedStart) / 1000).toFixed(1)} s through the API`,
      );
    }

    console.log(
      `\nA1. logger uploads: POST /api/cold-chain/readings, 1000 readings each, ${pair[0].facilities.length} facilities holding goods × 2 loggers, ` +
        `${UPLOAD_CLIENTS} clients, ${ROUNDS} rounds × ${SECONDS} s after ${WARMUP_SECONDS} s warm-up`,
    );
    const uploads = await interleave(
      pair,
      ROUNDS,
      (side, warmup) => uploadRun(side, warmup ? WARMUP_SECONDS : SECONDS),
      (name, round, r) =>
        printRound(
          name,
          round,
          { ...r, unit: 'readings/s', perCpuUnit: 'readings' },
          `upload p50 ${fmt(r.p50Ms).padStart(3)} ms p99 ${fmt(r.p99Ms).padStart(4)} ms, settled in ${fmt(r.settleMs)} ms`,
        ),
    );
    console.log(
      `\nA2. production ingest: whole batch lifecycles (register, harvest, test, pre-cooling, grading, packing of ${ITEMS_PER_BATCH} items, certificate, ` +
        `2 legs, delivery), ${LIFECYCLE_CLIENTS} clients, the same rounds`,
    );
    const lifecycles = await interleave(
      pair,
      ROUNDS,
      (side, warmup) => lifecycleRun(side, warmup ? WARMUP_SECONDS : SECONDS),
      (name, round, r) =>
        printRound(
          name,
          round,
          { ...r, unit: 'lifecycles/s', perCpuUnit: 'lifecycles' },
          `${fmt(r.requestsPerSecond).padStart(5)} req/s, settled in ${fmt(r.settleMs)} ms`,
        ),
    );
    const uploadMedian = medians(uploads, ['rate', 'cpu', 'perCpuSecond', 'p50Ms', 'p99Ms'], 'failures');
    const lifecycleMedian = medians(lifecycles, ['rate', 'cpu', 'perCpuSecond', 'requestsPerSecond'], 'failures');
    if (PROFILE) await profile(pair);
    await Promise.all(servers.splice(0).map((s) => s.stop()));

    const fresh = await startServer('summary', 'serve-app.ts', { env: { SUYUAN_ADMIN_KEY: BENCH_ADMIN_KEY } });
    servers.push(fresh);
    const { season, summary } = await regulatorSummary(fresh);

    printMedians(uploadMedian, lifecycleMedian);
    const worst = Math.max(...Object.values(summary).map((s) => s.p99));
    const figures: Figure[] = [
      ratioFigure(
        'A1. uploads with ÷ without',
        uploadMedian.with,
        uploadMedian.without,
        TARGETS.ratio,
        `; round by round ${pairedRatio(uploads.with, uploads.without).toFixed(2)}; ${fmt(uploadMedian.with.rate)} ÷ ${fmt(uploadMedian.without.rate)} readings/s`,
      ),
      ratioFigure(
        'A2. lifecycles with ÷ without',
        lifecycleMedian.with,
        lifecycleMedian.without,
        TARGETS.ratio,
        `; round by round ${pairedRatio(lifecycles.with, lifecycles.without).toFixed(2)}; ${fmt(lifecycleMedian.with.rate, 1)} ÷ ${fmt(lifecycleMedian.without.rate, 1)} lifecycles/s`,
      ),
      {
        figure: 'B. summary p99 (worst of 3)',
        text: `${fmt(worst, 1)} ms`,
        target: `≤ ${TARGETS.summaryP99Ms} ms`,
        met: worst <= TARGETS.summaryP99Ms,
        failures: Object.values(summary).reduce((sum, s) => sum + s.failures, 0),
        note: `${Object.entries(summary)
          .map(([by, s]) => `by=${by} ${fmt(s.p99, 1)} ms`)
          .join(', ')}; ${fmt(season.batches.total)} batches, ${fmt(season.items.total)} items`,
      },
    ];
    printFigures(figures);

    const machine = { cores: cpu.length, cpu: cpu[0]?.model, node: process.version };
    const settings = {
      rounds: ROUNDS,
      seconds: SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      uploadClients: UPLOAD_CLIENTS,
      lifecycleClients: LIFECYCLE_CLIENTS,
      holdingBatches: HOLDING_BATCHES,
      seasonBatches: SEASON_BATCHES,
      summaryConnections: SUMMARY.connections,
    };
    const results = {
      at: new Date().toISOString(),
      machine,
      settings,
      uploads: { runs: uploads, median: uploadMedian },
      lifecycles: { runs: lifecycles, median: lifecycleMedian },
      season,
      summary,
      figures,
    };
    writeFileSync(join(RESULTS_DIR, 'compliance.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nresults in .bench/compliance.json (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
    if (figures.some((f) => f.failures)) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** Logger uploads into the side's holding trucks and stations, continuing its loggers' clocks. */
async function uploadRun(side: Side, seconds: number) {
  if (side.clock > Date.now() - (seconds + 1) * DAY)
    throw new Error("the loggers' clocks have caught up with now: lower BENCH_ROUNDS or BENCH_SECONDS");
  return measured(side, async () => {
    const run = await ingest(side.server.url, side.world.logistics, side.facilities, UPLOAD_CLIENTS, seconds, side.clock);
    side.clock = run.until;
    return { ...run, rate: run.readingsPerSecond };
  });
}

/** Whole lifecycles on the side's county route, continuing its batch numbers and their harvest times. */
async function lifecycleRun(side: Side, seconds: number) {
  const capacity = Math.floor((LIFECYCLE.from - LIFECYCLE.spanMs - DAY) / LIFECYCLE.every);
  const base = START - LIFECYCLE.from;
  const next = () => {
    const n = side.batches++;
    return { n, t0: base + (n % capacity) * LIFECYCLE.every };
  };
  return measured(side, async () => {
    const run = await lifecycleLoad(new ApiClient(side.server.url), side.world, LIFECYCLE_CLIENTS, seconds, next);
    if (run.firstError) console.log(`  ${side.name}: ${run.failures} lifecycles failed, the first with ${run.firstError}`);
    return { ...run, rate: run.lifecyclesPerSecond };
  });
}

/** A fresh server with compliance seeded with a county's season, then the regulator's summary under load, by each dimension. */
async function regulatorSummary(server: Server) {
  console.log(
    `\nB. the regulator's summary: a fresh server with compliance, a season of ${fmt(SEASON_BATCHES)} batches × ${ITEMS_PER_BATCH} items seeded through the API`,
  );
  const api = new ApiClient(server.url);
  const world = await buildWorld(api, BENCH_ADMIN_KEY);
  const seedStart = performance.now();
  await seedSeason(api, world, SEASON_BATCHES);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const { total, rows } = await api.get('/api/compliance/summary?by=product', world.regulator);
  const violated = [...new Set(rows.flatMap((r: { mostViolated: { rule: string }[] }) => r.mostViolated.map((m) => m.rule)))];
  console.log(
    `  seeded in ${seedSeconds.toFixed(1)} s: ${fmt(total.batches.total)} batches (${fmt(total.batches.compliant)} compliant, ${fmt(total.batches.non_compliant)} non-compliant, ` +
      `${fmt(total.batches.pending)} pending), ${fmt(total.items.total)} items; violated rules: ${violated.join(', ')}`,
  );
  const summary: Record<string, { rows: number; rps: number; p50: number; p99: number; failures: number }> = {};
  const auth = { authorization: `Bearer ${world.regulator}` };
  for (const by of SUMMARY.dimensions) {
    const path = `/api/compliance/summary?by=${by}`;
    const answer = await api.get(path, world.regulator);
    await load(server, [path], 'application/json', WARMUP_SECONDS, SUMMARY.connections, auth);
    const run = await load(server, [path], 'application/json', SECONDS, SUMMARY.connections, auth);
    summary[by] = { rows: answer.rows.length, rps: run.rps, p50: run.p50, p99: run.p99, failures: run.failures };
    console.log(
      `  by=${by.padEnd(11)} ${String(answer.rows.length).padStart(2)} rows  ${fmt(run.rps).padStart(6)} req/s  p50 ${fmt(run.p50, 1)} ms  p99 ${fmt(run.p99, 1)} ms  ` +
        `(-c ${SUMMARY.connections}, ${SECONDS} s)${run.failures ? `  FAILURES ${run.failures}` : ''}`,
    );
  }
  return { season: { batches: total.batches, items: total.items, seedSeconds }, summary };
}

/**
 * Runs `work` against the side's server and adds what it cost the server: CPU use (1 = one
 * core busy, the projector worker's thread included) and rate per CPU-second. The work is
 * done when its compliance is: the time until a read of the summary (which waits for the
 * projector worker to reach the last append) answers counts, and the rate is over it.
 */
async function measured<R extends { rate: number; failures: number }>(
  side: Side,
  work: () => Promise<R>,
): Promise<Measured<R> & { settleMs: number }> {
  const cpuBefore = await side.server.cpu();
  const t0 = performance.now();
  const result = await work();
  const worked = (performance.now() - t0) / 1000;
  await new ApiClient(side.server.url).get('/api/compliance/summary?by=product', side.world.regulator);
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = ((await side.server.cpu()) - cpuBefore) / 1e6;
  const rate = (result.rate * worked) / seconds;
  return { ...result, rate, cpu: cpuSeconds / seconds, perCpuSecond: (rate * seconds) / cpuSeconds, settleMs: (seconds - worked) * 1000 };
}

function printMedians(cold: Record<string, Record<string, number>>, life: Record<string, Record<string, number>>): void {
  console.log('\nmedians                 rate   CPU %  per CPU-s');
  for (const [kind, m, digits] of [
    ['uploads', cold, 0],
    ['lifecycles', life, 1],
  ] as const) {
    for (const [name, r] of Object.entries(m)) {
      console.log(
        `  ${`${kind} ${name}`.padEnd(19)} ${fmt(r.rate, digits).padStart(7)}  ${fmt(r.cpu * 100).padStart(5)}  ${fmt(r.perCpuSecond, digits).padStart(9)}`,
      );
    }
  }
}

/** Profiled apart from the figures, since the profiler slows a server down. */
async function profile(pair: Side[]): Promise<void> {
  for (const side of pair) {
    for (const [kind, run] of [
      ['uploads', uploadRun],
      ['lifecycles', lifecycleRun],
    ] as const) {
      const file = `compliance-${kind}-${side.name}.cpuprofile`;
      await side.server.profile();
      const r = await run(side, SECONDS);
      await side.server.profile(join(RESULTS_DIR, file));
      const units = 'lifecycles' in r ? `${r.lifecycles} lifecycles` : `${r.readings} readings`;
      // bench/tools/profile-diff.ts compares the two sides per unit of work.
      console.log(`profiled ${side.name} ${kind}: ${units}, ${fmt(r.rate, 1)} per s → .bench/${file}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
