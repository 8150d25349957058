import * as core from '@suyuan/core';
import { SeriesTotals, SpanTotals, TimedReading, firstReadingAtOrAfter, foldSeries, spanTotals } from '@suyuan/logistics';
import { TemperatureRange } from '@suyuan/registry';

/** Bound once: a call through the entry point's re-exports would pass their getters every time. */
const { instantOf } = core;

/**
 * Where one batch's cartons were kept (storage) or carried (transport) for a while: a stay
 * at a station, or a leg on a vehicle. Temperatures are judged against the range of the
 * standard version that governs the batch (else the product's own); a version published
 * later that governs it holds its windows to its own ranges.
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
  /**
   * Per logger (device): its stored readings inside the window, folded in time order. Two
   * loggers in one truck are two series; the worst speaks for the window.
   */
  series: Record<string, SeriesTotals>;
}

export type WindowTotals = SpanTotals;

/** The window's span in epoch milliseconds, `[from, to)`; an open window's runs on. */
export function windowSpan(window: ColdWindow): [number, number] {
  return [instantOf(window.from), window.to === undefined ? Infinity : instantOf(window.to)];
}

/** Where the readings inside the window are among the time-sorted `readings`: `[start, end)`. */
export function insideWindow(window: ColdWindow, readings: readonly TimedReading[], lo = 0, hi = readings.length): [number, number] {
  const [fromMs, toMs] = windowSpan(window);
  const start = firstReadingAtOrAfter(readings, fromMs, lo, hi);
  return [start, toMs === Infinity ? hi : firstReadingAtOrAfter(readings, toMs, start, hi)];
}

/**
 * Adds a logger's upload (time-sorted) to the window, where that is the same as counting the
 * logger's stored readings in the window again: every reading of the upload inside the window
 * comes after the logger's last one (the series is a left fold). Returns the window itself
 * when no reading falls inside it, and `undefined` when the upload reaches back to or before
 * the logger's last reading (an earlier file, an overlap, a re-upload): the logger's series
 * must then be counted again from the stored readings.
 */
export function addReadings(window: ColdWindow, deviceId: string, readings: readonly TimedReading[]): ColdWindow | undefined {
  const [start, end] = insideWindow(window, readings);
  if (start === end) return window;
  const series = window.series[deviceId];
  if (series && readings[start][0] <= series.lastMs) return undefined;
  return withSeries(window, deviceId, foldSeries(series, window.range, readings, start, end));
}

/** The window with one logger's series replaced (or dropped, when it has no reading inside). */
export function withSeries(window: ColdWindow, deviceId: string, series: SeriesTotals | undefined): ColdWindow {
  if (window.series[deviceId] === series) return window;
  const next = { ...window.series };
  if (series) next[deviceId] = series;
  else delete next[deviceId];
  return { ...window, series: next };
}

/** The window's totals: a closed window counts its last readings up to its end; the worst logger speaks for it. */
export function windowTotals(window: ColdWindow): WindowTotals {
  return spanTotals(Object.values(window.series), window.to === undefined ? undefined : instantOf(window.to));
}
