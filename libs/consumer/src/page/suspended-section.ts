import type { PassportSuspension } from '../passport/item-passport';
import { escapeHtml as e } from './escape';
import { formatDateTime } from './format';
import type { Lang } from './i18n';

interface SuspendedWords {
  title: string;
  what: Record<PassportSuspension['unit'], string>;
  since: (at: string, what: string) => string;
  reason: string;
  advice: string;
}

/** This section's words live with it: the page's message table is another part's. */
export const SUSPENDED_WORDS: Record<Lang, SuspendedWords> = {
  zh: {
    title: '⚠ 暂停销售',
    what: { lot: '本批次商品', carton: '本箱商品', item: '这件商品' },
    since: (at, what) => `市场监管部门已于 ${at} 暂停销售${what}。`,
    reason: '原因：',
    advice: '请不要购买或食用；已经买到的，请联系卖家或拨打 12315。',
  },
  en: {
    title: '⚠ Sale suspended',
    what: { lot: 'this lot', carton: 'this carton', item: 'this item' },
    since: (at, what) => `The market regulator suspended the sale of ${what} on ${at}.`,
    reason: 'Reason: ',
    advice: 'Do not buy or eat it; if you bought it, contact the seller or call 12315.',
  },
};

/** The warning in the page's top card while a regulator holds the item, its carton or its lot; nothing otherwise. */
export function renderSuspended(suspended: PassportSuspension | undefined, lang: Lang): string {
  if (!suspended) return '';
  const w = SUSPENDED_WORDS[lang];
  return (
    `<div class="alert suspended"><h2 class="n">${w.title}</h2><p>${w.since(formatDateTime(suspended.since), w.what[suspended.unit])}</p>` +
    `<p>${w.reason}${e(suspended.reason)}</p><p class="note n">${w.advice}</p></div>`
  );
}
