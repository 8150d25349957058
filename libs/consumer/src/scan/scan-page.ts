import { Lang } from '../page/i18n';
import { renderScanSectionBytes } from '../page/scan-section';
import type { ScanShown } from '../scan-count/scan-shown';
import { assemblePage, renderRuns } from '../page/page-runs';
import { itemJsonMembers, itemPortion } from './passport-assembler';
import { ResolvedItem, batchPiece, cardHtml, journeyHtml } from './scan-parts';

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from('}');

/** The item's record as JSON: its own members spliced with its parts' serialised ones, then this scan's. */
export function scanJson({ item, scanUrl, batch, journey, compliance, suspended }: ResolvedItem, scans?: ScanShown): Buffer {
  const held = suspended ? `"suspended":${JSON.stringify(suspended)},` : '';
  const own = Buffer.from(`{${itemJsonMembers(item, batch.context, scanUrl)},${held}`);
  const counted = scans ? Buffer.from(`,"scans":${JSON.stringify(scans)}}`) : CLOSE;
  return Buffer.concat([own, journey.json, COMMA, batch.json, COMMA, compliance.json, counted]);
}

/**
 * The item's page from its parts' runs: only its code and this scan's lines are rendered now. The card (per journey
 * and verdict) and what items share by grade or packing are rendered on first use and kept
 * with the batch.
 */
export function scanPage({ item, scanUrl, batch, journey, compliance, suspended }: ResolvedItem, lang: Lang, scans?: ScanShown): Buffer {
  const own = () => itemPortion(item, batch.context, scanUrl);
  const weight = `${item.netWeight.value}${item.netWeight.unit}`;
  return assemblePage({
    batch: batch.html[lang],
    card: cardHtml(batch, journey, compliance, lang),
    item: renderRuns('item', suspended ? { ...item, suspended } : item, lang),
    grade: batchPiece(batch, `g${lang}${item.grade}`, () => renderRuns('grade', { ...own(), ...batch.portion }, lang)),
    packing: batchPiece(batch, `p${lang}${item.cartonId}|${item.packingId}|${weight}`, () => renderRuns('packing', own(), lang)),
    journey: journeyHtml(journey, lang),
    scans: [renderScanSectionBytes(item.code, scans, lang)],
  });
}
