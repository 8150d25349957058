import { performance } from 'node:perf_hooks';
import { med } from './load';

const READINGS_PER_UPLOAD = 1000;
const INTERVAL_MS = 10_000;
const DEVICES_PER_FACILITY = 2;

export interface IngestResult {
  readingsPerSecond: number;
  uploads: number;
  readings: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
  /** Where the devices' clocks stopped: the next upload's start, for a run that continues this one. */
  until: number;
}

/**
 * Loggers uploading their backlog: each device sends 1000 readings (10 s apart, ~2.8 h) per
 * request, continuing where its last upload ended, starting at `start` (by default 60 days
 * back) so that nothing lands in the future. Two devices share each facility, so their
 * uploads meet in the same hour documents. `clients` uploads are in flight at once.
 */
export async function ingest(
  baseUrl: string,
  key: string,
  facilities: string[],
  clients: number,
  seconds: number,
  start = Date.now() - 60 * 86_400_000,
): Promise<IngestResult> {
  const devices = facilities.flatMap((facilityId, f) =>
    Array.from({ length: DEVICES_PER_FACILITY }, (_, d) => ({ facilityId, deviceId: `TL-${f}-${d}`, next: start + d * 5_000 })),
  );
  let turn = 0;
  const latencies: number[] = [];
  let readings = 0;
  let failures = 0;
  const deadline = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const device = devices[turn++ % devices.length];
      const batch = Array.from({ length: READINGS_PER_UPLOAD }, (_, i) => ({
        at: new Date(device.next + i * INTERVAL_MS).toISOString(),
        temperatureC: Math.round((1 + Math.sin(i / 50) * 2 + Math.random()) * 10) / 10,
        humidityPct: 85 + (i % 10),
      }));
      device.next += READINGS_PER_UPLOAD * INTERVAL_MS;
      const started = performance.now();
      const response = await fetch(`${baseUrl}/api/cold-chain/readings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ facilityId: device.facilityId, deviceId: device.deviceId, readings: batch }),
      });
      const body = (await response.json().catch(() => ({}))) as { accepted?: number };
      latencies.push(performance.now() - started);
      if (response.ok && body.accepted === READINGS_PER_UPLOAD) readings += READINGS_PER_UPLOAD;
      else failures++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    readingsPerSecond: readings / elapsed,
    uploads: latencies.length,
    readings,
    p50Ms: med(latencies),
    p99Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0,
    failures,
    until: Math.max(...devices.map((d) => d.next)),
  };
}
