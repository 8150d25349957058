import { CartonView, ShipmentView } from '@suyuan/logistics';
import { ItemView } from '@suyuan/production';
import { DocumentStore, docKey } from '@suyuan/readmodels';
import { TraceCartonView } from '../lineage/lineage.views';
import { ForwardSummary, TracedUnit, UnitPlace } from './trace.views';
import { LoadedLot } from './traced-lots';

/** A carton of a traced lot, where it is now, and its place among the lots' units. */
export interface PlacedCarton {
  carton: CartonView;
  lot: LoadedLot;
  now: UnitPlace;
  /** Its name, for the facility it is at or was delivered from. */
  placeName?: string;
}

/**
 * Every carton the lots were packed into, in lot order and packing order, with where it is now:
 * still where it was packed, received at a facility, on a shipment, delivered to a consignee, or
 * taken whole into a transformation (`consumed`: carton id → transformation id).
 */
export async function placeCartons(
  docs: DocumentStore,
  lots: readonly LoadedLot[],
  consumed: ReadonlyMap<string, string>,
): Promise<PlacedCarton[]> {
  // One pass per step and no throwaway arrays: a recall's progress runs this for every carton of
  // its lots each time it is read.
  const ids: { id: string; lot: LoadedLot }[] = [];
  const refs: { collection: string; id: string }[] = [];
  for (const lot of lots) {
    for (const packing of lot.batch.packings) {
      for (const id of packing.cartonIds) {
        ids.push({ id, lot });
        refs.push({ collection: 'cartons', id });
      }
    }
  }
  const cartons = await docs.getMany<CartonView>(refs);
  const delivered = new Set<string>();
  for (const c of cartons.values()) if (c?.status === 'delivered' && c.shipmentId) delivered.add(c.shipmentId);
  const shipments = await docs.getMany<ShipmentView>([...delivered].map((id) => ({ collection: 'shipments', id })));
  const placed: PlacedCarton[] = [];
  for (const { id, lot } of ids) {
    const carton = cartons.get(docKey('cartons', id));
    if (!carton) continue;
    const shipment = carton.status === 'delivered' && carton.shipmentId ? shipments.get(docKey('shipments', carton.shipmentId)) : undefined;
    const { now, placeName } = placeOf(carton, consumed.get(id), shipment);
    placed.push({ carton, lot, now, placeName });
  }
  return placed;
}

function placeOf(
  carton: CartonView,
  consumedBy: string | undefined,
  shipment: ShipmentView | undefined,
): Pick<PlacedCarton, 'now' | 'placeName'> {
  if (consumedBy) return { now: { status: 'consumed', transformationId: consumedBy } };
  const last = carton.stops[carton.stops.length - 1];
  const facilityId = carton.facilityId ?? last?.facilityId ?? '';
  const placeName = last?.facilityName;
  switch (carton.status) {
    case 'packed':
      return { now: { status: 'not_shipped', facilityId }, placeName };
    case 'received':
      return { now: { status: 'at_facility', facilityId }, placeName };
    case 'in_transit':
      return { now: { status: 'in_transit', shipmentId: carton.shipmentId ?? '' } };
    case 'delivered':
      return {
        now: {
          status: 'delivered',
          shipmentId: carton.shipmentId ?? '',
          facilityId: last?.facilityId,
          recipient: shipment?.recipient ?? '',
        },
        placeName,
      };
    default: {
      const unknown: never = carton.status;
      throw new Error(`Unknown carton status: ${String(unknown)}`);
    }
  }
}

/** The units (items) of the cartons counted by where they are now. */
export function countByPlace(cartons: readonly PlacedCarton[]): ForwardSummary['where'] {
  const where: ForwardSummary['where'] = { notShipped: 0, atFacility: {}, inTransit: 0, delivered: {}, consumed: 0 };
  for (const { carton, now } of cartons) {
    const n = carton.itemCount;
    switch (now.status) {
      case 'not_shipped':
        where.notShipped += n;
        break;
      case 'at_facility':
        where.atFacility[now.facilityId] = (where.atFacility[now.facilityId] ?? 0) + n;
        break;
      case 'in_transit':
        where.inTransit += n;
        break;
      case 'delivered':
        where.delivered[now.recipient] = (where.delivered[now.recipient] ?? 0) + n;
        break;
      case 'consumed':
        where.consumed += n;
        break;
    }
  }
  return where;
}

/** The units from `offset` on, at most `limit`: only the cartons the page reaches are opened. */
export async function unitPage(
  docs: DocumentStore,
  cartons: readonly PlacedCarton[],
  offset: number,
  limit: number,
): Promise<TracedUnit[]> {
  const slices: { placed: PlacedCarton; from: number; to: number }[] = [];
  let skipped = 0;
  let taken = 0;
  for (const placed of cartons) {
    if (taken >= limit) break;
    const count = placed.carton.itemCount;
    if (skipped + count > offset) {
      const from = Math.max(0, offset - skipped);
      const to = Math.min(count, from + limit - taken);
      slices.push({ placed, from, to });
      taken += to - from;
    }
    skipped += count;
  }
  const contents = await docs.getMany<TraceCartonView>(slices.map((s) => ({ collection: 'traceCartons', id: s.placed.carton.id })));
  const codes = slices.map(({ placed, from, to }) => ({
    placed,
    codes: contents.get(docKey('traceCartons', placed.carton.id))?.codes.slice(from, to) ?? [],
  }));
  const items = await docs.getMany<ItemView>(codes.flatMap((s) => s.codes.map((id) => ({ collection: 'items', id }))));
  return codes.flatMap(({ placed, codes: inCarton }) =>
    inCarton.map((code) => {
      const item = items.get(docKey('items', code));
      return {
        code,
        batchId: placed.lot.batchId,
        lotCode: placed.lot.batch.lotCode,
        cartonId: placed.carton.id,
        grade: item?.grade,
        netWeight: item?.netWeight,
        packedAt: item?.packedAt,
        now: placed.now,
      };
    }),
  );
}
