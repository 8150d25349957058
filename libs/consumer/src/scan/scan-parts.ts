import { CartonView } from '@suyuan/logistics';
import { BatchView } from '@suyuan/production';
import { itemScanUrl } from '@suyuan/codes';
import { judgedRange, StandardVersionView } from '@suyuan/standards';
import { ColdChainSegment, LoggerReadings, summarizeColdChain } from '../cold-chain/cold-chain-summary';
import { Lang } from '../page/i18n';
import { renderBatchParts, renderCartonPart, renderPageFrame } from '../page/passport-page';
import { ItemStatus } from '../passport/item-passport';
import { ItemContext, batchPortion, cartonPortion, itemContext } from './passport-assembler';

const LANGS: Lang[] = ['zh', 'en'];
/** Stands for the item's code while a batch's scan URL prefix is worked out. */
const CODE_MARK = '0000000000000000';

/** What all items of a batch share, kept serialised: JSON members and HTML per language. */
export interface BatchPart {
  view: BatchView;
  context: ItemContext;
  /** The scan URL up to the item's code (which needs no escaping). */
  scanUrlPrefix: string;
  json: Buffer;
  html: Record<Lang, { open: Buffer; notice: Buffer; head: Buffer; tail: Buffer; close: Buffer }>;
  /** Header (by state), grade (by grade) and packing (by carton) sections, rendered on first use. */
  pieces: Map<string, Buffer>;
  bytes: number;
}

/**
 * What all items on one journey share: status, cold chain and stops, serialised. Cartons
 * shipped together share one part.
 */
export interface JourneyPart {
  status: ItemStatus;
  json: Buffer;
  html: Partial<Record<Lang, Buffer>>;
  /** Kept until each language is first asked for, then rendered once. */
  portion: ReturnType<typeof cartonPortion>;
  /** Cold-chain versions of the facilities it was computed from. */
  stamp: string;
  facilities: string[];
  /** The cold-chain epoch it was last known current at. */
  epoch: number;
  bytes: number;
}

export function buildBatchPart(view: BatchView, publicBaseUrl: string): BatchPart {
  const portion = batchPortion(view);
  const scanUrl = itemScanUrl(publicBaseUrl, { code: CODE_MARK, gtin14: view.product.gtin, lotCode: view.lotCode });
  const html = {} as BatchPart['html'];
  for (const lang of LANGS) {
    const frame = renderPageFrame(view.product, lang);
    const parts = renderBatchParts(portion, lang);
    html[lang] = {
      open: Buffer.from(frame.open),
      notice: Buffer.from(parts.notice),
      head: Buffer.from(parts.head),
      tail: Buffer.from(parts.tail),
      close: Buffer.from(frame.close),
    };
  }
  const json = fragment(portion);
  const htmlBytes = Object.values(html).reduce((sum, h) => sum + h.open.length + h.notice.length + h.head.length + h.tail.length + h.close.length, 0);
  return {
    view,
    context: itemContext(view),
    scanUrlPrefix: scanUrl.slice(0, -CODE_MARK.length),
    json,
    html,
    pieces: new Map(),
    // Pieces come later, about one packing section per carton and language.
    bytes: JSON.stringify(view).length * 2 + json.length + htmlBytes + view.packings.reduce((n, p) => n + p.cartonIds.length, 0) * 1200,
  };
}

/** Which journey a carton of a batch is on, judged under which standard version: equal keys, equal parts. */
export function journeyKey(carton: CartonView | undefined, batch: BatchView, version: StandardVersionView | undefined): string {
  const judgedBy = version ? `${version.standardId}@${version.version}` : '';
  return `${batch.product.id}\u0000${judgedBy}\u0000${carton?.status ?? 'packed'}\u0000${JSON.stringify(carton?.stops ?? [])}`;
}

/**
 * Stays at facilities are held to the storage range, vehicle legs to the transport range:
 * those of the standard version the batch is judged under, as its verdict holds them, else
 * the product's own.
 */
export function coldChainSegments(carton: CartonView | undefined, batch: BatchView, version: StandardVersionView | undefined): ColdChainSegment[] {
  const storage = judgedRange(version?.rules, 'storage', batch.product);
  const transport = judgedRange(version?.rules, 'transport', batch.product);
  return (carton?.stops ?? []).map((stop) => ({
    facilityId: stop.facilityId,
    facilityName: stop.facilityName,
    from: stop.from,
    to: stop.to,
    range: stop.kind === 'transit' ? transport : storage,
  }));
}

export function buildJourneyPart(
  carton: CartonView | undefined,
  segments: ColdChainSegment[],
  readings: ReadonlyMap<string, LoggerReadings>,
  stamp: string,
  epoch: number,
): JourneyPart {
  const portion = cartonPortion(carton, summarizeColdChain(segments, readings));
  const json = fragment(portion);
  return {
    status: portion.status,
    json,
    html: {},
    portion,
    stamp,
    epoch,
    facilities: [...new Set(segments.map((s) => s.facilityId))],
    bytes: json.length * 3,
  };
}

/** A piece of a batch's page, rendered once per key and kept with the batch. */
export function batchPiece(part: BatchPart, key: string, render: () => string): Buffer {
  let piece = part.pieces.get(key);
  if (!piece) part.pieces.set(key, (piece = Buffer.from(render())));
  return piece;
}

export function journeyHtml(part: JourneyPart, lang: Lang): Buffer {
  return (part.html[lang] ??= Buffer.from(renderCartonPart(part.portion, lang)));
}

/** An object's members as JSON bytes without the braces, ready to splice into a larger object. */
function fragment(value: object): Buffer {
  return Buffer.from(JSON.stringify(value).slice(1, -1));
}
