import type { JourneyStop as LoggedStop } from '@suyuan/logistics';
import type { ScanShown } from '../scan-count/scan-shown';
import { Region, TemperatureRange } from '@suyuan/registry';

/**
 * A stop of the journey as logistics logged it; where goods were received with a temperature
 * taken, that handover is judged: the range it had to lie in (the leg's it came off, or the
 * place's it went into) and whether it did.
 */
export interface JourneyStop extends LoggedStop {
  handoverRange?: TemperatureRange;
  handoverInRange?: boolean;
}
import { CertificateView, Quantity, VoidReason } from '@suyuan/production';
import type { ProcessStep } from '@suyuan/processing';
import type { ItemCompliance } from '@suyuan/standards';

/**
 * What a consumer sees when scanning one item's code: the JSON of the scan URL and
 * the model the HTML page is rendered from. Public by design: it never carries a
 * person's phone or ID number, API keys, or internal actor ids.
 */
/** A voided code's (its label damaged, misprinted or lost): when and why, never the code that replaced it. */
export interface PassportVoided {
  at: string;
  reason: VoidReason;
}

/**
 * A regulator's hold on the item, its carton or its lot (暂停销售): which of them, why, since
 * when; never the hold's or the regulator's ids.
 */
export interface PassportSuspension {
  unit: 'lot' | 'carton' | 'item';
  reason: string;
  since: string;
}

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
  /**
   * Where the item was grown; for a lot made by processing (`kind: transformation`) or bought
   * from households (`kind: purchase`), the processor's plant and the processor.
   */
  origin: {
    kind?: 'transformation' | 'purchase';
    farmPlotName: string;
    region: Region;
    cooperative: { name: string; creditCode?: string };
  };
  /** Of a processed or bought-in lot: how many cooperatives and households its raw materials come from. */
  sources?: PassportSources;
  /** Of a processed or bought-in lot: every lot its raw materials were grown or bought in, largest first. */
  origins?: PassportOrigin[];
  /** Of a processed lot: every transformation on the way from its origins to it, oldest first. */
  processing?: PassportProcessing[];
  /** Of a processed lot: the lots it was made from that a failed safety test holds. */
  inputHolds?: PassportInputHold[];
  farmInputs: PassportFarmInput[];
  harvest?: { harvestedAt: string; quantity: Quantity };
  preCooling: { facilityName: string; startedAt: string; endedAt: string; coreTemperatureC: number }[];
  tests: PassportTest[];
  grade: { grade: string; attributes: Record<string, number> };
  certificate?: PassportCertificate;
  /** Present while a failed safety test holds the batch: not for sale, and why. */
  hold?: PassportHold;
  /** Present once a recall (召回) covers the lot: not for sale, for good; the latest recall. */
  recall?: PassportRecall;
  /** What the scan that fetched this record says of its code's scans (`scan-count/`). */
  scans?: ScanShown;
  /** Present when the code was voided (its label damaged, misprinted or lost): when and why. */
  voided?: PassportVoided;
  /** Present while a regulator holds the item, its carton or its lot from sale. */
  suspended?: PassportSuspension;
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

export interface PassportRecall {
  recallId: string;
  class: 'I' | 'II' | 'III';
  reason: string;
  since: string;
}

export interface PassportHold {
  since: string;
  /** The failed safety tests the hold stands on. */
  failed: PassportTest[];
}

export type PassportCertificate = CertificateView;

export interface PassportSources {
  cooperatives: number;
  households: number;
}

/** A lot an item's raw materials come from: grown by a cooperative, or bought from households (收购). */
export type PassportOrigin = FarmOrigin | HouseholdOrigin;

interface OriginLot {
  batchId: string;
  lotCode: string;
  product: { nameZh: string; nameEn: string };
  /** What the lot gave to the goods, in its base unit (kg, or head/piece when counted). */
  quantity: Quantity;
  weightKg?: number;
  /** The first and last harvest that went in (for households: as they declared it). */
  harvest?: { from: string; to: string };
  /** Its safety tests (pesticide and veterinary-drug residues), whenever recorded, with their verdicts. */
  tests: PassportTest[];
}

export interface FarmOrigin extends OriginLot {
  kind: 'farm';
  cooperative: { name: string };
  /** Its plot's name and public region (county and town). */
  farmPlot: { name: string; region: Region };
}

/** Households are natural persons: shown as 农户（个人）, counted and placed (village, town), never named. */
export interface HouseholdOrigin extends OriginLot {
  kind: 'households';
  /** Who bought from them. */
  purchaser: { name: string };
  households: number;
  /** Where those households are, as far as recorded. */
  places: { region: Region; households: number }[];
}

/** 加工: one transformation, as the processor recorded it. */
export interface PassportProcessing {
  transformationId: string;
  processor: { name: string };
  plant: { name: string; region: Region };
  process: string;
  startedAt: string;
  endedAt: string;
  steps: ProcessStep[];
  /** 动物检疫合格证明, for live animals taken in. */
  quarantineCertificateNo?: string;
  yieldPct?: number;
  inputs: { lotCode: string; product: { nameZh: string; nameEn: string }; quantity: Quantity }[];
  outputs: { lotCode: string; quantity: Quantity }[];
}

/** A lot the goods were made from, held after a failed safety test (also one recorded after the processing). */
export interface PassportInputHold {
  batchId: string;
  lotCode: string;
  product: { nameZh: string; nameEn: string };
  /** The lot's owner: its cooperative, or the organization that made or bought it. */
  ownerName: string;
  since: string;
  failed: PassportTest[];
}

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
