import { BatchOrigin, Quantity, ResidueFamily } from './events';
import { RegulatorHolds } from './regulator-hold';

export interface RegisteredBatch {
  batchId: string;
  lotCode: string;
  productId: string;
  /** The owner: a cooperative, or the processor of an output or purchase lot. */
  cooperativeId: string;
  farmPlotId?: string;
  origin: BatchOrigin;
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

/** Part of the lot set aside for one transformation (keyed by its id), as it stands. */
export interface Reservation {
  processorId: string;
  /** In the supply's base unit; for cartons, their items' weight (or count). */
  quantity: number;
  cartonIds: readonly string[];
  status: 'reserved' | 'consumed' | 'released';
}

/** A voided item code, and the code minted to replace it, if any. */
export interface VoidedCode {
  voidedAt: string;
  replacementCode?: string;
}

export interface BatchState {
  batch?: RegisteredBatch;
  farmInputIds: ReadonlySet<string>;
  harvestIds: ReadonlySet<string>;
  /**
   * The lot's supply so far, in the base unit of its harvests (kg for weights): harvested, or
   * produced by transformations for an output lot, or bought from households for a purchase lot.
   */
  harvested?: Quantity;
  /** Total live weight of a supply counted in heads, when recorded (kg). */
  liveWeightKg?: number;
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
  /** Every item code issued for the batch: packed, or minted to replace a voided one. */
  packedCodes: ReadonlySet<string>;
  voidedCodes: Readonly<Record<string, VoidedCode>>;
  packedCartonIds: ReadonlySet<string>;
  packedNetWeightKg: number;
  /** Packed so far per grade class: kg for a batch harvested by weight, items for one counted. */
  packedByGrade: Readonly<Record<string, number>>;
  certificateNo?: string;
  /** Kinds of product certification recorded (绿色食品, 有机产品, 地理标志). */
  certifications?: ReadonlySet<string>;
  handovers: Readonly<Record<string, Handover>>;
  holds: Readonly<Partial<Record<ResidueFamily, Hold>>>;
  /** Regulators' holds standing on the lot and on items of it (暂停销售). */
  regulatorHolds: RegulatorHolds;
  /** The recalls covering the lot, by recall id: for good. */
  recalls: Readonly<Record<string, { class: string; reason: string }>>;
  /** Net weight (kg, or item count for a counted supply) of each packed carton. */
  cartonContents: Readonly<Record<string, number>>;
  reservations: Readonly<Record<string, Reservation>>;
  /** Ids of the transformations, purchases and household purchases already recorded here. */
  supplyIds: ReadonlySet<string>;
  /** Bought from this batch by other organizations (收购), in the supply's base unit. */
  sold: number;
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

/** Packed so far, in the supply's base unit (kg, or items for a counted supply). */
export function packedTotal(state: BatchState): number {
  return Object.values(state.packedByGrade).reduce((sum, value) => sum + value, 0);
}

/** Set aside or consumed as loose quantity (not as packed cartons) by transformations. */
export function reservedLoose(state: BatchState): number {
  return Object.values(state.reservations)
    .filter((r) => r.status !== 'released' && r.cartonIds.length === 0)
    .reduce((sum, r) => sum + r.quantity, 0);
}

/** What is left of the supply to pack or to consume, in its base unit. */
export function remaining(state: BatchState): number {
  return Math.max(0, (state.harvested?.value ?? 0) - packedTotal(state) - reservedLoose(state));
}

/** Cartons a transformation has taken (reserved or consumed): they cannot be taken again or dispatched. */
export function takenCartonIds(state: BatchState): Set<string> {
  return new Set(
    Object.values(state.reservations)
      .filter((r) => r.status !== 'released')
      .flatMap((r) => r.cartonIds),
  );
}
