import { escapeHtml as e } from './escape';
import { formatDateTime } from './format';
import { Lang, MESSAGES } from './i18n';
import { renderDocument } from './layout';

const WORDS = {
  zh: {
    title: '防伪码验证',
    verified: '✓ 防伪码正确：这是溯源签发的这件商品。',
    wrong: (left: number) => `✗ 防伪码不正确。还可再试 ${left} 次。`,
    locked: (until: string) => `尝试次数过多，已暂时锁定，请于 ${until} 后再试。`,
    reported: '已收到您的报告，将转给品牌方和监管部门。谢谢！',
    reportTitle: '报告问题',
    back: '返回商品页',
  },
  en: {
    title: 'Verification code',
    verified: '✓ The verification code is right: this is the item Suyuan issued.',
    wrong: (left: number) => `✗ The verification code is wrong. ${left} tries left.`,
    locked: (until: string) => `Too many wrong tries: locked until ${until}. Please try again then.`,
    reported: 'Thank you: your report goes to the brand owner and the regulator.',
    reportTitle: 'Report a problem',
    back: 'Back to the item',
  },
};

export type VerificationOutcome =
  { verified: true } | { verified: false; attemptsLeft: number; unlocksAt?: string } | { lockedUntil: string };

/** The page a 防伪码 form post answers with. */
export function renderVerificationPage(code: string, outcome: VerificationOutcome, lang: Lang): string {
  const w = WORDS[lang];
  const text =
    'lockedUntil' in outcome
      ? w.locked(formatDateTime(outcome.lockedUntil))
      : outcome.verified
        ? w.verified
        : w.wrong(outcome.attemptsLeft);
  const tone = 'verified' in outcome && outcome.verified ? 'y' : 'n';
  return renderDocument(
    MESSAGES[lang],
    w.title,
    `<section><h2>${w.title}</h2><p class="${tone}">${e(text)}</p>${back(code, lang)}</section>`,
  );
}

/** The page a problem report form post answers with. */
export function renderReportedPage(code: string, lang: Lang): string {
  const w = WORDS[lang];
  return renderDocument(
    MESSAGES[lang],
    w.reportTitle,
    `<section><h2>${w.reportTitle}</h2><p class="y">${w.reported}</p>${back(code, lang)}</section>`,
  );
}

function back(code: string, lang: Lang): string {
  return `<p><a href="/t/${encodeURIComponent(code)}?lang=${lang}">${WORDS[lang].back}</a></p>`;
}
