import {
  MAX_READING_SPAN_MS,
  SeriesTotals,
  TimedReading,
  firstReadingAtOrAfter,
  foldSeries,
  spanTotals,
  toMinutes,
} from '@suyuan/logistics';
import type { TemperatureRange } from '@suyuan/registry';
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

/** A facility's readings per logger (device id): each logger's time-sorted, one reading per time. */
export type LoggerReadings = ReadonlyMap<string, readonly TimedReading[]>;

const CHART_POINTS = 60;

interface ChartCandidate {
  ms: number;
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
  readingsByFacility: ReadonlyMap<string, LoggerReadings>,
  asOf?: string,
): ColdChainSummary {
  const candidates: ChartCandidate[] = [];
  const summaries = segments.map((segment) => summarizeSegment(segment, readingsByFacility.get(segment.facilityId), asOf, candidates));

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

/**
 * One segment, counted as the compliance verdict counts its cold window: each logger's
 * readings in time order, the worst logger speaking for the segment (spanTotals).
 */
function summarizeSegment(
  segment: ColdChainSegment,
  loggers: LoggerReadings | undefined,
  asOf: string | undefined,
  candidates: ChartCandidate[],
): ColdChainSegmentSummary {
  const { range } = segment;
  const midpoint = range && (range.minC + range.maxC) / 2;
  const fromMs = Date.parse(segment.from);
  const end = segment.to ?? asOf;
  const endMs = end === undefined ? undefined : Date.parse(end);
  const series: SeriesTotals[] = [];
  const covered: [number, number][] = [];
  const inside: ChartCandidate[] = [];
  for (const readings of loggers?.values() ?? []) {
    const first = firstReadingAtOrAfter(readings, fromMs);
    const last = segment.to === undefined ? readings.length : firstReadingAtOrAfter(readings, endMs!, first);
    const totals = foldSeries(undefined, range, readings, first, last);
    if (!totals) continue;
    series.push(totals);
    for (let i = first; i < last; i++) {
      const ms = readings[i][0];
      inside.push({ ms, c: readings[i][1], midpoint });
      const next = i + 1 < last ? readings[i + 1][0] : endMs;
      if (next !== undefined) covered.push([ms, ms + Math.min(Math.max(0, next - ms), MAX_READING_SPAN_MS)]);
    }
  }
  // Loggers' readings side by side, in time order, for the chart.
  if (series.length > 1) inside.sort((a, b) => a.ms - b.ms);
  for (const c of inside) candidates.push(c);

  const totals = spanTotals(series, endMs);
  // A closed stay or leg says how long nobody measured: no logger there, or one gone silent.
  const durationMs = endMs === undefined ? 0 : endMs - fromMs;
  const unmonitoredMs = Math.max(0, durationMs - unionMs(covered, series.length > 1));
  return {
    facilityId: segment.facilityId,
    facilityName: segment.facilityName,
    from: segment.from,
    ...(segment.to !== undefined && { to: segment.to }),
    ...(range && { range }),
    ...totals,
    minutesUnmonitored: toMinutes(unmonitoredMs),
  };
}

/** The time the intervals cover, each moment once (two loggers watching at once watch it once). */
function unionMs(intervals: [number, number][], unsorted: boolean): number {
  if (unsorted) intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = -Infinity;
  for (const [start, end] of intervals) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

/**
 * Keeps from each bucket the reading farthest from its range's midpoint (or, with no range,
 * from the bucket's mean), so that a short excursion survives instead of being averaged away.
 */
function downsample(points: readonly ChartCandidate[], limit: number): { at: string; c: number }[] {
  if (points.length <= limit) return points.map(({ ms, c }) => ({ at: new Date(ms).toISOString(), c }));
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
    chart.push({ at: new Date(pick.ms).toISOString(), c: pick.c });
  }
  return chart;
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
