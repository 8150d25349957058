import { StandardRules } from '../domain/rules';
import { BatchFacts, emptyFacts } from './batch-facts';
import { TimedReading } from '@suyuan/logistics/domain/cold-series';
import { ColdWindow } from './cold-window';
import { GoodsFacts } from './evaluate';
import { DeliveryFacts, WindowSummary } from './logistics-rules';

/**
 * Shared data for the evaluation specs: batch bat-jf-20250618 of 黄金柰李 plums from 浪石村,
 * sprayed on 1 June, picked at 06:30 on 18 June (Beijing time), pre-cooled, tested, graded
 * 特级 and 一级, packed and certified the same morning, and not yet dispatched.
 *
 * Facts keep times in UTC; `bj('2025-06-18T06:30')` writes a Beijing time the way facts hold it.
 * The certificate, the green food certification and the dispatch were recorded in that order
 * (their `position`s).
 */
export const bj = (beijing: string): string => new Date(`${beijing}:00+08:00`).toISOString();

/** A time this many hours (or minutes) after another, as facts hold it. */
export const plusHours = (at: string, h: number): string => new Date(Date.parse(at) + h * 3_600_000).toISOString();
export const plusMinutes = (at: string, m: number): string => new Date(Date.parse(at) + m * 60_000).toISOString();

export const pesticide: BatchFacts['inputs'][number] = {
  eventId: 'evt-input-0601-imidacloprid',
  name: '10% 吡虫啉可湿性粉剂',
  kind: 'pesticide',
  appliedAt: bj('2025-06-01T07:00'),
  safetyIntervalDays: 14,
};

export const fertilizer: BatchFacts['inputs'][number] = {
  eventId: 'evt-input-0605-fertilizer',
  name: '有机肥',
  kind: 'fertilizer',
  appliedAt: bj('2025-06-05T07:00'),
  safetyIntervalDays: 0,
};

export const harvest: BatchFacts['harvests'][number] = {
  eventId: 'evt-harvest-0618',
  harvestedAt: bj('2025-06-18T06:30'),
  quantity: { value: 500, unit: 'kg' },
};

/** Pre-cooling began two hours after picking, down to a core 4 °C. */
export const preCooling: BatchFacts['preCoolings'][number] = {
  eventId: 'evt-precool-0618',
  startedAt: bj('2025-06-18T08:30'),
  endedAt: bj('2025-06-18T10:30'),
  coreTemperatureC: 4,
};

/** 农药残留速测: 18.5 % enzyme inhibition, below the 50 % limit. */
export const rapidTest: BatchFacts['tests'][number] = {
  eventId: 'evt-test-0618',
  method: 'pesticide_residue_rapid_test',
  testedAt: bj('2025-06-18T10:15'),
  value: 18.5,
  threshold: 50,
  passed: true,
};

export const grading: BatchFacts['gradings'][number] = {
  eventId: 'evt-grading-0618',
  gradedAt: bj('2025-06-18T11:00'),
  classes: [
    { grade: '特级', attributes: { diameterMm: 47, brix: 13.2 }, belowGradePct: 3 },
    { grade: '一级', attributes: { diameterMm: 42, brix: 11.6 }, belowGradePct: 6 },
  ],
};

export const packing: BatchFacts['packings'][number] = {
  eventId: 'evt-packing-0618',
  packedAt: bj('2025-06-18T12:00'),
  facilityId: 'fac-jiufeng-packhouse',
  grades: ['特级', '一级'],
  netWeightMissing: false,
};

export const certificate: NonNullable<BatchFacts['certificate']> = {
  eventId: 'evt-certificate-0618',
  position: 8,
  issuedAt: bj('2025-06-18T12:30'),
  hasContact: true,
};

export const greenFood: BatchFacts['certifications'][number] = {
  eventId: 'evt-certification-green-food',
  position: 9,
  kind: 'green_food',
  validUntil: bj('2026-03-31T23:59'),
};

/** Left the packhouse for the county hub the next morning. */
export const dispatch: NonNullable<BatchFacts['firstDispatch']> = {
  eventId: 'evt-dispatch-0619',
  position: 12,
  at: bj('2025-06-19T08:00'),
};

/** Registered on its plot, nothing else yet. */
export function registered(patch: Partial<BatchFacts> = {}): BatchFacts {
  return {
    ...emptyFacts('bat-jf-20250618', 'prd-huangjin-nai-plum', 'org-jiufeng-coop', bj('2025-06-01T06:00')),
    farmPlotId: 'fac-langshi-plot-3',
    ...patch,
  };
}

/** Sprayed, picked, pre-cooled, tested, graded, packed and certified; not dispatched (as of 13:00 on 18 June). */
export function facts(patch: Partial<BatchFacts> = {}): BatchFacts {
  return registered({
    inputs: [pesticide],
    harvests: [harvest],
    preCoolings: [preCooling],
    tests: [rapidTest],
    gradings: [grading],
    packings: [packing],
    certificate,
    asOf: bj('2025-06-18T13:00'),
    ...patch,
  });
}

/** The batch once it has left, as of that time. */
export function dispatched(patch: Partial<BatchFacts> = {}): BatchFacts {
  return facts({ firstDispatch: dispatch, asOf: dispatch.at, ...patch });
}

/** The 黄金柰李 standard: 特级 and 一级 graded, pre-cooling for those two only. */
export const rules: StandardRules = {
  grading: {
    classes: [
      { grade: '特级', attributes: { diameterMm: { min: 45 }, brix: { min: 12 } }, tolerancePct: 5 },
      { grade: '一级', attributes: { diameterMm: { min: 40, max: 45 }, brix: { min: 11 } }, tolerancePct: 10 },
    ],
  },
  preCooling: { withinHours: 4, maxCoreTemperatureC: 5, grades: ['特级', '一级'] },
  storage: { minC: 0, maxC: 5, maxExcursionMinutes: 30, maxTotalMinutesOutOfRange: 60 },
  transport: { minC: 0, maxC: 8, maxExcursionMinutes: 20, maxTotalMinutesOutOfRange: 40 },
  tests: [{ method: 'pesticide_residue_rapid_test', threshold: 50, passRequired: true, validDays: 7, requiredWhen: 'always' }],
  safetyIntervals: {},
  certificates: { required: ['compliance_certificate'] },
  harvestToPacking: { maxHours: 24 },
  hubToVillage: { maxHours: 48 },
  requiredData: {
    fields: ['origin_plot', 'harvest_time', 'harvest_quantity', 'net_weight', 'grade', 'packing_facility', 'certificate_contact'],
  },
};

/** A stay in the county hub’s cold store, 10:00 to 14:00 on 19 June, within range throughout. */
export function storageWindow(patch: Partial<WindowSummary> = {}): WindowSummary {
  return {
    id: 'win-hub-store-0619',
    kind: 'storage',
    facilityName: '乐昌市县级物流中心冷库',
    from: bj('2025-06-19T10:00'),
    to: bj('2025-06-19T14:00'),
    range: { minC: 0, maxC: 5 },
    eventId: 'evt-hub-receipt-0619',
    readings: 24,
    minC: 2.1,
    maxC: 4.8,
    minutesOutOfRange: 0,
    longestExcursionMinutes: 0,
    ...patch,
  };
}

/** The leg from the hub to 浪石村's village point on a refrigerated van. */
export function transportWindow(patch: Partial<WindowSummary> = {}): WindowSummary {
  return {
    id: 'win-van-0619',
    kind: 'transport',
    facilityName: '粤F·冷藏车 A1234',
    from: bj('2025-06-19T14:00'),
    to: bj('2025-06-19T17:00'),
    range: { minC: 0, maxC: 8 },
    eventId: 'evt-hub-dispatch-0619',
    readings: 36,
    minC: 3,
    maxC: 7.5,
    minutesOutOfRange: 0,
    longestExcursionMinutes: 0,
    ...patch,
  };
}

export const hubDispatch = { eventId: 'evt-hub-dispatch-0619', at: bj('2025-06-19T14:00') };
export const villageDelivery = { eventId: 'evt-village-delivery-0620', at: bj('2025-06-20T20:00') };

/** Dispatched from the county hub; delivered 30 h later unless the patch says otherwise. */
export function delivery(patch: Partial<DeliveryFacts> = {}): DeliveryFacts {
  return { hubDispatch, delivered: villageDelivery, asOf: villageDelivery.at, ...patch };
}

/** A carton of 特级 that went through the hub's cold store and on the van, delivered. */
export function goods(patch: Partial<GoodsFacts> = {}): GoodsFacts {
  return { grades: ['特级'], windows: [storageWindow(), transportWindow()], delivery: delivery(), ...patch };
}

/** An empty cold window at the county hub's store, 0–5 °C, open from 08:00 on 19 June (Beijing). */
export function coldWindow(patch: Partial<ColdWindow> = {}): ColdWindow {
  return {
    id: 'win-hub-store-0619',
    batchId: 'bat-jf-20250618',
    kind: 'storage',
    facilityId: 'fac-lechang-hub-cold-store',
    facilityName: '乐昌市县级物流中心冷库',
    from: bj('2025-06-19T08:00'),
    cartonIds: ['ctn-001'],
    grades: ['特级'],
    range: { minC: 0, maxC: 5 },
    series: {},
    ...patch,
  };
}

/** A logger's reading at a Beijing time of 19 June ('08:10'), as the windows fold it: `[epoch ms, °C]`. */
export const reading = (hhmm: string, temperatureC: number): TimedReading => [Date.parse(`2025-06-19T${hhmm}:00+08:00`), temperatureC];
