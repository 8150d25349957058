import { hourDocId } from '../../../logistics/src/cold-chain.projection';
import { ColdChainHourView, ColdChainIndexView } from '../../../logistics/src/logistics.views';
import { TemperatureRange } from '../../../registry/src/domain/events';
import { ColdWindow, TimedReading, addReadings, windowTotals } from '../evaluation/cold-window';
import { instant } from '../evaluation/instants';
import { WindowSummary } from '../evaluation/logistics-rules';
import { Changes } from './changes';
import { cohortsHolding, moveCartons } from './cohorts';
import { BatchComplianceView, ClosedWindowsView, OpenWindowsView } from './compliance.views';

/**
 * How late after its readings an upload may arrive and still find the windows that closed in
 * the meantime (a logger dumped at the end of a trip): closed windows are filed by the hour
 * they closed, and an upload looks in the hours from its first reading to this long after its last.
 */
export const LATE_UPLOAD_HOURS = 48;
const HOUR_MS = 3_600_000;
const hourOf = (iso: string) => iso.slice(0, 13);

/** The hours whose closed windows an upload spanning [first, last] may overlap. */
export function closedHours(first: string, last: string): string[] {
  const hours: string[] = [];
  const end = Date.parse(last) + LATE_UPLOAD_HOURS * HOUR_MS;
  for (let t = Math.floor(Date.parse(first) / HOUR_MS) * HOUR_MS; t <= end; t += HOUR_MS) hours.push(new Date(t).toISOString().slice(0, 13));
  return hours;
}

export const closedShardId = (facilityId: string, hour: string) => `${facilityId}|${hour}`;

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

/** Opens a cold window for some of the batch's cartons, and points their cohorts at it. */
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
    readings: 0,
    series: {},
  };
  changes.put('coldWindows', w.id, addReadings(window, STORED, storedReadings(changes, w.facilityId, w.from)));
  fileOpen(changes, w.facilityId, (list) => [...stillOpen(changes, list), { id: w.id, batchId: doc.batchId, from: w.from }]);
  return { ...doc, cohorts, windows: { ...doc.windows, [w.id]: summarize(changes.get<ColdWindow>('coldWindows', w.id)!, w.eventId) } };
}

/**
 * A window closed after readings past its end were folded in (the receipt was recorded after
 * the logger's upload) is counted again from the stored readings of its own span.
 */
function settle(window: ColdWindow, changes: Changes): ColdWindow {
  const toMs = instant(window.to!);
  if (!Object.values(window.series).some((s) => s.lastMs >= toMs)) return window;
  const fresh: ColdWindow = { ...window, readings: 0, minC: undefined, maxC: undefined, series: {} };
  delete fresh.minC;
  delete fresh.maxC;
  return addReadings(fresh, STORED, storedReadings(changes, window.facilityId, window.from, window.to));
}

/** Readings already stored when a window opens (the step was recorded after the logger uploaded) count as one series. */
const STORED = 'stored';
const MAX_BACKFILL_HOURS = 7 * 24;

function storedReadings(changes: Changes, facilityId: string, from: string, to?: string): TimedReading[] {
  const index = changes.get<ColdChainIndexView>('coldchain', facilityId);
  if (!index || (index.lastAt !== undefined && Date.parse(index.lastAt) < Date.parse(from))) return [];
  const fromMs = instant(from);
  // The index lists every hour the facility ever had readings in, sorted: a busy station's
  // grows by the day, so the span is found by bisection rather than by a scan.
  const start = firstAtOrAfter(index.hours, from.slice(0, 13));
  // The cap bounds a backfill at opening; a settled window is recounted over its whole span.
  const end = to === undefined ? Math.min(index.hours.length, start + MAX_BACKFILL_HOURS) : firstAtOrAfter(index.hours, `${to.slice(0, 13)}\uffff`);
  const hours = index.hours.slice(start, end);
  const readings: TimedReading[] = [];
  for (const hour of hours) {
    for (const [ms, c] of changes.get<ColdChainHourView>('coldchainHours', hourDocId(facilityId, hour))?.r ?? []) {
      if (ms >= fromMs) readings.push({ ms, temperatureC: c });
    }
  }
  return readings;
}

/** The index of the first of the sorted `hours` not before `hour`. */
function firstAtOrAfter(hours: readonly string[], hour: string): number {
  let lo = 0;
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
 * Folds a logger upload into every window of the facility it overlaps. Returns the batches
 * whose window summaries changed, with the latest reading time each saw.
 */
export function foldReadings(
  facilityId: string,
  deviceId: string,
  readings: readonly { at: string; ms?: number; temperatureC: number }[],
  changes: Changes,
): Map<string, { windows: ColdWindow[]; latest: string }> {
  const touched = new Map<string, { windows: ColdWindow[]; latest: string }>();
  if (readings.length === 0) return touched;
  const first = readings[0].at;
  const last = readings[readings.length - 1].at;
  const listed = changes.get<OpenWindowsView>('coldWindowsOpen', facilityId)?.windows ?? [];
  const open = stillOpen(changes, listed);
  if (open.length < listed.length) changes.put('coldWindowsOpen', facilityId, { id: facilityId, windows: open });
  const entries: { id: string; from: string; to?: string }[] = [
    ...open,
    ...closedHours(first, last).flatMap((h) => changes.get<ClosedWindowsView>('coldWindowsClosed', closedShardId(facilityId, h))?.windows ?? []),
  ];
  const visited = new Set<string>();
  for (const entry of entries) {
    if (visited.has(entry.id) || entry.from > last || (entry.to !== undefined && entry.to <= first)) continue;
    visited.add(entry.id);
    const window = changes.get<ColdWindow>('coldWindows', entry.id);
    if (!window) continue;
    const folded = addReadings(window, deviceId, readings);
    // addReadings returns a fresh copy once the logger has a series, even when it skipped every
    // reading (a re-upload): only a higher count means something was folded.
    if (folded.readings === window.readings) continue;
    changes.put('coldWindows', window.id, folded);
    const seen = touched.get(window.batchId) ?? { windows: [], latest: '' };
    seen.windows.push(folded);
    const latest = lastInside(readings, window);
    if (latest > seen.latest) seen.latest = latest;
    touched.set(window.batchId, seen);
  }
  return touched;
}

/** The time of the last of the readings that falls inside the window ('' if none does). */
function lastInside(readings: readonly { at: string; ms?: number }[], window: ColdWindow): string {
  const fromMs = instant(window.from);
  const toMs = window.to === undefined ? Infinity : instant(window.to);
  for (let i = readings.length - 1; i >= 0; i--) {
    const ms = readings[i].ms ?? Date.parse(readings[i].at);
    if (ms >= fromMs && ms < toMs) return readings[i].at;
  }
  return '';
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
  const id = closedShardId(facilityId, hourOf(entry.to));
  const existing = changes.get<ClosedWindowsView>('coldWindowsClosed', id);
  const windows = existing?.windows ?? [];
  if (windows.some((e) => e.id === entry.id)) return;
  changes.put('coldWindowsClosed', id, { id, windows: [...windows, entry] });
}
