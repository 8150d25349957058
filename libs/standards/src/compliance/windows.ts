import * as core from '@suyuan/core';
import { ColdChainHourView, ColdChainIndexView, foldSeries, hourDocId, hourOf, SeriesTotals, TimedReading } from '@suyuan/logistics';
import { TemperatureRange } from '@suyuan/registry';
import { ColdWindow, addReadings, insideWindow, windowSpan, windowTotals, withSeries } from '../evaluation/cold-window';
import { WindowSummary } from '../evaluation/logistics-rules';
import { Changes } from './changes';
import { cohortsHolding, moveCartons } from './cohorts';
import { BatchComplianceView, ClosedWindowsView, OpenWindowsView } from './compliance.views';

/** Bound once: a call through the entry point's re-exports would pass their getters every time. */
const { instantOf, isoOf } = core;

const DAY_MS = 86_400_000;

/**
 * The UTC days (yyyy-mm-dd) from that of `fromMs` to that of `toMs`. A closed window is filed
 * under every day it spans, so an upload, however late, finds the closed windows its readings
 * fall in by the days of its own readings.
 */
export function daysSpanned(fromMs: number, toMs: number): string[] {
  const days: string[] = [];
  for (let t = Math.floor(fromMs / DAY_MS) * DAY_MS; t <= toMs; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export const closedShardId = (facilityId: string, day: string) => `${facilityId}|${day}`;

export interface OpenWindow {
  id: string;
  kind: 'storage' | 'transport';
  facilityId: string;
  facilityName: string;
  from: string;
  cartonIds: string[];
  range: TemperatureRange;
  eventId: string;
}

/**
 * Opens a cold window for some of the batch's cartons, and points their cohorts at it.
 * Readings stored before it opened (the step was recorded after the logger uploaded) count,
 * each logger's in its own series, as if they had come after.
 */
export function openWindow(doc: BatchComplianceView, w: OpenWindow, changes: Changes): BatchComplianceView {
  const cohorts = moveCartons(doc.cohorts, w.cartonIds, (c) => ({ ...c, windowIds: [...c.windowIds, w.id] }));
  const grades = [...new Set(cohorts.filter((c) => c.windowIds.includes(w.id)).map((c) => c.grade))];
  const window: ColdWindow = {
    id: w.id,
    batchId: doc.batchId,
    kind: w.kind,
    facilityId: w.facilityId,
    facilityName: w.facilityName,
    from: w.from,
    cartonIds: w.cartonIds,
    grades,
    range: w.range,
    series: {},
  };
  const opened = changes.put('coldWindows', w.id, { ...window, series: storedSeries(changes, window) });
  fileOpen(changes, w.facilityId, (list) => [...stillOpen(changes, list), { id: w.id, batchId: doc.batchId, from: w.from }]);
  return { ...doc, cohorts, windows: { ...doc.windows, [w.id]: summarize(opened, w.eventId) } };
}

/**
 * A window closed after readings past its end were folded in (the receipt was recorded after
 * the logger's upload) is counted again from the stored readings of its own span.
 */
function settle(window: ColdWindow, changes: Changes): ColdWindow {
  const toMs = instantOf(window.to!);
  if (!Object.values(window.series).some((s) => s.lastMs >= toMs)) return window;
  return { ...window, series: storedSeries(changes, window) };
}

/**
 * The window held to another range (a new version of the standard now governs its batch):
 * each logger's series counted again from the stored readings of its span.
 */
export function rerange(window: ColdWindow, range: TemperatureRange, changes: Changes): ColdWindow {
  const held = { ...window, range };
  return { ...held, series: storedSeries(changes, held) };
}

/**
 * Each logger's series counted from the stored readings of the window's span (only
 * `deviceId`'s, when given), hour by hour in time order: the same fold as readings folded as
 * they arrive, so counting again gives what folding gave.
 */
function storedSeries(changes: Changes, window: ColdWindow, deviceId?: string): Record<string, SeriesTotals> {
  const series: Record<string, SeriesTotals> = {};
  const index = changes.get<ColdChainIndexView>('coldchain', window.facilityId);
  const [fromMs, toMs] = windowSpan(window);
  if (!index || (index.lastAt !== undefined && instantOf(index.lastAt) < fromMs)) return series;
  // The index lists every hour the facility ever had readings in, sorted: a busy station's
  // grows by the day, so the span is found by bisection rather than by a scan.
  const start = firstAtOrAfter(index.hours, hourOf(fromMs));
  const end = toMs === Infinity ? index.hours.length : firstAtOrAfter(index.hours, `${hourOf(toMs)}\uffff`, start);
  for (let h = start; h < end; h++) {
    const devices = changes.get<ColdChainHourView>('coldchainHours', hourDocId(window.facilityId, index.hours[h]))?.devices;
    if (!devices) continue;
    for (const device of deviceId === undefined ? Object.keys(devices) : [deviceId]) {
      const readings = devices[device];
      if (!readings) continue;
      const [first, last] = insideWindow(window, readings);
      const folded = foldSeries(series[device], window.range, readings, first, last);
      if (folded) series[device] = folded;
    }
  }
  return series;
}

/** The index of the first of the sorted `hours` not before `hour`. */
function firstAtOrAfter(hours: readonly string[], hour: string, lo = 0): number {
  let hi = hours.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hours[mid] < hour) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ends the stay or leg of the listed cartons in every open window of the batch that holds
 * them. A window some of whose cartons stay on is split: the leaving ones get a closed copy
 * (same readings so far), so later readings are not held against goods that had left.
 */
export function closeWindows(
  doc: BatchComplianceView,
  cartonIds: readonly string[],
  at: string,
  changes: Changes,
  kind?: 'storage' | 'transport',
): BatchComplianceView {
  const leaving = new Set(cartonIds);
  let next = doc;
  // The cartons' cohorts say which windows hold them; the window documents say which cartons.
  const candidates = new Set(cohortsHolding(doc.cohorts, cartonIds).flatMap((c) => c.windowIds));
  for (const id of candidates) {
    const summary = doc.windows[id];
    if (!summary || summary.to !== undefined || (kind && summary.kind !== kind)) continue;
    const window = changes.get<ColdWindow>('coldWindows', summary.id);
    if (!window) continue;
    const mine = window.cartonIds.filter((c) => leaving.has(c));
    if (mine.length === 0) continue;
    const end = at < window.from ? window.from : at;
    if (mine.length === window.cartonIds.length) {
      // The facility's open list is left as it is: its next opening or upload drops the window
      // (the closed window document says it is closed), which spares a write per departure.
      const closed = changes.put('coldWindows', window.id, settle({ ...window, to: end }, changes));
      fileClosed(changes, window.facilityId, { id: window.id, batchId: doc.batchId, from: window.from, to: end });
      next = { ...next, windows: { ...next.windows, [window.id]: summarize(closed, summary.eventId) } };
      continue;
    }
    const copyId = `${window.id}>${end}`;
    // Cartons that left the same window at the same moment before (on another shipment) share the copy.
    const earlier = changes.get<ColdWindow>('coldWindows', copyId)?.cartonIds ?? [];
    const copy = changes.put('coldWindows', copyId, settle({ ...window, id: copyId, to: end, cartonIds: [...earlier, ...mine] }, changes));
    const rest = changes.put('coldWindows', window.id, { ...window, cartonIds: window.cartonIds.filter((id) => !leaving.has(id)) });
    fileClosed(changes, window.facilityId, { id: copyId, batchId: doc.batchId, from: window.from, to: end });
    next = {
      ...next,
      cohorts: moveCartons(next.cohorts, mine, (c) => ({ ...c, windowIds: c.windowIds.map((id) => (id === window.id ? copyId : id)) })),
      windows: { ...next.windows, [window.id]: summarize(rest, summary.eventId), [copyId]: summarize(copy, summary.eventId) },
    };
  }
  return next;
}

/**
 * Folds a logger upload (time-sorted, already stored by the cold-chain projection) into every
 * window of the facility it overlaps, open or closed. An upload that only adds later readings
 * to a logger's series is folded in; one that reaches back (an earlier file sent after a later
 * one, an overlap, a re-upload) has that logger's series in the window counted again from the
 * stored readings. Returns the batches whose windows changed, with the latest reading time each saw.
 */
export function foldReadings(
  facilityId: string,
  deviceId: string,
  readings: readonly TimedReading[],
  changes: Changes,
): Map<string, { windows: ColdWindow[]; latest: string }> {
  const touched = new Map<string, { windows: ColdWindow[]; latest: string }>();
  if (readings.length === 0) return touched;
  const firstMs = readings[0][0];
  const lastMs = readings[readings.length - 1][0];
  const listed = changes.get<OpenWindowsView>('coldWindowsOpen', facilityId)?.windows ?? [];
  const open = stillOpen(changes, listed);
  if (open.length < listed.length) changes.put('coldWindowsOpen', facilityId, { id: facilityId, windows: open });
  const entries: { id: string; from: string; to?: string }[] = [
    ...open,
    ...daysSpanned(firstMs, lastMs).flatMap(
      (day) => changes.get<ClosedWindowsView>('coldWindowsClosed', closedShardId(facilityId, day))?.windows ?? [],
    ),
  ];
  const visited = new Set<string>();
  for (const entry of entries) {
    if (visited.has(entry.id) || instantOf(entry.from) > lastMs || (entry.to !== undefined && instantOf(entry.to) <= firstMs)) continue;
    visited.add(entry.id);
    const window = changes.get<ColdWindow>('coldWindows', entry.id);
    if (!window) continue;
    const folded =
      addReadings(window, deviceId, readings) ?? withSeries(window, deviceId, storedSeries(changes, window, deviceId)[deviceId]);
    if (folded === window || sameSeries(window.series[deviceId], folded.series[deviceId])) continue;
    changes.put('coldWindows', window.id, folded);
    const seen = touched.get(window.batchId) ?? { windows: [], latest: '' };
    seen.windows.push(folded);
    const [start, end] = insideWindow(window, readings);
    const latest = end > start ? isoOf(readings[end - 1][0]) : '';
    if (latest > seen.latest) seen.latest = latest;
    touched.set(window.batchId, seen);
  }
  return touched;
}

function sameSeries(a: SeriesTotals | undefined, b: SeriesTotals | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.readings === b.readings &&
    a.lastMs === b.lastMs &&
    a.outMs === b.outMs &&
    a.longestMs === b.longestMs &&
    a.runMs === b.runMs &&
    a.lastOut === b.lastOut &&
    a.minC === b.minC &&
    a.maxC === b.maxC
  );
}

export function summarize(window: ColdWindow, eventId: string): WindowSummary {
  return {
    id: window.id,
    kind: window.kind,
    facilityName: window.facilityName,
    from: window.from,
    ...(window.to !== undefined && { to: window.to }),
    range: window.range,
    eventId,
    ...windowTotals(window),
  };
}

/** The entries of a facility's open list whose windows have not closed since they were listed. */
function stillOpen(changes: Changes, list: OpenWindowsView['windows']): OpenWindowsView['windows'] {
  return list.filter((e) => {
    const window = changes.get<ColdWindow>('coldWindows', e.id);
    return window !== undefined && window.to === undefined;
  });
}

function fileOpen(changes: Changes, facilityId: string, update: (list: OpenWindowsView['windows']) => OpenWindowsView['windows']): void {
  const existing = changes.get<OpenWindowsView>('coldWindowsOpen', facilityId);
  changes.put('coldWindowsOpen', facilityId, { id: facilityId, windows: update(existing?.windows ?? []) });
}

function fileClosed(changes: Changes, facilityId: string, entry: ClosedWindowsView['windows'][number]): void {
  for (const day of daysSpanned(instantOf(entry.from), instantOf(entry.to))) {
    const id = closedShardId(facilityId, day);
    const windows = changes.get<ClosedWindowsView>('coldWindowsClosed', id)?.windows ?? [];
    if (!windows.some((e) => e.id === entry.id)) changes.put('coldWindowsClosed', id, { id, windows: [...windows, entry] });
  }
}
