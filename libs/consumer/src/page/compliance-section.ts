import type { ItemCompliance } from '@suyuan/standards';
import { escapeHtml as e } from './escape';
import { formatDate } from './format';
import { labelOf } from './codes';
import { Lang, MESSAGES } from './i18n';
import { KindWords, kindWords } from './kind-words';

const WORDS = {
  zh: {
    title: '标准符合性',
    fold: (met: number, open: number, violated: number) => `逐条评定：${violated} 条不符合，${open} 条待定，${met} 条符合`,
    status: { compliant: '符合标准', non_compliant: '不符合标准', pending: '评定中' },
    rule: { met: '符合', violated: '不符合', pending: '待定', not_applicable: '不适用' },
    standard: (title: string, v: number, from: string) => `依据《${title}》第${v}版（${from}起施行）`,
    brand: '区域公用品牌',
    certified: (brand: string, at: string) => `已获“${brand}”区域公用品牌认证（${at}）`,
    withdrawn: (brand: string, at: string) => `“${brand}”区域公用品牌标识已于${at}撤销`,
    none: '本产品尚无适用的电商交易标准',
  },
  en: {
    title: 'Product standard',
    fold: (met: number, open: number, violated: number) => `Rule by rule: ${violated} violated, ${open} pending, ${met} met`,
    status: { compliant: 'Meets the standard', non_compliant: 'Fails the standard', pending: 'Being assessed' },
    rule: { met: 'met', violated: 'violated', pending: 'pending', not_applicable: 'n/a' },
    standard: (title: string, v: number, from: string) => `Judged under “${title}”, version ${v} (in force from ${from})`,
    brand: 'Regional brand',
    certified: (brand: string, at: string) => `Certified for the regional brand “${brand}” (${at})`,
    withdrawn: (brand: string, at: string) => `The regional brand label “${brand}” was withdrawn on ${at}`,
    none: 'No trading standard applies to this product yet',
  },
};

const RULE_NAMES: Record<string, [string, string]> = {
  grading: ['分级', 'Grading'],
  preCooling: ['预冷', 'Pre-cooling'],
  storage: ['冷藏温度', 'Storage temperature'],
  transport: ['运输温度', 'Transport temperature'],
  tests: ['检测', 'Test'],
  safetyIntervals: ['农药安全间隔期', 'Safety intervals'],
  certificates: ['证书', 'Certificates'],
  harvestToPacking: ['采收至包装时限', 'Harvest to packing'],
  hubToVillage: ['县到村配送时限', 'County hub to village'],
  requiredData: ['必备信息', 'Required data'],
  processingYield: ['出成率', 'Processing yield'],
  inputLots: ['原料批次', 'Input lots'],
  brand: ['品牌标识', 'Brand label'],
};

const ORDER = { violated: 0, pending: 1, met: 2, not_applicable: 3 } as const;
const STATUS_CLASS = { compliant: 'pass', non_compliant: 'fail', pending: 'pend' } as const;
const RULE_CLASS = { met: 'y', violated: 'n', pending: 'sub', not_applicable: 'muted' } as const;

/**
 * A rule's name: `tests:pesticide_residue_rapid_test` is 检测：农药残留快速检测; the safety
 * intervals are an animal's withdrawal periods (休药期), its harvest its slaughter.
 */
export function ruleName(rule: string, lang: Lang, kw: KindWords): string {
  const [kind, detail] = rule.split(':');
  const i = lang === 'zh' ? 0 : 1;
  const name = kind === 'safetyIntervals' ? kw.safetyIntervalsRule : RULE_NAMES[kind]?.[i];
  if (!name) return e(labelOf({}, rule));
  const named = kw.reword(name);
  return e(detail ? `${named}${lang === 'zh' ? '：' : ': '}${labelOf(MESSAGES[lang].testMethods, detail)}` : named);
}

/**
 * The verdict on the scan page, folded: the status, the version it was judged under, the
 * brand label, and when unfolded each rule. It comes last: the card above says what it means.
 */
export function renderCompliance(c: ItemCompliance | undefined, lang: Lang, kw: KindWords = kindWords('plant', lang)): string {
  const w = WORDS[lang];
  if (!c) return `<section class="std"><h2>${w.title}</h2><p class="muted">${w.none}</p></section>`;
  const applicable = c.rules.filter((r) => r.status !== 'not_applicable');
  const count = (status: string) => applicable.filter((r) => r.status === status).length;
  // What fails first, then what is still open: a reader sees why before the rest.
  const rules = applicable
    .sort((a, b) => ORDER[a.status] - ORDER[b.status])
    .map(
      (r) =>
        `<li><b>${ruleName(r.rule, lang, kw)}</b> <span class="${RULE_CLASS[r.status]}">${w.rule[r.status]}</span><br><small>${e(kw.reword(lang === 'zh' ? r.reason : r.reasonEn))}</small></li>`,
    )
    .join('');
  const brand = c.brand
    ? `<p class="note ${c.brand.status === 'certified' ? 'y' : 'n'}">${
        c.brand.status === 'certified'
          ? w.certified(e(c.brand.brand), formatDate(c.brand.certifiedAt))
          : w.withdrawn(e(c.brand.brand), formatDate(c.brand.withdrawnAt ?? c.brand.certifiedAt))
      }</p>`
    : '';
  return (
    `<section class="std${c.brand?.status === 'certified' ? ' brand' : ''}"><h2>${w.title} <span class="${STATUS_CLASS[c.status]}">${w.status[c.status]}</span></h2>` +
    `<p><small>${w.standard(e(c.standard.title), c.standard.version, formatDate(c.standard.effectiveFrom))}</small></p>${brand}` +
    `<details><summary>${w.fold(count('met'), count('pending'), count('violated'))}</summary><ul>${rules}</ul></details></section>`
  );
}
