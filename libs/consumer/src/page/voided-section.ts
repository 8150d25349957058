import type { VoidReason } from '@suyuan/production';
import type { PassportVoided } from '../passport/item-passport';
import { formatDateTime } from './format';
import type { Lang } from './i18n';

interface VoidedWords {
  title: string;
  when: (at: string, reason: string) => string;
  reasons: Record<VoidReason, string>;
  advice: string;
}

/** This section's words live with it: the page's message table is another part's. */
export const VOIDED_WORDS: Record<Lang, VoidedWords> = {
  zh: {
    title: '⚠ 此码已作废',
    when: (at, reason) => `这个标签已于 ${at} 作废（原因：${reason}），卖家已为这件商品换了新标签。`,
    reasons: { damaged: '标签损坏', misprinted: '标签印错', lost: '标签遗失', other: '其他原因' },
    advice: '如果商品上贴的是这个码，请不要购买或食用，联系卖家或拨打 12315。',
  },
  en: {
    title: '⚠ This code has been voided',
    when: (at, reason) => `This label was voided on ${at} (${reason}); the seller gave the item a new label.`,
    reasons: { damaged: 'label damaged', misprinted: 'label misprinted', lost: 'label lost', other: 'other reasons' },
    advice: 'If this is the code on the product, do not buy or eat it: contact the seller or call 12315.',
  },
};

/**
 * The warning in the page's top card, after the item's code, when its code was voided; nothing
 * otherwise. Its words are the system's own (no typed text), so nothing here needs escaping.
 */
export function renderVoided(voided: PassportVoided | undefined, lang: Lang): string {
  if (!voided) return '';
  const w = VOIDED_WORDS[lang];
  const reason = w.reasons[voided.reason] ?? w.reasons.other;
  return `<div class="alert voided"><h2 class="n">${w.title}</h2><p>${w.when(formatDateTime(voided.at), reason)}</p><p class="note n">${w.advice}</p></div>`;
}
