import { Actor, FacilityRef } from '@suyuan/core';
import { HoldUnit, RegulatorHold, ReleaseUnit } from './regulator-hold';
import { CertificateBasis, GradeClassResult, PackedCarton, PackedItem, ProductCertification, Quantity, VoidReason } from './events';

/*
 * `now` on a command is the server's clock when it arrived: a recorded step cannot lie after it.
 */

/** Facts about the batch's product that a decider checks against; resolved by the handler. */
export interface ProductRef {
  id: string;
  nameZh: string;
  grades: string[];
}

export interface RegisterBatch {
  type: 'RegisterBatch';
  actor: Actor;
  batchId: string;
  lotCode: string;
  product: ProductRef;
  farmPlot: FacilityRef;
  plannedQuantity?: Quantity;
}

export interface RecordFarmInput {
  type: 'RecordFarmInput';
  actor: Actor;
  now: string;
  inputId: string;
  inputName: string;
  activeIngredient?: string;
  kind: 'pesticide' | 'fertilizer' | 'veterinary_drug' | 'feed' | 'other';
  dose: Quantity;
  appliedAt: string;
  safetyIntervalDays: number;
}

export interface RecordHarvest {
  type: 'RecordHarvest';
  actor: Actor;
  now: string;
  harvestId: string;
  harvestedAt: string;
  quantity: Quantity;
  /** Animals counted in heads: their total live weight. */
  liveWeight?: Quantity;
}

export interface RecordPreCooling {
  type: 'RecordPreCooling';
  actor: Actor;
  now: string;
  facility: FacilityRef;
  startedAt: string;
  endedAt: string;
  coreTemperatureC: number;
}

export interface RecordQualityTest {
  type: 'RecordQualityTest';
  actor: Actor;
  now: string;
  testId: string;
  facility?: FacilityRef;
  method: string;
  standardRef?: string;
  analyte?: string;
  sampleId: string;
  testedAt: string;
  value: number;
  unit: string;
  threshold: number;
  /** The lab's verdict; when absent, read from the value where the method says how. */
  passed?: boolean;
}

export interface RecordGrading {
  type: 'RecordGrading';
  actor: Actor;
  now: string;
  gradingId: string;
  facility: FacilityRef;
  gradedAt: string;
  classes: GradeClassResult[];
}

export interface PackBatch {
  type: 'PackBatch';
  actor: Actor;
  now: string;
  packingId: string;
  facility: FacilityRef;
  packedAt: string;
  /** Codes are minted by the handler (randomness is I/O); the decider checks they add up. */
  items: PackedItem[];
  cartons: PackedCarton[];
}

export interface IssueComplianceCertificate {
  type: 'IssueComplianceCertificate';
  actor: Actor;
  now: string;
  certificateNo: string;
  productName: string;
  quantity: Quantity;
  producerName: string;
  origin: string;
  contactPhone?: string;
  issuedAt: string;
  promise: string;
  basis: CertificateBasis[];
}

export interface RecordCertification {
  type: 'RecordCertification';
  actor: Actor;
  now: string;
  kind: ProductCertification;
  certificateNo: string;
  issuedBy: string;
  validUntil?: string;
}

/** The organization goods are handed to, as the handler found it in the registry. */
export interface OrganizationRef {
  id: string;
  role: string;
}

export interface HandOverBatch {
  type: 'HandOverBatch';
  actor: Actor;
  now: string;
  handoverId: string;
  to: OrganizationRef;
  handedOverAt: string;
  note?: string;
}

export interface AcceptHandover {
  type: 'AcceptHandover';
  actor: Actor;
  now: string;
  handoverId: string;
  acceptedAt: string;
}

export interface EndHandover {
  type: 'EndHandover';
  actor: Actor;
  now: string;
  handoverId: string;
  endedAt: string;
}

/** An output lot, registered by the transformation that makes it. */
export interface RegisterOutputLot {
  type: 'RegisterOutputLot';
  actor: Actor;
  now: string;
  batchId: string;
  lotCode: string;
  product: ProductRef;
  plant: FacilityRef;
  transformationId: string;
  quantity: Quantity;
  producedAt: string;
  liveWeight?: Quantity;
}

/** A transformation topping up an output lot its processor already has. */
export interface RecordProduction {
  type: 'RecordProduction';
  actor: Actor;
  now: string;
  transformationId: string;
  quantity: Quantity;
  producedAt: string;
}

/** A purchaser's lot of what it buys from households (收购). */
export interface RegisterPurchaseLot {
  type: 'RegisterPurchaseLot';
  actor: Actor;
  batchId: string;
  lotCode: string;
  product: ProductRef;
  plant: FacilityRef;
}

export interface RecordHouseholdPurchase {
  type: 'RecordHouseholdPurchase';
  actor: Actor;
  now: string;
  purchaseId: string;
  /** A registered natural person, checked by the handler. */
  personId: string;
  quantity: Quantity;
  purchasedAt: string;
  harvestedAt?: string;
  certificateNo?: string;
}

/** 收购 from another organization's batch the buyer holds. */
export interface RecordPurchase {
  type: 'RecordPurchase';
  actor: Actor;
  now: string;
  purchaseId: string;
  quantity: Quantity;
  purchasedAt: string;
  certificateNo?: string;
}

/** What a transformation takes from one input lot. */
export type InputTake = { kind: 'quantity'; quantity: Quantity } | { kind: 'whole' } | { kind: 'cartons'; cartonIds: string[] };

export interface ReserveInput {
  type: 'ReserveInput';
  actor: Actor;
  now: string;
  transformationId: string;
  /** When the transformation started: the lot must have been harvested (or made) before. */
  startedAt: string;
  take: InputTake;
  /** The products the transformation's outputs may be made from; absent when any will do. */
  acceptedProducts?: readonly string[];
  /** Of the cartons asked for, those the logistics record has in the actor's hands now. */
  cartonsInHand?: readonly string[];
  /** Regulators' holds on the cartons asked for, as each carton's own stream says. */
  cartonHolds?: Readonly<Record<string, RegulatorHold>>;
}

export interface ConsumeInput {
  type: 'ConsumeInput';
  actor: Actor;
  now: string;
  transformationId: string;
}

export interface ReleaseInput {
  type: 'ReleaseInput';
  actor: Actor;
  now: string;
  transformationId: string;
  reason: string;
}

/** Voids an item's code (a damaged, misprinted or lost label); `replacementCode` is minted by the handler when asked for. */
export interface VoidItemCode {
  type: 'VoidItemCode';
  actor: Actor;
  now: string;
  code: string;
  reason: VoidReason;
  note?: string;
  replacementCode?: string;
  /** The carton the item is packed in, from its record: what a trace finds the replacement by. */
  cartonId?: string;
}

export type BatchCommand =
  | RegisterBatch
  | RecordFarmInput
  | RecordHarvest
  | RecordPreCooling
  | RecordQualityTest
  | RecordGrading
  | PackBatch
  | VoidItemCode
  | IssueComplianceCertificate
  | RecordCertification
  | HandOverBatch
  | AcceptHandover
  | EndHandover
  | RegisterOutputLot
  | RecordProduction
  | RegisterPurchaseLot
  | RecordHouseholdPurchase
  | RecordPurchase
  | ReserveInput
  | ConsumeInput
  | ReleaseInput
  | HoldUnit
  | ReleaseUnit
  | MarkRecalled;

/** The recall's process manager marks each lot its recall covers (the recall decided who may open it). */
export interface MarkRecalled {
  type: 'MarkRecalled';
  actor: Actor;
  recallId: string;
  class: 'I' | 'II' | 'III';
  reason: string;
  recalledAt: string;
}
