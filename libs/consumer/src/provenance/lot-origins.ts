import { BatchView, Quantity, testMethod, toBaseUnit } from '@suyuan/production';
import { Region } from '@suyuan/registry';
import { holdOf, passportTest } from '../passport/hold';
import type { HouseholdOrigin, PassportInputHold, PassportOrigin, PassportProcessing, PassportTest } from '../passport/item-passport';
import { LotProvenanceView, MadeFrom, ProvenanceEdge } from './provenance.views';

/** A lot's own documents: its batch and, when it has one, its provenance. */
export interface LotDocs {
  batch?: BatchView;
  provenance?: LotProvenanceView;
}

/** What the passport shows of where a lot comes from, and the ids it counts. */
export interface Provenance {
  madeFrom: MadeFrom;
  sourceIds: LotProvenanceView['sourceIds'];
}

/** What one input lot brings into a lot made from it. */
interface Contribution {
  origins: PassportOrigin[];
  processing: PassportProcessing[];
  inputHolds: PassportInputHold[];
  cooperatives: string[];
  persons: string[];
}

/**
 * A lot made by transformations: the origins of its inputs down to the lots grown on plots or
 * bought from households, every transformation on the way, and the inputs a failed safety test
 * holds, as the input lots' documents stand now.
 */
export function madeFromInputs(doc: LotProvenanceView, lot: (id: string) => LotDocs): Provenance {
  const parts = doc.inputs.flatMap((edge) => {
    const { batch, provenance } = lot(edge.batchId);
    return batch ? [contribution(edge, batch, provenance)] : [];
  });
  const processing = new Map<string, PassportProcessing>();
  for (const step of [...doc.transformations, ...parts.flatMap((p) => p.processing)]) processing.set(step.transformationId, step);
  const holds = new Map(parts.flatMap((p) => p.inputHolds).map((h) => [h.batchId, h]));
  return provenance(
    mergeOrigins(parts.flatMap((p) => p.origins)),
    [...processing.values()].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt)),
    [...holds.values()],
    parts.flatMap((p) => p.cooperatives),
    parts.flatMap((p) => p.persons),
  );
}

/** A lot bought from households (收购), on its own passport: every purchase into it. */
export function madeFromHouseholds(lot: BatchView, households: LotProvenanceView['households']): Provenance {
  const bought = householdOrigin(lot, households);
  return provenance(bought ? [bought.origin] : [], [], [], [], bought?.persons ?? []);
}

function provenance(
  origins: PassportOrigin[],
  processing: PassportProcessing[],
  inputHolds: PassportInputHold[],
  cooperatives: string[],
  persons: string[],
): Provenance {
  const sourceIds = { cooperatives: [...new Set(cooperatives)], persons: [...new Set(persons)] };
  return {
    madeFrom: {
      sources: { cooperatives: sourceIds.cooperatives.length, households: sourceIds.persons.length },
      origins,
      processing,
      inputHolds,
    },
    sourceIds,
  };
}

function contribution(edge: ProvenanceEdge, input: BatchView, inputProvenance: LotProvenanceView | undefined): Contribution {
  const holds = input.held ? [inputHold(input)] : [];
  switch (input.origin?.kind) {
    case 'transformation': {
      const made = inputProvenance?.madeFrom;
      return {
        origins: made?.origins ?? [],
        processing: made?.processing ?? [],
        inputHolds: [...holds, ...(made?.inputHolds ?? [])],
        cooperatives: inputProvenance?.sourceIds.cooperatives ?? [],
        persons: inputProvenance?.sourceIds.persons ?? [],
      };
    }
    case 'purchase': {
      const bought = householdOrigin(input, inputProvenance?.households ?? {}, edge);
      return {
        origins: bought ? [bought.origin] : [],
        processing: [],
        inputHolds: holds,
        cooperatives: [],
        persons: bought?.persons ?? [],
      };
    }
    default:
      return { origins: [farmOrigin(input, edge)], processing: [], inputHolds: holds, cooperatives: [input.cooperative.id], persons: [] };
  }
}

/** A lot grown on a plot, as far as it went into the transformation: harvests before it started. */
function farmOrigin(lot: BatchView, edge: ProvenanceEdge): PassportOrigin {
  const harvests = lot.harvests.filter((h) => notAfter(h.harvestedAt, edge.startedAt)).map((h) => h.harvestedAt);
  return {
    kind: 'farm',
    ...lotOf(lot),
    quantity: edge.quantity,
    ...(edge.weightKg !== undefined && { weightKg: edge.weightKg }),
    ...(harvests.length > 0 && { harvest: span(harvests) }),
    tests: safetyTests(lot),
    cooperative: { name: lot.cooperative.name },
    farmPlot: { name: lot.farmPlot.name, region: countyAndTown(lot.farmPlot.region) },
  };
}

/**
 * The households a purchase lot bought from: on its own passport every purchase, into a
 * transformation (`edge`) those bought before it started, as much as it took.
 */
function householdOrigin(
  lot: BatchView,
  households: LotProvenanceView['households'],
  edge?: ProvenanceEdge,
): { origin: HouseholdOrigin; persons: string[] } | undefined {
  const purchases = (lot.supplies ?? []).flatMap((s) =>
    s.kind === 'household_purchase' && (!edge || notAfter(s.purchasedAt, edge.startedAt)) ? [s] : [],
  );
  if (purchases.length === 0) return undefined;
  const persons = [...new Set(purchases.map((p) => p.personId))];
  const harvests = purchases.flatMap((p) => (p.harvestedAt ? [p.harvestedAt] : []));
  const origin: HouseholdOrigin = {
    kind: 'households',
    ...lotOf(lot),
    quantity: edge?.quantity ?? total(purchases.map((p) => p.quantity)),
    ...(edge?.weightKg !== undefined && { weightKg: edge.weightKg }),
    ...(harvests.length > 0 && { harvest: span(harvests) }),
    tests: safetyTests(lot),
    purchaser: { name: lot.cooperative.name },
    households: persons.length,
    places: places(persons.map((id) => households[id] ?? null)),
  };
  return { origin, persons };
}

function lotOf(lot: BatchView) {
  return { batchId: lot.id, lotCode: lot.lotCode, product: { nameZh: lot.product.nameZh, nameEn: lot.product.nameEn } };
}

function inputHold(lot: BatchView): PassportInputHold {
  return { ...lotOf(lot), ownerName: lot.cooperative.name, ...holdOf(lot) };
}

/** Pesticide and veterinary-drug residue tests: what a consumer needs to see of a raw material. */
function safetyTests(lot: BatchView): PassportTest[] {
  return lot.tests.filter((t) => testMethod(t.method) !== undefined).map(passportTest);
}

/** The same lot reached along two paths counts once, with what both paths took from it. */
function mergeOrigins(origins: PassportOrigin[]): PassportOrigin[] {
  const byLot = new Map<string, PassportOrigin>();
  for (const origin of origins) {
    const seen = byLot.get(origin.batchId);
    byLot.set(origin.batchId, seen ? joined(seen, origin) : origin);
  }
  return [...byLot.values()].sort(
    (a, b) => weight(b) - weight(a) || b.quantity.value - a.quantity.value || a.lotCode.localeCompare(b.lotCode),
  );
}

function joined(a: PassportOrigin, b: PassportOrigin): PassportOrigin {
  const sameUnit = a.quantity.unit === b.quantity.unit;
  const harvests = [a.harvest?.from, a.harvest?.to, b.harvest?.from, b.harvest?.to].filter((at): at is string => at !== undefined);
  const wider = a.kind === 'households' && b.kind === 'households' && b.households > a.households ? b : a;
  return {
    ...wider,
    quantity: sameUnit ? { value: a.quantity.value + b.quantity.value, unit: a.quantity.unit } : a.quantity,
    ...(a.weightKg !== undefined && b.weightKg !== undefined && { weightKg: a.weightKg + b.weightKg }),
    ...(harvests.length > 0 && { harvest: span(harvests) }),
  };
}

/** What origins are ranked by: weight where known, so that heads and kilograms compare. */
function weight(origin: PassportOrigin): number {
  return origin.weightKg ?? (origin.quantity.unit === 'kg' ? origin.quantity.value : 0);
}

function total(quantities: Quantity[]): Quantity {
  const base = quantities.map(toBaseUnit);
  const unit = base[0].unit;
  const value = base.filter((q) => q.unit === unit).reduce((sum, q) => sum + q.value, 0);
  return { value: Math.round(value * 1000) / 1000, unit };
}

/** Where a household is, as far as it may be shown: its county, town and village. */
export function householdPlace(region: Region): Region {
  return { county: region.county, ...(region.town && { town: region.town }), ...(region.village && { village: region.village }) };
}

/** Households by place; those whose place is not recorded are only counted. */
function places(regions: (Region | null)[]): HouseholdOrigin['places'] {
  const byPlace = new Map<string, HouseholdOrigin['places'][number]>();
  for (const region of regions) {
    if (!region) continue;
    const key = JSON.stringify(region);
    const place = byPlace.get(key);
    if (place) place.households++;
    else byPlace.set(key, { region, households: 1 });
  }
  return [...byPlace.values()].sort((a, b) => b.households - a.households);
}

/** A plot's public place: down to its town. */
function countyAndTown(region: Region): Region {
  const { village: _village, ...rest } = region;
  return rest;
}

function span(times: string[]): { from: string; to: string } {
  const sorted = [...times].sort((a, b) => Date.parse(a) - Date.parse(b));
  return { from: sorted[0], to: sorted[sorted.length - 1] };
}

function notAfter(at: string, limit: string): boolean {
  return Date.parse(at) <= Date.parse(limit);
}
