import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RESULTS_DIR } from '../harness/report';
import { recordLifecycles } from './record-lifecycles';

/**
 * `npm run bench:compliance-instructions`: the compliance projection's own work, in machine
 * instructions per lifecycle, counted by valgrind's cachegrind (installed on these machines)
 * rather than timed. The same input gives the same count to within about ±10 % (JIT
 * compilation still runs in the later loops), where timings here drift by more than any
 * small change: judge a change to the projection's code here first, then on the servers.
 * Records `BENCH_SECONDS` (default 8) of lifecycles into `BENCH_EVENTS` (default
 * .bench/lifecycle-events.json) unless that file exists, so that two commits can be compared
 * on the same events; counts `apply` over 3 and over 6 loops and reports the difference.
 */
const run = promisify(execFile);
const EVENTS = process.env.BENCH_EVENTS ?? join(RESULTS_DIR, 'lifecycle-events.json');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

async function instructions(loops: number): Promise<number> {
  const { stderr } = await run(
    'valgrind',
    [
      '--tool=cachegrind',
      '--cache-sim=no',
      '--cachegrind-out-file=/dev/null',
      process.execPath,
      '-r',
      '@swc-node/register',
      join(__dirname, 'apply.ts'),
    ],
    { env: { ...process.env, BENCH_EVENTS: EVENTS, BENCH_LOOPS: String(loops) }, maxBuffer: 64 * 1024 * 1024 },
  );
  const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr);
  if (!refs) throw new Error(`no instruction count in valgrind's output:\n${stderr.slice(-2000)}`);
  return Number(refs[1].replace(/,/g, ''));
}

async function main() {
  try {
    await run('valgrind', ['--version']);
  } catch {
    throw new Error('valgrind is not installed: this bench counts instructions with its cachegrind tool');
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  if (!existsSync(EVENTS)) {
    const recorded = await recordLifecycles(SECONDS);
    writeFileSync(EVENTS, JSON.stringify(recorded));
    console.log(`recorded ${recorded.lifecycles} lifecycles (${recorded.events.length} events) into ${EVENTS}`);
  }
  const { lifecycles } = JSON.parse(readFileSync(EVENTS, 'utf8')) as { lifecycles: number };
  const [three, six] = await Promise.all([instructions(3), instructions(6)]);
  const perLifecycle = (six - three) / 3 / lifecycles;
  console.log(`compliance apply: ${(perLifecycle / 1e6).toFixed(2)} M instructions per lifecycle (${lifecycles} lifecycles in ${EVENTS})`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
