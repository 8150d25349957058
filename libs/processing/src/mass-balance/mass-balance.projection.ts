import { eventTypes, StoredDomainEvent } from '@suyuan/core';
import { ShipmentDelivered } from '@suyuan/logistics';
import {
  BatchHarvested,
  BatchInputConsumed,
  BatchInputReserved,
  BatchPacked,
  BatchProduced,
  BatchPurchasedFromHousehold,
  BatchPurchaseRecorded,
  BatchRegistered,
  BatchReservationReleased,
  originFacilityId,
  Quantity,
  toBaseUnit,
} from '@suyuan/production';
import { DocReader, DocRef, DocWrite, Projection } from '@suyuan/readmodels';
import { FacilityView, ProductRegistered, ProductView } from '@suyuan/registry';
import { addFlows, Flow, flowOf, NO_FLOW, totalFlow } from './flows';
import { CountedPlot, MassBalanceCarton, MassBalanceInput, MassBalanceLot, MassBalanceView } from './mass-balance.views';
import { FlowField, newRow, rowId, withFlow, withPlot } from './rows';
import { seasonOf } from './season';

type MassBalanceEvent =
  | ProductRegistered
  | BatchRegistered
  | BatchHarvested
  | BatchProduced
  | BatchPurchasedFromHousehold
  | BatchPurchaseRecorded
  | BatchInputReserved
  | BatchInputConsumed
  | BatchReservationReleased
  | BatchPacked
  | ShipmentDelivered;

const ROWS = 'massBalance';
const LOTS = 'massBalanceLots';
const CARTONS = 'massBalanceCartons';
const PLOTS = 'massBalancePlots';
const INPUTS = 'massBalanceInputs';

const lotRef = (id: string): DocRef => ({ collection: LOTS, id });
const facilityRef = (id: string): DocRef => ({ collection: 'facilities', id });

/**
 * The regulators' mass balance: per product, county and season, what the registered plots
 * could give and what was harvested, bought, consumed, produced, packed and delivered.
 */
export const massBalanceProjection: Projection<MassBalanceEvent> = {
  name: 'massBalance',
  eventTypes: eventTypes<MassBalanceEvent>({
    ProductRegistered: true,
    BatchRegistered: true,
    BatchHarvested: true,
    BatchProduced: true,
    BatchPurchasedFromHousehold: true,
    BatchPurchaseRecorded: true,
    BatchInputReserved: true,
    BatchInputConsumed: true,
    BatchReservationReleased: true,
    BatchPacked: true,
    ShipmentDelivered: true,
  }),
  reads(event) {
    switch (event.type) {
      case 'ProductRegistered':
        return (event.data.madeFrom ?? []).map((id) => ({ collection: INPUTS, id }));
      case 'BatchRegistered':
        return [facilityRef(originFacilityId(event.data))];
      case 'BatchHarvested':
        return [lotRef(event.data.batchId), facilityRef(event.data.farmPlotId)];
      case 'BatchProduced':
      case 'BatchPurchasedFromHousehold':
      case 'BatchPurchaseRecorded':
      case 'BatchInputReserved':
      case 'BatchInputConsumed':
      case 'BatchReservationReleased':
      case 'BatchPacked':
        return [lotRef(event.data.batchId)];
      case 'ShipmentDelivered':
        return event.data.cartonIds.map((id) => ({ collection: CARTONS, id }));
      default: {
        const unknown: never = event;
        throw new Error(`Unknown mass-balance event: ${JSON.stringify(unknown)}`);
      }
    }
  },
  apply(event, docs) {
    switch (event.type) {
      case 'ProductRegistered':
        return madeInto(event.data, docs);
      case 'BatchRegistered':
        return [lotWrite(registeredLot(event.data, docs))];
      case 'BatchHarvested': {
        const d = event.data;
        return supplied(docs, d.batchId, d.harvestedAt, 'harvested', d.quantity, d.liveWeight, d.farmPlotId);
      }
      case 'BatchProduced': {
        const d = event.data;
        return supplied(docs, d.batchId, d.producedAt, 'produced', d.quantity, d.liveWeight);
      }
      case 'BatchPurchasedFromHousehold': {
        const d = event.data;
        return supplied(docs, d.batchId, d.purchasedAt, 'boughtFromHouseholds', d.quantity);
      }
      case 'BatchPurchaseRecorded':
        return counted(docs, event.data.batchId, (lot) => ['boughtFromOrganizations', weighed(lot, event.data.quantity)]);
      case 'BatchInputReserved':
      case 'BatchInputConsumed':
      case 'BatchReservationReleased':
        return reservation(docs, event);
      case 'BatchPacked':
        return packed(docs, event.data);
      case 'ShipmentDelivered':
        return delivered(docs, event.data.cartonIds);
      default: {
        const unknown: never = event;
        throw new Error(`Unknown mass-balance event: ${JSON.stringify(unknown)}`);
      }
    }
  },
};

const lotWrite = (lot: MassBalanceLot): DocWrite => ({ collection: LOTS, id: lot.id, doc: lot });
const rowWrite = (row: MassBalanceView): DocWrite => ({ collection: ROWS, id: row.id, doc: row });

/** A processed product's inputs learn what is made from them: their plots count in its capacity. */
function madeInto(d: ProductRegistered['data'], docs: DocReader): DocWrite[] {
  return (d.madeFrom ?? []).map((id) => {
    const input = docs.get<MassBalanceInput>(INPUTS, id) ?? { id, madeInto: [] };
    return { collection: INPUTS, id, doc: { ...input, madeInto: [...input.madeInto, d.productId] } };
  });
}

/** A lot counts in the county of its plot, or for an output or purchase lot of its plant. */
function registeredLot(d: BatchRegistered['data'], docs: DocReader): MassBalanceLot {
  const region = docs.get<FacilityView>('facilities', originFacilityId(d))?.region;
  return {
    id: d.batchId,
    productId: d.productId,
    ...(region?.province && { province: region.province }),
    county: region?.county ?? '',
    reserved: {},
  };
}

/**
 * A harvest, production or purchase into the lot. The lot's first one fixes its season (in
 * its product's seasons); a harvest counts its plot, once a season, in the capacity of the
 * product and of the products made from it.
 */
function supplied(
  docs: DocReader,
  batchId: string,
  at: string,
  field: FlowField,
  quantity: Quantity,
  liveWeight?: Quantity,
  plotId?: string,
): DocWrite[] {
  const before = docs.get<MassBalanceLot>(LOTS, batchId);
  if (!before) return [];
  const liveKg = liveWeight && toBaseUnit(liveWeight).value;
  const flow = flowOf(quantity, liveKg);
  const firstSuppliedAt = before.firstSuppliedAt ?? at;
  const rows = new RowChanges(docs);
  const product = docs.get<ProductView>('products', before.productId);
  const season = seasonOf(firstSuppliedAt, product?.yieldPerMu?.seasonStartMonth);
  const id = rowId(before.productId, before, season.season);
  rows.change(
    id,
    () => newRow(before.productId, product, before, season),
    (row) => withFlow(row, field, flow),
  );
  const base = toBaseUnit(quantity);
  const lot: MassBalanceLot = {
    ...before,
    firstSuppliedAt,
    rowId: id,
    ...(liveKg !== undefined && base.unit !== 'kg' && { live: liveAdded(before.live, base.value, liveKg) }),
  };
  const plot = plotId === undefined ? undefined : docs.get<FacilityView>('facilities', plotId);
  const plots = plot ? countPlot(docs, rows, lot, firstSuppliedAt, plot, product) : [];
  return [lotWrite(lot), ...plots, ...rows.writes()];
}

const liveAdded = (live: MassBalanceLot['live'], count: number, kg: number) => ({
  count: (live?.count ?? 0) + count,
  kg: (live?.kg ?? 0) + kg,
});

/** The plot in the capacity of the lot's product and of each product made from it, for the season of the lot's first harvest. */
function countPlot(
  docs: DocReader,
  rows: RowChanges,
  lot: MassBalanceLot,
  harvestedAt: string,
  plot: FacilityView,
  product: ProductView | undefined,
): DocWrite[] {
  const writes: DocWrite[] = [];
  const products = [lot.productId, ...(docs.get<MassBalanceInput>(INPUTS, lot.productId)?.madeInto ?? [])];
  for (const productId of products) {
    const made = productId === lot.productId ? product : docs.get<ProductView>('products', productId);
    const season = seasonOf(harvestedAt, made?.yieldPerMu?.seasonStartMonth);
    const counted: CountedPlot = { id: [productId, season.season, plot.id].join('|') };
    if (docs.get<CountedPlot>(PLOTS, counted.id)) continue;
    writes.push({ collection: PLOTS, id: counted.id, doc: counted });
    rows.change(
      rowId(productId, lot, season.season),
      () => newRow(productId, made, lot, season),
      (row) => withPlot(row, plot),
    );
  }
  return writes;
}

/** A quantity of the lot: by weight, its counts by the live weight its supply was recorded with where known. */
function weighed(lot: MassBalanceLot, quantity: Quantity, weightKg?: number): Flow {
  const base = toBaseUnit(quantity);
  const byLiveWeight = lot.live && base.unit !== 'kg' ? (base.value * lot.live.kg) / lot.live.count : undefined;
  return flowOf(quantity, weightKg ?? byLiveWeight);
}

/** A quantity that counts in the lot's row (once the lot has one). */
function counted(docs: DocReader, batchId: string, what: (lot: MassBalanceLot) => [FlowField, Flow]): DocWrite[] {
  const lot = docs.get<MassBalanceLot>(LOTS, batchId);
  const row = lot?.rowId && docs.get<MassBalanceView>(ROWS, lot.rowId);
  if (!lot || !row) return [];
  const [field, flow] = what(lot);
  return [rowWrite(withFlow(row, field, flow))];
}

/** A transformation's reservation: set aside, then counted as consumed when the transformation completes, or let go. */
function reservation(
  docs: DocReader,
  event: StoredDomainEvent<BatchInputReserved | BatchInputConsumed | BatchReservationReleased>,
): DocWrite[] {
  const lot = docs.get<MassBalanceLot>(LOTS, event.data.batchId);
  if (!lot) return [];
  const { [event.data.transformationId]: taken, ...others } = lot.reserved;
  switch (event.type) {
    case 'BatchInputReserved': {
      const d = event.data;
      return [lotWrite({ ...lot, reserved: { ...lot.reserved, [d.transformationId]: weighed(lot, d.quantity, d.weightKg) } })];
    }
    case 'BatchInputConsumed': {
      if (!taken) return [];
      return [lotWrite({ ...lot, reserved: others }), ...counted(docs, lot.id, () => ['consumed', taken])];
    }
    case 'BatchReservationReleased':
      return taken ? [lotWrite({ ...lot, reserved: others })] : [];
    default: {
      const unknown: never = event;
      throw new Error(`Unknown reservation event: ${JSON.stringify(unknown)}`);
    }
  }
}

/** Packed items by net weight, in the lot's row; each carton's, for its delivery. */
function packed(docs: DocReader, d: BatchPacked['data']): DocWrite[] {
  const byCarton = new Map<string, Quantity[]>();
  for (const item of d.items) {
    const nets = byCarton.get(item.cartonId);
    if (nets) nets.push(item.netWeight);
    else byCarton.set(item.cartonId, [item.netWeight]);
  }
  const cartons = [...byCarton].map(([id, nets]): MassBalanceCarton => ({ id, lotId: d.batchId, net: totalFlow(nets) }));
  const total = cartons.reduce((sum, carton) => addFlows(sum, carton.net), NO_FLOW);
  return [...counted(docs, d.batchId, () => ['packed', total]), ...cartons.map((doc) => ({ collection: CARTONS, id: doc.id, doc }))];
}

/**
 * Cartons handed to their consignee at a village point: the goods leave the recorded chain
 * (a carton received at a store or station is still in it). Each counts in its lot's row.
 */
function delivered(docs: DocReader, cartonIds: string[]): DocWrite[] {
  const rows = new RowChanges(docs);
  for (const cartonId of cartonIds) {
    const carton = docs.get<MassBalanceCarton>(CARTONS, cartonId);
    const lot = carton && docs.get<MassBalanceLot>(LOTS, carton.lotId);
    if (carton && lot?.rowId) rows.change(lot.rowId, undefined, (row) => withFlow(row, 'delivered', carton.net));
  }
  return rows.writes();
}

/** The rows one event changes, each read once and written once. */
class RowChanges {
  private readonly rows = new Map<string, MassBalanceView>();

  constructor(private readonly docs: DocReader) {}

  /** Changes the row; a row not there yet is created by `create`, or left alone without one. */
  change(id: string, create: (() => MassBalanceView) | undefined, change: (row: MassBalanceView) => MassBalanceView): void {
    const row = this.rows.get(id) ?? this.docs.get<MassBalanceView>(ROWS, id) ?? create?.();
    if (row) this.rows.set(id, change(row));
  }

  writes(): DocWrite[] {
    return [...this.rows.values()].map(rowWrite);
  }
}
