import { Actor, FacilityRef } from '../../../core/src';
import { CertificateBasis, GradeClassResult, PackedCarton, PackedItem, ProductCertification, Quantity } from './events';

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
  harvestId: string;
  harvestedAt: string;
  quantity: Quantity;
}

export interface RecordPreCooling {
  type: 'RecordPreCooling';
  actor: Actor;
  facility: FacilityRef;
  startedAt: string;
  endedAt: string;
  coreTemperatureC: number;
}

export interface RecordQualityTest {
  type: 'RecordQualityTest';
  actor: Actor;
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
  passed: boolean;
}

export interface RecordGrading {
  type: 'RecordGrading';
  actor: Actor;
  gradingId: string;
  facility: FacilityRef;
  gradedAt: string;
  classes: GradeClassResult[];
}

export interface PackBatch {
  type: 'PackBatch';
  actor: Actor;
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
  kind: ProductCertification;
  certificateNo: string;
  issuedBy: string;
  validUntil?: string;
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
  | RecordCertification;
