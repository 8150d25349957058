/**
 * The one computation of cold-chain totals: a stay's or leg's readings, logger by logger in
 * time order, folded into minutes out of range and the longest excursion. The compliance
 * verdict, its alerts and the consumer's page all count with it, so they cannot disagree.
 */

/**
 * The longest time one reading speaks for. Loggers record every few minutes; when one falls
 * silent (flat battery, no signal) nothing is known, so a last out-of-range reading must not
 * turn into hours of excursion, nor a last good one into hours of safety.
 */
export const MAX_READING_SPAN_MS = 30 * 60_000;

/** A reading as stored: its time in epoch milliseconds, °C (and relative humidity, unused here). */
export type TimedReading = readonly [ms: number, temperatureC: number, humidityPct?: number | null];

export interface ColdRange {
  minC: number;
  maxC: number;
}

/** One logger's readings in a span, folded in time order: nothing but running totals is kept. */
export interface SeriesTotals {
  readings: number;
  minC: number;
  maxC: number;
  lastMs: number;
  lastOut: boolean;
  /** The excursion running at the last reading. */
  runMs: number;
  outMs: number;
  longestMs: number;
}

/** What a stay or leg shows and is judged on. */
export interface SpanTotals {
  readings: number;
  minC?: number;
  maxC?: number;
  minutesOutOfRange: number;
  longestExcursionMinutes: number;
}

/**
 * Folds one logger's readings `[start, end)` (time-sorted) into its totals. Each reading out
 * of range counts up to the next one, for 30 minutes at most. A reading at or before the last
 * one folded is skipped: per logger and time, the first reading recorded stands.
 *
 * A left fold: folding a logger's readings in two parts, the second all after the first,
 * gives what folding them at once gives. That is what lets an upload of later readings add
 * to the totals instead of counting the span again.
 */
export function foldSeries(
  totals: SeriesTotals | undefined,
  range: ColdRange | undefined,
  readings: readonly TimedReading[],
  start = 0,
  end = readings.length,
): SeriesTotals | undefined {
  const minRange = range ? range.minC : -Infinity;
  const maxRange = range ? range.maxC : Infinity;
  let i = start;
  if (!totals) {
    if (i >= end) return undefined;
    const [ms, c] = readings[i++];
    totals = { readings: 1, minC: c, maxC: c, lastMs: ms, lastOut: c < minRange || c > maxRange, runMs: 0, outMs: 0, longestMs: 0 };
  }
  let { readings: count, minC, maxC, lastMs, lastOut, runMs, outMs, longestMs } = totals;
  for (; i < end; i++) {
    const r = readings[i];
    const at = r[0];
    if (at <= lastMs) continue;
    const c = r[1];
    const out = c < minRange || c > maxRange;
    const gap = at - lastMs;
    if (lastOut) {
      const span = gap < MAX_READING_SPAN_MS ? gap : MAX_READING_SPAN_MS;
      outMs += span;
      runMs += span;
      if (runMs > longestMs) longestMs = runMs;
    }
    // Nothing is known across a silent stretch, so an excursion does not run on over it.
    if (gap > MAX_READING_SPAN_MS || !out) runMs = 0;
    count++;
    if (c < minC) minC = c;
    if (c > maxC) maxC = c;
    lastMs = at;
    lastOut = out;
  }
  if (count === totals.readings) return totals;
  return { readings: count, minC, maxC, lastMs, lastOut, runMs, outMs, longestMs };
}

/**
 * A stay's or leg's totals from its loggers' series. The worst logger speaks for it: its
 * minutes out of range and longest excursion are the most any one logger saw (two loggers
 * side by side measure the same goods, so their excursions are not added); the readings are
 * all of them. A closed span (`endMs`) counts each logger's last reading up to its end, for
 * 30 minutes at most; an open one does not yet.
 */
export function spanTotals(series: Iterable<SeriesTotals>, endMs?: number): SpanTotals {
  let readings = 0;
  let minC = Infinity;
  let maxC = -Infinity;
  let outMs = 0;
  let longestMs = 0;
  for (const s of series) {
    const tail = endMs !== undefined && s.lastOut ? Math.min(Math.max(0, endMs - s.lastMs), MAX_READING_SPAN_MS) : 0;
    readings += s.readings;
    if (s.minC < minC) minC = s.minC;
    if (s.maxC > maxC) maxC = s.maxC;
    outMs = Math.max(outMs, s.outMs + tail);
    longestMs = Math.max(longestMs, s.longestMs, s.lastOut ? s.runMs + tail : 0);
  }
  return {
    readings,
    ...(readings > 0 && { minC, maxC }),
    minutesOutOfRange: toMinutes(outMs),
    longestExcursionMinutes: toMinutes(longestMs),
  };
}

/** The index of the first of the time-sorted readings at or after `ms`. */
export function firstReadingAtOrAfter(readings: readonly TimedReading[], ms: number, lo = 0, hi = readings.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (readings[mid][0] < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function toMinutes(ms: number): number {
  return Math.round(ms / 60_000);
}
