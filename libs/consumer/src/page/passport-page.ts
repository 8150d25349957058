import type {
  ColdChainSummary,
  ItemPassport,
  JourneyStop,
  PassportCertificate,
  PassportFarmInput,
  PassportHold,
  PassportTest,
} from '../passport/item-passport';
import { Row, celsius, list, noRecord, num, rows, section } from './blocks';
import { renderSparkline } from './cold-chain-sparkline';
import { renderCompliance } from './compliance-section';
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
  /** The items of a batch in one state. */
  state: Pick<ItemPassport, 'status' | 'product'>;
  /** The item alone: its code. */
  item: Pick<ItemPassport, 'code'>;
  /** The items judged alike: the verdict is per carton. */
  verdict: Pick<ItemPassport, 'compliance'>;
  /** The items of one grade in a batch. */
  grade: Pick<ItemPassport, 'grade'>;
  /** The items packed in one place and time, of one weight, in one carton. */
  packing: Pick<ItemPassport, 'packing'>;
  /** The items on one journey: their carton's cold chain and stops. */
  journey: Pick<ItemPassport, 'coldChain' | 'journey'>;
}
export type SectionScope = keyof SectionViews;
export type PageSection = { [S in SectionScope]: { scope: S; render: (view: SectionViews[S], m: Messages) => string } }[SectionScope];

/**
 * The page a consumer sees on scanning an item's code, top to bottom: what the consumer must
 * read first (the product, its state and code, a hold), what a processed item was made from and
 * how, the verdict, then the story in order.
 * Both the whole page and a server's kept parts of it are rendered from this one list.
 */
export const PAGE_SECTIONS: readonly PageSection[] = [
  { scope: 'batch', render: (p, m) => documentOpen(m, `${m.lang === 'zh' ? p.product.nameZh : p.product.nameEn} · ${m.title}`) },
  { scope: 'state', render: headerOpen },
  { scope: 'item', render: (p) => itemCodeText(p.code) },
  { scope: 'batch', render: (_, m) => headerClose(m) },
  { scope: 'batch', render: (p, m) => (p.hold ? holdNotice(p.hold, m) : '') },
  { scope: 'batch', render: (p, m) => renderInputHolds(p.inputHolds, m) },
  { scope: 'batch', render: (p, m) => renderOrigins(p.sources, p.origins, m) },
  { scope: 'batch', render: (p, m) => renderProcessing(p.processing, m) },
  { scope: 'verdict', render: (p, m) => renderCompliance(p.compliance ?? undefined, m.lang) },
  { scope: 'batch', render: origin },
  { scope: 'batch', render: harvest },
  { scope: 'batch', render: farmInputs },
  { scope: 'batch', render: (p, m) => tests(p.tests, m) },
  { scope: 'grade', render: (p, m) => grading(p.grade, m) },
  { scope: 'batch', render: (p, m) => certificate(p.certificate, m) },
  { scope: 'packing', render: (p, m) => packing(p.packing, m) },
  { scope: 'journey', render: (p, m) => coldChain(p.coldChain, m) },
  { scope: 'journey', render: (p, m) => journey(p.journey, m) },
  { scope: 'batch', render: (_, m) => documentClose(m) },
];

/** The whole page of one passport. Every value from the passport is escaped. */
export function renderPassportPage(passport: ItemPassport, lang: Lang): string {
  const m = MESSAGES[lang];
  let html = '';
  for (const section of PAGE_SECTIONS) html += section.render(passport, m);
  return html;
}

function headerOpen(p: Pick<ItemPassport, 'status' | 'product'>, m: Messages): string {
  const { nameZh, nameEn } = p.product;
  const [name, otherName] = m.lang === 'zh' ? [nameZh, nameEn] : [nameEn, nameZh];
  return `<header><span class="badge st-${e(p.status)}">${e(m.status[p.status] ?? p.status)}</span><h1>${e(name)}</h1><p class="sub">${e(otherName)}</p><p class="code">${m.code} `;
}

/** `7K3M 9Q2R XV0Z AB12`, escaped: easier to read aloud or compare with the label. */
function itemCodeText(code: string): string {
  return e(groupInFours(code));
}

function headerClose(m: Messages): string {
  return `</p><p class="y">✓ ${m.genuine}</p></header>`;
}

/** Where it was grown; for a processed or bought-in lot, the plant and the processor. */
function origin(p: Pick<ItemPassport, 'origin'>, m: Messages): string {
  const { kind, region, farmPlotName, cooperative } = p.origin;
  const labels = kind ? madeAtLabels(kind, m.lang) : { title: m.origin, plant: m.farmPlot, owner: m.cooperative };
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
function harvest(p: Pick<ItemPassport, 'origin' | 'harvest' | 'preCooling'>, m: Messages): string {
  const preCooling = p.preCooling.map((c): Row => [
    m.preCooling,
    `${e(c.facilityName)} · ${e(formatDateTime(c.startedAt))} – ${e(formatDateTime(c.endedAt))} · ${m.coreTemperature} ${celsius(c.coreTemperatureC)}`,
  ]);
  if (p.origin.kind && !p.harvest) return preCooling.length > 0 ? section(m.preCooling, rows(preCooling)) : '';
  if (!p.harvest && p.preCooling.length === 0) return section(m.harvest, noRecord(m));
  return section(
    m.harvest,
    rows([
      [m.harvestedAt, p.harvest && e(formatDateTime(p.harvest.harvestedAt))],
      [m.quantity, p.harvest && e(formatQuantity(p.harvest.quantity, m))],
      ...preCooling,
    ]),
  );
}

/** A processed or bought-in lot had no farm inputs of its own: its section would only say there were none. */
function farmInputs({ origin, farmInputs: inputs }: Pick<ItemPassport, 'origin' | 'farmInputs'>, m: Messages): string {
  if (inputs.length === 0) return origin.kind ? '' : section(m.farmInputs, noRecord(m));
  return section(m.farmInputs, list(inputs.map((input) => farmInput(input, m))));
}

function farmInput(input: PassportFarmInput, m: Messages): string {
  const ingredient = input.activeIngredient ? ` <small>(${e(input.activeIngredient)})</small>` : '';
  const used = `<b>${e(input.name)}</b>${ingredient} <small>${e(m.inputKinds[input.kind] ?? input.kind)}</small><br>${m.appliedAt} ${e(formatDateTime(input.appliedAt))} · ${m.dose} ${e(formatQuantity(input.dose, m))}`;
  // An input without a safety interval (most fertilisers) has nothing to respect.
  if (input.safetyIntervalDays === 0) return used;
  const verdict =
    input.respected === null
      ? `<span class="muted">${m.notHarvested}</span>`
      : input.respected
        ? `<span class="y">${m.respected}</span>`
        : `<span class="n">${m.notRespected}</span>`;
  return `${used}<br>${m.safetyInterval(num(input.safetyIntervalDays), e(formatDate(input.safeFrom)))}<br>${verdict}`;
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
  return `<b>${e(m.testMethods[t.method] ?? t.method)}</b> ${verdict}<br><small>${where.join(' · ')}</small><br>${analyte}${m.result(num(t.value) + unit, num(t.threshold) + unit)} · ${m.sample} ${e(t.sampleId)}`;
}

function grading(grade: ItemPassport['grade'], m: Messages): string {
  const measured = Object.keys(grade.attributes).map((key): Row => {
    const known = m.attributes[key];
    const value = num(grade.attributes[key]);
    return known ? [known.label, `${value} ${known.unit}`] : [e(key), value];
  });
  return section(m.grading, rows([[m.grade, e(m.grades[grade.grade] ?? grade.grade)], ...measured]));
}

/** What a held batch's page says first: not for sale, which test failed, and what to do. */
function holdNotice(hold: PassportHold, m: Messages): string {
  const failed = hold.failed.map((t) => e(m.testMethods[t.method] ?? t.method)).join(m.lang === 'zh' ? '、' : ', ');
  return `<section class="alert" role="alert"><h2 class="n">${m.held.title}</h2><p>${m.held.because(failed)}</p><p class="note n">${m.held.advice}</p></section>`;
}

/**
 * The words 承诺达标合格证 head the block in both languages: the rules require them on its QR form.
 * A withdrawn certificate says so and shows no promise: a promise beside a failure misleads.
 */
function certificate(c: PassportCertificate | undefined, m: Messages): string {
  if (!c) return section(m.certificate, noRecord(m), 'cert');
  const basis = c.basis.map((b) => e(m.bases[b] ?? b)).join(m.lang === 'zh' ? '、' : '; ');
  const withdrawn = c.withdrawnAt !== undefined;
  return section(
    m.certificate,
    (withdrawn ? `<p class="note n">${m.certificateWithdrawn}</p>` : '') +
      rows([
        [m.certificateNo, e(c.certificateNo)],
        [m.product, e(c.productName)],
        [m.quantity, e(formatQuantity(c.quantity, m))],
        [m.producer, e(c.producerName)],
        [m.place, e(c.origin)],
        [m.contact, c.contactPhone && e(c.contactPhone)],
        [m.issuedAt, e(formatDate(c.issuedAt))],
        [m.basis, basis],
        [m.promise, withdrawn ? undefined : e(c.promise)],
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
  const segments = c.segments
    .filter((s) => s.readings > 0)
    .map((s) => {
      const measured = `${num(s.minC as number)} – ${celsius(s.maxC as number)}`;
      const required = s.range ? ` <small>(${m.range} ${num(s.range.minC)} – ${celsius(s.range.maxC)})</small>` : '';
      const excursion = s.minutesOutOfRange > 0 ? ` <span class="warn">${m.outOfRange} ${m.minutes(num(s.minutesOutOfRange))}</span>` : '';
      // The same vehicle can carry an item on several legs: the times tell them apart.
      const when = `${formatDateTime(s.from)} – ${s.to ? formatDateTime(s.to) : '…'}`;
      return `<b>${e(s.facilityName)}</b> <small>${e(when)}</small><br>${measured}${required}${excursion}`;
    });
  return section(m.coldChain, stats + renderSparkline(c, m.chartLabel) + list(segments));
}

function journey(stops: JourneyStop[], m: Messages): string {
  if (stops.length === 0) return section(m.journey, noRecord(m));
  const items = stops.map((stop, i) => {
    const isHere = i === stops.length - 1 && stop.to === undefined && !stop.delivered;
    const lines = [
      `<b>${e(stop.facilityName)}</b> <small>${e(m.facilityTypes[stop.facilityType] ?? stop.facilityType)}${stop.plate ? ` · ${e(stop.plate)}` : ''}</small>`,
    ];
    if (stop.region) lines.push(e(formatRegion(stop.region, m, false)));
    lines.push(
      `${e(m.arrivals[stop.arrival] ?? stop.arrival)} ${e(formatDateTime(stop.from))}${stop.to ? ` · ${stop.kind === 'transit' ? m.arrivals.received : m.left} ${e(formatDateTime(stop.to))}` : ''}`,
    );
    const handover = [
      stop.handoverTemperatureC === undefined ? '' : `${m.handoverTemperature} ${celsius(stop.handoverTemperatureC)}`,
      stop.condition ? e(m.conditions[stop.condition] ?? stop.condition) : '',
    ].filter(Boolean);
    if (handover.length > 0) lines.push(handover.join(' · '));
    if (stop.delivered) lines.push(`<span class="y">${m.deliveredToConsignee}</span>`);
    else if (isHere) lines.push(`<span class="y">${m.here}</span>`);
    return `<li${isHere || stop.delivered ? ' class="now"' : ''}>${lines.join('<br>')}</li>`;
  });
  return section(m.journey, `<ol class="tl">${items.join('')}</ol>`);
}

function groupInFours(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += 4) groups.push(code.slice(i, i + 4));
  return groups.join(' ');
}
