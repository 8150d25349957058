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
import { renderBatchParts, renderCartonPart, renderItemSections, renderPageFrame } from '../page/passport-page';
import { ItemStatus } from '../passport/item-passport';
import { readingsBetween } from './cold-chain-reader';
import { Lru } from './lru';
import { BatchPortion, ItemPortion, batchPortion, cartonPortion, itemPortion } from './passport-assembler';

const LANGS: Lang[] = ['zh', 'en'];

/** What all items of a batch share, kept serialised: JSON members and HTML per language. */
interface BatchPart {
  view: BatchView;
  json: Buffer;
  html: Record<Lang, { open: Buffer; head: Buffer; tail: Buffer; close: Buffer }>;
  bytes: number;
}

/** What all items of a carton share: status, cold chain and journey, serialised. */
interface CartonPart {
  status: ItemStatus;
  json: Buffer;
  html: Record<Lang, Buffer>;
  /** Cold-chain versions of the facilities it was computed from. */
  stamp: string;
  facilities: string[];
  bytes: number;
}

/** One scanned item: its own portion and the shared parts it points to. */
export interface ResolvedItem {
  item: ItemPortion;
  batch: BatchPart;
  carton: CartonPart;
}

const OPEN = Buffer.from('{');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from('}');

/**
 * The scan path: one indexed lookup of the item; its batch's and carton's parts come from
 * memory as UTF-8 bytes, already serialised and rendered, so a scan only renders the item's
 * own few lines. Parts are dropped when the projections change them (and when the cache's
 * memory budget is spent), so a scan never shows stale data and never replays events.
 */
@Injectable()
export class ScanService {
  private readonly batches: Lru<string, BatchPart>;
  private readonly cartons: Lru<string, CartonPart>;
  private readonly coldChainVersions = new Map<string, number>();

  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const budget = config.scanCacheMb * 1024 * 1024;
    this.batches = new Lru(budget / 8, (part) => part.bytes);
    this.cartons = new Lru(budget - budget / 8, (part) => part.bytes);
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

  /** The item's record as JSON: its own members spliced with the shared, pre-serialised ones. */
  json({ item, batch, carton }: ResolvedItem): Buffer {
    const own = Buffer.from(JSON.stringify(item).slice(1, -1));
    return Buffer.concat([OPEN, own, COMMA, carton.json, COMMA, batch.json, CLOSE]);
  }

  /** The item's page: its header, grade and packing rendered now, the rest as rendered before. */
  html({ item, batch, carton }: ResolvedItem, lang: Lang): Buffer {
    const b = batch.html[lang];
    const own = renderItemSections({ ...item, status: carton.status, product: batch.view.product }, lang);
    return Buffer.concat([
      b.open,
      Buffer.from(own.header),
      b.head,
      Buffer.from(own.grading),
      b.tail,
      Buffer.from(own.packing),
      carton.html[lang],
      b.close,
    ]);
  }

  private async batch(id: string): Promise<BatchPart | undefined> {
    const cached = this.batches.get(id);
    if (cached) return cached;
    const view = await this.docs.get<BatchView>('batches', id);
    if (!view) return undefined;
    const portion = batchPortion(view);
    const part: BatchPart = { view, json: fragment(portion), html: renderBatch(portion, view), bytes: 0 };
    part.bytes = JSON.stringify(view).length * 2 + byteSize(part.json, part.html);
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
    const html = Object.fromEntries(LANGS.map((lang) => [lang, Buffer.from(renderCartonPart(portion, lang))])) as Record<Lang, Buffer>;
    const part: CartonPart = { status: portion.status, json: fragment(portion), html, stamp, facilities, bytes: 0 };
    part.bytes = byteSize(part.json, part.html) + 200;
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

function renderBatch(portion: BatchPortion, view: BatchView): BatchPart['html'] {
  const html = {} as BatchPart['html'];
  for (const lang of LANGS) {
    const frame = renderPageFrame(view.product, lang);
    const parts = renderBatchParts(portion, lang);
    html[lang] = {
      open: Buffer.from(frame.open),
      head: Buffer.from(parts.head),
      tail: Buffer.from(parts.tail),
      close: Buffer.from(frame.close),
    };
  }
  return html;
}

/** An object's members as JSON bytes without the braces, ready to splice into a larger object. */
function fragment(value: object): Buffer {
  return Buffer.from(JSON.stringify(value).slice(1, -1));
}

function byteSize(json: Buffer, html: Record<Lang, Buffer | Record<string, Buffer>>): number {
  let bytes = json.length;
  for (const value of Object.values(html)) {
    bytes += Buffer.isBuffer(value) ? value.length : Object.values(value).reduce((sum, b) => sum + b.length, 0);
  }
  return bytes;
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
