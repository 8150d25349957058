import { eventTypes, StoredDomainEvent } from '@suyuan/core';
import { BatchPacked } from '@suyuan/production';
import { DocReader, DocRef, DocWrite, Projection } from '@suyuan/readmodels';
import { FacilityView } from '@suyuan/registry';
import { ShipmentDelivered, ShipmentDispatched, ShipmentEvent, ShipmentReceived } from './domain/events';
import { CartonView, JourneyStop, ShipmentView } from './logistics.views';

const cartonRefs = (ids: string[]): DocRef[] => ids.map((id) => ({ collection: 'cartons', id }));
const facilityRefs = (...ids: (string | undefined)[]): DocRef[] =>
  ids.filter((id): id is string => !!id).map((id) => ({ collection: 'facilities', id }));

type CartonEvent = BatchPacked | ShipmentEvent;

/** Cartons (custody and journey) and shipments, from packing and the logistics legs. */
export const logisticsProjection: Projection<CartonEvent> = {
  name: 'logistics',
  eventTypes: eventTypes<CartonEvent>({ BatchPacked: true, ShipmentDispatched: true, ShipmentReceived: true, ShipmentDelivered: true }),
  reads(event) {
    switch (event.type) {
      case 'BatchPacked':
        return facilityRefs(event.data.facilityId);
      case 'ShipmentDispatched': {
        const d = event.data;
        return [...cartonRefs(d.cartonIds), ...facilityRefs(d.fromFacilityId, d.toFacilityId, d.vehicleId)];
      }
      case 'ShipmentReceived':
      case 'ShipmentDelivered':
        return [
          ...cartonRefs(event.data.cartonIds),
          { collection: 'shipments', id: event.data.shipmentId },
          ...facilityRefs(event.data.facilityId),
        ];
      default: {
        const unknown: never = event;
        throw new Error(`Unknown carton event: ${JSON.stringify(unknown)}`);
      }
    }
  },
  apply(event, docs) {
    switch (event.type) {
      case 'BatchPacked':
        return packed(event.data, docs);
      case 'ShipmentDispatched':
        return dispatched(event, docs);
      case 'ShipmentReceived':
        return received(event.data, docs);
      case 'ShipmentDelivered':
        return delivered(event.data, docs);
      default: {
        const unknown: never = event;
        throw new Error(`Unknown carton event: ${JSON.stringify(unknown)}`);
      }
    }
  },
};

function facilityStop(f: FacilityView | undefined, id: string, from: string, arrival: JourneyStop['arrival']): JourneyStop {
  return {
    kind: 'facility',
    facilityId: id,
    facilityName: f?.name ?? id,
    facilityType: f?.type ?? 'unknown',
    region: f?.region,
    from,
    arrival,
  };
}

function packed(d: BatchPacked['data'], docs: DocReader): DocWrite[] {
  const packhouse = docs.get<FacilityView>('facilities', d.facilityId);
  return d.cartons.map((c) => {
    const view: CartonView = {
      id: c.cartonId,
      batchId: d.batchId,
      itemCount: c.itemCount,
      status: 'packed',
      facilityId: d.facilityId,
      stops: [facilityStop(packhouse, d.facilityId, d.packedAt, 'packed')],
    };
    return { collection: 'cartons', id: view.id, doc: view };
  });
}

function dispatched(event: StoredDomainEvent<ShipmentDispatched>, docs: DocReader): DocWrite[] {
  const d = event.data;
  const from = docs.get<FacilityView>('facilities', d.fromFacilityId);
  const to = docs.get<FacilityView>('facilities', d.toFacilityId);
  const vehicle = d.vehicleId ? docs.get<FacilityView>('facilities', d.vehicleId) : undefined;
  const transit: JourneyStop = {
    kind: 'transit',
    facilityId: d.vehicleId ?? `transit:${d.shipmentId}`,
    facilityName: vehicle?.name ?? `${from?.name ?? d.fromFacilityId} → ${to?.name ?? d.toFacilityId}`,
    facilityType: d.vehicleId ? 'vehicle' : 'transit',
    plate: vehicle?.plate,
    from: d.dispatchedAt,
    arrival: 'dispatched',
  };
  const shipment: ShipmentView = {
    id: d.shipmentId,
    status: 'in_transit',
    from: { id: d.fromFacilityId, name: from?.name ?? d.fromFacilityId, type: from?.type ?? 'unknown' },
    to: { id: d.toFacilityId, name: to?.name ?? d.toFacilityId, type: to?.type ?? 'unknown' },
    vehicle: d.vehicleId ? { id: d.vehicleId, name: vehicle?.name ?? d.vehicleId, plate: vehicle?.plate } : undefined,
    cartonIds: d.cartonIds,
    dispatchedAt: d.dispatchedAt,
    dispatchedBy: event.metadata.organizationId,
  };
  const cartons = updateCartons(d.cartonIds, docs, (c) => ({
    ...c,
    status: 'in_transit',
    facilityId: undefined,
    shipmentId: d.shipmentId,
    stops: [...closeLast(c.stops, d.dispatchedAt), transit],
  }));
  return [{ collection: 'shipments', id: shipment.id, doc: shipment }, ...cartons];
}

function received(d: ShipmentReceived['data'], docs: DocReader): DocWrite[] {
  const facility = docs.get<FacilityView>('facilities', d.facilityId);
  const stop: JourneyStop = {
    ...facilityStop(facility, d.facilityId, d.receivedAt, 'received'),
    condition: d.condition,
    handoverTemperatureC: d.temperatureC,
  };
  const cartons = updateCartons(d.cartonIds, docs, (c) => ({
    ...c,
    status: 'received',
    facilityId: d.facilityId,
    stops: [...closeLast(c.stops, d.receivedAt), stop],
  }));
  const shipment = docs.get<ShipmentView>('shipments', d.shipmentId);
  const next: ShipmentView | undefined = shipment && {
    ...shipment,
    status: 'received',
    receivedAt: d.receivedAt,
    condition: d.condition,
    temperatureC: d.temperatureC,
    note: d.note,
  };
  return [...(next ? [{ collection: 'shipments', id: next.id, doc: next }] : []), ...cartons];
}

function delivered(d: ShipmentDelivered['data'], docs: DocReader): DocWrite[] {
  const cartons = updateCartons(d.cartonIds, docs, (c) => ({
    ...c,
    status: 'delivered',
    facilityId: undefined,
    stops: closeLast(c.stops, d.deliveredAt, true),
  }));
  const shipment = docs.get<ShipmentView>('shipments', d.shipmentId);
  const next: ShipmentView | undefined = shipment && {
    ...shipment,
    status: 'delivered',
    deliveredAt: d.deliveredAt,
    recipient: d.recipient,
  };
  return [...(next ? [{ collection: 'shipments', id: next.id, doc: next }] : []), ...cartons];
}

function updateCartons(ids: string[], docs: DocReader, change: (c: CartonView) => CartonView): DocWrite[] {
  const writes: DocWrite[] = [];
  for (const id of ids) {
    const carton = docs.get<CartonView>('cartons', id);
    if (carton) writes.push({ collection: 'cartons', id, doc: change(carton) });
  }
  return writes;
}

function closeLast(stops: JourneyStop[], at: string, delivered = false): JourneyStop[] {
  if (stops.length === 0) return stops;
  const last = { ...stops[stops.length - 1], to: at, ...(delivered ? { delivered: true } : {}) };
  return [...stops.slice(0, -1), last];
}
