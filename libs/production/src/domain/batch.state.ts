import { Quantity } from './events';

export interface RegisteredBatch {
  batchId: string;
  lotCode: string;
  productId: string;
  cooperativeId: string;
  farmPlotId: string;
  /** The product's grade classes, best first. */
  grades: readonly string[];
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
  packingIds: ReadonlySet<string>;
  packedCodes: ReadonlySet<string>;
  packedCartonIds: ReadonlySet<string>;
  packedNetWeightKg: number;
  certificateNo?: string;
  /** Kinds of product certification recorded (绿色食品, 有机产品, 地理标志). */
  certifications?: ReadonlySet<string>;
}

/** The state every command after RegisterBatch works on. */
export type RegisteredBatchState = BatchState & { batch: RegisteredBatch };
