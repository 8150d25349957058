import { join } from 'node:path';
import { Compared, LoadRun } from './load';

/** Where every bench writes its results and profiles (not tracked). */
export const RESULTS_DIR = join(__dirname, '..', '..', '.bench');

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const mb = (bytes: number) => bytes / 1024 / 1024;

export function printRun(name: string, round: number, r: LoadRun): void {
  printRound(
    name,
    round,
    { rate: r.rps, unit: 'req/s', perCpuUnit: 'req', cpu: r.cpu, perCpuSecond: r.perCpuSecond, failures: r.failures },
    `p99 ${fmt(r.p99).padStart(3)} ms`,
  );
}

/** A rate measured on one server: what it did per second and per second of its CPU. */
export interface Rate {
  rate: number;
  cpu: number;
  perCpuSecond: number;
  failures: number;
}

/** One measured run of one server, on one line: its rate, `detail`, and what it cost the server. */
export function printRound(name: string, round: number, r: Rate & { unit: string; perCpuUnit: string }, detail = ''): void {
  console.log(
    `  round ${round}  ${name.padEnd(8)} ${fmt(r.rate).padStart(7)} ${r.unit}  ${detail}  ` +
      `server CPU ${fmt(r.cpu * 100).padStart(3)} %  ${fmt(r.perCpuSecond).padStart(6)} ${r.perCpuUnit} per CPU-s${r.failures ? `  FAILURES ${r.failures}` : ''}`,
  );
}

export function printMedians(rows: [string, Compared][]): void {
  console.log('\nmedians         req/s   p99 ms  CPU %  req per CPU-s');
  for (const [kind, c] of rows) {
    for (const [name, m] of Object.entries(c.median)) {
      console.log(
        `  ${`${kind} ${name}`.padEnd(13)} ${fmt(m.rps).padStart(6)}  ${fmt(m.p99).padStart(6)}  ${fmt(m.cpu * 100).padStart(5)}  ${fmt(m.perCpuSecond).padStart(13)}`,
      );
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
  const rate = (m: Compared['median'][string]): Rate => ({ rate: m.rps, cpu: m.cpu, perCpuSecond: m.perCpuSecond, failures: m.failures });
  const bare = c.median.fastify;
  const limited =
    bare.cpu < 0.8
      ? `; bare Fastify ran at ${fmt(bare.cpu * 100)} % CPU, so the load generator capped it and the req/s ratio flatters the app`
      : '';
  return ratioFigure(label, rate(c.median.suyuan), rate(bare), target, limited);
}

/** `a`'s rate as a share of `b`'s, measured side by side, with the per-CPU ratio as a cross-check and `more` after it. */
export function ratioFigure(label: string, a: Rate, b: Rate, target: number, more = ''): Figure {
  const ratio = a.rate / b.rate;
  return {
    figure: label,
    text: ratio.toFixed(2),
    target: `≥ ${target}`,
    met: ratio >= target,
    failures: a.failures + b.failures,
    note: `per server CPU-second ${(a.perCpuSecond / b.perCpuSecond).toFixed(2)}${more}`,
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
