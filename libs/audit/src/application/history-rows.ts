import { StoredDomainEvent } from '@suyuan/core';
import { EventStore } from '@suyuan/eventstore';
import { docKey, DocumentStore } from '@suyuan/readmodels';
import { FacilityView, OrganizationView } from '@suyuan/registry';
import { AuditEntry, familyOf } from '../domain/entry';
import { readableData, summarizeReadable } from '../domain/render';
import { eventsAt } from './events-at';

/** One event of a history as the reader gets it. */
export interface HistoryRow {
  position: number;
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  family: string;
  /** When it happened, as its recorder said. */
  occurredAt: string;
  /** When the server stored it. */
  recordedAt: string;
  recordedBy: { organizationId: string; organizationName?: string; keyId: string };
  facility?: { id: string; name?: string };
  /** The payload in one line. */
  summary: string;
  data: unknown;
}

/** The rows of these entries: each event read from the store, its recorder and facility named. */
export async function historyRows(store: EventStore, docs: DocumentStore, entries: readonly AuditEntry[]): Promise<HistoryRow[]> {
  const events = await eventsAt(
    store,
    entries.map((e) => e.position),
  );
  const names = await namesOf(docs, entries);
  return entries.map((entry) => {
    const event: StoredDomainEvent | undefined = events.get(entry.position);
    const data = readableData(event?.data);
    return {
      position: entry.position,
      eventId: entry.eventId,
      streamId: entry.streamId,
      revision: entry.revision,
      type: entry.type,
      family: familyOf(entry.streamId),
      occurredAt: entry.occurredAt,
      recordedAt: entry.recordedAt,
      recordedBy: {
        organizationId: entry.organizationId,
        organizationName: names.organizations.get(entry.organizationId),
        keyId: entry.keyId,
      },
      ...(entry.facilityId && { facility: { id: entry.facilityId, name: names.facilities.get(entry.facilityId) } }),
      summary: summarizeReadable(data),
      data,
    };
  });
}

async function namesOf(docs: DocumentStore, entries: readonly AuditEntry[]) {
  const orgIds = [...new Set(entries.map((e) => e.organizationId))];
  const facilityIds = [...new Set(entries.flatMap((e) => (e.facilityId ? [e.facilityId] : [])))];
  const found = await docs.getMany<OrganizationView | FacilityView>([
    ...orgIds.map((id) => ({ collection: 'organizations', id })),
    ...facilityIds.map((id) => ({ collection: 'facilities', id })),
  ]);
  const named = (ids: string[], collection: string) =>
    new Map(
      ids.flatMap((id) => {
        const doc = found.get(docKey(collection, id));
        return doc ? [[id, doc.name] as const] : [];
      }),
    );
  return { organizations: named(orgIds, 'organizations'), facilities: named(facilityIds, 'facilities') };
}
