import { Doc, DocReader } from '@suyuan/readmodels/projection';
import { StandardRules } from '../domain/rules';
import { BatchFacts } from '../evaluation/batch-facts';
import { WindowSummary } from '../evaluation/logistics-rules';
import { bj, dispatch, facts, hubDispatch, storageWindow, transportWindow, villageDelivery } from '../evaluation/facts.fixtures';
import { Changes } from './changes';
import { BatchComplianceView, BrandView, Cohort, StandardVersionView, StandardView, zeroCounts } from './compliance.views';
import type { Cause } from './cause';

/**
 * Shared data for the compliance read-side specs: batch bat-jf-20250618 of 黄金柰李 plums from
 * 九峰镇's cooperative in 乐昌市 (the batch of ../evaluation/facts.fixtures), packed on 18 June
 * in three cartons — ctn-001 and ctn-002 of 特级 (10 items each), ctn-003 of 一级 (8 items) —
 * and judged under the county's e-commerce trading standard for the plum.
 */

export const BATCH_ID = 'bat-jf-20250618';
export const PRODUCT_ID = 'prd-huangjin-nai-plum';
export const COOP_ID = 'org-jiufeng-coop';
export const STANDARD_ID = 'std-huangjin-nai-plum';
export const HUB_STORE = 'fac-lechang-hub-cold-store';

/**
 * The sample standard's rules, with the values of PRODUCT.md (test/support/standards.ts
 * `plumRules()`), storage at 0–5 °C as the hub's cold store keeps plums.
 */
export const plumRules: StandardRules = {
  grading: {
    classes: [
      { grade: '特级', attributes: { diameterMm: { min: 45 }, brix: { min: 13 } }, tolerancePct: 5 },
      { grade: '一级', attributes: { diameterMm: { min: 40, max: 45 }, brix: { min: 11 } }, tolerancePct: 10 },
    ],
  },
  preCooling: { withinHours: 3, maxCoreTemperatureC: 5 },
  storage: { minC: 0, maxC: 5, maxExcursionMinutes: 30, maxTotalMinutesOutOfRange: 60 },
  transport: { minC: 0, maxC: 8, maxExcursionMinutes: 30, maxTotalMinutesOutOfRange: 60 },
  tests: [{ method: 'pesticide_residue_rapid_test', threshold: 50, passRequired: true, validDays: 3 }],
  safetyIntervals: {},
  certificates: { required: ['compliance_certificate'] },
  harvestToPacking: { maxHours: 24 },
  hubToVillage: { maxHours: 48 },
  requiredData: { fields: ['origin_plot', 'harvest_time', 'net_weight', 'grade'] },
};

/** One version of the standard, in force from `effectiveFrom` (UTC, as stored). */
export function version(n: number, effectiveFrom: string, patch: Partial<StandardVersionView> = {}): StandardVersionView {
  return {
    standardId: STANDARD_ID,
    version: n,
    productId: PRODUCT_ID,
    ownerId: 'org-lechang-ecc',
    title: '乐昌黄金柰李电商交易标准',
    effectiveFrom,
    rules: plumRules,
    publishedAt: effectiveFrom,
    ...patch,
  };
}

/** The plum's standard with the versions given, oldest first; by default v1, in force from 1 June 2025. */
export function standard(...versions: StandardVersionView[]): StandardView {
  return {
    id: PRODUCT_ID,
    standardId: STANDARD_ID,
    productId: PRODUCT_ID,
    productName: '黄金柰李',
    ownerId: 'org-lechang-ecc',
    ownerName: '乐昌市电商公共服务中心',
    versions: versions.length > 0 ? versions : [version(1, bj('2025-06-01T00:00'))],
  };
}

export function cohort(grade: string, cartons: Record<string, number>, patch: Partial<Cohort> = {}): Cohort {
  return { grade, cartons, items: Object.values(cartons).reduce((a, b) => a + b, 0), windowIds: [], ...patch };
}

/** The batch's three cartons as packed: one cohort per grade, nowhere yet. */
export const packedCohorts = (): Cohort[] => [cohort('特级', { 'ctn-001': 10, 'ctn-002': 10 }), cohort('一级', { 'ctn-003': 8 })];

/** The batch's compliance record before it is judged: packed, not dispatched, never counted. */
export function complianceDoc(patch: Partial<BatchComplianceView> = {}, factsPatch: Partial<BatchFacts> = {}): BatchComplianceView {
  return {
    id: BATCH_ID,
    batchId: BATCH_ID,
    lotCode: 'JF-20250618-01',
    productId: PRODUCT_ID,
    productName: '黄金柰李',
    cooperativeId: COOP_ID,
    cooperativeName: '乐昌市九峰镇黄金柰李专业合作社',
    county: '乐昌市',
    month: '2025-06',
    registeredAt: bj('2025-06-01T06:00'),
    facts: facts(factsPatch),
    productionSettled: false,
    items: zeroCounts(),
    cohorts: packedCohorts(),
    windows: {},
    violated: [],
    updatedAt: bj('2025-06-18T13:00'),
    ...patch,
  };
}

/** The regional brand label 乐昌农品, certified on the afternoon of packing. */
export function brand(patch: Partial<BrandView> = {}): BrandView {
  return {
    status: 'certified',
    brand: '乐昌农品',
    version: 1,
    certifiedAt: bj('2025-06-18T15:00'),
    certifiedBy: 'org-lechang-ecc',
    ...patch,
  };
}

/** A leg on the hub's van that ran 45 minutes above 8 °C: the transport rule is violated. */
export function hotLeg(patch: Partial<WindowSummary> = {}): WindowSummary {
  return {
    id: 'shp-0619-van|bat-jf-20250618',
    kind: 'transport',
    facilityName: '粤F·冷藏车 A1234',
    from: bj('2025-06-19T08:00'),
    range: { minC: 0, maxC: 8 },
    eventId: 'evt-dispatch-0619',
    readings: 18,
    minC: 3,
    maxC: 11.2,
    minutesOutOfRange: 45,
    longestExcursionMinutes: 45,
    ...patch,
  };
}

/** The batch with ctn-001 on that hot leg (dispatched at 08:00 on 19 June), the other cartons still at the packhouse. */
export function withHotLeg(patch: Partial<BatchComplianceView> = {}, leg: WindowSummary = hotLeg()): BatchComplianceView {
  return complianceDoc(
    {
      cohorts: [
        cohort('特级', { 'ctn-001': 10 }, { windowIds: [leg.id] }),
        cohort('特级', { 'ctn-002': 10 }),
        cohort('一级', { 'ctn-003': 8 }),
      ],
      windows: { [leg.id]: leg },
      ...patch,
    },
    { firstDispatch: { ...dispatch, eventId: leg.eventId, at: leg.from }, asOf: bj('2025-06-19T09:00') },
  );
}

/** Every carton kept cold at the county hub and on the van, and delivered to the village 30 h after leaving the hub. */
export function deliveredDoc(patch: Partial<BatchComplianceView> = {}): BatchComplianceView {
  const windows = [storageWindow(), transportWindow()];
  const road = { windowIds: windows.map((w) => w.id), hubDispatch, delivered: villageDelivery };
  return complianceDoc(
    {
      cohorts: [cohort('特级', { 'ctn-001': 10, 'ctn-002': 10 }, road), cohort('一级', { 'ctn-003': 8 }, road)],
      windows: Object.fromEntries(windows.map((w) => [w.id, w])),
      ...patch,
    },
    { firstDispatch: dispatch, asOf: villageDelivery.at },
  );
}

export function cause(eventId: string, occurredAt: string, recordedAt = occurredAt): Cause {
  return { eventId, occurredAt, recordedAt };
}

/** The documents the read side holds, keyed `collection|id`, read as a projection reads them. */
export class Store implements DocReader {
  readonly map = new Map<string, Doc>();

  constructor(...docs: [collection: string, doc: Doc][]) {
    for (const [collection, doc] of docs) this.put(collection, doc.id, doc);
  }

  get<T extends Doc>(collection: string, id: string): T | undefined {
    return this.map.get(`${collection}|${id}`) as T | undefined;
  }

  put(collection: string, id: string, doc: Doc): void {
    this.map.set(`${collection}|${id}`, doc);
  }

  /** Saves what one event wrote, as the projector would, and returns a fresh overlay for the next. */
  commit(changes: Changes): Changes {
    for (const w of changes.writes()) if (w.doc) this.put(w.collection, w.id, w.doc);
    return new Changes(this);
  }

  changes(): Changes {
    return new Changes(this);
  }
}

/** The documents of one collection an event wrote, by id. */
export function written<T extends Doc>(changes: Changes, collection: string): Record<string, T> {
  return Object.fromEntries(
    changes
      .writes()
      .filter((w) => w.collection === collection)
      .map((w) => [w.id, w.doc as T]),
  );
}
