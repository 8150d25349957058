import { ShipmentView } from '@suyuan/logistics';
import { Viewer } from '@suyuan/production';
import { DocumentStore, docKey } from '@suyuan/readmodels';
import { TraceShipmentsView } from '../lineage/lineage.views';
import { TraceBounds, encodeCursor, page } from './bounds';
import { forwardStartLots } from './forward-starts';
import { ForwardStart, TraceForwardResult, TracedShipment } from './trace.views';
import { LoadedLot, loadLots, tracedLot } from './traced-lots';
import { PlacedCarton, countByPlace, placeCartons, unitPage } from './units';
import { walk } from './walk';

/**
 * 召回范围: from a lot, a plot's harvests, a farm input or a test forward through every
 * transformation to every descendant lot, the cartons and items they were packed into and the
 * shipments that carried them, counted by where the units are now, with a page of each list.
 * Reads the read models only. Lots the reader may not read whole are counted, not listed.
 */
export async function traceForward(
  docs: DocumentStore,
  viewer: Viewer,
  start: ForwardStart,
  bounds: TraceBounds,
): Promise<TraceForwardResult> {
  const startLots = await forwardStartLots(docs, viewer, start);
  const walked = await walk(docs, startLots, 'children', bounds.depth);
  const lots = await loadLots(docs, viewer, walked.lots);
  const readable = lots.filter((l) => l.readable);
  const cartons = await placeCartons(docs, readable, consumedCartons(lots));
  const shipmentIds = await shipmentsOf(docs, readable);
  const restricted = lots.filter((l) => !l.readable);
  const offsets = { lots: bounds.offsets.lots ?? 0, shipments: bounds.offsets.shipments ?? 0, units: bounds.offsets.units ?? 0 };
  const units = cartons.reduce((n, c) => n + c.carton.itemCount, 0);
  const lotPage = page(lots, offsets.lots, bounds.limit);
  const shipmentPage = page(shipmentIds, offsets.shipments, bounds.limit);
  const more = lotPage.more || shipmentPage.more || offsets.units + bounds.limit < units;
  const unitsOf = unitCounts(cartons);
  return {
    start,
    startLots,
    depth: bounds.depth,
    summary: {
      lots: lots.length,
      cartons: cartons.length,
      shipments: shipmentIds.length,
      units,
      where: countByPlace(cartons),
      ...(restricted.length > 0 && {
        restricted: { lots: restricted.length, units: restricted.reduce((n, l) => n + l.batch.itemCount, 0) },
      }),
    },
    facilities: facilityNames(cartons),
    lots: lotPage.entries.map((lot) =>
      Object.assign(tracedLot(lot, 'children'), {
        quantities: lot.readable ? lot.batch.quantities : undefined,
        units: lot.readable ? (unitsOf.get(lot.batchId) ?? 0) : 0,
      }),
    ),
    shipments: await shipmentSummaries(docs, shipmentPage.entries, new Set(cartons.map((c) => c.carton.id))),
    units: await unitPage(docs, cartons, offsets.units, bounds.limit),
    ...(walked.truncated && { truncated: true }),
    ...(more && {
      nextCursor: encodeCursor({
        lots: offsets.lots + bounds.limit,
        shipments: offsets.shipments + bounds.limit,
        units: offsets.units + bounds.limit,
      }),
    }),
  };
}

/** Cartons a transformation took whole, with the transformation: their goods are in its outputs now. */
function consumedCartons(lots: readonly LoadedLot[]): Map<string, string> {
  const consumed = new Map<string, string>();
  for (const lot of lots) {
    for (const edge of lot.lineage?.children ?? []) for (const id of edge.cartonIds ?? []) consumed.set(id, edge.transformationId);
  }
  return consumed;
}

async function shipmentsOf(docs: DocumentStore, lots: readonly LoadedLot[]): Promise<string[]> {
  const found = await docs.getMany<TraceShipmentsView>(lots.map((l) => ({ collection: 'traceShipments', id: l.batchId })));
  return [...new Set(lots.flatMap((l) => found.get(docKey('traceShipments', l.batchId))?.shipmentIds ?? []))];
}

async function shipmentSummaries(docs: DocumentStore, ids: string[], traced: ReadonlySet<string>): Promise<TracedShipment[]> {
  const found = await docs.getMany<ShipmentView>(ids.map((id) => ({ collection: 'shipments', id })));
  return ids.flatMap((id) => {
    const s = found.get(docKey('shipments', id));
    if (!s) return [];
    return [
      {
        id: s.id,
        status: s.status,
        from: { id: s.from.id, name: s.from.name },
        to: { id: s.to.id, name: s.to.name },
        ...(s.vehicle && { vehicle: s.vehicle }),
        dispatchedAt: s.dispatchedAt,
        ...(s.receivedAt && { receivedAt: s.receivedAt }),
        ...(s.deliveredAt && { deliveredAt: s.deliveredAt }),
        ...(s.recipient && { recipient: s.recipient }),
        cartons: s.cartonIds.filter((c) => traced.has(c)).length,
      },
    ];
  });
}

function unitCounts(cartons: readonly PlacedCarton[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { lot, carton } of cartons) counts.set(lot.batchId, (counts.get(lot.batchId) ?? 0) + carton.itemCount);
  return counts;
}

function facilityNames(cartons: readonly PlacedCarton[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const { now, placeName } of cartons) if ('facilityId' in now && now.facilityId && placeName) names[now.facilityId] = placeName;
  return names;
}
