import { chinaMonth, eventTypes, StoredDomainEvent } from '@suyuan/core';
import {
  ColdChainReadingsRecorded,
  ShipmentDelivered,
  ShipmentDispatched,
  ShipmentEvent,
  ShipmentReceived,
  TimedReading,
} from '@suyuan/logistics';
import { CartonOwnerView } from './carton-owners.projection';
import { TransformationRecorded } from '@suyuan/processing';
import { BatchPacked, BatchRegistered, originFacilityId } from '@suyuan/production';
import { DocRef, Projection } from '@suyuan/readmodels';
import { FacilityView, OrganizationView, ProductView } from '@suyuan/registry';
import { BatchBrandCertified, ProductStandardPublished } from '../domain/events';
import { emptyFacts, later } from '../evaluation/batch-facts';
import { ColdWindow } from '../evaluation/cold-window';
import { judgedRange } from '../evaluation/logistics-rules';
import { foldFact, JudgedBatchStep } from './batch-facts.fold';
import { Changes } from './changes';
import { merge, moveCartons } from './cohorts';
import { BatchComplianceView, ComplianceTransformationView, ProductBatchesView, StandardView, zeroCounts } from './compliance.views';
import { lineageOf, lotsMadeFrom } from './family';
import { Cause } from './cause';
import { governingVersion, judge } from './verdict';
import { closeWindows, closedShardId, daysSpanned, foldReadings, openWindow, rerange, summarize } from './windows';

type ComplianceEvent =
  | BatchRegistered
  | JudgedBatchStep
  | TransformationRecorded
  | ShipmentEvent
  | ColdChainReadingsRecorded
  | ProductStandardPublished
  | BatchBrandCertified;

/** Where goods are stored cold between legs; the packhouse stay is judged by the pre-cooling rule. */
const STORAGE_TYPES = ['cold_store', 'county_hub', 'town_station', 'village_point'];

const complianceRef = (id: string): DocRef => ({ collection: 'compliance', id });
const TRANSFORMATIONS = 'complianceTransformations';

/**
 * Every batch judged against its product's standard as its events arrive, with per-cohort
 * item verdicts, cold windows fed by logger uploads, alerts and the aggregates. Runs after the
 * registry, batch and logistics projections, whose documents it reads. A transformation links
 * its lots both ways (an input's `madeInto`, an output's `facts.inputIds` and `lineage`): a step
 * recorded on a lot re-judges every lot made from it, any generation down, in the same apply.
 */
export const complianceProjection: Projection<ComplianceEvent> = {
  name: 'compliance',
  eventTypes: eventTypes<ComplianceEvent>({
    BatchRegistered: true,
    FarmInputApplied: true,
    BatchHarvested: true,
    BatchPreCooled: true,
    QualityTestRecorded: true,
    BatchGraded: true,
    BatchPacked: true,
    ComplianceCertificateIssued: true,
    BatchCertificationRecorded: true,
    BatchHeld: true,
    BatchHoldLifted: true,
    BatchProduced: true,
    BatchPurchasedFromHousehold: true,
    TransformationRecorded: true,
    ShipmentDispatched: true,
    ShipmentReceived: true,
    ShipmentDelivered: true,
    ColdChainReadingsRecorded: true,
    ProductStandardPublished: true,
    BatchBrandCertified: true,
  }),
  reads(event) {
    switch (event.type) {
      case 'ColdChainReadingsRecorded':
        return windowRefs(event.data);
      case 'ProductStandardPublished': {
        const p = event.data;
        return [{ collection: 'standards', id: p.productId }, ...productBatchRefs(p.productId, p.effectiveFrom, event.metadata.recordedAt)];
      }
      case 'ShipmentDispatched':
      case 'ShipmentReceived':
      case 'ShipmentDelivered':
        return event.data.cartonIds.map((id) => ({ collection: 'cartons', id }));
      case 'TransformationRecorded':
        return event.data.inputs.map((input) => complianceRef(input.batchId));
      case 'BatchProduced':
        return [complianceRef(event.data.batchId), { collection: TRANSFORMATIONS, id: event.data.transformationId }];
      default:
        // A batch's registration, its steps and its brand: each names the batch.
        return [complianceRef(event.data.batchId)];
    }
  },
  apply(event, docs) {
    const changes = new Changes(docs);
    const cause: Cause = { eventId: event.id, occurredAt: event.metadata.occurredAt, recordedAt: event.metadata.recordedAt };
    switch (event.type) {
      case 'BatchRegistered':
        registered(event, changes, cause);
        break;
      case 'FarmInputApplied':
      case 'BatchHarvested':
      case 'BatchPreCooled':
      case 'QualityTestRecorded':
      case 'BatchGraded':
      case 'BatchPacked':
      case 'ComplianceCertificateIssued':
      case 'BatchCertificationRecorded':
      case 'BatchHeld':
      case 'BatchHoldLifted':
      case 'BatchProduced':
      case 'BatchPurchasedFromHousehold':
        batchStep(event, changes, cause);
        break;
      case 'TransformationRecorded':
        transformed(event, changes);
        break;
      case 'ShipmentDispatched':
      case 'ShipmentReceived':
      case 'ShipmentDelivered':
        shipmentStep(event, changes, cause);
        break;
      case 'ColdChainReadingsRecorded':
        readings(event, changes, cause);
        break;
      case 'ProductStandardPublished':
        published(event, changes, cause);
        break;
      case 'BatchBrandCertified':
        certified(event, changes, cause);
        break;
      default: {
        const unknown: never = event;
        throw new Error(`Unknown compliance event: ${JSON.stringify(unknown)}`);
      }
    }
    return changes.writes();
  },
};

function standardOf(changes: Changes, productId: string): StandardView | undefined {
  return changes.get<StandardView>('standards', productId);
}

function save(doc: BatchComplianceView, changes: Changes, cause: Cause): void {
  changes.put('compliance', doc.id, judge(doc, standardOf(changes, doc.productId), cause, changes));
}

function registered({ data: d }: StoredDomainEvent<BatchRegistered>, changes: Changes, cause: Cause): void {
  const product = changes.get<ProductView>('products', d.productId);
  const coop = changes.get<OrganizationView>('organizations', d.cooperativeId);
  const plot = changes.get<FacilityView>('facilities', originFacilityId(d));
  const doc: BatchComplianceView = {
    id: d.batchId,
    batchId: d.batchId,
    lotCode: d.lotCode,
    productId: d.productId,
    productName: product?.nameZh ?? d.productId,
    cooperativeId: d.cooperativeId,
    cooperativeName: coop?.name ?? d.cooperativeId,
    county: plot?.region.county ?? '',
    ...(plot?.region.province && { province: plot.region.province }),
    month: monthOf(cause.occurredAt),
    registeredAt: cause.recordedAt,
    // Registration is recorded when it is filed, not when anything happened to the goods: the
    // batch's clock starts with its first step (a back-filled harvest must not look overdue).
    facts: {
      ...emptyFacts(d.batchId, d.productId, d.cooperativeId, ''),
      farmPlotId: d.farmPlotId,
      ...(d.origin && d.origin.kind !== 'farm_plot' && { origin: d.origin.kind }),
    },
    productionSettled: false,
    items: zeroCounts(),
    cohorts: [],
    windows: {},
    violated: [],
    updatedAt: cause.recordedAt,
  };
  listBatch(changes, { collection: 'complianceOpenBatches', id: d.productId }, d.batchId, true);
  save(doc, changes, cause);
}

function batchStep(event: StoredDomainEvent<JudgedBatchStep>, changes: Changes, cause: Cause): void {
  const doc = changes.get<BatchComplianceView>('compliance', event.data.batchId);
  if (!doc) return;
  // A certification is filed, not done to the goods: it does not move the batch's clock.
  const asOf = event.type === 'BatchCertificationRecorded' ? doc.facts.asOf : later(doc.facts.asOf, cause.occurredAt);
  let next: BatchComplianceView = { ...doc, facts: { ...foldFact(doc.facts, event), asOf } };
  if (event.type === 'BatchPacked') next = packed(next, event.data, changes);
  if (event.type === 'BatchProduced') next = produced(next, event.data.transformationId, changes);
  save(next, changes, cause);
  // What the lot's record now says is part of every lot made from it.
  for (const id of lotsMadeFrom(doc.batchId, changes)) {
    const child = changes.get<BatchComplianceView>('compliance', id);
    if (child) save({ ...child, facts: { ...child.facts, lineage: lineageOf(child.facts.inputIds ?? [], changes) } }, changes, cause);
  }
}

/**
 * A transformation links its inputs to its outputs: each input learns what was made from it,
 * and the transformation is kept until each output's production arrives (a new output lot is
 * registered after it).
 */
function transformed({ id, data: d }: StoredDomainEvent<TransformationRecorded>, changes: Changes): void {
  const outputIds = d.outputs.map((o) => o.batchId);
  const inputIds = d.inputs.map((i) => i.batchId);
  changes.put<ComplianceTransformationView>(TRANSFORMATIONS, d.transformationId, {
    id: d.transformationId,
    eventId: id,
    endedAt: d.endedAt,
    ...(d.yieldPct !== undefined && { yieldPct: d.yieldPct }),
    inputIds,
  });
  for (const batchId of inputIds) {
    const doc = changes.get<BatchComplianceView>('compliance', batchId);
    if (doc) changes.put('compliance', batchId, { ...doc, madeInto: [...new Set([...(doc.madeInto ?? []), ...outputIds])] });
  }
}

/** An output lot's goods made by a transformation: its yield, and the lots it now comes from. */
function produced(doc: BatchComplianceView, transformationId: string, changes: Changes): BatchComplianceView {
  const t = changes.get<ComplianceTransformationView>(TRANSFORMATIONS, transformationId);
  if (!t) return doc;
  const made = [
    ...(doc.facts.made ?? []).filter((m) => m.transformationId !== transformationId),
    { eventId: t.eventId, transformationId, endedAt: t.endedAt, ...(t.yieldPct !== undefined && { yieldPct: t.yieldPct }) },
  ];
  const inputIds = [...new Set([...(doc.facts.inputIds ?? []), ...t.inputIds])];
  return { ...doc, facts: { ...doc.facts, made, inputIds, lineage: lineageOf(inputIds, changes) } };
}

function packed(doc: BatchComplianceView, d: BatchPacked['data'], changes: Changes): BatchComplianceView {
  const byCarton = new Map<string, { grade: string; items: number }>();
  for (const item of d.items) {
    const c = byCarton.get(item.cartonId) ?? { grade: item.grade, items: 0 };
    c.items++;
    byCarton.set(item.cartonId, c);
  }
  const fresh = [...byCarton].map(([cartonId, c]) => ({ grade: c.grade, cartons: { [cartonId]: c.items }, items: c.items, windowIds: [] }));
  const first = doc.facts.packings.length === 1;
  if (first) {
    listBatch(changes, { collection: 'complianceOpenBatches', id: doc.productId }, doc.batchId, false);
    listBatch(changes, { collection: 'compliancePacked', id: `${doc.productId}|${d.packedAt.slice(0, 10)}` }, doc.batchId, true);
  }
  return { ...doc, cohorts: merge([...doc.cohorts, ...fresh]), ...(first && { month: monthOf(d.packedAt) }) };
}

/** The batches a shipment event's cartons belong to, each with its cartons. */
function cartonsByBatch(cartonIds: string[], changes: Changes): Map<string, string[]> {
  const byBatch = new Map<string, string[]>();
  for (const id of cartonIds) {
    const carton = changes.get<CartonOwnerView>('cartons', id);
    if (!carton) continue;
    byBatch.set(carton.batchId, [...(byBatch.get(carton.batchId) ?? []), id]);
  }
  return byBatch;
}

function shipmentStep(event: StoredDomainEvent<ShipmentEvent>, changes: Changes, cause: Cause): void {
  for (const [batchId, cartonIds] of cartonsByBatch(event.data.cartonIds, changes)) {
    const doc = changes.get<BatchComplianceView>('compliance', batchId);
    if (!doc) continue;
    const next: BatchComplianceView = { ...doc, facts: { ...doc.facts, asOf: later(doc.facts.asOf, cause.occurredAt) } };
    save(shipped(next, event, cartonIds, changes), changes, cause);
  }
}

function shipped(
  doc: BatchComplianceView,
  event: StoredDomainEvent<ShipmentEvent>,
  cartonIds: string[],
  changes: Changes,
): BatchComplianceView {
  switch (event.type) {
    case 'ShipmentDispatched':
      return dispatched(doc, event, cartonIds, changes);
    case 'ShipmentReceived':
      return received(doc, event, cartonIds, changes);
    case 'ShipmentDelivered':
      return delivered(doc, event, cartonIds, changes);
    default: {
      const unknown: never = event;
      throw new Error(`Unknown shipment event: ${JSON.stringify(unknown)}`);
    }
  }
}

/** The range a window is judged against: the standard's, else the product's own. */
function rangeFor(doc: BatchComplianceView, kind: 'storage' | 'transport', changes: Changes) {
  return judgedRange(
    governingVersion(standardOf(changes, doc.productId), doc)?.rules,
    kind,
    changes.get<ProductView>('products', doc.productId),
  );
}

function dispatched(
  doc: BatchComplianceView,
  event: StoredDomainEvent<ShipmentDispatched>,
  cartonIds: string[],
  changes: Changes,
): BatchComplianceView {
  const d = event.data;
  let next = closeWindows(doc, cartonIds, d.dispatchedAt, changes);
  if (!next.facts.firstDispatch)
    next = { ...next, facts: { ...next.facts, firstDispatch: { eventId: event.id, position: event.position, at: d.dispatchedAt } } };
  const from = changes.get<FacilityView>('facilities', d.fromFacilityId);
  if (from?.type === 'county_hub') {
    next = {
      ...next,
      cohorts: moveCartons(next.cohorts, cartonIds, (c) =>
        c.hubDispatch ? c : { ...c, hubDispatch: { eventId: event.id, at: d.dispatchedAt } },
      ),
    };
  }
  const range = rangeFor(next, 'transport', changes);
  if (!range) return next;
  const vehicle = d.vehicleId ? changes.get<FacilityView>('facilities', d.vehicleId) : undefined;
  const to = changes.get<FacilityView>('facilities', d.toFacilityId);
  return openWindow(
    next,
    {
      id: `${d.shipmentId}|${doc.batchId}`,
      kind: 'transport',
      facilityId: d.vehicleId ?? `transit:${d.shipmentId}`,
      facilityName: vehicle?.name ?? `${from?.name ?? d.fromFacilityId} → ${to?.name ?? d.toFacilityId}`,
      from: d.dispatchedAt,
      cartonIds,
      range,
      eventId: event.id,
    },
    changes,
  );
}

function received(
  doc: BatchComplianceView,
  event: StoredDomainEvent<ShipmentReceived>,
  cartonIds: string[],
  changes: Changes,
): BatchComplianceView {
  const d = event.data;
  const next = closeWindows(doc, cartonIds, d.receivedAt, changes, 'transport');
  const facility = changes.get<FacilityView>('facilities', d.facilityId);
  const range = rangeFor(next, 'storage', changes);
  if (!facility || !STORAGE_TYPES.includes(facility.type) || !range) return next;
  return openWindow(
    next,
    {
      id: `${d.shipmentId}@${d.facilityId}|${doc.batchId}`,
      kind: 'storage',
      facilityId: d.facilityId,
      facilityName: facility.name,
      from: d.receivedAt,
      cartonIds,
      range,
      eventId: event.id,
    },
    changes,
  );
}

function delivered(
  doc: BatchComplianceView,
  event: StoredDomainEvent<ShipmentDelivered>,
  cartonIds: string[],
  changes: Changes,
): BatchComplianceView {
  const d = event.data;
  const next = closeWindows(doc, cartonIds, d.deliveredAt, changes);
  return { ...next, cohorts: moveCartons(next.cohorts, cartonIds, (c) => ({ ...c, delivered: { eventId: event.id, at: d.deliveredAt } })) };
}

/**
 * A logger upload: batches whose window totals moved are judged again; those whose windows
 * only gained readings have their window summaries brought up to date, so the counts shown
 * are always the windows' own.
 */
function readings(event: StoredDomainEvent<ColdChainReadingsRecorded>, changes: Changes, cause: Cause): void {
  const d = event.data;
  const timed: TimedReading[] = d.readings.map((r) => [Date.parse(r.at), r.temperatureC]);
  for (const [batchId, seen] of foldReadings(d.facilityId, d.deviceId, timed, changes)) {
    const doc = changes.get<BatchComplianceView>('compliance', batchId);
    if (!doc) continue;
    const windows = { ...doc.windows };
    let moved = false;
    for (const w of seen.windows) {
      const summary = summarize(w, doc.windows[w.id]?.eventId ?? event.id);
      const before = doc.windows[w.id];
      if (!before || totalsDiffer(before, summary)) moved = true;
      windows[w.id] = summary;
    }
    const asOf = later(doc.facts.asOf, seen.latest);
    const deadlinePassed = doc.nextDueBy !== undefined && doc.nextDueBy < asOf;
    if (moved || deadlinePassed)
      save({ ...doc, windows, facts: { ...doc.facts, asOf } }, changes, { ...cause, occurredAt: seen.latest || cause.occurredAt });
    // No rule reads a count beyond whether there is any reading: the verdict stands as judged.
    else changes.put('compliance', doc.id, { ...doc, windows });
  }
}

/** Readings counts alone do not change a verdict; only the minutes, extremes and first reading do. */
function totalsDiffer(a: BatchComplianceView['windows'][string], b: BatchComplianceView['windows'][string]): boolean {
  return (
    a.minutesOutOfRange !== b.minutesOutOfRange ||
    a.longestExcursionMinutes !== b.longestExcursionMinutes ||
    (a.readings === 0) !== (b.readings === 0) ||
    a.minC !== b.minC ||
    a.maxC !== b.maxC
  );
}

/** A new version re-judges the product's batches it could govern: unpacked ones, and those packed since it took effect. */
function published({ data: d }: StoredDomainEvent<ProductStandardPublished>, changes: Changes, cause: Cause): void {
  for (const ref of productBatchRefs(d.productId, d.effectiveFrom, cause.recordedAt)) {
    for (const id of changes.get<ProductBatchesView>(ref.collection, ref.id)?.batchIds ?? []) {
      const doc = changes.get<BatchComplianceView>('compliance', id);
      if (doc) save(underGoverningRanges(doc, changes), changes, cause);
    }
  }
}

/** The batch's cold windows held to the ranges of the version that governs it now, counted again where those moved. */
function underGoverningRanges(doc: BatchComplianceView, changes: Changes): BatchComplianceView {
  let windows = doc.windows;
  for (const summary of Object.values(doc.windows)) {
    const range = rangeFor(doc, summary.kind, changes);
    if (!range || (range.minC === summary.range.minC && range.maxC === summary.range.maxC)) continue;
    const window = changes.get<ColdWindow>('coldWindows', summary.id);
    if (!window) continue;
    const held = changes.put('coldWindows', window.id, rerange(window, range, changes));
    windows = { ...windows, [window.id]: summarize(held, summary.eventId) };
  }
  return windows === doc.windows ? doc : { ...doc, windows };
}

const DAY_MS = 86_400_000;

/** The open batches of a product, and the days' lists of those packed from `from` to the day after `now`. */
function productBatchRefs(productId: string, from: string, now: string): DocRef[] {
  const refs: DocRef[] = [{ collection: 'complianceOpenBatches', id: productId }];
  const end = Math.max(Date.parse(from), Date.parse(now)) + DAY_MS;
  for (let t = Math.floor(Date.parse(from) / DAY_MS) * DAY_MS; t <= end; t += DAY_MS) {
    refs.push({ collection: 'compliancePacked', id: `${productId}|${new Date(t).toISOString().slice(0, 10)}` });
  }
  return refs;
}

function listBatch(changes: Changes, ref: DocRef, batchId: string, add: boolean): void {
  const list = changes.get<ProductBatchesView>(ref.collection, ref.id)?.batchIds ?? [];
  const batchIds = add ? [...list.filter((id) => id !== batchId), batchId] : list.filter((id) => id !== batchId);
  changes.put(ref.collection, ref.id, { id: ref.id, batchIds });
}

/** What a logger upload may fold into: the facility's open windows and the closed ones spanning the days of its readings. */
function windowRefs(d: ColdChainReadingsRecorded['data']): DocRef[] {
  const times = d.readings.map((r) => Date.parse(r.at));
  return [
    { collection: 'coldWindowsOpen', id: d.facilityId },
    ...daysSpanned(Math.min(...times), Math.max(...times)).map((day) => ({
      collection: 'coldWindowsClosed',
      id: closedShardId(d.facilityId, day),
    })),
  ];
}

function certified({ data: d }: StoredDomainEvent<BatchBrandCertified>, changes: Changes, cause: Cause): void {
  const doc = changes.get<BatchComplianceView>('compliance', d.batchId);
  if (!doc) return;
  const brand = {
    status: 'certified' as const,
    brand: d.brand,
    version: d.version,
    certifiedAt: d.certifiedAt,
    certifiedBy: d.certifiedBy,
  };
  save({ ...doc, brand }, changes, cause);
}

/** yyyy-mm in China Standard Time, the month a county reports in. */
const monthOf = (iso: string): string => chinaMonth(Date.parse(iso));
