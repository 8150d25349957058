import type { ProcessStep } from '@suyuan/processing';
import type {
  HouseholdOrigin,
  ItemPassport,
  PassportInputHold,
  PassportOrigin,
  PassportProcessing,
  PassportSources,
  PassportTest,
} from '../passport/item-passport';
import { list, num, section } from './blocks';
import { labelOf } from './codes';
import { escapeHtml as e } from './escape';
import { formatDate, formatDateTime, formatQuantity, formatRegion } from './format';
import { Lang, Messages } from './i18n';
import { KindWords, kindWords } from './kind-words';

/** How many origins the page lists; the JSON lists them all. */
export const ORIGINS_SHOWN = 5;

type MadeBy = NonNullable<ItemPassport['origin']['kind']>;

const WORDS = {
  zh: {
    origins: '原料来源',
    from: ({ cooperatives, households }: PassportSources) =>
      `原料来自 ${[cooperatives > 0 && `${cooperatives} 个合作社`, households > 0 && `${households} 户农户`].filter(Boolean).join('、')}`,
    inAll: (n: number) => `等 ${n} 个来源`,
    household: '农户（个人）',
    households: (n: number) => `${n} 户`,
    boughtBy: '收购',
    plot: '地块',
    used: '用料',
    processing: '加工过程',
    inputs: (n: number) => `投入原料 ${n} 批`,
    made: '产出',
    yieldPct: (pct: string) => `出成率 ${pct}%`,
    quarantine: '动物检疫合格证明',
    processes: { tea_processing: '制茶', slaughter: '屠宰', milling: '制粉', blending: '拼配' } as Record<string, string>,
    parameters: {
      temperatureC: { label: '温度', unit: '°C' },
      minutes: { label: '时长', unit: '分钟' },
      hours: { label: '时长', unit: '小时' },
      humidityPct: { label: '湿度', unit: '%' },
      method: { label: '方式', unit: '' },
    } as Record<string, { label: string; unit: string }>,
    inputHeld: {
      title: '⚠ 原料安全检测不合格',
      because: (lot: string, owner: string, product: string, tests: string) =>
        `本产品所用原料（${owner}，${product}，批号 ${lot}）${tests}不合格。`,
    },
    madeAt: {
      transformation: { title: '加工地', plant: '加工厂', owner: '加工企业' },
      purchase: { title: '收购地', plant: '收购点', owner: '收购主体' },
    },
  },
  en: {
    origins: 'Raw materials',
    from: ({ cooperatives, households }: PassportSources) =>
      `From ${[cooperatives > 0 && count(cooperatives, 'cooperative'), households > 0 && count(households, 'household')].filter(Boolean).join(' and ')}`,
    inAll: (n: number) => `${n} sources in all`,
    household: 'Households (individual farmers)',
    households: (n: number) => count(n, 'household'),
    boughtBy: 'Bought by',
    plot: 'Plot',
    used: 'used',
    processing: 'Processing',
    inputs: (n: number) => `${count(n, 'input lot')}`,
    made: 'made',
    yieldPct: (pct: string) => `yield ${pct} %`,
    quarantine: 'Animal quarantine certificate',
    processes: { tea_processing: 'Tea processing', slaughter: 'Slaughter', milling: 'Milling', blending: 'Blending' } as Record<
      string,
      string
    >,
    parameters: {
      temperatureC: { label: 'temperature', unit: '°C' },
      minutes: { label: 'duration', unit: 'min' },
      hours: { label: 'duration', unit: 'h' },
      humidityPct: { label: 'humidity', unit: '%' },
      method: { label: 'method', unit: '' },
    } as Record<string, { label: string; unit: string }>,
    inputHeld: {
      title: '⚠ A raw material failed a safety test',
      because: (lot: string, owner: string, product: string, tests: string) =>
        `The raw material lot ${lot} (${product}, ${owner}) this product was made from failed: ${tests}.`,
    },
    madeAt: {
      transformation: { title: 'Made at', plant: 'Plant', owner: 'Processor' },
      purchase: { title: 'Bought in at', plant: 'Collection point', owner: 'Purchaser' },
    },
  },
};

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The origin section's title and labels for a lot made by processing or bought from households. */
export function madeAtLabels(kind: MadeBy, lang: Lang): { title: string; plant: string; owner: string } {
  return WORDS[lang].madeAt[kind];
}

/**
 * What a processed item's page says first after its own hold: a lot it was made from is held
 * after a failed safety test (also one recorded after the processing), naming the lot and the test.
 */
export function renderInputHolds(holds: PassportInputHold[] | undefined, m: Messages): string {
  if (!holds?.length) return '';
  const w = WORDS[m.lang];
  const because = holds.map((hold) => {
    const tests = hold.failed.map((t) => `${e(labelOf(m.testMethods, t.method))}（${e(formatDate(t.testedAt))}）`);
    const product = m.lang === 'zh' ? hold.product.nameZh : hold.product.nameEn;
    return `<p>${w.inputHeld.because(e(hold.lotCode), e(hold.ownerName), e(product), tests.join(m.lang === 'zh' ? '、' : ', '))}</p>`;
  });
  // The card above is the page's alert; this says which lot and test, in full.
  return `<section class="alert"><h2 class="n">${w.inputHeld.title}</h2>${because.join('')}<p class="note n">${m.held.advice}</p></section>`;
}

/** 原料来源: how many cooperatives and households, the largest few lots, and how many in all. */
export function renderOrigins(
  sources: PassportSources | undefined,
  origins: PassportOrigin[] | undefined,
  m: Messages,
  kw: KindWords = kindWords('processed', m.lang),
): string {
  if (!origins) return '';
  const w = WORDS[m.lang];
  const summary = sources && sources.cooperatives + sources.households > 0 ? `<p>${e(w.from(sources))}</p>` : '';
  const shown = origins.slice(0, ORIGINS_SHOWN).map((origin) => originItem(origin, m, kw));
  const more = origins.length > ORIGINS_SHOWN ? `<p class="muted">${e(w.inAll(origins.length))}</p>` : '';
  return section(w.origins, summary + list(shown) + more);
}

function originItem(origin: PassportOrigin, m: Messages, kw: KindWords): string {
  const w = WORDS[m.lang];
  const product = m.lang === 'zh' ? origin.product.nameZh : origin.product.nameEn;
  const lines =
    origin.kind === 'farm'
      ? [
          `<b>${e(origin.cooperative.name)}</b> <small>${e(product)} · ${e(origin.lotCode)}</small>`,
          `${w.plot} ${e(origin.farmPlot.name)} · ${e(formatRegion(origin.farmPlot.region, m, false))}`,
        ]
      : [
          `<b>${w.household}</b> <small>${e(w.households(origin.households))} · ${e(product)} · ${e(origin.lotCode)}</small>`,
          ...(origin.places.length > 0 ? [householdPlaces(origin, m)] : []),
          `${w.boughtBy} ${e(origin.purchaser.name)}`,
        ];
  const weight = origin.quantity.unit !== 'kg' && origin.weightKg ? ` (${num(origin.weightKg)} kg)` : '';
  const amount = `${w.used} ${e(formatQuantity(origin.quantity, m))}${weight}`;
  lines.push(origin.harvest ? `${kw.inputHarvested} ${e(dateSpan(origin.harvest.from, origin.harvest.to))} · ${amount}` : amount);
  lines.push(...origin.tests.map((t) => testLine(t, m)));
  return lines.join('<br>');
}

function householdPlaces(origin: HouseholdOrigin, m: Messages): string {
  const w = WORDS[m.lang];
  const several = origin.places.length > 1;
  return origin.places
    .map((p) => e(formatRegion(p.region, m, false)) + (several ? ` <small>${e(w.households(p.households))}</small>` : ''))
    .join(m.lang === 'zh' ? '、' : '; ');
}

function testLine(t: PassportTest, m: Messages): string {
  const verdict = t.passed ? `<span class="pass">${m.passed}</span>` : `<span class="fail">${m.failed}</span>`;
  return `${e(labelOf(m.testMethods, t.method))} ${verdict} <small>${e(formatDate(t.testedAt))}</small>`;
}

/** 加工过程: each transformation, who did it where and when, its steps with their parameters. */
export function renderProcessing(processing: PassportProcessing[] | undefined, m: Messages): string {
  if (!processing?.length) return '';
  return section(WORDS[m.lang].processing, list(processing.map((p) => processingItem(p, m))));
}

function processingItem(p: PassportProcessing, m: Messages): string {
  const w = WORDS[m.lang];
  const made = p.outputs.map((o) => `${e(o.lotCode)} ${e(formatQuantity(o.quantity, m))}`).join(m.lang === 'zh' ? '、' : ', ');
  const lines = [
    `<b>${e(p.processor.name)}</b> <small>${e(labelOf(w.processes, p.process))}</small>`,
    `${e(p.plant.name)} · ${e(formatRegion(p.plant.region, m, false))}`,
    e(dateTimeSpan(p.startedAt, p.endedAt)),
    `${e(w.inputs(p.inputs.length))} → ${w.made} ${made}${p.yieldPct !== undefined ? ` · ${w.yieldPct(num(p.yieldPct))}` : ''}`,
  ];
  if (p.quarantineCertificateNo) lines.push(`${w.quarantine} ${e(p.quarantineCertificateNo)}`);
  const steps = p.steps.length > 0 ? `<ol class="steps">${p.steps.map((s) => `<li>${step(s, m)}</li>`).join('')}</ol>` : '';
  return lines.join('<br>') + steps;
}

function step(s: ProcessStep, m: Messages): string {
  const known = WORDS[m.lang].parameters;
  const parameters = Object.entries(s.parameters).map(([key, value]) => {
    const shown = typeof value === 'number' ? num(value) : e(value);
    const label = known[key];
    if (!label) return `${e(key)} ${shown}`;
    return label.unit ? `${label.label} ${shown} ${label.unit}` : `${label.label} ${shown}`;
  });
  const when = s.startedAt ? [e(s.endedAt ? dateTimeSpan(s.startedAt, s.endedAt) : formatDateTime(s.startedAt))] : [];
  const details = [...when, ...parameters];
  return `${e(s.name)}${details.length > 0 ? ` <small>${details.join(' · ')}</small>` : ''}`;
}

function dateSpan(from: string, to: string): string {
  const [a, b] = [formatDate(from), formatDate(to)];
  return a === b ? a : `${a} – ${b}`;
}

function dateTimeSpan(from: string, to: string): string {
  return `${formatDateTime(from)} – ${formatDateTime(to)}`;
}
