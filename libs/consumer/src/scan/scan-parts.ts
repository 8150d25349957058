import { CartonView } from '@suyuan/logistics';
import { BatchView, ItemView } from '@suyuan/production';
import { ITEM_CODE_LENGTH, itemScanUrl } from '@suyuan/codes';
import { judgedRange, StandardVersionView } from '@suyuan/standards';
import { ColdChainSegment, LoggerReadings, summarizeColdChain } from '../cold-chain/cold-chain-summary';
import { Lang } from '../page/i18n';
import { renderRuns } from '../page/page-runs';
import { ItemStatus, PassportSuspension } from '../passport/item-passport';
import { LotProvenanceView } from '../provenance/provenance.views';
import { CompliancePart } from './compliance-parts';
import { BatchPortion, ItemContext, batchPortion, cartonPortion, itemContext } from './passport-assembler';

const LANGS: Lang[] = ['zh', 'en'];
/** Stands for the item's code while a batch's scan URL prefix is worked out. */
const CODE_MARK = '0'.repeat(ITEM_CODE_LENGTH);

/*
 * What a part costs the cache's memory budget, estimated when it is made (an exact count
 * would walk every object): an object held in memory takes about twice the length of its
 * JSON; the pieces a batch renders later come to about one packing section per carton and
 * language. The card rendered for a journey (its verdict and reasons, in both languages) is
 * charged to the journey part: it is made once per journey the batch's items are on, not
 * per carton, and charging it per carton made a batch look four times its size, so that a
 * large county's batches no longer fitted their share and each scan rebuilt its batch.
 */
const HEAP_BYTES_PER_JSON_CHAR = 2;
const PIECE_BYTES_PER_CARTON = 1200;
const CARD_BYTES_PER_JOURNEY = 4000;

/** One scanned item: its own record and the shared parts it points to. */
export interface ResolvedItem {
  item: ItemView;
  scanUrl: string;
  batch: BatchPart;
  journey: JourneyPart;
  compliance: CompliancePart;
  /** A regulator's hold on the item, its carton or its lot, looked up for this scan. */
  suspended?: PassportSuspension;
}

/** What all items of a batch share, kept serialised: JSON members and HTML per language. */
export interface BatchPart {
  view: BatchView;
  context: ItemContext;
  /** The scan URL up to the item's code (which needs no escaping). */
  scanUrlPrefix: string;
  json: Buffer;
  /** The page's runs every item of the batch shows alike, per language. */
  html: Record<Lang, Buffer[]>;
  /** What its items show alike, for the pages' parts rendered later. */
  portion: BatchPortion;
  /** The runs its items show by grade and packing, rendered on first use. */
  pieces: Map<string, Buffer[]>;
  /** The card's runs per journey and verdict, rendered on first use; they go with either. */
  cards: WeakMap<JourneyPart, WeakMap<CompliancePart, Partial<Record<Lang, Buffer[]>>>>;
  bytes: number;
}

/**
 * What all items on one journey share: status, cold chain and stops, serialised. Cartons
 * shipped together share one part.
 */
export interface JourneyPart {
  status: ItemStatus;
  json: Buffer;
  html: Partial<Record<Lang, Buffer[]>>;
  /** Kept until each language is first asked for, then rendered once. */
  portion: ReturnType<typeof cartonPortion>;
  /** Cold-chain versions of the facilities it was computed from. */
  stamp: string;
  facilities: string[];
  /** The cold-chain epoch it was last known current at. */
  epoch: number;
  bytes: number;
}

/** `provenance`: of a lot made by processing or bought from households, where it comes from. */
export function buildBatchPart(view: BatchView, publicBaseUrl: string, provenance?: LotProvenanceView): BatchPart {
  const portion = batchPortion(view, provenance);
  const scanUrl = itemScanUrl(publicBaseUrl, { code: CODE_MARK, gtin14: view.product.gtin, lotCode: view.lotCode });
  const html = { zh: renderRuns('batch', portion, 'zh'), en: renderRuns('batch', portion, 'en') };
  const json = fragment(portion);
  const htmlBytes = LANGS.reduce((sum, lang) => sum + byteLength(html[lang]), 0);
  const cartons = view.packings.reduce((n, p) => n + p.cartonIds.length, 0);
  return {
    view,
    context: itemContext(view),
    scanUrlPrefix: scanUrl.slice(0, -CODE_MARK.length),
    json,
    html,
    portion,
    pieces: new Map(),
    cards: new WeakMap(),
    bytes:
      (JSON.stringify(view).length + (provenance ? JSON.stringify(provenance).length : 0)) * HEAP_BYTES_PER_JSON_CHAR +
      json.length * (1 + HEAP_BYTES_PER_JSON_CHAR) +
      htmlBytes +
      cartons * PIECE_BYTES_PER_CARTON,
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
export function coldChainSegments(
  carton: CartonView | undefined,
  batch: BatchView,
  version: StandardVersionView | undefined,
): ColdChainSegment[] {
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
    // Its JSON and the portion it keeps for its pages, and the cards rendered for it.
    bytes: json.length * (1 + HEAP_BYTES_PER_JSON_CHAR) + CARD_BYTES_PER_JOURNEY,
  };
}

/** Runs of a batch's page that its items share by `key`, rendered once and kept with the batch. */
export function batchPiece(part: BatchPart, key: string, render: () => Buffer[]): Buffer[] {
  let piece = part.pieces.get(key);
  if (!piece) part.pieces.set(key, (piece = render()));
  return piece;
}

/** The card's runs for items of a batch on one journey, judged alike: rendered once per language. */
export function cardHtml(batch: BatchPart, journey: JourneyPart, compliance: CompliancePart, lang: Lang): Buffer[] {
  let byVerdict = batch.cards.get(journey);
  if (!byVerdict) batch.cards.set(journey, (byVerdict = new WeakMap()));
  let runs = byVerdict.get(compliance);
  if (!runs) byVerdict.set(compliance, (runs = {}));
  return (runs[lang] ??= renderRuns('card', { ...batch.portion, ...journey.portion, compliance: compliance.verdict }, lang));
}

export function journeyHtml(part: JourneyPart, lang: Lang): Buffer[] {
  return (part.html[lang] ??= renderRuns('journey', part.portion, lang));
}

/** An object's members as JSON bytes without the braces, ready to splice into a larger object. */
function fragment(value: object): Buffer {
  return Buffer.from(JSON.stringify(value).slice(1, -1));
}

function byteLength(buffers: readonly Buffer[]): number {
  return buffers.reduce((sum, b) => sum + b.length, 0);
}
