import { TemperatureRange } from '../../../registry/src/domain/events';
import { instant } from './instants';

/**
 * The longest time one reading speaks for, as on the consumer's cold-chain summary: past it
 * nothing is known, so an excursion neither runs on nor is assumed over a silent stretch.
 */
const MAX_READING_SPAN_MS = 30 * 60_000;

/** One logger's readings in a window, folded as they arrive: nothing but running totals is kept. */
export interface SeriesTotals {
  lastMs: number;
  lastOut: boolean;
  /** The excursion running at the last reading. */
  runMs: number;
  outMs: number;
  longestMs: number;
}

/**
 * Where one batch's cartons were kept (storage) or carried (transport) for a while: a stay
 * at a station, or a leg on a vehicle. Temperatures are judged against the range in force
 * when the window opened.
 */
export interface ColdWindow {
  id: string;
  batchId: string;
  kind: 'storage' | 'transport';
  facilityId: string;
  facilityName: string;
  from: string;
  to?: string;
  cartonIds: string[];
  grades: string[];
  range: TemperatureRange;
  readings: number;
  minC?: number;
  maxC?: number;
  /** Per logger (device): two loggers in one truck are two series, each in its own time order. */
  series: Record<string, SeriesTotals>;
}

export interface WindowTotals {
  readings: number;
  minC?: number;
  maxC?: number;
  minutesOutOfRange: number;
  longestExcursionMinutes: number;
}

/** A reading, by its ISO time or by `ms`, its time parsed once (spares parsing it again for every window it meets). */
export type TimedReading = { temperatureC: number } & ({ at: string; ms?: number } | { ms: number; at?: string });

/**
 * Folds a logger's readings (time-sorted) into the window. A reading at or before the
 * logger's last one is a re-upload of what the window already holds, and is skipped.
 */
export function addReadings(window: ColdWindow, deviceId: string, readings: readonly TimedReading[]): ColdWindow {
  const fromMs = instant(window.from);
  const toMs = window.to === undefined ? Infinity : instant(window.to);
  let series = window.series[deviceId];
  let { readings: count, minC, maxC } = window;
  for (const r of readings) {
    const at = r.ms ?? Date.parse(r.at!);
    if (at < fromMs || at >= toMs || (series && at <= series.lastMs)) continue;
    const c = r.temperatureC;
    const out = c < window.range.minC || c > window.range.maxC;
    count++;
    minC = minC === undefined || c < minC ? c : minC;
    maxC = maxC === undefined || c > maxC ? c : maxC;
    if (!series) {
      series = { lastMs: at, lastOut: out, runMs: 0, outMs: 0, longestMs: 0 };
      continue;
    }
    const gap = at - series.lastMs;
    const span = Math.min(gap, MAX_READING_SPAN_MS);
    let { runMs, outMs, longestMs } = series;
    if (series.lastOut) {
      outMs += span;
      runMs += span;
      if (runMs > longestMs) longestMs = runMs;
    }
    if (gap > MAX_READING_SPAN_MS || !out) runMs = 0;
    series = { lastMs: at, lastOut: out, runMs, outMs, longestMs };
  }
  if (!series) return window;
  return { ...window, readings: count, minC, maxC, series: { ...window.series, [deviceId]: series } };
}

/** The window's totals: a closed window counts its last readings up to its end; the worst logger speaks for it. */
export function windowTotals(window: ColdWindow): WindowTotals {
  const toMs = window.to === undefined ? undefined : instant(window.to);
  let outMs = 0;
  let longestMs = 0;
  for (const s of Object.values(window.series)) {
    const tail = toMs !== undefined && s.lastOut ? Math.min(Math.max(0, toMs - s.lastMs), MAX_READING_SPAN_MS) : 0;
    const run = s.lastOut ? s.runMs + tail : 0;
    outMs = Math.max(outMs, s.outMs + tail);
    longestMs = Math.max(longestMs, s.longestMs, run);
  }
  return {
    readings: window.readings,
    ...(window.minC !== undefined && { minC: window.minC, maxC: window.maxC }),
    minutesOutOfRange: Math.round(outMs / 60_000),
    longestExcursionMinutes: Math.round(longestMs / 60_000),
  };
}
