import { ProductStandardPublished } from '../domain/events';
import { BatchFacts } from '../evaluation/batch-facts';
import { WindowSummary } from '../evaluation/logistics-rules';
import { ComplianceStatus } from '../evaluation/rule-result';

/** One version as published, and when it was recorded. */
export type StandardVersionView = ProductStandardPublished['data'] & { publishedAt: string };

/** A product's standard with every version, oldest first (`standards`, id = product id). */
export interface StandardView {
  id: string;
  standardId: string;
  productId: string;
  productName: string;
  ownerId: string;
  ownerName: string;
  versions: StandardVersionView[];
}

/** Cartons of a batch that have gone the same way so far: one verdict serves them all. */
export interface Cohort {
  grade: string;
  /** Carton id → how many items it holds. */
  cartons: Record<string, number>;
  items: number;
  windowIds: string[];
  hubDispatch?: { eventId: string; at: string };
  delivered?: { eventId: string; at: string };
}

export interface BrandView {
  status: 'certified' | 'withdrawn';
  brand: string;
  version: number;
  certifiedAt: string;
  certifiedBy: string;
  withdrawnAt?: string;
  withdrawnBecause?: { rule: string; reason: string; reasonEn: string }[];
}

export type StatusCounts = Record<ComplianceStatus, number>;

/** Which batch a document speaks of, with the names its readers filter and show by. */
export interface BatchIdentity {
  batchId: string;
  lotCode: string;
  productId: string;
  productName: string;
  cooperativeId: string;
  cooperativeName: string;
  county: string;
  /** The origin's province, where its plot names one: a county name alone is not unique across provinces. */
  province?: string;
}

/** A batch judged against its product's standard (`compliance`, id = batch id). */
export interface BatchComplianceView extends BatchIdentity {
  id: string;
  /** yyyy-mm (China time) of the first packing, else of registration: the month it is counted in. */
  month: string;
  /** When the registration was recorded. */
  registeredAt: string;
  facts: BatchFacts;
  /** The version in force when the batch was packed (before packing: at its latest step). */
  standard?: { standardId: string; version: number; title: string; ownerId: string; effectiveFrom: string };
  /** Absent while no standard is in force for the product. */
  status?: ComplianceStatus;
  /** Every production rule met or not applicable: what brand certification needs. */
  productionSettled: boolean;
  /** The earliest deadline a pending rule has: a logger upload past it must judge the batch again. */
  nextDueBy?: string;
  items: StatusCounts;
  cohorts: Cohort[];
  windows: Record<string, WindowSummary>;
  brand?: BrandView;
  /** Rules violated now, for raising and resolving alerts. */
  violated: string[];
  /** Lots made from this one: a fact recorded here later is judged on them too, at once. */
  madeInto?: string[];
  /** What this batch adds to the aggregates now (its cell and counts), so that a change can be subtracted. */
  counted?: { cell: string; status: ComplianceStatus; items: StatusCounts; violated: string[] };
  updatedAt: string;
}

/** A violation as the cooperative and regulators see it the moment it is recorded (`alerts`). */
export interface AlertView extends BatchIdentity {
  id: string;
  rule: string;
  status: 'open' | 'resolved';
  reason: string;
  reasonEn: string;
  /** The event that made the rule violated, and when it happened and was recorded. */
  eventId: string;
  occurredAt: string;
  raisedAt: string;
  resolvedAt?: string;
  /** Earlier episodes of the same rule on the batch, oldest first: raised, resolved, raised again. */
  earlier?: AlertEpisode[];
}

export type AlertEpisode = Pick<AlertView, 'reason' | 'reasonEn' | 'eventId' | 'occurredAt' | 'raisedAt' | 'resolvedAt'>;

export const STAT_DIMENSIONS = ['all', 'product', 'cooperative', 'county', 'month', 'standard'] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];
/** What a cell of the aggregates is keyed by: every dimension but `all`. */
export type CellDimension = Exclude<StatDimension, 'all'>;
export const CELL_DIMENSIONS: readonly CellDimension[] = ['product', 'cooperative', 'county', 'month', 'standard'];

/**
 * The batches of one product, cooperative, county, month and standard version: a cell of the
 * aggregates (`complianceStats`, id = the five keys). A verdict change moves one cell (two when
 * a key changes); the summary adds the cells up by whichever dimension, and filter, it is asked for.
 */
export interface ComplianceCellView {
  id: string;
  /** The county's key also carries its province, for the regulators' jurisdictions. */
  keys: Record<CellDimension, { key: string; label: string; province?: string }>;
  batches: StatusCounts;
  items: StatusCounts;
  /** Batches violating each rule now. */
  violations: Record<string, number>;
}

/**
 * The cold windows opened at a facility, so a reading upload finds them (`coldWindowsOpen`, id =
 * facility). A window's close does not rewrite the list (its own document says it closed): the
 * next opening or upload at the facility drops it.
 */
export interface OpenWindowsView {
  id: string;
  windows: { id: string; batchId: string; from: string }[];
}

/**
 * Closed windows of a facility whose span covers one UTC day, for uploads that arrive after
 * the goods left, however late (`coldWindowsClosed`, id = facility|yyyy-mm-dd).
 */
export interface ClosedWindowsView {
  id: string;
  windows: { id: string; batchId: string; from: string; to: string }[];
}

/**
 * Batches of a product a new standard version may re-judge: those not packed yet
 * (`complianceOpenBatches`, id = product), and those packed on one UTC day (`compliancePacked`,
 * id = product|yyyy-mm-dd), so that no list grows with the seasons.
 */
export interface ProductBatchesView {
  id: string;
  batchIds: string[];
}

/**
 * A transformation as the compliance of its outputs needs it (`complianceTransformations`, id =
 * transformation id): recorded before its output lots are registered, read when each is produced.
 */
export interface ComplianceTransformationView {
  id: string;
  eventId: string;
  endedAt: string;
  yieldPct?: number;
  inputIds: string[];
}

export const zeroCounts = (): StatusCounts => ({ compliant: 0, non_compliant: 0, pending: 0 });
