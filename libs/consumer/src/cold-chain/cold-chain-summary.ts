import type { ColdChainReading } from '../../../logistics/src/domain/events';
import type { TemperatureRange } from '../../../registry/src/domain/events';
import type { ColdChainSegmentSummary, ColdChainSummary } from '../passport/item-passport';

/** One stay at a facility or one vehicle leg, in time order. */
export interface ColdChainSegment {
  facilityId: string;
  facilityName: string;
  from: string;
  /** Absent while the item is still there. */
  to?: string;
  /** Absent where the facility keeps no required range: no excursion is counted there. */
  range?: TemperatureRange;
}

export type TemperatureReading = Pick<ColdChainReading, 'at' | 'temperatureC'>;

/**
 * The longest time one reading speaks for. Devices record every 10 minutes; when one falls
 * silent (flat battery, no signal) we do not know the temperature, so a last out-of-range
 * reading must not turn into hours of excursion, nor a last good one into hours of safety.
 */
const MAX_READING_SPAN_MS = 30 * 60_000;
const CHART_POINTS = 60;

interface ChartCandidate {
  at: string;
  c: number;
  midpoint?: number;
}

/**
 * Temperatures along an item's journey: per segment the readings of its facility within
 * [from, to), their extremes and the time out of range; a chart of at most 60 points.
 * `asOf` is the end of an open segment (the item is still there); without it the last
 * reading of an open segment counts no time, its duration being unknown yet.
 */
export function summarizeColdChain(
  segments: readonly ColdChainSegment[],
  readingsByFacility: ReadonlyMap<string, readonly TemperatureReading[]>,
  asOf?: string,
): ColdChainSummary {
  const timesByFacility = new Map<string, number[]>();
  const candidates: ChartCandidate[] = [];
  const summaries = segments.map((segment) => {
    const readings = readingsByFacility.get(segment.facilityId) ?? [];
    let times = timesByFacility.get(segment.facilityId);
    if (!times) {
      times = readings.map((r) => Date.parse(r.at));
      timesByFacility.set(segment.facilityId, times);
    }
    return summarizeSegment(segment, readings, times, asOf, candidates);
  });

  const withReadings = summaries.filter((s) => s.readings > 0);
  return {
    readings: sum(summaries, (s) => s.readings),
    ...(withReadings.length > 0 && {
      minC: Math.min(...withReadings.map((s) => s.minC as number)),
      maxC: Math.max(...withReadings.map((s) => s.maxC as number)),
    }),
    minutesOutOfRange: sum(summaries, (s) => s.minutesOutOfRange),
    minutesUnmonitored: sum(summaries, (s) => s.minutesUnmonitored),
    longestExcursionMinutes: Math.max(0, ...summaries.map((s) => s.longestExcursionMinutes)),
    segments: summaries,
    chart: downsample(candidates, CHART_POINTS),
  };
}

function summarizeSegment(
  segment: ColdChainSegment,
  readings: readonly TemperatureReading[],
  times: readonly number[],
  asOf: string | undefined,
  candidates: ChartCandidate[],
): ColdChainSegmentSummary {
  const { range } = segment;
  const midpoint = range && (range.minC + range.maxC) / 2;
  const endMs = Date.parse(segment.to ?? asOf ?? '');
  const first = lowerBound(times, Date.parse(segment.from));
  const last = segment.to === undefined ? times.length : lowerBound(times, endMs);

  let minC = Infinity;
  let maxC = -Infinity;
  let outOfRangeMs = 0;
  let excursionMs = 0;
  let longestExcursionMs = 0;
  let monitoredMs = 0;
  for (let i = first; i < last; i++) {
    const c = readings[i].temperatureC;
    if (c < minC) minC = c;
    if (c > maxC) maxC = c;
    candidates.push({ at: readings[i].at, c, midpoint });

    const next = i + 1 < last ? times[i + 1] : endMs;
    const gap = Number.isNaN(next) ? 0 : Math.max(0, next - times[i]);
    const span = Math.min(gap, MAX_READING_SPAN_MS);
    monitoredMs += span;
    if (range && (c < range.minC || c > range.maxC)) {
      outOfRangeMs += span;
      excursionMs += span;
      if (excursionMs > longestExcursionMs) longestExcursionMs = excursionMs;
    } else {
      excursionMs = 0;
    }
    // Nothing is known across a silent stretch, so an excursion does not run on over it.
    if (gap > MAX_READING_SPAN_MS) excursionMs = 0;
  }

  const count = last - first;
  // A closed stay or leg says how long nobody measured: no logger there, or one gone silent.
  const durationMs = endMs - Date.parse(segment.from);
  const unmonitoredMs = Number.isNaN(durationMs) ? 0 : Math.max(0, durationMs - monitoredMs);
  return {
    facilityId: segment.facilityId,
    facilityName: segment.facilityName,
    from: segment.from,
    ...(segment.to !== undefined && { to: segment.to }),
    ...(range && { range }),
    readings: count,
    ...(count > 0 && { minC, maxC }),
    minutesOutOfRange: toMinutes(outOfRangeMs),
    minutesUnmonitored: toMinutes(unmonitoredMs),
    longestExcursionMinutes: toMinutes(longestExcursionMs),
  };
}

/**
 * Keeps from each bucket the reading farthest from its range's midpoint (or, with no range,
 * from the bucket's mean), so that a short excursion survives instead of being averaged away.
 */
function downsample(points: readonly ChartCandidate[], limit: number): { at: string; c: number }[] {
  if (points.length <= limit) return points.map(({ at, c }) => ({ at, c }));
  const chart: { at: string; c: number }[] = [];
  for (let b = 0; b < limit; b++) {
    const start = Math.floor((b * points.length) / limit);
    const end = Math.floor(((b + 1) * points.length) / limit);
    let mean: number | undefined;
    let pick = points[start];
    let farthest = -1;
    for (let i = start; i < end; i++) {
      const p = points[i];
      const reference = p.midpoint ?? (mean ??= meanOf(points, start, end));
      const distance = Math.abs(p.c - reference);
      if (distance > farthest) {
        farthest = distance;
        pick = p;
      }
    }
    chart.push({ at: pick.at, c: pick.c });
  }
  return chart;
}

/** First index whose time is at or after `ms`; times are sorted. */
function lowerBound(times: readonly number[], ms: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function meanOf(points: readonly ChartCandidate[], start: number, end: number): number {
  let total = 0;
  for (let i = start; i < end; i++) total += points[i].c;
  return total / (end - start);
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += of(item);
  return total;
}

function toMinutes(ms: number): number {
  return Math.round(ms / 60_000);
}
