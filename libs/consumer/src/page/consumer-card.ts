import type { PassportTest } from '../passport/item-passport';
import { celsius, num } from './blocks';
import { labelOf } from './codes';
import { ruleName } from './compliance-section';
import { escapeHtml as e } from './escape';
import { formatDate, formatRegion } from './format';
import type { Messages } from './i18n';
import { KindWords, ProductKind, kindWords, productKind } from './kind-words';
import { CardView, Problem, Reason, Verdict, judgeItem } from './verdict';

const HOTLINE = '<a href="tel:12315">12315</a>';

const WORDS = {
  zh: {
    heading: {
      sound: '✓ 可放心食用',
      doubtful: '⚠ 食用前请检查',
      unsafe: '✗ 请不要食用',
      untested: '尚无检测记录',
    },
    why: '理由：',
    what: '问题：',
    todo: '请这样做：',
    advice: {
      unsafe: ['请不要食用。', '已经购买的，请联系销售者退货。', `拨打 ${HOTLINE} 市场监管热线反映。`],
      doubtful: ['有异味、发黏或变质的，请不要食用。', '有疑问可联系销售者退换，或拨打 ' + HOTLINE + '。'],
    },
    failedTest: (method: string, value: string, limit: string) => `${method}不合格：检测值 ${value}，限值 ${limit}`,
    held: '本批次已暂停销售',
    recalled: (level: string, reason: string) => `本批次已被召回（${level}级召回）：${reason}`,
    inputHeld: (lot: string, tests: string) => `所用原料（批号 ${lot}）${tests}不合格`,
    intervalBroken: (input: string, kw: KindWords) => `使用${input}后${kw.notRespected.slice(2)}`,
    coldChain: (minutes: string, maxC?: string) => `运输和贮存中温度超出要求共 ${minutes} 分钟${maxC ? `，最高 ${maxC}` : ''}`,
    handover: (facility: string, c: string, range: string) => `${facility}交接时温度 ${c}，超出要求的 ${range}`,
    condition: (facility: string, condition: string) => `${facility}收货时${condition}`,
    rules: (rules: string) => `不符合交易标准：${rules}`,
    certificateWithdrawn: '承诺达标合格证已撤回',
    tested: (methods: string) => `检测合格（${methods}）`,
    intervals: (kw: KindWords) => kw.respected.slice(2),
    coldChainOk: (range: string, whole: boolean) => `${whole ? '全程冷链' : '冷链'} ${range}`,
    delivered: (hours: string) => `包装后 ${hours} 小时内送达`,
    certificate: '已开具承诺达标合格证',
    standard: (title: string) => `符合《${title}》`,
    list: '、',
  },
  en: {
    heading: {
      sound: '✓ Safe to eat',
      doubtful: '⚠ Check it before eating',
      unsafe: '✗ Do not eat',
      untested: 'No test on record yet',
    },
    why: 'Why:',
    what: 'What failed:',
    todo: 'What to do:',
    advice: {
      unsafe: ['Do not eat it.', 'If you bought it, return it to the seller.', `Call ${HOTLINE}, the market regulation hotline.`],
      doubtful: ['If it smells off, is slimy or spoiled, do not eat it.', `Ask the seller to exchange it, or call ${HOTLINE}.`],
    },
    failedTest: (method: string, value: string, limit: string) => `${method} failed: ${value}, limit ${limit}`,
    held: 'This batch is held from sale',
    recalled: (level: string, reason: string) => `This batch is recalled (class ${level}): ${reason}`,
    inputHeld: (lot: string, tests: string) => `A raw material (lot ${lot}) failed: ${tests}`,
    intervalBroken: (input: string, kw: KindWords) => `${input}: ${kw.notRespected.slice(2)}`,
    coldChain: (minutes: string, maxC?: string) => `${minutes} min above or below the required temperature${maxC ? `, up to ${maxC}` : ''}`,
    handover: (facility: string, c: string, range: string) => `Handed over at ${c} at ${facility}, outside the required ${range}`,
    condition: (facility: string, condition: string) => `At ${facility}: ${condition}`,
    rules: (rules: string) => `Fails the trading standard: ${rules}`,
    certificateWithdrawn: 'The compliance certificate was withdrawn',
    tested: (methods: string) => `Tested and passed (${methods})`,
    intervals: (kw: KindWords) => kw.respected.slice(2),
    coldChainOk: (range: string, whole: boolean) => `${whole ? 'Cold chain all the way' : 'Cold chain'}: ${range}`,
    delivered: (hours: string) => `Delivered within ${hours} h of packing`,
    certificate: 'Compliance certificate issued',
    standard: (title: string) => `Meets “${title}”`,
    list: ', ',
  },
};

const LEVEL_CLASS = { sound: 'v-ok', doubtful: 'v-warn', unsafe: 'v-bad', untested: 'v-open' } as const;

/**
 * The card at the top of the page: what it is, where and when it was grown (raised, made),
 * one plain verdict with its reasons or what failed and what to do, then the item's code.
 * Ends with the code's paragraph open: the item's own lines follow, then `cardClose`.
 */
export function renderCard(p: CardView, m: Messages): string {
  const kind = productKind(p);
  const kw = kindWords(kind, m.lang);
  const { nameZh, nameEn } = p.product;
  const [name, otherName] = m.lang === 'zh' ? [nameZh, nameEn] : [nameEn, nameZh];
  const verdict = judgeItem(p);
  return (
    `<header class="card ${LEVEL_CLASS[verdict.level]}"><span class="badge st-${e(p.status)}">${e(labelOf(m.status, p.status))}</span>` +
    `<h1>${e(name)}</h1><p class="sub">${e(otherName)}</p>${grown(p, kind, kw, m)}${verdictHtml(verdict, kw, m)}<p class="code">${m.code} `
  );
}

/** After the item's own lines (its code, then whatever a scan adds). */
export function cardClose(): string {
  return '</header>';
}

/** Where and when: 产自 乐昌市北乡镇北乡村 · 合作社 · 2026-12-01 采收. */
function grown(p: CardView, kind: ProductKind, kw: KindWords, m: Messages): string {
  const farm = p.origins?.find((o) => o.kind === 'farm');
  const made = p.processing?.[p.processing.length - 1];
  // A slaughtered bird was raised where its live lot was; its date is the slaughter's.
  const [region, by] =
    kind === 'animal' && farm?.kind === 'farm'
      ? [farm.farmPlot.region, farm.cooperative.name]
      : [p.origin.region, p.origin.cooperative.name];
  const at = made?.endedAt ?? p.harvest?.harvestedAt;
  const when = at ? ` · ${m.lang === 'zh' ? `${e(formatDate(at))} ${kw.harvestedOn}` : `${kw.harvestedOn} ${e(formatDate(at))}`}` : '';
  return `<p class="where">${kw.grownIn} ${e(formatRegion(region, m, false))} · ${e(by)}${when}</p>`;
}

function verdictHtml(v: Verdict, kw: KindWords, m: Messages): string {
  const w = WORDS[m.lang];
  const heading = `<h2>${w.heading[v.level]}</h2>`;
  if (v.level === 'sound' || v.level === 'untested') {
    const reasons = v.reasons.map((r) => `<li>${reason(r, kw, m)}</li>`).join('');
    return `<div class="verdict">${heading}${reasons ? `<p>${w.why}</p><ul class="why">${reasons}</ul>` : ''}</div>`;
  }
  const problems = v.problems.map((p) => `<li>${problem(p, kw, m)}</li>`).join('');
  const advice = w.advice[v.level].map((a) => `<li>${a}</li>`).join('');
  return `<div class="verdict" role="alert">${heading}<p>${w.what}</p><ul class="what">${problems}</ul><p>${w.todo}</p><ol class="todo">${advice}</ol></div>`;
}

/** 食品召回管理办法's levels as a consumer reads them. */
const LEVEL_ZH = { I: '一', II: '二', III: '三' } as const;

function problem(p: Problem, kw: KindWords, m: Messages): string {
  const w = WORDS[m.lang];
  switch (p.kind) {
    case 'failedTest':
      return failedTest(p.test, m);
    case 'held':
      return w.held;
    case 'recalled':
      return w.recalled(m.lang === 'zh' ? LEVEL_ZH[p.class] : p.class, e(p.reason));
    case 'inputHeld':
      return w.inputHeld(
        e(p.lotCode),
        methods(
          p.tests.map((t) => t.method),
          m,
        ),
      );
    case 'intervalBroken':
      return w.intervalBroken(e(p.input), kw);
    case 'coldChain':
      return w.coldChain(num(p.minutes), p.maxC === undefined ? undefined : celsius(p.maxC));
    case 'handover':
      return w.handover(e(p.facility), celsius(p.c), range(p.minC, p.maxC));
    case 'condition':
      return w.condition(e(p.facility), e(labelOf(m.conditions, p.condition)));
    case 'rules':
      return w.rules(p.rules.map((r) => ruleName(r, m.lang, kw)).join(w.list));
    case 'certificateWithdrawn':
      return w.certificateWithdrawn;
  }
}

function reason(r: Reason, kw: KindWords, m: Messages): string {
  const w = WORDS[m.lang];
  switch (r.kind) {
    case 'tested':
      return w.tested(methods(r.methods, m));
    case 'intervals':
      return w.intervals(kw);
    case 'coldChain':
      return w.coldChainOk(range(r.minC, r.maxC), r.whole);
    case 'delivered':
      return w.delivered(num(r.hours));
    case 'certificate':
      return w.certificate;
    case 'standard':
      return w.standard(e(r.title));
  }
}

function failedTest(t: PassportTest, m: Messages): string {
  const unit = ` ${e(t.unit)}`;
  return WORDS[m.lang].failedTest(e(labelOf(m.testMethods, t.method)), num(t.value) + unit, num(t.threshold) + unit);
}

function methods(codes: string[], m: Messages): string {
  return codes.map((c) => e(labelOf(m.testMethods, c))).join(WORDS[m.lang].list);
}

/** 0–3 °C, with a true minus sign. */
export function range(minC: number, maxC: number): string {
  return `${num(minC).replace('-', '−')}–${celsius(maxC).replace('-', '−')}`;
}
