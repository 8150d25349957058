/**
 * A product standard's rules (电商交易标准) as data. Every kind is optional: a standard sets
 * the rules it needs. `grades`, where a rule has it, scopes the rule to items of those grade
 * classes (a brand standard often binds 特级 and 一级 only); other items find it not applicable.
 */
export interface StandardRules {
  grading?: GradingRule;
  preCooling?: PreCoolingRule;
  /** Stays at cold stores and logistics stations (冷藏). */
  storage?: TemperatureRule;
  /** Legs on the road (冷链运输). */
  transport?: TemperatureRule;
  tests?: RequiredTestRule[];
  safetyIntervals?: SafetyIntervalRule;
  certificates?: CertificatesRule;
  harvestToPacking?: MaxHoursRule;
  /** From dispatch at the county hub to delivery at a village point (48 h, or 24 h where the county set it). */
  hubToVillage?: MaxHoursRule;
  requiredData?: RequiredDataRule;
  /** 出成率: a processed lot's weight over its inputs' weight (fresh tea leaves → finished tea 18–25 %). */
  processingYield?: ProcessingYieldRule;
  /** When the page warns that a code looks copied (not a compliance rule: it judges scans, not the batch). */
  scans?: ScanLimitsRule;
}

export interface Scoped {
  grades?: string[];
}

/** Measured attributes a grade class is judged on, e.g. diameterMm, weightG, brix. */
export type AttributeBounds = Record<string, { min?: number; max?: number }>;

export interface GradeClassRule {
  grade: string;
  attributes: AttributeBounds;
  /** Share of items allowed below the class (but within the next one): 5 % for 特级, 10 % for 一级 and 二级 in NY/T. */
  tolerancePct: number;
}

export interface GradingRule {
  classes: GradeClassRule[];
}

export interface PreCoolingRule extends Scoped {
  withinHours: number;
  maxCoreTemperatureC: number;
}

export interface TemperatureRule {
  minC: number;
  maxC: number;
  /** The longest single excursion allowed, in minutes (0: none). */
  maxExcursionMinutes: number;
  /** All the time out of range allowed, in minutes. */
  maxTotalMinutesOutOfRange: number;
}

export interface RequiredTestRule extends Scoped {
  /** e.g. pesticide_residue_rapid_test */
  method: string;
  analyte?: string;
  standardRef?: string;
  /** Result must stay below this (enzyme inhibition %: 50). */
  threshold: number;
  /** A test must have passed before dispatch. */
  passRequired: boolean;
  /** The passing test must be at most this many days old at the batch's first dispatch. */
  validDays: number;
  /** `pesticide_applied`: needed only for batches that had a pesticide applied. */
  requiredWhen?: 'always' | 'pesticide_applied';
}

export interface SafetyIntervalRule extends Scoped {
  /** Input kinds whose safety interval (安全间隔期) binds the harvest; pesticide and veterinary drug by default. */
  kinds?: string[];
}

export const CERTIFICATE_KINDS = [
  'compliance_certificate', // 承诺达标合格证: always required
  'green_food', // 绿色食品
  'organic', // 有机产品
  'geographical_indication', // 地理标志
] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export interface CertificatesRule extends Scoped {
  /** 承诺达标合格证 is required whether listed or not. */
  required: CertificateKind[];
}

/**
 * The yield a transformation may have for this product's output lots, by weight, in %. A yield
 * outside it is a violation with the numbers: more tea than the leaves could make is leaves
 * from somewhere else (GI laundering), less is leaves gone missing.
 */
export interface ProcessingYieldRule {
  minPct: number;
  maxPct: number;
}

/**
 * Overrides, field by field, the defaults the consumer page takes from the product's category:
 * more distinct consumers or cities than these, or a scan more than `shelfLifeDays` after
 * packing, and the page says the code may be a copy.
 */
export interface ScanLimitsRule {
  maxConsumers?: number;
  maxPlaces?: number;
  shelfLifeDays?: number;
}

export interface MaxHoursRule extends Scoped {
  maxHours: number;
}

export const REQUIRED_DATA_FIELDS = [
  'origin_plot',
  'harvest_time',
  'harvest_quantity',
  'net_weight',
  'grade',
  'packing_facility',
  'certificate_contact',
] as const;
export type RequiredDataField = (typeof REQUIRED_DATA_FIELDS)[number];

export interface RequiredDataRule extends Scoped {
  fields: RequiredDataField[];
}

export type RuleKind = keyof StandardRules;
