import { DocRef, DocWrite, Projection } from '../../readmodels/src/projection';
import { ColdChainReadingsRecorded } from './domain/events';
import { ColdChainHourView, ColdChainIndexView } from './logistics.views';

/** `2026-07-15T08` — the UTC hour a reading falls in. */
export const hourOf = (ms: number) => new Date(ms).toISOString().slice(0, 13);
export const hourDocId = (facilityId: string, hour: string) => `${facilityId}|${hour}`;

/**
 * Readings bucketed per facility and hour: an upload touches a handful of documents
 * however many readings it carries, and a reader fetches only the hours it spans.
 */
export const coldChainProjection: Projection = {
  name: 'cold-chain',
  eventTypes: ['ColdChainReadingsRecorded'],
  reads(event) {
    const d = event.data as ColdChainReadingsRecorded['data'];
    const hours = new Set(d.readings.map((r) => hourOf(Date.parse(r.at))));
    const refs: DocRef[] = [...hours].map((h) => ({ collection: 'coldchainHours', id: hourDocId(d.facilityId, h) }));
    refs.push({ collection: 'coldchain', id: d.facilityId });
    return refs;
  },
  apply(event, docs) {
    const d = event.data as ColdChainReadingsRecorded['data'];
    const byHour = new Map<string, [number, number, number | null][]>();
    for (const r of d.readings) {
      const ms = Date.parse(r.at);
      const hour = hourOf(ms);
      const bucket = byHour.get(hour) ?? [];
      bucket.push([ms, r.temperatureC, r.humidityPct ?? null]);
      byHour.set(hour, bucket);
    }
    const writes: DocWrite[] = [];
    for (const [hour, added] of byHour) {
      const id = hourDocId(d.facilityId, hour);
      const existing = docs.get<ColdChainHourView>('coldchainHours', id);
      const r = existing ? [...existing.r, ...added] : added;
      r.sort((a, b) => a[0] - b[0]);
      writes.push({ collection: 'coldchainHours', id, doc: { id, facilityId: d.facilityId, hour, r } });
    }
    const index = docs.get<ColdChainIndexView>('coldchain', d.facilityId);
    const hours = [...new Set([...(index?.hours ?? []), ...byHour.keys()])].sort();
    const latest = d.readings.reduce((max, r) => (r.at > max ? r.at : max), index?.lastAt ?? '');
    const next: ColdChainIndexView = {
      id: d.facilityId,
      hours,
      count: (index?.count ?? 0) + d.readings.length,
      lastAt: latest || undefined,
    };
    writes.push({ collection: 'coldchain', id: d.facilityId, doc: next });
    return writes;
  },
};
