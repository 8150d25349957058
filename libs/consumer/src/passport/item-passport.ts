import type { JourneyStop } from '@suyuan/logistics';
import { Region, TemperatureRange } from '@suyuan/registry';

export type { JourneyStop };
import { CertificateView, Quantity } from '@suyuan/production';
import type { ItemCompliance } from '@suyuan/standards';

/**
 * What a consumer sees when scanning one item's code: the JSON of the scan URL and
 * the model the HTML page is rendered from. Public by design: it never carries a
 * person's phone or ID number, API keys, or internal actor ids.
 */
export interface ItemPassport {
  code: string;
  /** The URL encoded in the item's QR code. */
  scanUrl: string;
  status: ItemStatus;
  product: {
    id: string;
    nameZh: string;
    nameEn: string;
    category: string;
    gtin?: string;
    storageRange?: TemperatureRange;
    transportRange?: TemperatureRange;
  };
  batch: { id: string; lotCode: string };
  origin: {
    farmPlotName: string;
    region: Region;
    cooperative: { name: string; creditCode?: string };
  };
  farmInputs: PassportFarmInput[];
  harvest?: { harvestedAt: string; quantity: Quantity };
  preCooling: { facilityName: string; startedAt: string; endedAt: string; coreTemperatureC: number }[];
  tests: PassportTest[];
  grade: { grade: string; attributes: Record<string, number> };
  certificate?: PassportCertificate;
  /** Present while a failed safety test holds the batch: not for sale, and why. */
  hold?: PassportHold;
  packing: { facilityName: string; packedAt: string; netWeight: Quantity; cartonId: string };
  coldChain: ColdChainSummary;
  journey: JourneyStop[];
  /** The verdict under the product's standard; null while no standard is in force. */
  compliance: ItemCompliance | null;
}

export type ItemStatus = 'packed' | 'in_transit' | 'delivered';

export interface PassportFarmInput {
  name: string;
  activeIngredient?: string;
  kind: string;
  dose: Quantity;
  appliedAt: string;
  safetyIntervalDays: number;
  /** appliedAt + safety interval: the earliest harvest that respects it. */
  safeFrom: string;
  /** true/false once harvested; null before harvest. */
  respected: boolean | null;
}

export interface PassportTest {
  method: string;
  standardRef?: string;
  analyte?: string;
  sampleId: string;
  labName: string;
  testedAt: string;
  value: number;
  unit: string;
  threshold: number;
  passed: boolean;
  /** The producer's own test (自检), not a testing lab's. */
  selfTest?: boolean;
}

export interface PassportHold {
  since: string;
  /** The failed safety tests the hold stands on. */
  failed: PassportTest[];
}

export type PassportCertificate = CertificateView;

export interface ColdChainSummary {
  readings: number;
  minC?: number;
  maxC?: number;
  minutesOutOfRange: number;
  /** Time of closed stays and legs that no reading covers (no logger, or a silent one). */
  minutesUnmonitored: number;
  longestExcursionMinutes: number;
  segments: ColdChainSegmentSummary[];
  /** At most 60 points across the whole journey, for a small chart. */
  chart: { at: string; c: number }[];
}

export interface ColdChainSegmentSummary {
  facilityId: string;
  facilityName: string;
  from: string;
  to?: string;
  range?: TemperatureRange;
  readings: number;
  minC?: number;
  maxC?: number;
  minutesOutOfRange: number;
  minutesUnmonitored: number;
  longestExcursionMinutes: number;
}
