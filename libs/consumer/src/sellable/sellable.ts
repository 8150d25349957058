import type { PassportRecall, PassportSuspension } from '../passport/item-passport';

/** Why a code may not be sold now. */
export type SaleStopCode = 'not_issued' | 'voided' | 'recalled' | 'held' | 'failed_safety_test' | 'past_shelf_life';

export interface SaleStop {
  code: SaleStopCode;
  zh: string;
  en: string;
  /** When it began: the hold, the voiding, the end of the shelf life. */
  since?: string;
  /** A hold's: what is held (the lot, the carton or the item) and the regulator's reason. */
  unit?: PassportSuspension['unit'];
  reason?: string;
  /** A recall's id. */
  recallId?: string;
}

/** The answer for one code: 进货查验 at a retailer's door, or a platform's check before listing (防止不合格商品上线销售). */
export interface SellableAnswer {
  code: string;
  sellable: boolean;
  reasons: SaleStop[];
  checkedAt: string;
  product?: { id: string; nameZh: string; nameEn: string };
  lotCode?: string;
  packedAt?: string;
}

/** What is known of an issued code at the time of the check. */
export interface SaleFacts {
  product: { id: string; nameZh: string; nameEn: string };
  lotCode: string;
  packedAt: string;
  voidedAt?: string;
  suspended?: PassportSuspension;
  /** The recall covering the lot, if one does. */
  recall?: PassportRecall;
  /** Since when a failed safety test holds the lot (its automatic hold). */
  failedTestSince?: string;
  /** Days from packing; absent when the product has no shelf life. */
  shelfLifeDays?: number;
}

const DAY_MS = 86_400_000;
const UNIT_ZH: Record<PassportSuspension['unit'], string> = { lot: '本批次', carton: '本箱', item: '本件' };

/** A code that was never issued (or is no code at all): not genuine. */
export function notIssued(code: string, now: Date): SellableAnswer {
  return {
    code,
    sellable: false,
    reasons: [
      {
        code: 'not_issued',
        zh: '此码不是溯源系统发放的，商品可能是假冒的',
        en: 'This code was never issued: the product may be counterfeit',
      },
    ],
    checkedAt: now.toISOString(),
  };
}

/** Every reason an issued code may not be sold at `now`; sellable when there is none. */
export function judgeSale(code: string, facts: SaleFacts, now: Date): SellableAnswer {
  const reasons: SaleStop[] = [];
  if (facts.voidedAt !== undefined) {
    reasons.push({
      code: 'voided',
      zh: '此码已作废，不是商品现在的标签',
      en: 'This code was voided: it is not the item’s label now',
      since: facts.voidedAt,
    });
  }
  if (facts.recall) {
    const { recallId, reason, since } = facts.recall;
    reasons.push({
      code: 'recalled',
      zh: `本批次已被召回（${recallId}）：${reason}`,
      en: `This lot is recalled (${recallId}): ${reason}`,
      since,
      reason,
      recallId,
    });
  }
  const held = facts.suspended;
  if (held) {
    reasons.push({
      code: 'held',
      zh: `市场监管部门已暂停销售${UNIT_ZH[held.unit]}商品：${held.reason}`,
      en: `The market regulator suspended the sale of this ${held.unit}: ${held.reason}`,
      since: held.since,
      unit: held.unit,
      reason: held.reason,
    });
  }
  if (facts.failedTestSince !== undefined) {
    reasons.push({
      code: 'failed_safety_test',
      zh: '本批次农兽药残留检测不合格，暂停销售，待检测机构复检',
      en: 'This lot failed a residue test and is held until a lab’s confirmatory test',
      since: facts.failedTestSince,
    });
  }
  if (facts.shelfLifeDays !== undefined) {
    const ends = Date.parse(facts.packedAt) + facts.shelfLifeDays * DAY_MS;
    if (now.getTime() > ends) {
      reasons.push({
        code: 'past_shelf_life',
        zh: `已过保质期（包装后 ${facts.shelfLifeDays} 天）`,
        en: `Past its shelf life (${facts.shelfLifeDays} days from packing)`,
        since: new Date(ends).toISOString(),
      });
    }
  }
  return {
    code,
    sellable: reasons.length === 0,
    reasons,
    checkedAt: now.toISOString(),
    product: facts.product,
    lotCode: facts.lotCode,
    packedAt: facts.packedAt,
  };
}

/** An answer's product and lot as JSON members: the same for every item of a batch, so serialised once for it. */
export function lotMembers(answer: Pick<SellableAnswer, 'product' | 'lotCode'>): string {
  return `"product":${JSON.stringify(answer.product)},"lotCode":${JSON.stringify(answer.lotCode)}`;
}

/**
 * The answer as JSON, written out around its lot's members serialised before: equal to
 * JSON.stringify(answer) (a spec holds it to that). Codes and times need no escaping.
 */
export function sellableJson(answer: SellableAnswer, lot: string = lotMembers(answer)): string {
  if (answer.product === undefined) return JSON.stringify(answer);
  const reasons = answer.reasons.length === 0 ? '[]' : JSON.stringify(answer.reasons);
  return (
    `{"code":${JSON.stringify(answer.code)},"sellable":${answer.sellable},"reasons":${reasons},` +
    `"checkedAt":"${answer.checkedAt}",${lot},"packedAt":"${answer.packedAt}"}`
  );
}
