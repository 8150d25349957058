import { Actor, FacilityRef } from '@suyuan/core';
import { CertificateBasis, GradeClassResult, PackedCarton, PackedItem, ProductCertification, Quantity } from './events';

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

export type BatchCommand =
  | RegisterBatch
  | RecordFarmInput
  | RecordHarvest
  | RecordPreCooling
  | RecordQualityTest
  | RecordGrading
  | PackBatch
  | IssueComplianceCertificate
  | RecordCertification
  | HandOverBatch
  | AcceptHandover
  | EndHandover;
