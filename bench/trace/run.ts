import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../apps/api/src/create-app';
import { ApiClient } from '../../apps/cli/src/world';
import { loadConfig } from '@suyuan/platform/config';
import { traceBack, traceBounds, traceForward } from '@suyuan/processing';
import { BatchReaders } from '@suyuan/production/nest';
import { BENCH_ADMIN_KEY } from '../harness/children';
import { Figure, RESULTS_DIR, fmt, printFigures } from '../harness/report';
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
  const dataDir = mkdtempSync(join(tmpdir(), 'suyuan-bench-trace-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SUYUAN_ADMIN_KEY: BENCH_ADMIN_KEY, LOG_LEVEL: 'silent' });
  const running = await createApp(config);
  try {
    await running.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = running.app.getHttpServer().address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
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
      forward: await compare('forward', CALLS.forward, ours.forward, () => bare.forward(world.leaves, bounds.depth, bounds.limit)),
      back: await compare('back', CALLS.back, ours.back, () => bare.back(world.code, bounds.depth)),
    };
    const http = {
      forward: await httpLatency(`${url}/api/trace/forward?lot=${world.leaves}`, world.regulator.key),
      back: await httpLatency(`${url}/api/trace/back?item=${world.code}`, world.regulator.key),
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
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Timing {
  p50: number;
  p99: number;
  perCall: number;
}

/**
 * Rounds of `calls` of each, the order swapped every round; the ratio is the bare query's time
 * per call over the trace's, the median of the rounds'.
 */
async function compare(name: string, calls: number, ours: () => Promise<unknown>, bare: () => unknown) {
  const times = { ours: [] as number[], bare: [] as number[] };
  const ratios: number[] = [];
  await timed(calls, ours);
  await timed(calls, async () => bare());
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
    const perRound: Record<string, number[]> = {};
    for (const side of order) perRound[side] = await timed(calls, side === 'ours' ? ours : async () => bare());
    times.ours.push(...perRound.ours);
    times.bare.push(...perRound.bare);
    ratios.push(mean(perRound.bare) / mean(perRound.ours));
    console.log(
      `  ${name} round ${round}: trace ${ms(mean(perRound.ours))}/call, bare SQL ${ms(mean(perRound.bare))}/call, ratio ${ratios[ratios.length - 1].toFixed(2)}`,
    );
  }
  return { ratio: median(ratios), ratios, ours: timing(times.ours), bare: timing(times.bare) };
}

async function timed(calls: number, run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times;
}

/**
 * Sequential requests, as a regulator's client sends them: the answer read whole. The warm-up
 * may meet a kept-alive connection the server closed while the in-process rounds ran: it opens
 * another once.
 */
async function httpLatency(url: string, key: string): Promise<Timing> {
  const headers = { authorization: `Bearer ${key}`, accept: 'application/json' };
  const get = async () => {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };
  for (let i = 0; i < 20; i++) await get().catch((error: unknown) => (error instanceof TypeError ? get() : Promise.reject(error)));
  return timing(await timed(HTTP_CALLS, get));
}

function timing(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99), perCall: mean(times) };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (value: number) => `${value < 1 ? value.toFixed(3) : value.toFixed(2)} ms`;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
