import { ApiClient, FACILITIES, FacilityKey, PRODUCTS } from '../world';
import { iso, TEN_MINUTES_MS } from './clock';
import { BatchPlan } from './plans';
import { WorldIds } from './production';

interface LoggerWindow {
  from: number;
  to: number;
  range: { minC: number; maxC: number };
  humidityPct: [number, number];
  /** Readings that replace in-range ones: epoch ms → °C. */
  overrides: Map<number, number>;
}

export interface Reading {
  at: string;
  temperatureC: number;
  humidityPct: number;
}

/**
 * When each logger has goods of which product: a vehicle for each leg it drives (held to the
 * transport range), a cold room or station for each stay (held to the storage range). A stay
 * or leg still under way runs to the end of the world, as the server's summary does.
 */
export function loggerWindows(plans: BatchPlan[], end: Date): Map<FacilityKey, LoggerWindow[]> {
  const windows = new Map<FacilityKey, LoggerWindow[]>();
  const add = (facility: FacilityKey | undefined, from: Date, to: Date, window: Omit<LoggerWindow, 'from' | 'to'>) => {
    if (!facility || !FACILITIES[facility].logger) return;
    const list = windows.get(facility) ?? [];
    const clash = list.find((w) => w.from < to.getTime() && from.getTime() < w.to);
    // Two products at one logger at once would judge one reading against two ranges; the plans avoid it.
    if (clash) throw new Error(`demo plan error: ${facility} holds two batches at ${iso(from)}`);
    list.push({ from: from.getTime(), to: to.getTime(), ...window });
    windows.set(facility, list);
  };
  for (const plan of plans) {
    const product = PRODUCTS[plan.product];
    plan.legs.forEach((leg, i) => {
      const overrides = new Map<number, number>();
      leg.excursion?.temperaturesC.forEach((c, k) => overrides.set(leg.excursion!.at.getTime() + k * TEN_MINUTES_MS, c));
      add(leg.vehicle, leg.dispatchedAt, leg.received?.at ?? end, {
        range: product.transportRange,
        humidityPct: product.humidityPct,
        overrides,
      });
      if (leg.received) {
        const left = plan.legs[i + 1]?.dispatchedAt ?? leg.delivered?.at ?? end;
        add(leg.to, leg.received.at, left, { range: product.storageRange, humidityPct: product.humidityPct, overrides: new Map() });
      }
    });
  }
  return windows;
}

/** One reading every 10 minutes (on the clock's tens) in each window, inside its range unless overridden. */
export function readingsOf(windows: LoggerWindow[], seed: string): Reading[] {
  const random = mulberry32(fnv1a(seed));
  const readings: Reading[] = [];
  for (const w of windows) {
    const margin = (w.range.maxC - w.range.minC) * 0.2;
    const [lo, hi] = [w.range.minC + margin, w.range.maxC - margin];
    for (let t = Math.ceil(w.from / TEN_MINUTES_MS) * TEN_MINUTES_MS; t < w.to; t += TEN_MINUTES_MS) {
      // A slow defrost-cycle wave plus sensor noise, kept off the range's edges.
      const wave = 0.5 + 0.3 * Math.sin(t / 5_400_000) + 0.2 * (random() - 0.5);
      const inRange = round1(Math.min(hi, Math.max(lo, lo + (hi - lo) * wave)));
      const [hLo, hHi] = w.humidityPct;
      readings.push({
        at: iso(new Date(t)),
        temperatureC: w.overrides.get(t) ?? inRange,
        humidityPct: round1(hLo + (hHi - hLo) * random()),
      });
    }
  }
  return readings;
}

/** Each logger's owner uploads its readings in one bulk request. */
export async function uploadReadings(api: ApiClient, world: WorldIds, plans: BatchPlan[], end: Date, runId: string): Promise<number> {
  const windows = loggerWindows(plans, end);
  const counts = await Promise.all(
    [...windows].map(async ([facility, list]) => {
      const def = FACILITIES[facility];
      const readings = readingsOf(list, `${runId}:${facility}`);
      await api.post(
        '/api/cold-chain/readings',
        world.orgs[def.owner].apiKey,
        { facilityId: world.facilities[facility], deviceId: def.logger, readings },
        `readings-${facility}`,
      );
      return readings.length;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A small seeded generator: the same run id gives the same readings, so a replayed upload matches. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
