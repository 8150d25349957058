import { CERTIFICATE_PROMISE } from '@suyuan/production';
import type { ColdChainSummary, ItemPassport, JourneyStop, PassportFarmInput, PassportTest } from '../passport/item-passport';
import { Row, celsius, list, noRecord, num, rows, section } from './blocks';
import { renderSparkline } from './cold-chain-sparkline';
import { labelOf } from './codes';
import { renderScanSection } from './scan-section';
import { renderVoided } from './voided-section';
import { renderSuspended } from './suspended-section';
import { renderCompliance } from './compliance-section';
import { cardClose, range, renderCard } from './consumer-card';
import { KindWords, kindWords, productKind } from './kind-words';
import { CardView, promiseBroken } from './verdict';
import { madeAtLabels, renderInputHolds, renderOrigins, renderProcessing } from './made-from-section';
import { escapeHtml as e } from './escape';
import { formatDate, formatDateTime, formatQuantity, formatRegion } from './format';
import { Lang, MESSAGES, Messages } from './i18n';
import { documentClose, documentOpen } from './layout';

/**
 * What a section shows, and so which items show it alike: a server keeps each section rendered
 * once for all of them (the item's code alone is rendered for each scan).
 */
export interface SectionViews {
  /** Every item of a batch. */
  batch: Pick<
    ItemPassport,
    | 'product'
    | 'origin'
    | 'sources'
    | 'origins'
    | 'processing'
    | 'inputHolds'
    | 'harvest'
    | 'preCooling'
    | 'farmInputs'
    | 'tests'
    | 'certificate'
    | 'hold'
  >;
  /** The items of a batch on one journey judged alike: the card's verdict and the rules it rests on. */
  card: CardView;
  /** The item alone: its code, and whether it was voided. */
  item: Pick<ItemPassport, 'code' | 'voided' | 'suspended'>;
  /** The items of one grade in a batch. */
  grade: Pick<ItemPassport, 'grade' | 'product' | 'origin'>;
  /** The items packed in one place and time, of one weight, in one carton. */
  packing: Pick<ItemPassport, 'packing'>;
  /** The items on one journey: their carton's cold chain and stops. */
  journey: Pick<ItemPassport, 'coldChain' | 'journey'>;
  /** One scan: what it says of the code's scans, rendered for each request. */
  scans: Pick<ItemPassport, 'code' | 'scans'>;
}
export type SectionScope = keyof SectionViews;
export type PageSection = { [S in SectionScope]: { scope: S; render: (view: SectionViews[S], m: Messages) => string } }[SectionScope];

/**
 * The page a consumer sees on scanning an item's code, top to bottom: one card with what it is,
 * where and when it was grown and a plain verdict (what to do when something failed), then
 * where it comes from, its tests and certificate, the cold chain and journey, and last, folded,
 * the standard's rules one by one.
 * Both the whole page and a server's kept parts of it are rendered from this one list.
 */
export const PAGE_SECTIONS: readonly PageSection[] = [
  { scope: 'batch', render: (p, m) => documentOpen(m, `${m.lang === 'zh' ? p.product.nameZh : p.product.nameEn} · ${m.title}`) },
  { scope: 'card', render: renderCard },
  {
    scope: 'item',
    render: (p, m) => `${itemCodeText(p.code)}</p>${renderVoided(p.voided, m.lang)}${renderSuspended(p.suspended, m.lang)}`,
  },
  { scope: 'scans', render: (p, m) => renderScanSection(p.code, p.scans, m.lang) },
  { scope: 'batch', render: cardClose },
  { scope: 'batch', render: (p, m) => renderInputHolds(p.inputHolds, m) },
  { scope: 'batch', render: origin },
  { scope: 'batch', render: (p, m) => renderOrigins(p.sources, p.origins, m, kindWords(productKind(p), m.lang)) },
  { scope: 'batch', render: (p, m) => renderProcessing(p.processing, m) },
  { scope: 'batch', render: harvest },
  { scope: 'batch', render: farmInputs },
  { scope: 'batch', render: (p, m) => tests(p.tests, m) },
  { scope: 'batch', render: certificate },
  { scope: 'journey', render: (p, m) => coldChain(p.coldChain, m) },
  { scope: 'journey', render: journey },
  { scope: 'grade', render: grading },
  { scope: 'packing', render: (p, m) => packing(p.packing, m) },
  { scope: 'card', render: (p, m) => renderCompliance(p.compliance ?? undefined, m.lang, kindWords(productKind(p), m.lang)) },
  { scope: 'batch', render: (_, m) => documentClose(m) },
];

/** The whole page of one passport. Every value from the passport is escaped. */
export function renderPassportPage(passport: ItemPassport, lang: Lang): string {
  const m = MESSAGES[lang];
  let html = '';
  for (const section of PAGE_SECTIONS) html += section.render(passport, m);
  return html;
}

/** `7K3M 9Q2R XV0Z AB12`, escaped: easier to read aloud or compare with the label. */
function itemCodeText(code: string): string {
  return e(groupInFours(code));
}

/** Where it was grown; for a processed or bought-in lot, the plant and the processor. */
function origin(p: Pick<ItemPassport, 'origin' | 'product'>, m: Messages): string {
  const { kind, region, farmPlotName, cooperative } = p.origin;
  const kw = kindWords(productKind(p), m.lang);
  const labels = kind ? madeAtLabels(kind, m.lang) : { title: kw.origin, plant: kw.farmPlot, owner: m.cooperative };
  return section(
    labels.title,
    rows([
      [m.place, e(formatRegion(region, m))],
      [labels.plant, e(farmPlotName)],
      [labels.owner, e(cooperative.name)],
      [m.creditCode, cooperative.creditCode && e(cooperative.creditCode)],
    ]),
  );
}

/** A processed or bought-in lot was not harvested itself (its origins were): it shows only its pre-cooling, if any. */
function harvest(p: Pick<ItemPassport, 'origin' | 'product' | 'harvest' | 'preCooling'>, m: Messages): string {
  const kw = kindWords(productKind(p), m.lang);
  const preCooling = p.preCooling.map((c): Row => [
    m.preCooling,
    `${e(c.facilityName)} · ${e(formatDateTime(c.startedAt))} – ${e(formatDateTime(c.endedAt))} · ${m.coreTemperature} ${celsius(c.coreTemperatureC)}`,
  ]);
  if (p.origin.kind && !p.harvest) return preCooling.length > 0 ? section(m.preCooling, rows(preCooling)) : '';
  if (!p.harvest && p.preCooling.length === 0) return section(kw.harvest, noRecord(m));
  return section(
    kw.harvest,
    rows([
      [kw.harvestedAt, p.harvest && e(formatDateTime(p.harvest.harvestedAt))],
      [m.quantity, p.harvest && e(formatQuantity(p.harvest.quantity, m))],
      ...preCooling,
    ]),
  );
}

/** A processed or bought-in lot had no farm inputs of its own: its section would only say there were none. */
function farmInputs(p: Pick<ItemPassport, 'origin' | 'product' | 'farmInputs'>, m: Messages): string {
  if (p.farmInputs.length === 0) return p.origin.kind ? '' : section(m.farmInputs, noRecord(m));
  const kw = kindWords(productKind(p), m.lang);
  return section(m.farmInputs, list(p.farmInputs.map((input) => farmInput(input, kw, m))));
}

function farmInput(input: PassportFarmInput, kw: KindWords, m: Messages): string {
  const ingredient = input.activeIngredient ? ` <small>(${e(input.activeIngredient)})</small>` : '';
  const used = `<b>${e(input.name)}</b>${ingredient} <small>${e(labelOf(m.inputKinds, input.kind))}</small><br>${m.appliedAt} ${e(formatDateTime(input.appliedAt))} · ${m.dose} ${e(formatQuantity(input.dose, m))}`;
  // An input without a safety interval (most fertilisers) has nothing to respect.
  if (input.safetyIntervalDays === 0) return used;
  const verdict =
    input.respected === null
      ? `<span class="muted">${kw.notHarvested}</span>`
      : input.respected
        ? `<span class="y">${kw.respected}</span>`
        : `<span class="n">${kw.notRespected}</span>`;
  return `${used}<br>${kw.safetyInterval(num(input.safetyIntervalDays), e(formatDate(input.safeFrom)))}<br>${verdict}`;
}

function tests(results: PassportTest[], m: Messages): string {
  if (results.length === 0) return section(m.tests, noRecord(m));
  return section(m.tests, list(results.map((t) => test(t, m))));
}

function test(t: PassportTest, m: Messages): string {
  const verdict = t.passed ? `<span class="pass">${m.passed}</span>` : `<span class="fail">${m.failed}</span>`;
  const by = t.selfTest ? `${t.labName} (${m.selfTest})` : t.labName;
  const where = [t.standardRef, by, formatDateTime(t.testedAt)].filter(Boolean).map((s) => e(s as string));
  const analyte = t.analyte ? `${e(t.analyte)}: ` : '';
  const unit = ` ${e(t.unit)}`;
  return `<b>${e(labelOf(m.testMethods, t.method))}</b> ${verdict}<br><small>${where.join(' · ')}</small><br>${analyte}${m.result(num(t.value) + unit, num(t.threshold) + unit)} · ${m.sample} ${e(t.sampleId)}`;
}

function grading({ grade, ...p }: Pick<ItemPassport, 'grade' | 'product' | 'origin'>, m: Messages): string {
  const kw = kindWords(productKind(p), m.lang);
  const measured = Object.keys(grade.attributes).map((key): Row => {
    const known = key === 'weightG' ? { label: kw.weightG, unit: 'g' } : m.attributes[key];
    const value = num(grade.attributes[key]);
    return known ? [known.label, `${value} ${known.unit}`] : [e(key), value];
  });
  return section(m.grading, rows([[m.grade, e(m.grades[grade.grade] ?? grade.grade)], ...measured]));
}

/**
 * The words 承诺达标合格证 head the block in both languages: the rules require them on its QR form.
 * A withdrawn certificate, or one beside a failed safety test, says so and shows no promise: a
 * promise beside a failure misleads.
 */
function certificate(p: Pick<ItemPassport, 'certificate' | 'tests' | 'hold' | 'inputHolds'>, m: Messages): string {
  const c = p.certificate;
  if (!c) return section(m.certificate, noRecord(m), 'cert');
  const basis = c.basis.map((b) => e(labelOf(m.bases, b))).join(m.lang === 'zh' ? '、' : '; ');
  const withdrawn = promiseBroken(p);
  const promise = c.promise === CERTIFICATE_PROMISE ? m.standardPromise : e(c.promise);
  return section(
    m.certificate,
    (withdrawn ? `<p class="note n">${c.withdrawnAt !== undefined ? m.certificateWithdrawn : m.certificateBroken}</p>` : '') +
      rows([
        [m.certificateNo, e(c.certificateNo)],
        [m.product, e(c.productName)],
        [m.quantity, e(formatQuantity(c.quantity, m))],
        [m.producer, e(c.producerName)],
        [m.place, e(c.origin)],
        [m.contact, c.contactPhone && e(c.contactPhone)],
        [m.issuedAt, e(formatDate(c.issuedAt))],
        [m.basis, basis],
        [m.promise, withdrawn ? undefined : promise],
      ]),
    withdrawn ? 'cert alert' : 'cert',
  );
}

function packing(p: ItemPassport['packing'], m: Messages): string {
  return section(
    m.packing,
    rows([
      [m.place, e(p.facilityName)],
      [m.packedAt, e(formatDateTime(p.packedAt))],
      [m.netWeight, e(formatQuantity(p.netWeight, m))],
      [m.carton, e(p.cartonId)],
    ]),
  );
}

/** The whole journey's temperatures: extremes, time out of range, the chart; each stop's own are on the journey. */
function coldChain(c: ColdChainSummary, m: Messages): string {
  if (c.readings === 0) return section(m.coldChain, noRecord(m));
  const outOfRange = m.minutes(num(c.minutesOutOfRange));
  const stats = rows([
    [m.lowest, c.minC === undefined ? undefined : celsius(c.minC)],
    [m.highest, c.maxC === undefined ? undefined : celsius(c.maxC)],
    [m.outOfRange, c.minutesOutOfRange > 0 ? `<span class="warn">${outOfRange}</span>` : outOfRange],
    [m.longestExcursion, c.longestExcursionMinutes > 0 ? m.minutes(num(c.longestExcursionMinutes)) : undefined],
    // Said plainly: minutes out of range count only the time something measured.
    [m.unmonitored, c.minutesUnmonitored > 0 ? `<span class="muted">${m.minutes(num(c.minutesUnmonitored))}</span>` : undefined],
  ]);
  return section(m.coldChain, stats + renderSparkline(c, m.chartLabel));
}

/** The cold chain's segments are the journey's stops, one for one: each stop says what its loggers read. */
function journey({ journey: stops, coldChain: c }: Pick<ItemPassport, 'journey' | 'coldChain'>, m: Messages): string {
  if (stops.length === 0) return section(m.journey, noRecord(m));
  const items = stops.map((stop, i) => {
    const isHere = i === stops.length - 1 && stop.to === undefined && !stop.delivered;
    const lines = [
      `<b>${e(stop.facilityName)}</b> <small>${e(labelOf(m.facilityTypes, stop.facilityType))}${stop.plate ? ` · ${e(stop.plate)}` : ''}</small>`,
    ];
    if (stop.region) lines.push(e(formatRegion(stop.region, m, false)));
    lines.push(
      `${e(labelOf(m.arrivals, stop.arrival))} ${e(formatDateTime(stop.from))}${stop.to ? ` · ${stop.kind === 'transit' ? m.arrivals.received : m.left} ${e(laterTime(stop.from, stop.to))}` : ''}`,
    );
    const received = [handover(stop, m), stop.condition ? e(labelOf(m.conditions, stop.condition)) : ''].filter(Boolean);
    if (received.length > 0) lines.push(received.join(' · '));
    const segment = c.segments[i];
    if (segment?.facilityId === stop.facilityId && segment.readings > 0) lines.push(measured(segment, m));
    if (stop.delivered) lines.push(`<span class="y">${m.deliveredToConsignee}</span>`);
    else if (isHere) lines.push(`<span class="y">${m.here}</span>`);
    return `<li${isHere || stop.delivered ? ' class="now"' : ''}>${lines.join('<br>')}</li>`;
  });
  return section(m.journey, `<ol class="tl">${items.join('')}</ol>`);
}

/** 0.9 – 1.2 °C (要求 0–3 °C), and the time out of range when there was any. */
function measured(s: ColdChainSummary['segments'][number], m: Messages): string {
  const temperatures = `${m.measured} ${num(s.minC as number)} – ${celsius(s.maxC as number)}`;
  const required = s.range ? ` <small>(${m.range} ${range(s.range.minC, s.range.maxC)})</small>` : '';
  const excursion = s.minutesOutOfRange > 0 ? ` <span class="warn">${m.outOfRange} ${m.minutes(num(s.minutesOutOfRange))}</span>` : '';
  return temperatures + required + excursion;
}

/** A handover warmer or colder than the leg and the place were held to is flagged, with the range it missed. */
function handover(stop: JourneyStop, m: Messages): string {
  if (stop.handoverTemperatureC === undefined) return '';
  const taken = `${m.handoverTemperature} ${celsius(stop.handoverTemperatureC)}`;
  if (stop.handoverInRange !== false || !stop.handoverRange) return taken;
  return `<span class="warn">${taken}</span> <small>(${m.range} ${range(stop.handoverRange.minC, stop.handoverRange.maxC)})</small>`;
}

/** The end of a stay on the day it began as its time alone: one line on a phone. */
function laterTime(from: string, to: string): string {
  const end = formatDateTime(to);
  return formatDate(from) === formatDate(to) ? end.slice(-5) : end;
}

function groupInFours(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += 4) groups.push(code.slice(i, i + 4));
  return groups.join(' ');
}
