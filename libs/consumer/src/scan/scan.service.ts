import { Inject, Injectable } from '@nestjs/common';
import { CartonView } from '../../../logistics/src/logistics.views';
import { APP_CONFIG, AppConfig } from '../../../platform/src/config';
import { BatchView, ItemView } from '../../../production/src/batch.views';
import { DOCUMENT_STORE, DocumentStore } from '../../../readmodels/src/document-store.port';
import { DocWrite } from '../../../readmodels/src/projection';
import { itemScanUrl } from '../codes/digital-link';
import { isItemCode, normalizeItemCode } from '../codes/item-code';
import { ColdChainSegment, summarizeColdChain } from '../cold-chain/cold-chain-summary';
import { Lang } from '../page/i18n';
import { BatchParts, renderBatchParts, renderCartonPart, renderItemPage } from '../page/passport-page';
import { ItemPassport } from '../passport/item-passport';
import { readingsBetween } from './cold-chain-reader';
import { Lru } from './lru';
import {
  BatchPortion,
  CartonPortion,
  ItemPortion,
  assemblePassport,
  batchPortion,
  cartonPortion,
  itemPortion,
} from './passport-assembler';

/** A part shared by many items, kept as data, as JSON text and as rendered HTML per language. */
interface Part<P, H> {
  portion: P;
  json: string;
  html: Partial<Record<Lang, H>>;
}

interface BatchPart extends Part<BatchPortion, BatchParts> {
  view: BatchView;
}

interface CartonPart extends Part<CartonPortion, string> {
  /** Cold-chain versions of the facilities it was computed from. */
  stamp: string;
  facilities: string[];
}

/** One scanned item: its own portion and the shared parts it points to. */
export interface ResolvedItem {
  item: ItemPortion;
  batch: BatchPart;
  carton: CartonPart;
}

/**
 * The scan path: one indexed lookup of the item, then its batch and carton parts from
 * memory, already serialised and rendered. Parts are dropped when the projections change
 * them, so a scan never shows stale data and never replays events.
 */
@Injectable()
export class ScanService {
  private readonly batches = new Lru<string, BatchPart>(5_000);
  private readonly cartons = new Lru<string, CartonPart>(50_000);
  private readonly coldChainVersions = new Map<string, number>();

  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    docs.onChange((writes) => this.forget(writes));
  }

  /** The item behind a code, or undefined when the code was never issued. */
  async resolve(rawCode: string): Promise<ResolvedItem | undefined> {
    const code = normalizeItemCode(rawCode);
    if (!isItemCode(code)) return undefined;
    const item = await this.docs.get<ItemView>('items', code);
    if (!item) return undefined;
    const batch = await this.batch(item.batchId);
    if (!batch) return undefined;
    const carton = await this.carton(item.cartonId, batch.view);
    const { gtin } = batch.view.product;
    const scanUrl = itemScanUrl(this.config.publicBaseUrl, { code, gtin14: gtin, lotCode: batch.view.lotCode });
    return { item: itemPortion(item, batch.view, scanUrl), batch, carton };
  }

  passport({ item, batch, carton }: ResolvedItem): ItemPassport {
    return assemblePassport(batch.portion, carton.portion, item);
  }

  json({ item, batch, carton }: ResolvedItem): string {
    return `{${JSON.stringify(item).slice(1, -1)},${carton.json},${batch.json}}`;
  }

  html(resolved: ResolvedItem, lang: Lang): string {
    const { batch, carton } = resolved;
    const batchHtml = (batch.html[lang] ??= renderBatchParts(batch.portion, lang));
    const cartonHtml = (carton.html[lang] ??= renderCartonPart(carton.portion, lang));
    return renderItemPage(this.passport(resolved), lang, batchHtml, cartonHtml);
  }

  private async batch(id: string): Promise<BatchPart | undefined> {
    const cached = this.batches.get(id);
    if (cached) return cached;
    const view = await this.docs.get<BatchView>('batches', id);
    if (!view) return undefined;
    const portion = batchPortion(view);
    const part = { view, portion, json: fragment(portion), html: {} };
    this.batches.set(id, part);
    return part;
  }

  private async carton(id: string, batch: BatchView): Promise<CartonPart> {
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
    const portion = cartonPortion(carton, summarizeColdChain(segments, readings));
    const part = { portion, json: fragment(portion), html: {}, stamp, facilities };
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

/** An object's members as JSON text without the braces, ready to splice into a larger object. */
function fragment(value: object): string {
  return JSON.stringify(value).slice(1, -1);
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
