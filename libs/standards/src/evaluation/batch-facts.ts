import { Quantity } from '@suyuan/production';

/**
 * What a batch's events established, kept with the ids of those events: the evaluator's
 * input. Times are UTC ISO strings as stored. `position` is the event's place in the store's
 * global order, which is the order things were recorded in: step times may be back-filled, so
 * what was on record before something else is told by positions, not by the times stated.
 */
export interface BatchFacts {
  batchId: string;
  productId: string;
  cooperativeId: string;
  farmPlotId?: string;
  inputs: { eventId: string; name: string; kind: string; appliedAt: string; safetyIntervalDays: number }[];
  harvests: { eventId: string; harvestedAt: string; quantity: Quantity }[];
  preCoolings: { eventId: string; startedAt: string; endedAt: string; coreTemperatureC: number }[];
  tests: { eventId: string; method: string; analyte?: string; testedAt: string; value: number; threshold: number; passed: boolean }[];
  gradings: {
    eventId: string;
    gradedAt: string;
    classes: { grade: string; attributes: Record<string, number>; belowGradePct?: number }[];
  }[];
  packings: { eventId: string; packedAt: string; facilityId: string; grades: string[]; netWeightMissing: boolean }[];
  certificate?: { eventId: string; position: number; issuedAt: string; hasContact: boolean };
  certifications: { eventId: string; position: number; kind: string; validUntil?: string }[];
  /** Residue families a failed safety test holds the batch for: its 承诺达标合格证 is withdrawn meanwhile. */
  held?: string[];
  firstDispatch?: { eventId: string; position: number; at: string };
  /** The latest time the batch's recorded history has reached: deadlines before it have passed. */
  asOf: string;
  /** Absent for a lot grown on a plot. */
  origin?: 'transformation' | 'purchase';
  /** The households a purchase lot was bought from (收购): its origin. */
  households?: string[];
  /** The transformations that made an output lot, with their yields (the lot's "harvest" is each one's end). */
  made?: { eventId: string; transformationId: string; endedAt: string; yieldPct?: number }[];
  /** The lots an output lot was made from, directly. */
  inputIds?: string[];
  /** Every lot it was made from, any generation back, by batch id: what its inherited rules are judged on. */
  lineage?: Record<string, AncestorFacts>;
}

/**
 * What an input lot's own record holds that the lots made from it are judged on: its spraying
 * and harvests (安全间隔期), its tests and holds (原料检测), its origin (产地).
 */
export type AncestorFacts = Pick<BatchFacts, 'inputs' | 'harvests' | 'tests' | 'farmPlotId' | 'held' | 'households' | 'inputIds'> & {
  lotCode: string;
};

export function emptyFacts(batchId: string, productId: string, cooperativeId: string, asOf: string): BatchFacts {
  return {
    batchId,
    productId,
    cooperativeId,
    inputs: [],
    harvests: [],
    preCoolings: [],
    tests: [],
    gradings: [],
    packings: [],
    certifications: [],
    asOf,
  };
}

/** The grade classes the batch was packed in, else graded in; undefined before either. */
export function batchGrades(facts: BatchFacts): string[] | undefined {
  const packed = [...new Set(facts.packings.flatMap((p) => p.grades))];
  if (packed.length > 0) return packed;
  const graded = [...new Set(facts.gradings.flatMap((g) => g.classes.map((c) => c.grade)))];
  return graded.length > 0 ? graded : undefined;
}

/** An ISO time in UTC as `toISOString` writes it: such strings compare as the instants they name. */
export const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The later of two times, in UTC. Compared as instants: times recorded with offsets
 * (06:30+08:00) do not sort as strings against UTC ones. A missing time ('') is ignored.
 */
export const later = (a: string, b: string): string => {
  // The common case, two UTC times as the store writes them, compares as strings.
  if (UTC_ISO.test(a) && UTC_ISO.test(b)) return a > b ? a : b;
  const t = Math.max(...[a, b].map(Date.parse).filter((x) => !Number.isNaN(x)));
  return Number.isFinite(t) ? new Date(t).toISOString() : a > b ? a : b;
};

/** The lots an output lot's goods first came from (grown or bought in), any generation back. */
export function rootLots(facts: BatchFacts): AncestorFacts[] {
  return Object.values(facts.lineage ?? {}).filter((a) => !a.inputIds?.length);
}
