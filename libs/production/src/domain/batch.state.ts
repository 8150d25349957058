import { Quantity, ResidueFamily } from './events';

export interface RegisteredBatch {
  batchId: string;
  lotCode: string;
  productId: string;
  cooperativeId: string;
  farmPlotId: string;
  /** The product's grade classes, best first. */
  grades: readonly string[];
}

/** One hand-over of the batch's goods to another organization, as it stands. */
export interface Handover {
  toOrganizationId: string;
  /** Epoch milliseconds. */
  handedOverAt: number;
  status: 'offered' | 'accepted' | 'ended';
}

/** A failed safety test holding the batch, per residue family. */
export interface Hold {
  testId: string;
  /** Epoch milliseconds: a confirmatory test must come after it to overturn it. */
  testedAt: number;
}

export interface BatchState {
  batch?: RegisteredBatch;
  farmInputIds: ReadonlySet<string>;
  harvestIds: ReadonlySet<string>;
  /** Harvested so far, in the base unit of the harvests (kg for weights). */
  harvested?: Quantity;
  /** Epoch milliseconds. */
  firstHarvestAt?: number;
  lastHarvestAt?: number;
  testIds: ReadonlySet<string>;
  gradingIds: ReadonlySet<string>;
  /** Graded so far per grade class, in the harvests' base unit. */
  graded: Readonly<Record<string, number>>;
  /** When each grade class was first graded (epoch ms): its items cannot be packed before. */
  firstGradedAt: Readonly<Record<string, number>>;
  packingIds: ReadonlySet<string>;
  packedCodes: ReadonlySet<string>;
  packedCartonIds: ReadonlySet<string>;
  packedNetWeightKg: number;
  /** Packed so far per grade class: kg for a batch harvested by weight, items for one counted. */
  packedByGrade: Readonly<Record<string, number>>;
  certificateNo?: string;
  /** Kinds of product certification recorded (绿色食品, 有机产品, 地理标志). */
  certifications?: ReadonlySet<string>;
  handovers: Readonly<Record<string, Handover>>;
  holds: Readonly<Partial<Record<ResidueFamily, Hold>>>;
}

/** The state every command after RegisterBatch works on. */
export type RegisteredBatchState = BatchState & { batch: RegisteredBatch };

/** Organizations holding the batch's goods now: hand-overs they accepted and nobody ended. */
export function holders(state: BatchState): string[] {
  return Object.values(state.handovers)
    .filter((h) => h.status === 'accepted')
    .map((h) => h.toOrganizationId);
}

export function isHeld(state: BatchState): boolean {
  return Object.keys(state.holds).length > 0;
}
