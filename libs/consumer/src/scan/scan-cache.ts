import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CartonView } from '@suyuan/logistics';
import { APP_CONFIG, AppConfig } from '@suyuan/platform';
import { BatchView, ItemView } from '@suyuan/production';
import { DocChange, DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { StandardView, versionInForce } from '@suyuan/standards';
import { isItemCode, normalizeItemCode } from '@suyuan/codes';
import { LoggerReadings } from '../cold-chain/cold-chain-summary';
import { LotProvenanceView } from '../provenance/provenance.views';
import { readingsBetween } from './cold-chain-reader';
import { ItemIndex } from './item-index';
import { ComplianceParts } from './compliance-parts';
import { Lru } from './lru';
import { SaleHoldIndex } from '../holds/sale-hold-index';
import { BatchPart, JourneyPart, ResolvedItem, buildBatchPart, buildJourneyPart, coldChainSegments, journeyKey } from './scan-parts';

const MB = 1024 * 1024;
/**
 * How the memory budget (SCAN_CACHE_MB) is shared: journeys get half, as cartons take many
 * routes and every route is a part of its own; batches and verdicts a quarter each.
 */
const BUDGET_SHARES = { batches: 1 / 4, journeys: 1 / 2, compliance: 1 / 4 };
/** Carton → journey entries are counted, not sized: each is only a carton id and a key's hash. */
const CARTON_JOURNEY_ENTRIES = 200_000;

/**
 * What scans are answered from: the item from an in-memory index (filled at start, then by
 * the projections as items are packed, read through to the read model as a last resort),
 * then its batch's, journey's and verdict's parts from memory as UTF-8 bytes, already
 * serialised and rendered, so a scan renders only the item's own lines. Parts are dropped
 * when the projections change what they were made of (and when the memory budget is spent):
 * a scan never shows stale data, never replays events.
 */
@Injectable()
export class ScanCache implements OnModuleInit {
  private readonly index = new ItemIndex();
  private readonly batches: Lru<string, BatchPart>;
  /** Carton id → the key of the journey it is on. */
  private readonly cartonJourneys = new Lru<string, string>(CARTON_JOURNEY_ENTRIES);
  private readonly journeys: Lru<string, JourneyPart>;
  private readonly coldChainVersions = new Map<string, number>();
  /** Counts every cold-chain change: while it stands still, no journey part can be stale on that account. */
  private coldChainEpoch = 0;
  private readonly compliance: ComplianceParts;

  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly holds: SaleHoldIndex,
  ) {
    const budget = config.scanCacheMb * MB;
    this.batches = new Lru(budget * BUDGET_SHARES.batches, (part) => part.bytes);
    this.journeys = new Lru(budget * BUDGET_SHARES.journeys, (part) => part.bytes);
    this.compliance = new ComplianceParts(docs, budget * BUDGET_SHARES.compliance);
    docs.onChange((writes) => this.forget(writes));
  }

  async onModuleInit(): Promise<void> {
    for (const item of await this.docs.find<ItemView>('items')) this.index.add(item);
  }

  /**
   * The item behind a code when everything it needs is in memory, without a promise
   * (the common case on the scan path); undefined when something must be fetched.
   */
  resolveFromMemory(rawCode: string): ResolvedItem | undefined {
    const item = this.index.get(rawCode);
    const batch = item && this.batches.get(item.batchId);
    const journey = batch && this.cachedJourney(item.cartonId);
    const compliance = journey && this.compliance.fromMemory(item);
    return compliance && { item, scanUrl: batch.scanUrlPrefix + item.code, batch, journey, compliance, suspended: this.holds.of(item) };
  }

  /** The item and its batch's part when both are in memory: what the sellable check needs, without a promise. */
  itemFromMemory(rawCode: string): { item: ItemView; batch: BatchPart } | undefined {
    const item = this.index.get(rawCode);
    const batch = item && this.batches.get(item.batchId);
    return batch && { item, batch };
  }

  /** The item and its batch's part, read through to the read models; undefined when the code was never issued. */
  async item(rawCode: string): Promise<{ item: ItemView; batch: BatchPart } | undefined> {
    const code = isItemCode(rawCode) ? normalizeItemCode(rawCode) : undefined;
    if (!code) return undefined;
    const item = this.index.get(code) ?? (await this.lookUp(code));
    const batch = item && (this.batches.get(item.batchId) ?? (await this.loadBatch(item.batchId)));
    return batch && { item: item!, batch };
  }

  /** The item behind a code, or undefined when the code was never issued. */
  async resolve(rawCode: string): Promise<ResolvedItem | undefined> {
    const code = isItemCode(rawCode) ? normalizeItemCode(rawCode) : undefined;
    if (!code) return undefined;
    const item = this.index.get(code) ?? (await this.lookUp(code));
    if (!item) return undefined;
    const batch = this.batches.get(item.batchId) ?? (await this.loadBatch(item.batchId));
    if (!batch) return undefined;
    const journey = this.cachedJourney(item.cartonId) ?? (await this.loadJourney(item.cartonId, batch.view));
    const compliance = await this.compliance.load(item);
    return { item, scanUrl: batch.scanUrlPrefix + code, batch, journey, compliance, suspended: this.holds.of(item) };
  }

  private async lookUp(code: string): Promise<ItemView | undefined> {
    const item = await this.docs.get<ItemView>('items', code);
    return item && this.index.add(item);
  }

  private async loadBatch(id: string): Promise<BatchPart | undefined> {
    const view = await this.docs.get<BatchView>('batches', id);
    if (!view) return undefined;
    // Only a lot made by processing or bought from households has origins beyond its own plot.
    const provenance = view.origin ? await this.docs.get<LotProvenanceView>('provenance', id) : undefined;
    const part = buildBatchPart(view, this.config.publicBaseUrl, provenance);
    this.batches.set(id, part);
    return part;
  }

  private cachedJourney(cartonId: string): JourneyPart | undefined {
    const key = this.cartonJourneys.get(cartonId);
    const part = key === undefined ? undefined : this.journeys.get(key);
    return part && this.current(part) ? part : undefined;
  }

  /** Whether the readings a journey part was computed from are still all there is. */
  private current(part: JourneyPart): boolean {
    if (part.epoch === this.coldChainEpoch) return true;
    if (part.stamp !== this.stamp(part.facilities)) return false;
    part.epoch = this.coldChainEpoch;
    return true;
  }

  private async loadJourney(cartonId: string, batch: BatchView): Promise<JourneyPart> {
    const carton = await this.docs.get<CartonView>('cartons', cartonId);
    const packedAt = batch.packings[0]?.packedAt;
    // The version the batch is judged under: its cold chain is shown against that version's ranges.
    const version =
      packedAt === undefined ? undefined : versionInForce(await this.docs.get<StandardView>('standards', batch.product.id), packedAt);
    const key = createHash('sha1')
      .update(journeyKey(carton, batch, version))
      .digest('base64');
    this.cartonJourneys.set(cartonId, key);
    const shared = this.journeys.get(key);
    if (shared && this.current(shared)) return shared;
    const segments = coldChainSegments(carton, batch, version);
    const facilities = [...new Set(segments.map((s) => s.facilityId))];
    const stamp = this.stamp(facilities);
    const readings = new Map<string, LoggerReadings>();
    for (const facilityId of facilities) {
      const spans = segments.filter((s) => s.facilityId === facilityId);
      const to = spans.some((s) => !s.to)
        ? undefined
        : spans
            .map((s) => s.to!)
            .sort()
            .pop();
      readings.set(facilityId, await readingsBetween(this.docs, facilityId, spans[0].from, to));
    }
    const part = buildJourneyPart(carton, segments, readings, stamp, this.coldChainEpoch);
    this.journeys.set(key, part);
    return part;
  }

  private stamp(facilities: string[]): string {
    return facilities.map((f) => this.coldChainVersions.get(f) ?? 0).join(',');
  }

  private forget(writes: readonly DocChange[]): void {
    for (const w of writes) {
      this.compliance.forget(w);
      if (w.collection === 'items' && w.doc) this.index.add(w.doc as ItemView);
      else if (w.collection === 'batches' || w.collection === 'provenance') this.batches.delete(w.id);
      else if (w.collection === 'cartons') this.cartonJourneys.delete(w.id);
      // A new version may change the ranges journeys are shown against; versions are rare.
      else if (w.collection === 'standards') this.cartonJourneys.clear();
      else if (w.collection === 'coldchain') {
        this.coldChainVersions.set(w.id, (this.coldChainVersions.get(w.id) ?? 0) + 1);
        this.coldChainEpoch++;
      }
    }
  }
}
