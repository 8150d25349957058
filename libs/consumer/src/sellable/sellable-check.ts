import { Inject, Injectable } from '@nestjs/common';
import { ItemView } from '@suyuan/production';
import { CLOCK, Clock } from '@suyuan/platform';
import { holdOf, recallOf } from '../passport/hold';
import { SaleHoldIndex } from '../holds/sale-hold-index';
import { ScanCounter } from '../scan-count/scan-counter';
import { ScanCache } from '../scan/scan-cache';
import { BatchPart } from '../scan/scan-parts';
import { SellableAnswer, judgeSale, lotMembers, notIssued, sellableJson } from './sellable';

/**
 * Whether one code may be sold now, from what scans are answered from: the item and its
 * batch in memory, the standing holds by unit, the product's shelf life. Not a scan: nothing
 * is counted.
 */
@Injectable()
export class SellableCheck {
  constructor(
    private readonly cache: ScanCache,
    private readonly holds: SaleHoldIndex,
    private readonly counter: ScanCounter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Each batch's product and lot as JSON members, made once. */
  private readonly lots = new WeakMap<BatchPart, string>();

  /** The answer as JSON without a promise when the item and its batch are in memory; undefined otherwise. */
  jsonFromMemory(code: string): string | undefined {
    const found = this.cache.itemFromMemory(code);
    if (!found) return undefined;
    const answer = this.judge(found.item, found.batch);
    let lot = this.lots.get(found.batch);
    if (lot === undefined) this.lots.set(found.batch, (lot = lotMembers(answer)));
    return sellableJson(answer, lot);
  }

  async answer(code: string): Promise<SellableAnswer> {
    const found = await this.cache.item(code);
    return found ? this.judge(found.item, found.batch) : notIssued(code, this.clock.now());
  }

  private judge(item: ItemView, batch: BatchPart): SellableAnswer {
    const { product, lotCode, held } = batch.view;
    return judgeSale(
      item.code,
      {
        product: { id: product.id, nameZh: product.nameZh, nameEn: product.nameEn },
        lotCode,
        packedAt: item.packedAt,
        ...(item.voided && { voidedAt: item.voided.at }),
        suspended: this.holds.of(item),
        ...(held && { failedTestSince: holdOf(batch.view).since }),
        recall: recallOf(batch.view),
        shelfLifeDays: this.counter.shelfLifeDays({ productId: product.id, category: product.category }),
      },
      this.clock.now(),
    );
  }
}
