import { Quantity } from '@suyuan/production';
import { Region } from '@suyuan/registry';
import type { ItemPassport, PassportProcessing } from '../passport/item-passport';

/** What a processed or bought-in lot's passport shows of where it comes from, beside what its own batch shows. */
export type MadeFrom = Required<Pick<ItemPassport, 'sources' | 'origins' | 'processing' | 'inputHolds'>>;

/** One input of a transformation that made the lot. */
export interface ProvenanceEdge {
  transformationId: string;
  batchId: string;
  /** In the input lot's base unit. */
  quantity: Quantity;
  weightKg?: number;
  /** When the transformation started: what was harvested or bought after it is not in it. */
  startedAt: string;
}

/**
 * A lot's place in what its passport shows of its origins (`provenance`, id = batch id),
 * computed when the facts arrive, so that a scan reads it as it is. Every lot a transformation
 * took from or made, and every lot bought from households, has one.
 */
export interface LotProvenanceView {
  id: string;
  /** The lots made from this one: their passports change when this lot's facts do. */
  madeInto: string[];
  /** What transformations put into this lot. */
  inputs: ProvenanceEdge[];
  /** The transformations that made this lot. */
  transformations: PassportProcessing[];
  /** A purchase lot's households (natural persons, by id) and where they live, as far as recorded. */
  households: Record<string, Region | null>;
  /** The cooperatives and households its goods come from, by id: the passport shows only their numbers. */
  sourceIds: { cooperatives: string[]; persons: string[] };
  /** What the passport shows: present for a lot made by processing or bought from households. */
  madeFrom?: MadeFrom;
}
