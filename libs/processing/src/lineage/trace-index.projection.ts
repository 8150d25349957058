import { StoredDomainEvent } from '@suyuan/core';
import { ShipmentDispatched } from '@suyuan/logistics';
import { BATCH_EVENT_TYPES, BatchEvent, BatchPacked, ItemCodeVoided } from '@suyuan/production';
import { DocReader, DocRef, DocWrite, Projection } from '@suyuan/readmodels';
import { OrganizationView } from '@suyuan/registry';
import { LotStep, TraceCartonView, TraceKeyView, TraceShipmentsView, TraceStepsView } from './lineage.views';

type TraceIndexEvent = BatchEvent | ShipmentDispatched;

const stepsRef = (batchId: string): DocRef => ({ collection: 'traceSteps', id: batchId });
const keyRef = (traceKey: string, batchId: string): DocRef => ({ collection: 'traceKeys', id: `${traceKey}|${batchId}` });

/** The keys a trace forward starts from; names and ingredients match whatever their case. */
export const plotKey = (farmPlotId: string) => `plot:${farmPlotId}`;
export const inputKey = (nameOrIngredient: string) => `input:${nameOrIngredient.trim().toLowerCase()}`;
export const testKey = (testId: string) => `test:${testId}`;

/**
 * What traces start from and show beside the batch view: every step of a lot with who recorded
 * it, the keys that find lots by plot, farm input and test, the codes in each carton, and the
 * shipments that carried each lot's cartons.
 */
export const traceIndexProjection: Projection<TraceIndexEvent> = {
  name: 'traceIndex',
  eventTypes: [...BATCH_EVENT_TYPES, 'ShipmentDispatched'],
  reads(event) {
    if (event.type === 'ShipmentDispatched') return event.data.cartonIds.map((id) => ({ collection: 'traceCartons', id }));
    const batchId = event.data.batchId;
    return [
      ...(event.type === 'ItemCodeVoided' && event.data.cartonId ? [{ collection: 'traceCartons', id: event.data.cartonId }] : []),
      stepsRef(batchId),
      { collection: 'organizations', id: event.metadata.organizationId },
      ...keysOf(event).map(({ traceKey }) => keyRef(traceKey, batchId)),
    ];
  },
  apply(event, docs) {
    if (event.type === 'ShipmentDispatched') return shipped(event.data, docs);
    return [
      stepWrite(event, docs),
      ...keyWrites(event, docs),
      ...(event.type === 'BatchPacked' ? cartonWrites(event.data) : []),
      ...(event.type === 'ItemCodeVoided' ? replacementWrites(event.data, docs) : []),
    ];
  },
};

function stepWrite(event: StoredDomainEvent<BatchEvent>, docs: DocReader): DocWrite {
  const { organizationId, keyId, facilityId, occurredAt, recordedAt } = event.metadata;
  const step: LotStep = {
    event: event.type,
    at: occurredAt,
    organizationId,
    organizationName: docs.get<OrganizationView>('organizations', organizationId)?.name ?? organizationId,
    keyId,
    recordedAt,
    ...(facilityId !== undefined && { facilityId }),
    ...withRef(stepRef(event)),
  };
  const batchId = event.data.batchId;
  const before = docs.get<TraceStepsView>('traceSteps', batchId);
  const doc: TraceStepsView = { id: batchId, steps: [...(before?.steps ?? []), step] };
  return { collection: 'traceSteps', id: batchId, doc };
}

const withRef = (ref: string | undefined) => (ref === undefined ? {} : { ref });

/** The record a step is about, when it has one of its own. */
function stepRef(event: StoredDomainEvent<BatchEvent>): string | undefined {
  switch (event.type) {
    case 'BatchRegistered':
    case 'BatchPreCooled':
      return undefined;
    case 'FarmInputApplied':
      return event.data.inputId;
    case 'BatchHarvested':
      return event.data.harvestId;
    case 'QualityTestRecorded':
    case 'BatchHeld':
    case 'BatchHoldLifted':
      return event.data.testId;
    case 'BatchGraded':
      return event.data.gradingId;
    case 'BatchPacked':
      return event.data.packingId;
    case 'ItemCodeVoided':
      return event.data.code;
    case 'ComplianceCertificateIssued':
    case 'BatchCertificationRecorded':
      return event.data.certificateNo;
    case 'BatchHandedOver':
    case 'BatchHandoverAccepted':
    case 'BatchHandoverEnded':
      return event.data.handoverId;
    case 'BatchPurchasedFromHousehold':
    case 'BatchPurchaseRecorded':
      return event.data.purchaseId;
    case 'BatchProduced':
    case 'BatchInputReserved':
    case 'BatchInputConsumed':
    case 'BatchReservationReleased':
      return event.data.transformationId;
    case 'UnitHeld':
    case 'UnitHoldReleased':
      return event.data.holdId;
    case 'LotRecalled':
      return event.data.recallId;
    default: {
      const unknown: never = event;
      throw new Error(`Unknown batch event: ${JSON.stringify(unknown)}`);
    }
  }
}

function inputKeys(d: { inputName: string; activeIngredient?: string }): string[] {
  return [...new Set([d.inputName, ...(d.activeIngredient ? [d.activeIngredient] : [])].map(inputKey))];
}

/** The keys that find the lot after this event, each with the time its record happened at (a registration adds none). */
function keysOf(event: StoredDomainEvent<BatchEvent>): { traceKey: string; at?: string }[] {
  switch (event.type) {
    case 'BatchRegistered':
      return event.data.farmPlotId === undefined ? [] : [{ traceKey: plotKey(event.data.farmPlotId) }];
    case 'BatchHarvested':
      return [{ traceKey: plotKey(event.data.farmPlotId), at: event.data.harvestedAt }];
    case 'FarmInputApplied':
      return inputKeys(event.data).map((traceKey) => ({ traceKey, at: event.data.appliedAt }));
    case 'QualityTestRecorded':
      return [{ traceKey: testKey(event.data.testId), at: event.data.testedAt }];
    default:
      return [];
  }
}

function keyWrites(event: StoredDomainEvent<BatchEvent>, docs: DocReader): DocWrite[] {
  return keysOf(event).map(({ traceKey, at }) => {
    const { id } = keyRef(traceKey, event.data.batchId);
    const before = docs.get<TraceKeyView>('traceKeys', id);
    const doc: TraceKeyView = { id, traceKey, batchId: event.data.batchId, at: [...(before?.at ?? []), ...(at ? [at] : [])] };
    return { collection: 'traceKeys', id, doc };
  });
}

/** A replaced code's carton lists the replacement in its place: the code a recall finds on the goods. */
function replacementWrites(d: ItemCodeVoided['data'], docs: DocReader): DocWrite[] {
  if (d.replacementCode === undefined || d.cartonId === undefined) return [];
  const before = docs.get<TraceCartonView>('traceCartons', d.cartonId);
  if (!before) return [];
  const replacement = d.replacementCode;
  const doc: TraceCartonView = { ...before, codes: before.codes.map((code) => (code === d.code ? replacement : code)) };
  return [{ collection: 'traceCartons', id: d.cartonId, doc }];
}

function cartonWrites(d: BatchPacked['data']): DocWrite[] {
  const codes = new Map<string, string[]>(d.cartons.map((c) => [c.cartonId, []]));
  for (const item of d.items) codes.get(item.cartonId)?.push(item.code);
  return [...codes].map(([id, inCarton]) => {
    const doc: TraceCartonView = { id, batchId: d.batchId, codes: inCarton };
    return { collection: 'traceCartons', id, doc };
  });
}

/** The shipment joins the list of every lot whose cartons it carries. */
function shipped(d: ShipmentDispatched['data'], docs: DocReader): DocWrite[] {
  const batchIds = new Set(d.cartonIds.flatMap((id) => docs.get<TraceCartonView>('traceCartons', id)?.batchId ?? []));
  return [...batchIds].flatMap((batchId) => {
    const before = docs.get<TraceShipmentsView>('traceShipments', batchId);
    if (before?.shipmentIds.includes(d.shipmentId)) return [];
    const doc: TraceShipmentsView = { id: batchId, shipmentIds: [...(before?.shipmentIds ?? []), d.shipmentId] };
    return [{ collection: 'traceShipments', id: batchId, doc }];
  });
}
