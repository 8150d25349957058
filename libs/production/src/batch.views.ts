import { Region, TemperatureRange } from '../../registry/src/domain/events';
import { BatchCertificationRecorded, ComplianceCertificateIssued, GradeClassResult, QualityTestRecorded, Quantity } from './domain/events';

/** The 承诺达标合格证 as shown; who issued it stays internal. */
export type CertificateView = Omit<ComplianceCertificateIssued['data'], 'batchId' | 'issuerId'>;

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
  cooperative: { id: string; name: string; creditCode?: string };
  farmPlot: { id: string; name: string; region: Region };
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
  harvests: { harvestId: string; harvestedAt: string; quantity: Quantity }[];
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
}
