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
