/**
 * Every domain event says who recorded it (organization and API key), where
 * (facility, when there is one), when it happened and when it was recorded.
 * The metadata rides beside the payload so that deciders stay about the domain.
 */
export interface EventMetadata {
  organizationId: string;
  keyId: string;
  facilityId?: string;
  occurredAt: string;
  recordedAt: string;
  idempotencyKey?: string;
}

/** A domain fact before it is stored: its type and payload. */
export interface DomainEvent<Type extends string = string, Data = Record<string, unknown>> {
  type: Type;
  data: Data;
}

/** A domain event as read back from the store. */
export interface StoredDomainEvent<Type extends string = string, Data = Record<string, unknown>>
  extends DomainEvent<Type, Data> {
  id: string;
  streamId: string;
  revision: number;
  position: number;
  metadata: EventMetadata;
}
