import { Quantity } from '@suyuan/production';

/** One edge of the family tree: lot → lot through a transformation, with what passed along it. */
export interface LineageEdge {
  /** The lot at the other end of the edge. */
  batchId: string;
  lotCode: string;
  productId: string;
  transformationId: string;
  /** What the input gave (in the input lot's base unit). */
  quantity: Quantity;
  weightKg?: number;
  cartonIds?: string[];
  /** When the transformation ended. */
  at: string;
}

/**
 * A lot's place in the family tree (`lineage`, id = batch id): the lots it was made from and
 * the lots made from it. Every lot that takes part in a transformation has one; a lot that
 * never did has none.
 */
export interface LineageView {
  id: string;
  lotCode: string;
  productId: string;
  ownerId: string;
  parents: LineageEdge[];
  children: LineageEdge[];
}

/** Who recorded a step: the organization and the API key it used, and when. */
export interface RecordedBy {
  organizationId: string;
  organizationName: string;
  keyId: string;
  recordedAt: string;
}

/** One event of a lot's own stream, as a trace lists it: what, when, by whom, about which record. */
export interface LotStep extends RecordedBy {
  /** The event's type: BatchHarvested, QualityTestRecorded, BatchPacked, … */
  event: string;
  /** When it happened. */
  at: string;
  facilityId?: string;
  /** The record it is about: the harvest, input, test, packing, hand-over, purchase or transformation id. */
  ref?: string;
}

/**
 * Every step of a lot with who recorded it (`traceSteps`, id = batch id), oldest first: the
 * batch view keeps what happened, not which key recorded it.
 */
export interface TraceStepsView {
  id: string;
  steps: LotStep[];
}

/**
 * Where a trace forward starts without scanning every lot (`traceKeys`, id = `traceKey|batchId`,
 * found by the indexed `traceKey`): `plot:<farm plot id>` for a lot grown on the plot (`at`: its
 * harvests), `input:<name>` and `input:<active ingredient>` (lower case) for a lot a farm input
 * was applied to (`at`: the applications), `test:<test id>` for a tested lot (`at`: the test).
 */
export interface TraceKeyView {
  id: string;
  traceKey: string;
  batchId: string;
  at: string[];
}

/** The codes packed into a carton, in packing order (`traceCartons`, id = carton id). */
export interface TraceCartonView {
  id: string;
  batchId: string;
  codes: string[];
}

/** Every shipment that carried a carton of the lot, first dispatched first (`traceShipments`, id = batch id). */
export interface TraceShipmentsView {
  id: string;
  shipmentIds: string[];
}
