import { randomUUID } from 'node:crypto';
import { EventMetadata } from '@suyuan/core';
import { EventStore } from '@suyuan/eventstore';
import { ShipmentDelivered, ShipmentDispatched, ShipmentReceived } from '@suyuan/logistics';
import {
  ApiClient,
  FACILITIES,
  FacilityKey,
  ORGANIZATIONS,
  OrgKey,
  PRODUCTS,
  facilityBody,
  productBody,
  registerFacility,
  registerOrganization,
  registerProduct,
} from '../../apps/cli/src/world';

/** Each shipment carries one carton and records three events: dispatched, received, delivered. */
export const SHIPMENTS = 3_333;

interface Party {
  id: string;
  key: string;
  keyId: string;
}

export interface HistoryWorld {
  regulator: Party;
  lot: string;
  packer: Party;
  carrier: Party;
  packhouse: string;
  village: string;
  truck: string;
  cartons: string[];
  start: number;
}

const DAY = 86_400_000;
const at = (start: number, hours: number) => new Date(start + hours * 3_600_000).toISOString();

/**
 * The lot, through the public API: a cooperative's plums registered, harvested, handed to a
 * packhouse and packed one to a carton, 3,333 cartons.
 */
export async function seedLot(api: ApiClient, adminKey: string): Promise<HistoryWorld> {
  const start = Date.now() - 30 * DAY;
  const org = async (key: OrgKey): Promise<Party> => {
    const o = await registerOrganization(api.call, adminKey, ORGANIZATIONS[key], { label: 'bench' });
    return { id: o.id, key: o.apiKey, keyId: o.keyId };
  };
  const [coop, packer, carrier, regulator] = await Promise.all((['plumCoop', 'packhouse', 'logistics', 'regulator'] as const).map(org));
  const facility = async (owner: { key: string }, key: FacilityKey) =>
    (await registerFacility(api.call, owner.key, facilityBody(FACILITIES[key]))).id;
  const plot = await facility(coop, 'plumPlot');
  const packhouse = await facility(packer, 'packhouse');
  const village = await facility(carrier, 'villageChaliao');
  const truck = await facility(carrier, 'truck');
  const plum = (await registerProduct(api.call, adminKey, productBody(PRODUCTS.plum, { gtin: false }))).id;
  const { id: lot } = await api.post('/api/batches', coop.key, { productId: plum, farmPlotId: plot });
  await api.post(`/api/batches/${lot}/harvests`, coop.key, { harvestedAt: at(start, 0), quantity: { value: 9000, unit: 'kg' } });
  const handover = await api.post(`/api/batches/${lot}/handovers`, coop.key, { toOrganizationId: packer.id, handedOverAt: at(start, 1) });
  await api.post(`/api/batches/${lot}/handovers/${handover.id}/acceptance`, packer.key, { acceptedAt: at(start, 1) });
  const packed = await api.post(`/api/batches/${lot}/packing`, packer.key, {
    facilityId: packhouse,
    packedAt: at(start, 4),
    lines: [{ grade: '特级', count: SHIPMENTS, netWeight: { value: 2.5, unit: 'kg' }, itemsPerCarton: 1 }],
  });
  const cartons: string[] = packed.cartons.map((c: { cartonId: string }) => c.cartonId);
  return { regulator, lot, packer, carrier, packhouse, village, truck, cartons, start };
}

/**
 * Each carton sent from the packhouse to a village point, received and handed to a consignee:
 * 3,333 shipments of three events, appended to the store as the shipment handler appends them.
 * Straight to the store rather than through the API: the trace index's per-lot list of
 * shipments is rewritten with each dispatch, so 3,333 of them through the whole app take most
 * of an hour, and they are not what this bench measures.
 */
export async function seedShipments(store: EventStore, world: HistoryWorld): Promise<number> {
  let events = 0;
  for (let n = 0; n < world.cartons.length; n++) {
    const hours = 24 + n * 0.01;
    const shipmentId = `SHB${String(n).padStart(6, '0')}`;
    const cartonIds = [world.cartons[n]];
    const meta = (who: Party, facilityId: string, h: number): EventMetadata => ({
      organizationId: who.id,
      keyId: who.keyId,
      facilityId,
      occurredAt: at(world.start, h),
      recordedAt: at(world.start, h),
    });
    const dispatched: ShipmentDispatched = {
      type: 'ShipmentDispatched',
      data: {
        shipmentId,
        fromFacilityId: world.packhouse,
        toFacilityId: world.village,
        vehicleId: world.truck,
        cartonIds,
        dispatchedAt: at(world.start, hours),
      },
    };
    const received: ShipmentReceived = {
      type: 'ShipmentReceived',
      data: { shipmentId, facilityId: world.village, cartonIds, receivedAt: at(world.start, hours + 2), condition: 'intact' },
    };
    const delivered: ShipmentDelivered = {
      type: 'ShipmentDelivered',
      data: { shipmentId, facilityId: world.village, cartonIds, deliveredAt: at(world.start, hours + 3), recipient: '茶料村便民店' },
    };
    const stream = `shipment-${shipmentId}`;
    await store.appendToStream(stream, [{ id: randomUUID(), ...dispatched, metadata: meta(world.packer, world.packhouse, hours) }], {
      expectedRevision: 'no_stream',
    });
    await store.appendToStream(stream, [{ id: randomUUID(), ...received, metadata: meta(world.carrier, world.village, hours + 2) }], {
      expectedRevision: 0,
    });
    await store.appendToStream(stream, [{ id: randomUUID(), ...delivered, metadata: meta(world.carrier, world.village, hours + 3) }], {
      expectedRevision: 1,
    });
    events += 3;
  }
  return events;
}
