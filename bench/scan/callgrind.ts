import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BENCH_ADMIN_KEY, Server, startServer } from '../harness/children';

const run = promisify(execFile);

/** What callgrind counted between a zero and a dump. */
export interface Window {
  instructions: number;
  /** Calls into each function named in `watch` in the window, and the instructions spent in them (inclusive). */
  watched: Record<string, { calls: number; instructions: number }>;
  file: string;
}

export interface CountedServer extends Server {
  /** Zero the counters: what comes next is counted alone. */
  zero(): Promise<void>;
  /** Dump what was counted since the last zero. */
  dump(label: string): Promise<Window>;
}

/**
 * The app of the checkout `root` under valgrind's callgrind, instrumented only from
 * `instrument()` on: start-up and seeding run at valgrind's uninstrumented speed. The
 * counters are zeroed and dumped through vgdb (valgrind's own gdbserver, on by default),
 * so a window counts every thread of the process — JIT compilation and GC included.
 */
export async function startCounted(name: string, root: string, outDir: string, watch: string[]) {
  const outFile = join(outDir, `${name}.out`);
  const server = await startServer(name, 'serve-app.ts', {
    env: { SUYUAN_ADMIN_KEY: BENCH_ADMIN_KEY, BENCH_APP_ROOT: root, SWC_NODE_PROJECT: join(root, 'tsconfig.json') },
    wrapper: ['valgrind', '-q', '--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${outFile}`],
    cwd: root,
  });
  const vgdb = (...command: string[]) => run('vgdb', [`--pid=${server.pid}`, ...command]);
  let dumps = 0;
  const counted: CountedServer & { instrument(): Promise<void> } = {
    ...server,
    instrument: async () => void (await vgdb('instrumentation', 'on')),
    zero: async () => void (await vgdb('zero')),
    async dump(label: string) {
      await vgdb('dump', label);
      dumps += 1;
      return readWindow(join(outDir, `${name}.out.${dumps}`), watch);
    },
  };
  return counted;
}

/**
 * The totals line of a callgrind dump, and the calls into the watched functions with their
 * inclusive cost (the cost line after each `calls=` line). Names are compressed: `(id) name`
 * the first time, `(id)` after.
 */
export function readWindow(file: string, watch: string[]): Window {
  const names = new Map<string, string>();
  const watched = Object.fromEntries(watch.map((w) => [w, { calls: 0, instructions: 0 }]));
  let instructions = NaN;
  let callee: string | undefined;
  let call: { calls: number; instructions: number } | undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const named = /^c?fn=\((\d+)\)(?: (.*))?$/.exec(line);
    if (call) {
      call.instructions += Number(line.split(' ').pop());
      call = undefined;
    } else if (named) {
      if (named[2] !== undefined) names.set(named[1], named[2]);
      callee = line.startsWith('cfn=') ? names.get(named[1]) : undefined;
    } else if (line.startsWith('calls=') && callee) {
      const hit = watch.find((w) => callee!.includes(w));
      if (hit) {
        call = watched[hit];
        call.calls += Number(line.slice(6).split(' ')[0]);
      }
    } else if (line.startsWith('totals:') || line.startsWith('summary:')) {
      instructions = Number(line.split(/\s+/)[1]);
    }
  }
  return { instructions, watched, file };
}
