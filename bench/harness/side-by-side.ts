import { performance } from 'node:perf_hooks';

/** What a bench of ours against a bare baseline, in one process, reports of each side. */
export interface Timing {
  p50: number;
  p99: number;
  perCall: number;
}

export interface Compared {
  ratio: number;
  ratios: number[];
  ours: Timing;
  bare: Timing;
}

/**
 * Rounds of `calls` of each, the order swapped every round; the ratio is the bare query's time
 * per call over ours, the median of the rounds'. `label` names our side in each round's line.
 */
export async function compare(
  name: string,
  label: string,
  rounds: number,
  calls: number,
  ours: () => Promise<unknown>,
  bare: () => unknown,
): Promise<Compared> {
  const times = { ours: [] as number[], bare: [] as number[] };
  const ratios: number[] = [];
  await timed(calls, ours);
  await timed(calls, async () => bare());
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
    const perRound: Record<string, number[]> = {};
    for (const side of order) perRound[side] = await timed(calls, side === 'ours' ? ours : async () => bare());
    times.ours.push(...perRound.ours);
    times.bare.push(...perRound.bare);
    ratios.push(mean(perRound.bare) / mean(perRound.ours));
    console.log(
      `  ${name} round ${round}: ${label} ${ms(mean(perRound.ours))}/call, bare SQL ${ms(mean(perRound.bare))}/call, ratio ${ratios[ratios.length - 1].toFixed(2)}`,
    );
  }
  return { ratio: median(ratios), ratios, ours: timing(times.ours), bare: timing(times.bare) };
}

export async function timed(calls: number, run: () => Promise<unknown>): Promise<number[]> {
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
export async function httpLatency(url: string, key: string, calls: number): Promise<Timing> {
  const headers = { authorization: `Bearer ${key}`, accept: 'application/json' };
  const get = async () => {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };
  for (let i = 0; i < 20; i++) await get().catch((error: unknown) => (error instanceof TypeError ? get() : Promise.reject(error)));
  return timing(await timed(calls, get));
}

export function timing(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99), perCall: mean(times) };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const ms = (value: number) => `${value < 1 ? value.toFixed(3) : value.toFixed(2)} ms`;
