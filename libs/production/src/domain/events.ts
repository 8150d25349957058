import { DomainEvent, eventTypes } from '@suyuan/core';

export interface Quantity {
  value: number;
  /** kg, g, t, piece (件), head (只) */
  unit: string;
}

/** 承诺达标合格证 basis of the promise. */
export const CERTIFICATE_BASES = [
  'quality_control', // 质量安全控制符合要求
  'self_tested', // 自行检测合格
  'commissioned_test', // 委托检测合格
] as const;
export type CertificateBasis = (typeof CERTIFICATE_BASES)[number];

/**
 * Where a batch's goods come from. Absent (before 0.4, and for every batch grown here) means a
 * farm plot: `farmPlotId` names it. An output lot comes from a processor's transformation; a
 * purchase lot from households a purchaser bought from (收购), recorded as natural persons.
 */
export type BatchOrigin =
  { kind: 'farm_plot' } | { kind: 'transformation'; transformationId: string; plantId: string } | { kind: 'purchase'; plantId: string };

export type BatchRegistered = DomainEvent<
  'BatchRegistered',
  {
    batchId: string;
    /** The lot code printed on labels and carried in GS1 Digital Link (AI 10). */
    lotCode: string;
    productId: string;
    /** The batch's owner: a cooperative for a grown batch, a processor for an output or purchase lot. */
    cooperativeId: string;
    /** The plot it grows on; absent for an output or purchase lot. */
    farmPlotId?: string;
    origin?: BatchOrigin;
    plannedQuantity?: Quantity;
    /**
     * The product's grade classes when the batch was registered, best first: grading and
     * packing are checked against them without reading the product. Always written by the
     * batch decider; a batch registered without them accepts no grade.
     */
    grades?: string[];
  }
>;

/** 农业投入品使用记录 */
export type FarmInputApplied = DomainEvent<
  'FarmInputApplied',
  {
    batchId: string;
    inputId: string;
    inputName: string;
    activeIngredient?: string;
    kind: 'pesticide' | 'fertilizer' | 'veterinary_drug' | 'feed' | 'other';
    dose: Quantity;
    /** ISO date-time of application. */
    appliedAt: string;
    /** 安全间隔期 in days: harvest must not come sooner. 0 when none applies. */
    safetyIntervalDays: number;
    farmPlotId: string;
  }
>;

export type BatchHarvested = DomainEvent<
  'BatchHarvested',
  {
    batchId: string;
    harvestId: string;
    harvestedAt: string;
    quantity: Quantity;
    farmPlotId: string;
    /** Animals counted in heads (出栏): their total live weight, what yields are weighed by. */
    liveWeight?: Quantity;
  }
>;

/** 预冷 */
export type BatchPreCooled = DomainEvent<
  'BatchPreCooled',
  {
    batchId: string;
    facilityId: string;
    startedAt: string;
    endedAt: string;
    coreTemperatureC: number;
  }
>;

export type QualityTestRecorded = DomainEvent<
  'QualityTestRecorded',
  {
    batchId: string;
    testId: string;
    labId: string;
    facilityId?: string;
    /** e.g. pesticide_residue_rapid_test */
    method: string;
    /** e.g. GB/T 5009.199-2003 */
    standardRef?: string;
    analyte?: string;
    sampleId: string;
    testedAt: string;
    value: number;
    unit: string;
    threshold: number;
    /** For enzyme inhibition, at or above the threshold is positive (fails). */
    passed: boolean;
    /**
     * Recorded by the batch's own cooperative (自检), not a testing lab. Self-tests count as
     * the producer's own check: they can hold a batch, never release one. Absent before 0.3.
     */
    selfTest?: boolean;
  }
>;

export interface GradeClassResult {
  grade: string;
  quantity: Quantity;
  /** Measured attributes, e.g. { diameterMm: 42, brix: 13.5, weightG: 55 }. */
  attributes: Record<string, number>;
  /**
   * Share of the class's items measured below it (within the next class), in %: what the
   * NY/T grade standards' tolerances (5 %, 10 %) are judged on. Added in 0.2; absent before.
   */
  belowGradePct?: number;
}

/** 分级 */
export type BatchGraded = DomainEvent<
  'BatchGraded',
  {
    batchId: string;
    gradingId: string;
    facilityId: string;
    gradedAt: string;
    classes: GradeClassResult[];
  }
>;

export interface PackedItem {
  /** One item, one code: unguessable, also the GS1 serial (AI 21). */
  code: string;
  cartonId: string;
  grade: string;
  netWeight: Quantity;
}

export interface PackedCarton {
  cartonId: string;
  itemCount: number;
}

export type BatchPacked = DomainEvent<
  'BatchPacked',
  {
    batchId: string;
    packingId: string;
    facilityId: string;
    packedAt: string;
    items: PackedItem[];
    cartons: PackedCarton[];
  }
>;

/** Why a printed label's code is voided: the label tore or smudged, was printed wrong, or went missing. */
export const VOID_REASONS = ['damaged', 'misprinted', 'lost', 'other'] as const;
export type VoidReason = (typeof VOID_REASONS)[number];

/**
 * An item's code voided (作废): its label no longer stands for the item. With a replacement, a
 * new code is minted for the same physical item (same carton, grade, weight and packing), to be
 * printed on a new label; the voided code's scan says it was voided and never shows the new one.
 */
export type ItemCodeVoided = DomainEvent<
  'ItemCodeVoided',
  {
    batchId: string;
    code: string;
    reason: VoidReason;
    note?: string;
    voidedAt: string;
    /** The new code of the same item, when one was minted. */
    replacementCode?: string;
    /** The carton the item is in: a trace of the carton then counts the replacement, the code on the goods. */
    cartonId?: string;
  }
>;

/** 承诺达标合格证 */
export type ComplianceCertificateIssued = DomainEvent<
  'ComplianceCertificateIssued',
  {
    batchId: string;
    certificateNo: string;
    productName: string;
    quantity: Quantity;
    producerName: string;
    origin: string;
    contactPhone?: string;
    issuedAt: string;
    promise: string;
    basis: CertificateBasis[];
    issuerId: string;
  }
>;

/** Product certifications a batch holds beyond the 承诺达标合格证 (绿色食品, 有机产品, 地理标志). */
export const PRODUCT_CERTIFICATIONS = ['green_food', 'organic', 'geographical_indication'] as const;
export type ProductCertification = (typeof PRODUCT_CERTIFICATIONS)[number];

export type BatchCertificationRecorded = DomainEvent<
  'BatchCertificationRecorded',
  {
    batchId: string;
    kind: ProductCertification;
    certificateNo: string;
    issuedBy: string;
    /** ISO date-time; absent when the certification does not expire. */
    validUntil?: string;
  }
>;

/**
 * The batch's cooperative hands its goods to another organization (a packhouse, another
 * cooperative's packing line) to pre-cool, grade and pack them. Nothing changes hands until
 * the receiver accepts; the owner (or the holder) can end it at any time.
 */
export type BatchHandedOver = DomainEvent<
  'BatchHandedOver',
  { batchId: string; handoverId: string; toOrganizationId: string; handedOverAt: string; note?: string }
>;

export type BatchHandoverAccepted = DomainEvent<
  'BatchHandoverAccepted',
  { batchId: string; handoverId: string; organizationId: string; acceptedAt: string }
>;

export type BatchHandoverEnded = DomainEvent<
  'BatchHandoverEnded',
  { batchId: string; handoverId: string; organizationId: string; endedAt: string; endedBy: string }
>;

/** What a failed safety test held, by residue family: a pesticide hold is lifted by a pesticide confirmation. */
export type ResidueFamily = 'pesticide' | 'veterinary_drug';

/**
 * A failed safety test stops the batch: no 承诺达标合格证 (one already issued is withdrawn),
 * no packing for sale, no dispatch, until a testing lab's confirmatory test overturns it.
 */
export type BatchHeld = DomainEvent<
  'BatchHeld',
  { batchId: string; family: ResidueFamily; reason: 'failed_safety_test'; testId: string; heldAt: string }
>;

export type BatchHoldLifted = DomainEvent<'BatchHoldLifted', { batchId: string; family: ResidueFamily; testId: string; liftedAt: string }>;

/**
 * What a regulator holds (暂停销售): the whole lot, one item of it, or one carton of it. An item
 * names its carton, so a dispatch of that carton is refused from the batch's own state.
 */
export type HeldUnit = { kind: 'lot' } | { kind: 'item'; code: string; cartonId: string } | { kind: 'carton'; cartonId: string };

/**
 * A regulator stops a unit from being certified, packed, dispatched, taken for processing or
 * sold, on the unit's own stream: a lot's and an item's on the batch's, a carton's on the
 * carton's. `spotCheckId` when a failed spot check (抽检) held it.
 */
export type UnitHeld = DomainEvent<
  'UnitHeld',
  { holdId: string; batchId: string; unit: HeldUnit; reason: string; regulatorId: string; heldAt: string; spotCheckId?: string }
>;

/** A regulator lifts its hold: the unit may be sold again. */
export type UnitHoldReleased = DomainEvent<
  'UnitHoldReleased',
  { holdId: string; batchId: string; unit: HeldUnit; reason?: string; regulatorId: string; releasedAt: string }
>;

/**
 * A recall (召回) covers the lot: from now on none of its units is certified, packed, sold,
 * taken for processing or dispatched, whatever becomes of the recall (closing it does not put
 * the goods back on sale). Appended by the recall's process manager, once per recall.
 */
export type LotRecalled = DomainEvent<
  'LotRecalled',
  { batchId: string; recallId: string; class: 'I' | 'II' | 'III'; reason: string; recalledAt: string }
>;

/**
 * An output lot's goods, made by a transformation (its origin, or a later one topping it up).
 * Counts as the lot's supply, as a harvest does for a grown batch.
 */
export type BatchProduced = DomainEvent<
  'BatchProduced',
  { batchId: string; transformationId: string; quantity: Quantity; producedAt: string; liveWeight?: Quantity }
>;

/**
 * 收购 into a purchase lot: what its purchaser bought from one household (a natural person,
 * whose name and ID number live encrypted in the person's own stream, never here).
 */
export type BatchPurchasedFromHousehold = DomainEvent<
  'BatchPurchasedFromHousehold',
  {
    batchId: string;
    purchaseId: string;
    personId: string;
    quantity: Quantity;
    purchasedAt: string;
    /** When the household harvested it, as it declared. */
    harvestedAt?: string;
    /** The 承诺达标合格证 the household handed over, if any. */
    certificateNo?: string;
  }
>;

/**
 * 收购 from another organization's batch: recorded by the buyer, who holds the goods through
 * an accepted hand-over; the seller's 承诺达标合格证 it received travels with it.
 */
export type BatchPurchaseRecorded = DomainEvent<
  'BatchPurchaseRecorded',
  {
    batchId: string;
    purchaseId: string;
    buyerOrganizationId: string;
    quantity: Quantity;
    purchasedAt: string;
    certificateNo?: string;
  }
>;

/**
 * A processor sets aside part of this lot for its transformation. Remaining quantity is this
 * stream's state, so two transformations cannot both take the last kilogram. The reservation is
 * then consumed (the transformation was recorded) or released (it was not).
 */
export type BatchInputReserved = DomainEvent<
  'BatchInputReserved',
  {
    batchId: string;
    transformationId: string;
    processorId: string;
    /** In the batch's base unit (kg, or head/piece for a counted batch). */
    quantity: Quantity;
    /** The same quantity by weight, when the batch is counted and its live weight known. */
    weightKg?: number;
    /** Whole packed cartons taken, when the input was given as cartons. */
    cartonIds?: string[];
    reservedAt: string;
  }
>;

export type BatchInputConsumed = DomainEvent<'BatchInputConsumed', { batchId: string; transformationId: string; consumedAt: string }>;

export type BatchReservationReleased = DomainEvent<
  'BatchReservationReleased',
  { batchId: string; transformationId: string; reason: string; releasedAt: string }
>;

export type BatchEvent =
  | BatchRegistered
  | FarmInputApplied
  | BatchHarvested
  | BatchPreCooled
  | QualityTestRecorded
  | BatchGraded
  | BatchPacked
  | ItemCodeVoided
  | ComplianceCertificateIssued
  | BatchCertificationRecorded
  | BatchHandedOver
  | BatchHandoverAccepted
  | BatchHandoverEnded
  | BatchHeld
  | BatchHoldLifted
  | UnitHeld
  | UnitHoldReleased
  | LotRecalled
  | BatchProduced
  | BatchPurchasedFromHousehold
  | BatchPurchaseRecorded
  | BatchInputReserved
  | BatchInputConsumed
  | BatchReservationReleased;

/** Every batch event type, for projections that follow the whole batch stream. */
export const BATCH_EVENT_TYPES = eventTypes<BatchEvent>({
  BatchRegistered: true,
  FarmInputApplied: true,
  BatchHarvested: true,
  BatchPreCooled: true,
  QualityTestRecorded: true,
  BatchGraded: true,
  BatchPacked: true,
  ItemCodeVoided: true,
  ComplianceCertificateIssued: true,
  BatchCertificationRecorded: true,
  BatchHandedOver: true,
  BatchHandoverAccepted: true,
  BatchHandoverEnded: true,
  BatchHeld: true,
  BatchHoldLifted: true,
  UnitHeld: true,
  UnitHoldReleased: true,
  LotRecalled: true,
  BatchProduced: true,
  BatchPurchasedFromHousehold: true,
  BatchPurchaseRecorded: true,
  BatchInputReserved: true,
  BatchInputConsumed: true,
  BatchReservationReleased: true,
});
