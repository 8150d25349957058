import type { ScanWarning } from '../scan-count/scan-limits';
import type { ScanShown } from '../scan-count/scan-shown';
import { PROBLEM_KINDS, ProblemKind } from '../scan-count/scan-log.port';
import { escapeHtml as e } from './escape';
import { formatDateTime } from './format';
import type { Lang } from './i18n';

interface ScanWords {
  nth: (ordinal: number, first: string) => string;
  chain: (consumers: number) => string;
  copied: string;
  reasons: Record<ScanWarning, (shown: ScanShown) => string>;
  advice: string;
  verify: string;
  verificationCode: string;
  check: string;
  report: string;
  kinds: Record<ProblemKind, string>;
  text: string;
  contact: string;
  send: string;
}

/** This section's words live with it: the page's message table is another part's. */
export const SCAN_WORDS: Record<Lang, ScanWords> = {
  zh: {
    nth: (n, first) => `您是第 ${n} 位查询者，首次查询于 ${first}`,
    chain: (n) => `供应链内部扫描，不计入查询人数 · 已有 ${n} 位消费者查询`,
    copied: '⚠ 此码可能被复制',
    reasons: {
      many_consumers: (s) => `已有 ${s.consumers} 个不同网络的查询者扫描此码，远超这类商品的正常次数。`,
      many_places: (s) => `此码在 ${s.places} 个不同城市被查询。`,
      past_shelf_life: () => '此商品包装已久，早已超过保质期，本应早已售出。',
    },
    advice: '如果您刚买到这件商品，它可能是假冒的：请不要食用，保留包装和购物凭证，联系卖家或拨打 12315 投诉。',
    verify: '输入防伪码验证',
    verificationCode: '防伪码（刮开涂层可见）',
    check: '验证',
    report: '报告问题或疑似假货',
    kinds: { suspected_fake: '疑似假货', quality: '质量问题', label: '标签问题', other: '其他' },
    text: '问题描述',
    contact: '联系方式（可选）',
    send: '提交',
  },
  en: {
    nth: (n, first) => `You are person no. ${n} to check this code; first checked ${first}`,
    chain: (n) => `Scan by the supply chain, not counted as a check · ${n} consumers have checked this code`,
    copied: '⚠ This code may have been copied',
    reasons: {
      many_consumers: (s) => `${s.consumers} different networks have checked this code, far more than an item like this meets.`,
      many_places: (s) => `This code has been checked in ${s.places} different cities.`,
      past_shelf_life: () => 'This item was packed long ago: it is past its shelf life and should have been sold long since.',
    },
    advice:
      'If you just bought this item it may be fake: do not eat it, keep the packaging and the receipt, and contact the seller or call 12315.',
    verify: 'Check the verification code',
    verificationCode: 'Verification code (under the scratch-off)',
    check: 'Check',
    report: 'Report a problem or a suspected fake',
    kinds: { suspected_fake: 'Suspected fake', quality: 'Quality problem', label: 'Label problem', other: 'Other' },
    text: 'What is wrong',
    contact: 'Contact (optional)',
    send: 'Send',
  },
};

/** Longest problem description and contact a report takes, in characters. */
export const REPORT_TEXT_MAX = 500;
export const REPORT_CONTACT_MAX = 100;

/**
 * The scan's own lines in the page's top card, after the item's code: which consumer this is and since when the
 * code is checked, or a clear warning when it looks copied; then the forms (plain HTML, no
 * script) to check the 防伪码 and to report a problem. Rendered for each scan.
 */
export function renderScanSection(code: string, shown: ScanShown | undefined, lang: Lang): string {
  if (!shown) return '';
  const { head, action } = sectionParts(code, shown, lang);
  const forms = FORMS[lang];
  return head + forms[0] + action + forms[1] + action + forms[2];
}

/** The same as `renderScanSection`, as UTF-8 for the scan path: the forms are encoded once, not at each scan. */
export function renderScanSectionBytes(code: string, shown: ScanShown | undefined, lang: Lang): Buffer {
  if (!shown) return EMPTY;
  const { head, action } = sectionParts(code, shown, lang);
  const forms = FORM_BYTES[lang];
  const actionBytes = Buffer.from(action, 'latin1');
  return Buffer.concat([Buffer.from(head), forms[0], actionBytes, forms[1], actionBytes, forms[2]]);
}

function sectionParts(code: string, shown: ScanShown, lang: Lang) {
  const w = SCAN_WORDS[lang];
  const first = shown.firstScannedAt ? formatDateTime(shown.firstScannedAt) : '';
  const line = shown.ordinal === undefined ? w.chain(shown.consumers) : w.nth(shown.ordinal, first);
  const warning =
    shown.warnings.length === 0
      ? ''
      : `<div class="alert copied"><h2 class="n">${w.copied}</h2>${shown.warnings.map((k) => `<p>${w.reasons[k](shown)}</p>`).join('')}<p class="note n">${w.advice}</p></div>`;
  return { head: `<p class="sub scans">${e(line)}</p>${warning}`, action: `/t/${encodeURIComponent(code)}` };
}

const EMPTY = Buffer.alloc(0);

/** The forms around their two actions (the item's `/t/{code}`), built once per language. */
const FORMS: Record<Lang, readonly [string, string, string]> = { zh: forms('zh'), en: forms('en') };
const FORM_BYTES: Record<Lang, readonly Buffer[]> = { zh: FORMS.zh.map((f) => Buffer.from(f)), en: FORMS.en.map((f) => Buffer.from(f)) };

function forms(lang: Lang): [string, string, string] {
  const w = SCAN_WORDS[lang];
  const langField = `<input type="hidden" name="lang" value="${lang}">`;
  const kinds = PROBLEM_KINDS.map((k) => `<option value="${k}">${w.kinds[k]}</option>`).join('');
  return [
    `<details><summary>${w.verify}</summary><form method="post" action="`,
    `/verify">${langField}<label>${w.verificationCode} <input name="verificationCode" inputmode="numeric" pattern="[0-9 -]{8,12}" maxlength="12" required></label> <button>${w.check}</button></form></details>` +
      `<details><summary>${w.report}</summary><form method="post" action="`,
    `/report">${langField}<select name="kind">${kinds}</select><br><label>${w.text}<br><textarea name="description" maxlength="${REPORT_TEXT_MAX}" rows="3" required></textarea></label><br><label>${w.contact} <input name="contact" maxlength="${REPORT_CONTACT_MAX}"></label> <button>${w.send}</button></form></details>`,
  ];
}
