import { Region, TemperatureRange } from '@suyuan/registry';
import {
  BatchCertificationRecorded,
  BatchHeld,
  ComplianceCertificateIssued,
  BatchOrigin,
  GradeClassResult,
  QualityTestRecorded,
  Quantity,
  VoidReason,
} from './domain/events';

/**
 * The 承诺达标合格证 as shown; who issued it stays internal. `withdrawnAt` is set while a failed
 * safety test holds the batch: its promise no longer stands.
 */
export type CertificateView = Omit<ComplianceCertificateIssued['data'], 'batchId' | 'issuerId'> & { withdrawnAt?: string };

/** One hand-over of the batch's goods (`handovers`, id = hand-over id; also listed on the batch). */
export interface HandoverView {
  id: string;
  batchId: string;
  lotCode: string;
  product: { id: string; nameZh: string };
  cooperative: { id: string; name: string };
  toOrganizationId: string;
  toOrganizationName: string;
  status: 'offered' | 'accepted' | 'ended';
  handedOverAt: string;
  acceptedAt?: string;
  endedAt?: string;
  endedBy?: string;
  note?: string;
}

/** A failed safety test holding the batch, and what lifted it. */
export interface HoldView {
  family: BatchHeld['data']['family'];
  testId: string;
  heldAt: string;
  liftedAt?: string;
  liftedByTestId?: string;
}

/**
 * Who has a part in the batch beyond its owner (`batchAccess`, id = organization|batch): the
 * organizations it was handed to and the labs that tested it. Lets such an organization list
 * the batches it may read without scanning them all.
 */
export interface BatchAccessView {
  id: string;
  organizationId: string;
  batchId: string;
}

export interface BatchView {
  id: string;
  lotCode: string;
  status: 'registered' | 'harvested' | 'packed';
  registeredAt: string;
  product: {
    id: string;
    nameZh: string;
    nameEn: string;
    category: string;
    gtin?: string;
    storageRange?: TemperatureRange;
    transportRange?: TemperatureRange;
    grades: string[];
  };
  /** The owner: the cooperative that grew it, or the processor that made or bought the lot. */
  cooperative: { id: string; name: string; creditCode?: string };
  /** Where its goods come from: the farm plot, or for an output or purchase lot the processor's plant. */
  farmPlot: { id: string; name: string; region: Region };
  /** Absent on a batch grown on a plot (and on every batch recorded before 0.4). */
  origin?: BatchOrigin;
  /** The lot's supply and what left it, in its base unit (kg, or head/piece when counted). */
  quantities?: LotQuantities;
  /** Productions (for an output lot) and household purchases (for a purchase lot), oldest first. */
  supplies?: SupplyView[];
  /** What transformations took from it, oldest first. */
  consumptions?: ConsumptionView[];
  /** 收购 from it by other organizations, oldest first. */
  sales?: SaleView[];
  plannedQuantity?: Quantity;
  farmInputs: {
    inputId: string;
    name: string;
    activeIngredient?: string;
    kind: string;
    dose: Quantity;
    appliedAt: string;
    safetyIntervalDays: number;
    safeFrom: string;
  }[];
  harvests: { harvestId: string; harvestedAt: string; quantity: Quantity; liveWeight?: Quantity }[];
  preCooling: { facilityId: string; facilityName: string; startedAt: string; endedAt: string; coreTemperatureC: number }[];
  tests: (Omit<QualityTestRecorded['data'], 'batchId' | 'facilityId'> & { labName: string })[];
  grading: { gradingId: string; facilityId: string; facilityName: string; gradedAt: string; classes: GradeClassResult[] }[];
  packings: {
    packingId: string;
    facilityId: string;
    facilityName: string;
    packedAt: string;
    itemCount: number;
    cartonIds: string[];
  }[];
  itemCount: number;
  certificate?: CertificateView;
  /** 绿色食品, 有机产品, 地理标志 held by the batch. */
  certifications?: Omit<BatchCertificationRecorded['data'], 'batchId'>[];
  /** Every hand-over of its goods, oldest first (absent on batches recorded before hand-overs existed). */
  custody?: Omit<HandoverView, 'batchId' | 'lotCode' | 'product' | 'cooperative'>[];
  /** Holds after failed safety tests, lifted or not, oldest first. */
  holds?: HoldView[];
  /** True while any hold stands: no certificate, no packing for sale, no dispatch. */
  /** The recalls covering the lot (召回), oldest first: its units are not for sale, for good. */
  recalls?: { recallId: string; class: 'I' | 'II' | 'III'; reason: string; recalledAt: string }[];
  held?: boolean;
  /** Item codes voided (damaged, misprinted or lost labels), oldest first; `itemCount` still counts items, not codes. */
  voided?: ({ code: string } & ItemVoiding)[];
}

/** Why and when an item's code was voided, and the code that replaced it (for its owner and holders only). */
export interface ItemVoiding {
  at: string;
  reason: VoidReason;
  note?: string;
  replacedBy?: string;
}

export interface LotQuantities {
  unit: string;
  /** Harvested, produced or bought into the lot. */
  supplied: number;
  /** Total live weight of animals counted in heads (kg). */
  liveWeightKg?: number;
  packed: number;
  /** Set aside by transformations still in progress. */
  reserved: number;
  /** Taken loose (not as packed cartons) by recorded transformations. */
  consumed: number;
  /** Left to pack or consume: supplied − packed − reserved − consumed. */
  remaining: number;
  /** Of the supply, sold to other organizations (收购 from this lot). */
  sold: number;
}

export type SupplyView =
  | { kind: 'production'; transformationId: string; quantity: Quantity; producedAt: string }
  | {
      kind: 'household_purchase';
      purchaseId: string;
      /** A natural person's id: never shown on a public page. */
      personId: string;
      quantity: Quantity;
      purchasedAt: string;
      harvestedAt?: string;
      certificateNo?: string;
    };

export interface ConsumptionView {
  transformationId: string;
  processorId: string;
  quantity: Quantity;
  weightKg?: number;
  cartonIds?: string[];
  status: 'reserved' | 'consumed' | 'released';
  reservedAt: string;
  consumedAt?: string;
  releasedAt?: string;
  reason?: string;
}

export interface SaleView {
  purchaseId: string;
  buyerOrganizationId: string;
  buyerName: string;
  quantity: Quantity;
  purchasedAt: string;
  certificateNo?: string;
}

/** One packed item: the row a scan starts from. */
export interface ItemView {
  code: string;
  batchId: string;
  cartonId: string;
  grade: string;
  netWeight: Quantity;
  packingId: string;
  packedAt: string;
  facilityId: string;
  /** Set once the code is voided: its scan warns that the label is not valid. */
  voided?: ItemVoiding;
  /** On a replacement code: the voided code it replaces (the same physical item). */
  replaces?: string;
}
