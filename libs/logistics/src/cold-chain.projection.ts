import { eventTypes } from '@suyuan/core';
import { DocWrite, Projection } from '@suyuan/readmodels';
import { ColdChainReadingsRecorded } from './domain/events';
import { ColdChainHourView, ColdChainIndexView, StoredReading } from './logistics.views';

/** `2026-07-15T08` — the UTC hour a reading falls in. */
export const hourOf = (ms: number) => new Date(ms).toISOString().slice(0, 13);
export const hourDocId = (facilityId: string, hour: string) => `${facilityId}|${hour}`;

/**
 * Readings bucketed per facility and hour, each logger's apart: an upload touches a handful of
 * documents however many readings it carries, and a reader fetches only the hours it spans.
 * A logger's reading at a time already stored is a re-upload (a retry, a late sync) and adds
 * nothing: the first recorded stands, so a duplicate upload writes nothing at all.
 */
export const coldChainProjection: Projection<ColdChainReadingsRecorded> = {
  name: 'cold-chain',
  eventTypes: eventTypes<ColdChainReadingsRecorded>({ ColdChainReadingsRecorded: true }),
  reads({ data: d }) {
    const hours = new Set(d.readings.map((r) => hourOf(Date.parse(r.at))));
    return [
      ...[...hours].map((h) => ({ collection: 'coldchainHours', id: hourDocId(d.facilityId, h) })),
      { collection: 'coldchain', id: d.facilityId },
    ];
  },
  apply({ data: d }, docs) {
    const byHour = new Map<string, StoredReading[]>();
    for (const r of d.readings) {
      const ms = Date.parse(r.at);
      const hour = hourOf(ms);
      let bucket = byHour.get(hour);
      if (!bucket) byHour.set(hour, (bucket = []));
      bucket.push([ms, r.temperatureC, r.humidityPct ?? null]);
    }
    const writes: DocWrite[] = [];
    let added = 0;
    let lastMs = -Infinity;
    for (const [hour, readings] of byHour) {
      const id = hourDocId(d.facilityId, hour);
      const existing = docs.get<ColdChainHourView>('coldchainHours', id);
      const stored = existing?.devices[d.deviceId] ?? [];
      const merged = mergeReadings(stored, readings);
      if (merged.length === stored.length) continue;
      added += merged.length - stored.length;
      lastMs = Math.max(lastMs, merged[merged.length - 1][0]);
      const doc: ColdChainHourView = { id, facilityId: d.facilityId, hour, devices: { ...existing?.devices, [d.deviceId]: merged } };
      writes.push({ collection: 'coldchainHours', id, doc });
    }
    if (added === 0) return writes;
    const index = docs.get<ColdChainIndexView>('coldchain', d.facilityId);
    const hours = [...new Set([...(index?.hours ?? []), ...byHour.keys()])].sort();
    const lastAt = index?.lastAt !== undefined && Date.parse(index.lastAt) >= lastMs ? index.lastAt : new Date(lastMs).toISOString();
    const next: ColdChainIndexView = { id: d.facilityId, hours, count: (index?.count ?? 0) + added, lastAt };
    writes.push({ collection: 'coldchain', id: d.facilityId, doc: next });
    return writes;
  },
};

/**
 * A logger's stored readings of an hour with an upload's (both time-sorted), one per time, the
 * stored one kept where both have a time. Returns `stored` itself when nothing is new.
 */
export function mergeReadings(stored: readonly StoredReading[], added: readonly StoredReading[]): StoredReading[] {
  const last = stored.length > 0 ? stored[stored.length - 1][0] : -Infinity;
  if (added[0][0] > last) {
    // The common case, a logger uploading in order: its readings go after the ones stored.
    const merged = stored.slice();
    let previous = last;
    for (const r of added) {
      if (r[0] <= previous) continue;
      merged.push(r);
      previous = r[0];
    }
    return merged;
  }
  const merged: StoredReading[] = [];
  let i = 0;
  let j = 0;
  while (i < stored.length || j < added.length) {
    const next = j >= added.length || (i < stored.length && stored[i][0] <= added[j][0]) ? stored[i++] : added[j++];
    if (merged.length === 0 || next[0] > merged[merged.length - 1][0]) merged.push(next);
  }
  return merged.length === stored.length ? (stored as StoredReading[]) : merged;
}
