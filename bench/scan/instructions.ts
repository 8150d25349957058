import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ApiClient } from '../../apps/cli/src/world';
import { BENCH_ADMIN_KEY } from '../harness/children';
import { RESULTS_DIR, fmt } from '../harness/report';
import { Window, startCounted } from './callgrind';
import { seed } from './seed';

/**
 * `npm run bench:scan-instructions`: machine instructions per scan, counted by valgrind's
 * callgrind in the running server rather than timed (timed scan ratios swing more between
 * runs than most changes to the scan path). The app starts from sources on a fresh store
 * under valgrind, is seeded through the API (SCAN_BATCHES of SCAN_ITEMS items, half shipped
 * with a cold chain), warmed up with SCAN_WARMUP scans of each kind, then counted over N and
 * over 2N scans (SCAN_N) of each kind — `GET /t/{code}` as JSON and as the page, answered by
 * the HTTP server's fast lane — in windows of their own; (count(2N) − count(N)) / N is the
 * figure, so start-up, warm-up and the windows' edges cancel. The optimizing compiler's
 * thread is left out of it (it still recompiles a function now and then, long after warm-up,
 * a few million instructions at a time) and shown apart. A pair of windows in which a major
 * GC fell, or the compiler was still busy, is counted again. SCAN_RUNS processes per
 * checkout; SCAN_CHECKOUT=<dir> measures another checkout (e.g. an older commit's sources,
 * node_modules linked) in the same run, alternating with this one.
 */
const execute = promisify(execFile);
const BATCHES = Number(process.env.SCAN_BATCHES ?? 4);
const ITEMS = Number(process.env.SCAN_ITEMS ?? 100);
const N = Number(process.env.SCAN_N ?? 2 * BATCHES * ITEMS);
const WARMUP = Number(process.env.SCAN_WARMUP ?? 4 * N);
const RUNS = Number(process.env.SCAN_RUNS ?? 3);
/**
 * A pair of windows counts unless a major GC fell in it or the optimizing compiler did more
 * than this share of its work (warm-up unfinished); tried this many times.
 */
const UNSETTLED = 0.1;
const TRIES = 4;
const KINDS = { json: 'application/json', html: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
type Kind = keyof typeof KINDS;
/**
 * Counted apart inside the windows: the optimizing compiler (on its own thread: JIT work that
 * warm-up did not finish, not the scan's), GC, major GC's concurrent marking (hundreds of
 * millions once in a while, not a scan's share), and V8's runtime call behind a "slow state"
 * seen before (object literals defined key by key, ~30 a scan).
 */
const WATCH = {
  jit: 'OptimizingCompileDispatcher::CompileTask::RunInternal',
  gc: 'v8::internal::Heap::CollectGarbage(',
  major: 'ConcurrentMarking::RunMajor',
  literal: 'Runtime_DefineKeyedOwnPropertyInLiteral',
};
const OUT_DIR = join(RESULTS_DIR, 'scan-callgrind');

/** Per scan of one kind in one run: all counted but the optimizing compiler, and what went to the watched functions. */
interface PerScan {
  instructions: number;
  jit: number;
  gc: number;
  literalCalls: number;
  /** Pairs of windows counted until one had no major GC and a quiet compiler. */
  tries: number;
  settled: boolean;
}

async function measure(label: string, root: string, run: number): Promise<Record<Kind, PerScan>> {
  const server = await startCounted(`${label}-${run}`, root, OUT_DIR, Object.values(WATCH));
  try {
    const { codes } = await seed(new ApiClient(server.url), BENCH_ADMIN_KEY, BATCHES, ITEMS);
    const paths = codes.map((code) => `/t/${code}`);
    await server.instrument();
    for (const kind of Object.keys(KINDS) as Kind[]) await scan(server.url, paths, kind, WARMUP);
    const result = {} as Record<Kind, PerScan>;
    for (const kind of Object.keys(KINDS) as Kind[]) {
      for (let tries = 1; tries <= TRIES; tries++) {
        const windows: Window[] = [];
        for (const count of [N, 2 * N]) {
          await server.zero();
          await scan(server.url, paths, kind, count);
          windows.push(await server.dump(`${kind}-${count}`));
        }
        const [once, twice] = windows;
        const jitShare =
          (once.watched[WATCH.jit].instructions + twice.watched[WATCH.jit].instructions) / (once.instructions + twice.instructions);
        const per = (of: (w: Window) => number) => (of(twice) - of(once)) / N;
        result[kind] = {
          instructions: per((w) => w.instructions - w.watched[WATCH.jit].instructions),
          jit: per((w) => w.watched[WATCH.jit].instructions),
          gc: per((w) => w.watched[WATCH.gc].instructions),
          literalCalls: per((w) => w.watched[WATCH.literal].calls),
          tries,
          settled: jitShare < UNSETTLED && once.watched[WATCH.major].calls + twice.watched[WATCH.major].calls === 0,
        };
        if (result[kind].settled) break;
      }
    }
    return result;
  } finally {
    await server.stop();
  }
}

/** `count` scans one after another, cycling through the items in the same order every time. */
async function scan(baseUrl: string, paths: string[], kind: Kind, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${baseUrl}${paths[i % paths.length]}`, { headers: { accept: KINDS[kind] } });
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`scan answered ${response.status}: ${Buffer.from(body).toString().slice(0, 300)}`);
  }
}

const line = (p: PerScan) =>
  `${fmt(p.instructions).padStart(7)} (JIT ${fmt(p.jit).padStart(5)}, GC ${fmt(p.gc).padStart(5)}, ${fmt(p.literalCalls, 1).padStart(4)} literal calls, ` +
  `${p.tries} ${p.tries > 1 ? 'tries' : 'try'}${p.settled ? '' : ', NOT SETTLED: compiler busy or major GC'})`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  try {
    await execute('valgrind', ['--version']);
  } catch {
    throw new Error('valgrind is not installed: this bench counts instructions with its callgrind tool');
  }
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const checkouts: Record<string, string> = { this: resolve(__dirname, '..', '..') };
  if (process.env.SCAN_CHECKOUT) checkouts.other = resolve(process.env.SCAN_CHECKOUT);
  console.log(
    `instructions per scan: ${BATCHES} batches of ${ITEMS} items, ${fmt(WARMUP)} scans' warm-up, windows of ${fmt(N)} and ${fmt(2 * N)} scans`,
  );
  for (const [label, root] of Object.entries(checkouts)) console.log(`  ${label}: ${root}`);
  console.log(
    'instructions per scan, the optimizing compiler left out (then per scan: its own, GC, Runtime_DefineKeyedOwnPropertyInLiteral calls)',
  );
  const runs: { checkout: string; run: number; json: PerScan; html: PerScan }[] = [];
  for (let run = 1; run <= RUNS; run++) {
    for (const [label, root] of Object.entries(checkouts)) {
      const m = await measure(label, root, run);
      runs.push({ checkout: label, run, ...m });
      console.log(`  run ${run} ${label.padEnd(5)} JSON ${line(m.json)}  HTML ${line(m.html)}`);
    }
  }
  const medians = Object.fromEntries(
    Object.keys(checkouts).map((label) => {
      const of = (kind: Kind) => median(runs.filter((r) => r.checkout === label).map((r) => r[kind].instructions));
      return [label, { json: of('json'), html: of('html') }];
    }),
  );
  console.log('\nmedians');
  for (const [label, m] of Object.entries(medians)) {
    const ratio = (kind: Kind) => (medians.other ? `  (${(m[kind] / medians.this[kind]).toFixed(3)} of this)` : '');
    console.log(`  ${label.padEnd(5)} JSON ${fmt(m.json).padStart(7)}${ratio('json')}  HTML ${fmt(m.html).padStart(7)}${ratio('html')}`);
  }
  const results = { at: new Date().toISOString(), checkouts, batches: BATCHES, items: ITEMS, warmup: WARMUP, n: N, runs, medians };
  writeFileSync(join(RESULTS_DIR, 'scan-instructions.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nresults in .bench/scan-instructions.json, callgrind dumps of every window in .bench/scan-callgrind/ (callgrind_annotate)');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
