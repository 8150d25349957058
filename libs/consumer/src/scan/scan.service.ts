import { Inject, Injectable } from '@nestjs/common';
import { CartonView } from '../../../logistics/src/logistics.views';
import { APP_CONFIG, AppConfig } from '../../../platform/src/config';
import { BatchView, ItemView } from '../../../production/src/batch.views';
import { DOCUMENT_STORE, DocumentStore } from '../../../readmodels/src/document-store.port';
import { DocWrite } from '../../../readmodels/src/projection';
import { itemScanUrl } from '../codes/digital-link';
import { isItemCode, normalizeItemCode } from '../codes/item-code';
import { ColdChainSegment, summarizeColdChain } from '../cold-chain/cold-chain-summary';
import { ColdChainSummary, ItemPassport } from '../passport/item-passport';
import { readingsBetween } from './cold-chain-reader';
import { Lru } from './lru';
import { assemblePassport } from './passport-assembler';

interface CartonPart {
  carton: CartonView | undefined;
  coldChain: ColdChainSummary;
  /** Cold-chain versions of the facilities it was computed from. */
  stamp: string;
  facilities: string[];
}

/**
 * The scan path: one indexed lookup of the item, then its batch and carton parts from
 * memory. Parts are dropped when the projections change them, so a scan never shows
 * stale data and never replays events.
 */
@Injectable()
export class ScanService {
  private readonly batches = new Lru<string, BatchView>(5_000);
  private readonly cartons = new Lru<string, CartonPart>(50_000);
  private readonly coldChainVersions = new Map<string, number>();

  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    docs.onChange((writes) => this.forget(writes));
  }

  /** The passport of an issued code, or undefined when the code was never issued. */
  async passport(rawCode: string): Promise<ItemPassport | undefined> {
    const code = normalizeItemCode(rawCode);
    if (!isItemCode(code)) return undefined;
    const item = await this.docs.get<ItemView>('items', code);
    if (!item) return undefined;
    const batch = await this.batch(item.batchId);
    if (!batch) return undefined;
    const part = await this.cartonPart(item.cartonId, batch);
    const scanUrl = itemScanUrl(this.config.publicBaseUrl, { code, gtin14: batch.product.gtin, lotCode: batch.lotCode });
    return assemblePassport(item, batch, part.carton, part.coldChain, scanUrl);
  }

  private async batch(id: string): Promise<BatchView | undefined> {
    let batch = this.batches.get(id);
    if (!batch) {
      batch = await this.docs.get<BatchView>('batches', id);
      if (batch) this.batches.set(id, batch);
    }
    return batch;
  }

  private async cartonPart(id: string, batch: BatchView): Promise<CartonPart> {
    const cached = this.cartons.get(id);
    if (cached && cached.stamp === this.stamp(cached.facilities)) return cached;
    const carton = await this.docs.get<CartonView>('cartons', id);
    const segments = coldChainSegments(carton, batch);
    const facilities = [...new Set(segments.map((s) => s.facilityId))];
    const stamp = this.stamp(facilities);
    const readings = new Map<string, Awaited<ReturnType<typeof readingsBetween>>>();
    for (const facilityId of facilities) {
      const spans = segments.filter((s) => s.facilityId === facilityId);
      const to = spans.some((s) => !s.to) ? undefined : spans.map((s) => s.to!).sort().pop();
      readings.set(facilityId, await readingsBetween(this.docs, facilityId, spans[0].from, to));
    }
    const part = { carton, coldChain: summarizeColdChain(segments, readings), stamp, facilities };
    this.cartons.set(id, part);
    return part;
  }

  private stamp(facilities: string[]): string {
    return facilities.map((f) => this.coldChainVersions.get(f) ?? 0).join(',');
  }

  private forget(writes: DocWrite[]): void {
    for (const w of writes) {
      if (w.collection === 'batches') this.batches.delete(w.id);
      else if (w.collection === 'cartons') this.cartons.delete(w.id);
      else if (w.collection === 'coldchain') {
        this.coldChainVersions.set(w.id, (this.coldChainVersions.get(w.id) ?? 0) + 1);
      }
    }
  }
}

/** Stays at facilities are held to the storage range, vehicle legs to the transport range. */
function coldChainSegments(carton: CartonView | undefined, batch: BatchView): ColdChainSegment[] {
  return (carton?.stops ?? []).map((stop) => ({
    facilityId: stop.facilityId,
    facilityName: stop.facilityName,
    from: stop.from,
    to: stop.to,
    range: stop.kind === 'transit' ? batch.product.transportRange : batch.product.storageRange,
  }));
}

