import { StoredDomainEvent } from '@suyuan/core';

/** One event as a subject's history lists it: where it is stored, what it is, who, where and when. */
export interface AuditEntry {
  position: number;
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  organizationId: string;
  keyId: string;
  facilityId?: string;
}

export function entryOf(event: StoredDomainEvent): AuditEntry {
  const { metadata } = event;
  return {
    position: event.position,
    eventId: event.id,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    occurredAt: metadata.occurredAt,
    recordedAt: metadata.recordedAt,
    organizationId: metadata.organizationId,
    keyId: metadata.keyId,
    ...(metadata.facilityId && { facilityId: metadata.facilityId }),
  };
}

/** The kind of stream an event is on (`batch`, `shipment`, `transformation`, `coldchain`, …): a family of event types. */
export function familyOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}
