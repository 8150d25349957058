import { EventMetadata } from '@suyuan/core';

/** What a history can be asked of. */
export const SUBJECT_KINDS = ['batch', 'item', 'carton', 'shipment', 'facility', 'organization'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** One key per subject, the id of its index documents: `batch:B…`, `carton:C…`. */
export const subjectKey = (kind: SubjectKind, id: string) => `${kind}:${id}`;

/**
 * The payload fields that name a subject, whatever the event. The index goes by field names
 * rather than by event type so that an event family added later (holds, corrections) is indexed
 * under what it names without a rule of its own. Item codes count at the top level only: a
 * packing's item list is reached through its cartons, not written under 10,000 items.
 */
const FIELDS: Record<string, Exclude<SubjectKind, 'item'>> = {
  batchId: 'batch',
  lotId: 'batch',
  lots: 'batch',
  cartonId: 'carton',
  cartonIds: 'carton',
  shipmentId: 'shipment',
  facilityId: 'facility',
  fromFacilityId: 'facility',
  toFacilityId: 'facility',
  plantId: 'facility',
  farmPlotId: 'facility',
  organizationId: 'organization',
  cooperativeId: 'organization',
  processorId: 'organization',
  ownerId: 'organization',
  toOrganizationId: 'organization',
  buyerOrganizationId: 'organization',
  registeredBy: 'organization',
  labId: 'organization',
  regulatorId: 'organization',
  owners: 'organization',
  closedBy: 'organization',
};
const ITEM_FIELDS = ['code', 'replacementCode'];
/** Organizations that own what the event is about: they handled it as much as its recorder did. */
const OWNER_FIELDS = ['cooperativeId', 'ownerId'];

export interface EventSubjects {
  /** Every subject the event names, by key. */
  direct: Set<string>;
  /** The cartons it names: their batches' histories show it too. */
  cartons: Set<string>;
  /** The batch it is about, when it names one at the top level: cartons it names belong to it. */
  batchId?: string;
  /** Organizations that handled each subject it names: its recorder and the owners it names. */
  handlers: string[];
}

/** What one stored event is about, from its payload and metadata alone. */
export function subjectsOf(data: unknown, metadata: EventMetadata): EventSubjects {
  const direct = new Set<string>([subjectKey('organization', metadata.organizationId)]);
  if (metadata.facilityId) direct.add(subjectKey('facility', metadata.facilityId));
  const cartons = new Set<string>();
  const handlers = new Set([metadata.organizationId]);
  const top = isRecord(data) ? data : {};
  const name = (field: string, value: unknown) => {
    const kind = FIELDS[field];
    if (!kind) return;
    for (const id of Array.isArray(value) ? value : [value]) {
      if (typeof id !== 'string' || id === '') continue;
      direct.add(subjectKey(kind, id));
      if (kind === 'carton') cartons.add(id);
    }
  };
  for (const [field, value] of Object.entries(top)) {
    name(field, value);
    if (ITEM_FIELDS.includes(field) && typeof value === 'string') direct.add(subjectKey('item', value));
    if (OWNER_FIELDS.includes(field) && typeof value === 'string') handlers.add(value);
    // One level down: a packing's items and cartons, a transformation's inputs and outputs, a hold's or a sampling's units.
    if (Array.isArray(value)) for (const element of value) if (isRecord(element)) for (const [f, v] of Object.entries(element)) name(f, v);
    if (isRecord(value)) for (const [f, v] of Object.entries(value)) name(f, v);
  }
  return {
    direct,
    cartons,
    ...(typeof top.batchId === 'string' && { batchId: top.batchId }),
    handlers: [...handlers],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
