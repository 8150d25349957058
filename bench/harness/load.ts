import autocannon from 'autocannon';

export interface LoadRun {
  rps: number;
  p50: number;
  p99: number;
  /**
   * The server's CPU use during the run (1 = one core busy). Well below 1 the load generator,
   * not the server, set the pace, and req/s understates what the server can do.
   */
  cpu: number;
  /** Requests per second of server CPU: the server's cost, whatever limited the run. */
  perCpuSecond: number;
  /** Non-2xx answers and connection errors (timeouts included): any of them voids the figure. */
  failures: number;
}

export interface Target {
  name: string;
  url: string;
  cpu(): Promise<number>;
}

/**
 * One autocannon run in this process. Every connection gets its own slice of a fresh shuffle
 * of all the paths, prebuilt: a request per item in random order and no two connections in
 * step, so that no cache in the app can serve a repeat, and no per-request setup (rebuilding
 * each request costs autocannon about half its speed, and then bare Fastify would measure
 * the load generator).
 */
export async function load(
  target: Target,
  paths: string[],
  accept: string,
  seconds: number,
  connections: number,
  headers: Record<string, string> = {},
): Promise<LoadRun> {
  const shuffled = shuffle(paths);
  const slice = Math.ceil(shuffled.length / connections);
  let client = 0;
  const cpuBefore = await target.cpu();
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    headers: { accept, 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8', ...headers },
    setupClient: (c) => {
      const mine = shuffled.slice(client * slice, ++client * slice);
      c.setRequests((mine.length ? mine : shuffled).map((path) => ({ method: 'GET', path })));
    },
  });
  const cpu = (await target.cpu()) - cpuBefore;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // Over the load's own seconds: building the clients' requests first keeps the server idle.
    cpu: cpu / (seconds * 1e6),
    perCpuSecond: result.requests.total / (cpu / 1e6),
    failures: result.non2xx + result.errors,
  };
}

function shuffle<T>(values: T[]): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface Compared {
  runs: Record<string, LoadRun[]>;
  median: Record<string, { rps: number; p99: number; cpu: number; perCpuSecond: number; failures: number }>;
}

/**
 * Warms every target, then runs them in turn for `rounds` rounds, rotating the order each
 * round so that a slow spell of the machine does not always land on the same target.
 */
export async function compare(
  targets: Target[],
  paths: string[],
  accept: string,
  o: { rounds: number; seconds: number; warmup: number; connections: number },
  onRun: (name: string, round: number, run: LoadRun) => void,
): Promise<Compared> {
  const runs = await interleave(
    targets,
    o.rounds,
    (target, warmup) => load(target, paths, accept, warmup ? o.warmup : o.seconds, o.connections),
    onRun,
  );
  return { runs, median: medians(runs, ['rps', 'p99', 'cpu', 'perCpuSecond'], 'failures') };
}

/**
 * The rounds of any side-by-side measurement: one warm-up run per target, then `rounds`
 * rounds with the order rotated each round. Returns every target's measured runs.
 */
export async function interleave<T extends { name: string }, R>(
  targets: T[],
  rounds: number,
  run: (target: T, warmup: boolean) => Promise<R>,
  onRun: (name: string, round: number, run: R) => void,
): Promise<Record<string, R[]>> {
  for (const target of targets) await run(target, true);
  const runs: Record<string, R[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < targets.length; i++) {
      const target = targets[(i + round) % targets.length];
      const result = await run(target, false);
      runs[target.name].push(result);
      onRun(target.name, round + 1, result);
    }
  }
  return runs;
}

/** Per target, the median of each of `fields` over its runs, and the sum of `summed` (failures: any one counts). */
export function medians<R, F extends keyof R, S extends keyof R>(
  runs: Record<string, R[]>,
  fields: F[],
  summed: S,
): Record<string, Record<F | S, number>> {
  return Object.fromEntries(
    Object.entries(runs).map(([name, rs]) => [
      name,
      {
        ...Object.fromEntries(fields.map((f) => [f, med(rs.map((r) => Number(r[f])))])),
        [summed]: rs.reduce((sum, r) => sum + Number(r[summed]), 0),
      } as Record<F | S, number>,
    ]),
  );
}

/**
 * The median over rounds of a's rate ÷ b's in the same round: each pair ran back to back, so
 * the machine's slow and fast phases, which move both, weigh less than in a ratio of medians.
 */
export function pairedRatio(a: readonly { rate: number }[], b: readonly { rate: number }[]): number {
  return med(a.map((r, i) => r.rate / b[i].rate));
}

export function med(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
