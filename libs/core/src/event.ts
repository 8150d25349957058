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

/**
 * A domain event as read back from the store. Over a union (`StoredDomainEvent<BatchEvent>`)
 * it is a union too, so a `switch` on `type` narrows `data`.
 */
export type StoredDomainEvent<E extends DomainEvent = DomainEvent> = E & {
  id: string;
  streamId: string;
  revision: number;
  position: number;
  metadata: EventMetadata;
  /** Chains the event to the one before it in its stream (tamper evidence; see @suyuan/eventstore). */
  hash: string;
};

/**
 * Every type of the event union `E`, each once, for whatever follows those events: a type
 * left out, or not one of `E`'s, does not compile. `eventTypes<ShipmentEvent>({ ShipmentDispatched: true, … })`.
 */
export function eventTypes<E extends DomainEvent>(types: { readonly [T in E['type']]: true }): readonly E['type'][] {
  return Object.keys(types) as E['type'][];
}
