import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ApiClient, FACILITIES, ORGANIZATIONS, facilityBody, registerFacility, registerOrganization } from '../../apps/cli/src/world';
import { BENCH_ADMIN_KEY, startServer } from '../harness/children';
import { med } from '../harness/load';
import { RESULTS_DIR, fmt, mb } from '../harness/report';

/**
 * `npm run bench:attack`: what four clients sending the worst bodies a valid key allows do
 * to everyone else, seen as /health's latency (a monitor probing one request after another)
 * at rest and under the attack, in alternating rounds against the same server; beside them,
 * for scale, what one legitimate upload of 10,000 readings takes. Knobs: BENCH_ROUNDS,
 * BENCH_SECONDS.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ATTACKERS = 4;

interface Probe {
  p50: number;
  p99: number;
  probes: number;
  failures: number;
}

interface Round {
  rest: Probe;
  attack: Probe & { attacks: number; refused: number; statuses: Record<number, number>; serverCpu: number };
}

async function main() {
  console.log(
    `Suyuan attack bench — ${cpus().length} cores, node ${process.version}; ${ROUNDS} rounds of ${SECONDS} s at rest then ${SECONDS} s under attack\n`,
  );
  const server = await startServer('suyuan', 'serve-app.ts', { env: { SUYUAN_ADMIN_KEY: BENCH_ADMIN_KEY } });
  try {
    const api = new ApiClient(server.url);
    const logisticsKey = (await registerOrganization(api.call, BENCH_ADMIN_KEY, ORGANIZATIONS.logistics)).apiKey;
    const uploadMs = await largestUpload(api, logisticsKey);
    console.log(`one legitimate upload of 10,000 readings: ${ms(uploadMs)} (median of 3, server otherwise idle)\n`);
    await probe(server.url, 1);
    const rssBefore = mb((await server.memory()).rss);
    const rounds: Round[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const rest = await probe(server.url, SECONDS);
      const attackers = fork(join(__dirname, 'attackers.ts'), [JSON.stringify({ baseUrl: server.url, logisticsKey, clients: ATTACKERS })], {
        execArgv: ['-r', '@swc-node/register'],
      });
      const reported = new Promise<number[]>((resolve) => attackers.once('message', (m: { statuses: number[] }) => resolve(m.statuses)));
      // Let the attack get going (the child compiles its sources first).
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const cpuBefore = await server.cpu();
      const underAttack = await probe(server.url, SECONDS);
      const serverCpu = ((await server.cpu()) - cpuBefore) / (SECONDS * 1e6);
      attackers.send('stop');
      const statuses = await reported;
      const counts: Record<number, number> = {};
      for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
      const refused = statuses.filter((s) => s >= 400 && s < 500).length;
      rounds.push({ rest, attack: { ...underAttack, attacks: statuses.length, refused, statuses: counts, serverCpu } });
      console.log(
        `  round ${round}  at rest p50 ${ms(rest.p50)} p99 ${ms(rest.p99)} (${fmt(rest.probes)} probes)   ` +
          `under attack p50 ${ms(underAttack.p50)} p99 ${ms(underAttack.p99)} (${fmt(underAttack.probes)} probes)   ` +
          `${fmt(statuses.length)} attacks, ${fmt(refused)} refused with a 4xx ${JSON.stringify(counts)}, server CPU ${fmt(serverCpu * 100)} %`,
      );
    }
    const memory = await server.memory();
    const median = (pick: (r: Round) => number) => med(rounds.map(pick));
    const summary = {
      restP50: median((r) => r.rest.p50),
      restP99: median((r) => r.rest.p99),
      attackP50: median((r) => r.attack.p50),
      attackP99: median((r) => r.attack.p99),
      failures: rounds.reduce((n, r) => n + r.rest.failures + r.attack.failures + (r.attack.attacks - r.attack.refused), 0),
      rssBeforeMb: rssBefore,
      peakRssMb: mb(memory.peakRss),
      largestUploadMs: uploadMs,
    };
    console.log(`\n/health, medians of ${ROUNDS} rounds      p50        p99`);
    console.log(`  at rest                       ${ms(summary.restP50)}   ${ms(summary.restP99)}`);
    console.log(`  under ${ATTACKERS} attackers             ${ms(summary.attackP50)}   ${ms(summary.attackP99)}`);
    console.log(
      `  under attack ÷ at rest        ${ratio(summary.attackP50 / summary.restP50)}   ${ratio(summary.attackP99 / summary.restP99)}`,
    );
    console.log(
      `  server RSS ${fmt(summary.rssBeforeMb)} MB before the rounds, peak ${fmt(summary.peakRssMb)} MB; ${summary.failures ? `FAILURES ${summary.failures} (a /health not 200, or an attack not refused with a 4xx)` : 'every /health 200, every attack a 4xx'}`,
    );
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'attack.json'), JSON.stringify({ at: new Date().toISOString(), rounds, summary }, null, 2));
  } finally {
    await server.stop();
  }
}

/** The latency of the largest body a route takes legitimately: the work a key holder may ask for anyway. */
async function largestUpload(api: ApiClient, key: string): Promise<number> {
  const { id: truck } = await registerFacility(api.call, key, facilityBody(FACILITIES.truck));
  const latencies: number[] = [];
  for (let upload = 0; upload < 3; upload++) {
    const start = Date.UTC(2026, 6, 15) + upload * 10_000 * 60_000;
    const readings = Array.from({ length: 10_000 }, (_, i) => ({
      at: new Date(start + i * 60_000).toISOString(),
      temperatureC: 1.5 + (i % 10) / 10,
    }));
    const started = performance.now();
    await api.post('/api/cold-chain/readings', key, { facilityId: truck, deviceId: 'TL-0042', readings });
    latencies.push(performance.now() - started);
  }
  return med(latencies);
}

/** /health requested one after another for `seconds`, as a monitor would: each answer's latency. */
async function probe(baseUrl: string, seconds: number): Promise<Probe> {
  const latencies: number[] = [];
  let failures = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/health`);
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response.status !== 200) failures++;
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { p50: at(0.5), p99: at(0.99), probes: latencies.length, failures };
}

const ms = (value: number) => `${value.toFixed(2).padStart(7)} ms`;
const ratio = (value: number) => `${value.toFixed(1).padStart(7)} ×`;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
