import { BatchView, LotQuantities, Quantity, SupplyView } from '@suyuan/production';
import { Region } from '@suyuan/registry';
import { LineageEdge, LotStep } from '../lineage/lineage.views';
import { TransformationView } from '../transformations/transformation.views';

/** A lot as every trace names it, whether or not the reader may read it whole. */
export interface TracedLot {
  batchId: string;
  lotCode: string;
  /** 0 for the lot the trace started from, 1 for its parents (back) or children (forward), … */
  generation: number;
  product: { id: string; nameZh: string; nameEn: string };
  owner: { id: string; name: string };
  /** Where its goods come from: the farm plot, or the plant that made or bought it. */
  origin: {
    kind: 'farm_plot' | 'transformation' | 'purchase';
    place: { id: string; name: string; region: Region };
    transformationId?: string;
  };
  /** The edges to the lots it was made from (back) or into (forward) within the trace. */
  edges: LineageEdge[];
  /** The reader may not read this lot whole: only who and where it is, and its edges. */
  restricted?: true;
}

type Supply<K extends SupplyView['kind']> = Omit<Extract<SupplyView, { kind: K }>, 'kind'>;

/** An ancestor lot in full: what grew or made it, what was applied to it, its tests, and who recorded each step. */
export interface TraceBackLot extends TracedLot {
  quantities?: LotQuantities;
  harvests?: BatchView['harvests'];
  farmInputs?: BatchView['farmInputs'];
  preCooling?: BatchView['preCooling'];
  tests?: BatchView['tests'];
  packings?: Omit<BatchView['packings'][number], 'cartonIds'>[];
  /** What transformations made into it (an output lot). */
  produced?: Supply<'production'>[];
  /** 收购 from households: the natural person's id only, never their name or ID number. */
  purchases?: Supply<'household_purchase'>[];
  certificate?: { certificateNo: string; issuedAt: string; withdrawnAt?: string };
  steps?: LotStep[];
}

export interface TraceBackResult {
  start: { item?: string; carton?: string; batchId: string };
  depth: number;
  /** Every lot found, the start included; `lots` is the page of them. */
  total: { lots: number };
  lots: TraceBackLot[];
  /** The transformations that made the lots of this page. */
  transformations: TransformationView[];
  /** Ancestors lie beyond `depth`. */
  truncated?: true;
  nextCursor?: string;
}

/** Where a unit (an item, in its carton) is now. */
export type UnitPlace =
  | { status: 'not_shipped'; facilityId: string }
  | { status: 'at_facility'; facilityId: string }
  | { status: 'in_transit'; shipmentId: string }
  | { status: 'delivered'; shipmentId: string; facilityId?: string; recipient: string }
  /** Its carton went whole into a transformation: its goods are in the lots made from it. */
  | { status: 'consumed'; transformationId: string };

export interface TracedUnit {
  code: string;
  batchId: string;
  lotCode: string;
  cartonId: string;
  grade?: string;
  netWeight?: Quantity;
  packedAt?: string;
  now: UnitPlace;
}

/** A descendant lot with how much of it there is and how many coded units it was packed into. */
export interface TraceForwardLot extends TracedLot {
  quantities?: LotQuantities;
  units: number;
}

export interface TracedShipment {
  id: string;
  status: 'in_transit' | 'received' | 'delivered';
  from: { id: string; name: string };
  to: { id: string; name: string };
  vehicle?: { id: string; name: string; plate?: string };
  dispatchedAt: string;
  receivedAt?: string;
  deliveredAt?: string;
  recipient?: string;
  /** Of the cartons it carried, those of the traced lots. */
  cartons: number;
}

/** The whole affected set, counted by where its units are now. */
export interface ForwardSummary {
  lots: number;
  cartons: number;
  shipments: number;
  units: number;
  where: {
    /** Packed and still where they were packed. */
    notShipped: number;
    /** Received at a store, hub, station or village point: by facility id. */
    atFacility: Record<string, number>;
    inTransit: number;
    /** Handed to the consignee: by consignee. */
    delivered: Record<string, number>;
    /** In cartons taken whole into a transformation. */
    consumed: number;
  };
  /** Lots the reader may not read whole, and their units (counted, not placed or listed). */
  restricted?: { lots: number; units: number };
}

export type ForwardStart = { lot: string } | { plot: string; from?: string; to?: string } | { input: string } | { test: string };

export interface TraceForwardResult {
  start: ForwardStart;
  /** The lots the trace started from. */
  startLots: string[];
  depth: number;
  summary: ForwardSummary;
  /** Names of the facilities `summary.where` and the units name. */
  facilities: Record<string, string>;
  /** Pages of the affected lots, the shipments that carried them and their units; the next cursor continues all three. */
  lots: TraceForwardLot[];
  shipments: TracedShipment[];
  units: TracedUnit[];
  truncated?: true;
  nextCursor?: string;
}
