import { Injectable } from '@nestjs/common';
import { errorBody } from '@suyuan/platform';
import { Lang } from '../page/i18n';
import { renderNotFoundPage } from '../page/not-found-page';
import { ScanCounter, Scanner } from '../scan-count/scan-counter';
import { ScanCache } from './scan-cache';
import { scanJson, scanPage } from './scan-page';
import { ResolvedItem } from './scan-parts';

export const HTML_TYPE = 'text/html; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

/** What a scan is answered with. */
export interface ScanAnswer {
  status: 200 | 404;
  type: typeof HTML_TYPE | typeof JSON_TYPE;
  body: Buffer;
}

/** The GTIN and lot a GS1 Digital Link puts an item's serial under. */
export interface ScannedLot {
  gtin: string;
  lot: string;
}

const NOT_ISSUED: ScanAnswer = {
  status: 404,
  type: JSON_TYPE,
  body: Buffer.from(
    JSON.stringify(errorBody(404, 'code_not_issued', 'this code was never issued by Suyuan; the product may be counterfeit')),
  ),
};

/**
 * The answer to a scan, whichever way it came in (the server's fast lane, `/t/{code}`, the
 * GS1 Digital Link): the item's record as JSON when asked for it, else its page; that the
 * code was never issued, likewise, when it was not. `lang` is the reader's language, worked
 * out only for a page. Every scan is counted (`ScanCounter`, in memory; the log is written
 * later, in batches), and its answer says so.
 */
@Injectable()
export class ScanPath {
  constructor(
    private readonly cache: ScanCache,
    private readonly counter: ScanCounter,
  ) {}

  /** The answer without a promise when the item and its parts are in memory, as for most scans; undefined otherwise. */
  answerFromMemory(code: string, accept: string | undefined, lang: () => Lang, scanner: Scanner): ScanAnswer | undefined {
    const resolved = this.cache.resolveFromMemory(code);
    return resolved && this.record(resolved, accept, lang, scanner);
  }

  /** The answer to any scan; `lot` when the code came as a serial under a GTIN and lot. */
  async answer(code: string, accept: string | undefined, lang: () => Lang, scanner: Scanner, lot?: ScannedLot): Promise<ScanAnswer> {
    const resolved = await this.cache.resolve(code);
    if (resolved && (!lot || isItsLot(resolved, lot))) return this.record(resolved, accept, lang, scanner);
    this.counter.countUnissued(code, scanner);
    return wantsJson(accept) ? NOT_ISSUED : { status: 404, type: HTML_TYPE, body: Buffer.from(renderNotFoundPage(code, lang())) };
  }

  private record(resolved: ResolvedItem, accept: string | undefined, lang: () => Lang, scanner: Scanner): ScanAnswer {
    const { item, batch } = resolved;
    const { product, cooperative } = batch.view;
    const scans = this.counter.count(
      {
        code: item.code,
        productId: product.id,
        category: product.category,
        ownerId: cooperative.id,
        packedAt: item.packedAt,
        voided: item.voided !== undefined,
      },
      scanner,
    );
    if (wantsJson(accept)) return { status: 200, type: JSON_TYPE, body: scanJson(resolved, scans) };
    return { status: 200, type: HTML_TYPE, body: scanPage(resolved, lang(), scans) };
  }
}

/** JSON only when asked for it more than HTML: a browser's Accept lists text/html first. */
export function wantsJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const json = accept.indexOf('application/json');
  if (json < 0) return false;
  const html = accept.indexOf('text/html');
  return html < 0 || json < html;
}

/** A serial copied under another product's GTIN or lot is not the item that was issued. */
function isItsLot({ batch }: ResolvedItem, lot: ScannedLot): boolean {
  return batch.view.product.gtin === lot.gtin && batch.view.lotCode === lot.lot;
}
