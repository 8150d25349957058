import { Compared, LoadRun } from './load';

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const mb = (bytes: number) => bytes / 1024 / 1024;

export function printRun(name: string, round: number, r: LoadRun): void {
  console.log(
    `  round ${round}  ${name.padEnd(8)} ${fmt(r.rps).padStart(7)} req/s  p99 ${fmt(r.p99).padStart(3)} ms  ` +
      `server CPU ${fmt(r.cpu * 100).padStart(3)} %  ${fmt(r.perCpuSecond).padStart(6)} req per CPU-s${r.failures ? `  FAILURES ${r.failures}` : ''}`,
  );
}

export function printMedians(rows: [string, Compared][]): void {
  console.log('\nmedians         req/s   p99 ms  CPU %  req per CPU-s');
  for (const [kind, c] of rows) {
    for (const [name, m] of Object.entries(c.median)) {
      console.log(`  ${`${kind} ${name}`.padEnd(13)} ${fmt(m.rps).padStart(6)}  ${fmt(m.p99).padStart(6)}  ${fmt(m.cpu * 100).padStart(5)}  ${fmt(m.perCpuSecond).padStart(13)}`);
    }
  }
}

export interface Figure {
  figure: string;
  text: string;
  target: string;
  met: boolean;
  failures: number;
  note?: string;
}

/** The figure for one scan kind: throughput ratio to bare Fastify, plus the per-CPU ratio as a cross-check. */
export function scanFigure(label: string, c: Compared, target: number): Figure {
  const app = c.median.suyuan;
  const bare = c.median.fastify;
  const ratio = app.rps / bare.rps;
  const perCpu = app.perCpuSecond / bare.perCpuSecond;
  const limited = bare.cpu < 0.8 ? `; bare Fastify ran at ${fmt(bare.cpu * 100)} % CPU, so the load generator capped it and the req/s ratio flatters the app` : '';
  return {
    figure: label,
    text: ratio.toFixed(2),
    target: `≥ ${target}`,
    met: ratio >= target,
    failures: app.failures + bare.failures,
    note: `per server CPU-second ${perCpu.toFixed(2)}${limited}`,
  };
}

export function printFigures(figures: Figure[]): void {
  console.log('');
  for (const f of figures) {
    const verdict = f.failures ? `VOID: ${f.failures} failed requests` : f.met ? 'met' : 'MISSED';
    console.log(`${f.figure.padEnd(30)} ${f.text.padEnd(30)} target ${f.target.padEnd(10)} ${verdict}`);
    if (f.note) console.log(`${''.padEnd(33)}(${f.note})`);
  }
}
