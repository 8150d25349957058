import type { CartonView } from '@suyuan/logistics/logistics.views';
import type { BatchView } from '@suyuan/production/batch.views';
import type { ItemCompliance } from '@suyuan/standards';
import { loggers } from '../cold-chain/cold-chain.fixtures';
import { LoggerReadings } from '../cold-chain/cold-chain-summary';
import { Lang } from '../page/i18n';
import { renderPassportPage } from '../page/passport-page';
import { sampleItemPassport } from '../passport/sample-passport';
import type { LotProvenanceView } from '../provenance/provenance.views';
import { cartonOnTheRoad, heldPlumBatch, plumBatch, teaBatch, teaProvenance } from './batch.fixtures';
import { compliancePart } from './compliance-parts';
import { packedItem } from './item.fixtures';
import { scanJson, scanPage } from './scan-page';
import { BatchPart, JourneyPart, ResolvedItem, buildBatchPart, buildJourneyPart, coldChainSegments } from './scan-parts';

const LANGS: Lang[] = ['zh', 'en'];
const VERDICT = sampleItemPassport().compliance!;
const READINGS = new Map<string, LoggerReadings>([
  ['FC-STORE', loggers([0, 1, 2, 3].map((h) => ({ at: `2026-07-15T0${4 + h}:30:00.000Z`, temperatureC: -0.5 + h * 0.3 })))],
  ['FC-VAN', loggers([0, 1].map((h) => ({ at: `2026-07-15T1${h}:30:00.000Z`, temperatureC: 3.8 })))],
]);

function journeyOf(view: BatchView, carton: CartonView | undefined): JourneyPart {
  return buildJourneyPart(carton, coldChainSegments(carton, view, undefined), READINGS, '', 0);
}

function scanned(batch: BatchPart, journey: JourneyPart, verdict: ItemCompliance | undefined, item = packedItem()): ResolvedItem {
  return { item, scanUrl: batch.scanUrlPrefix + item.code, batch, journey, compliance: compliancePart(verdict) };
}

/** The page served from kept parts, and the page rendered whole from the JSON served beside it. */
function bothPages(resolved: ResolvedItem, lang: Lang) {
  return { served: scanPage(resolved, lang).toString(), whole: renderPassportPage(JSON.parse(scanJson(resolved).toString()), lang) };
}

describe('the page served from kept parts', () => {
  const tainted = teaProvenance();
  const [, leaves] = tainted.madeFrom!.origins;
  const failed = { ...leaves.tests[0], passed: false, value: 68 };
  tainted.madeFrom!.inputHolds = [{ ...leaves, ownerName: '乐昌市九峰镇白毛茶种植专业合作社', since: failed.testedAt, failed: [failed] }];
  const cases: {
    name: string;
    view: BatchView;
    provenance?: LotProvenanceView;
    carton?: CartonView;
    verdict?: ItemCompliance;
    shows: string;
  }[] = [
    { name: 'packed and judged', view: plumBatch(), verdict: VERDICT, shows: '不符合标准' },
    { name: 'on the road, no standard in force', view: plumBatch(), carton: cartonOnTheRoad(), shows: '本产品尚无适用的电商交易标准' },
    {
      name: 'held, its certificate withdrawn, judged',
      view: heldPlumBatch(),
      carton: cartonOnTheRoad(),
      verdict: VERDICT,
      shows: '本批次已暂停销售',
    },
    { name: 'its certificate withdrawn, not judged', view: heldPlumBatch(), shows: '本合格证已撤回' },
    {
      name: 'with almost nothing recorded',
      view: { ...plumBatch(), farmInputs: [], harvests: [], preCooling: [], tests: [], certificate: undefined },
      shows: '暂无记录',
    },
    {
      name: 'made from three lots, judged',
      view: teaBatch(),
      provenance: teaProvenance(),
      verdict: VERDICT,
      shows: '原料来自 2 个合作社、1 户农户',
    },
    {
      name: 'made from forty lots, on the road',
      view: teaBatch(),
      provenance: teaProvenance(40),
      carton: cartonOnTheRoad(),
      shows: '等 40 个来源',
    },
    { name: 'made from a lot that failed its test', view: teaBatch(), provenance: tainted, shows: '原料安全检测不合格' },
  ];

  it.each(cases)('is the whole page, byte for byte, in both languages: $name', ({ view, provenance, carton, verdict, shows }) => {
    const resolved = scanned(buildBatchPart(view, 'https://sy.example', provenance), journeyOf(view, carton), verdict);
    for (const lang of LANGS) {
      const { served, whole } = bothPages(resolved, lang);
      expect(served).toBe(whole);
      if (lang === 'zh') expect(served).toContain(shows);
    }
  });

  it('keeps what items share by state, grade and packing apart: each item of a batch still gets its own page', () => {
    const view = plumBatch();
    const batch = buildBatchPart(view, 'https://sy.example');
    const packed = journeyOf(view, undefined);
    const onTheRoad = journeyOf(view, cartonOnTheRoad());
    const items = [
      scanned(batch, packed, VERDICT, packedItem('AAAAAAAAAAAAAAAA')),
      scanned(batch, packed, VERDICT, { ...packedItem('BBBBBBBBBBBBBBBB'), grade: '一级', netWeight: { value: 2, unit: 'kg' } }),
      scanned(batch, onTheRoad, undefined, packedItem('CCCCCCCCCCCCCCCC', 'CT0000000000CD')),
      scanned(batch, packed, VERDICT, packedItem('AAAAAAAAAAAAAAAA')),
    ];
    const pages = new Set<string>();
    for (const resolved of items) {
      for (const lang of LANGS) {
        const { served, whole } = bothPages(resolved, lang);
        expect(served).toBe(whole);
        pages.add(served);
      }
    }
    expect(pages.size).toBe(6);
  });

  it('warns in the top card, after the code, when the code was voided, and never shows the code that replaced it', () => {
    const view = plumBatch();
    const batch = buildBatchPart(view, 'https://sy.example');
    const item = {
      ...packedItem(),
      voided: { at: '2026-07-20T02:00:00.000Z', reason: 'damaged' as const, replacedBy: 'W4Z8N2QH6JRT0V5K' },
    };
    const resolved = scanned(batch, journeyOf(view, undefined), VERDICT, item);
    const shown = {
      zh: ['此码已作废', '2026-07-20 10:00', '标签损坏', '12315'],
      en: ['This code has been voided', 'label damaged', '12315'],
    };
    for (const lang of LANGS) {
      const { served, whole } = bothPages(resolved, lang);
      expect(served).toBe(whole);
      for (const words of shown[lang]) expect(served).toContain(words);
      expect(served.indexOf('alert voided')).toBeGreaterThan(served.indexOf('7K3M 9QX2'));
      expect(served.indexOf('alert voided')).toBeLessThan(served.indexOf('</section>'));
      expect(served).not.toContain('W4Z8N2QH6JRT0V5K');
      expect(scanPage(scanned(batch, journeyOf(view, undefined), VERDICT), lang).toString()).not.toContain('alert voided');
    }
  });
});

describe('an item a regulator holds from sale', () => {
  const suspended = { unit: 'carton' as const, reason: '抽检不合格 <待复检>', since: '2026-07-20T02:00:00.000Z' };

  it('says 暂停销售 with the reason in the top card and its JSON, escaped, and nothing when not held', () => {
    const view = plumBatch();
    const batch = buildBatchPart(view, 'https://sy.example');
    const resolved = { ...scanned(batch, journeyOf(view, undefined), VERDICT), suspended };
    const shown = { zh: ['暂停销售', '本箱商品', '2026-07-20 10:00', '抽检不合格 &lt;待复检&gt;'], en: ['Sale suspended', 'this carton'] };
    for (const lang of LANGS) {
      const { served, whole } = bothPages(resolved, lang);
      expect(served).toBe(whole);
      for (const words of shown[lang]) expect(served).toContain(words);
      expect(served).not.toContain('<待复检>');
      expect(served.indexOf('alert suspended')).toBeLessThan(served.indexOf('</section>'));
      expect(scanPage(scanned(batch, journeyOf(view, undefined), VERDICT), lang).toString()).not.toContain('alert suspended');
    }
    expect(JSON.parse(scanJson(resolved).toString()).suspended).toEqual(suspended);
    expect(JSON.parse(scanJson(scanned(batch, journeyOf(view, undefined), VERDICT)).toString())).not.toHaveProperty('suspended');
  });

  it('keeps the page under 14 KB with the longest reason, held after a failed test as well', () => {
    const view = heldPlumBatch();
    const resolved = {
      ...scanned(buildBatchPart(view, 'https://sy.example'), journeyOf(view, cartonOnTheRoad()), VERDICT),
      suspended: { ...suspended, reason: '抽'.repeat(500) },
    };
    for (const lang of LANGS) expect(scanPage(resolved, lang).length).toBeLessThan(14 * 1024);
  });
});

describe('the page’s weight', () => {
  /** A page over 14 KB takes a second round trip on a slow connection's first window. */
  const LIMIT = 14 * 1024;

  it.each([
    ['a bag of plums on the road, judged', plumBatch(), cartonOnTheRoad(), VERDICT, undefined],
    ['a held bag of plums, judged', heldPlumBatch(), cartonOnTheRoad(), VERDICT, undefined],
    ['a bag of tea made from forty lots, judged', teaBatch(), cartonOnTheRoad(), VERDICT, teaProvenance(40)],
  ] as const)('is under 14 KB, in one request, for %s', (_, view, carton, verdict, provenance) => {
    const resolved = scanned(buildBatchPart(view, 'https://sy.example', provenance), journeyOf(view, carton), verdict);
    for (const lang of LANGS) {
      const page = scanPage(resolved, lang);
      expect(page.length).toBeLessThan(LIMIT);
      expect(page.toString()).not.toMatch(/<script|<link|<img|src=|href="(https?:)?\/\//);
    }
  });

  it('is under 14 KB for the sample bag’s whole journey through six stops, in both languages', () => {
    for (const lang of LANGS) expect(Buffer.byteLength(renderPassportPage(sampleItemPassport(), lang))).toBeLessThan(LIMIT);
  });
});

describe('the record of a scanned item', () => {
  it('judges each handover temperature against the leg’s and the place’s range, beside the fields it always had', () => {
    const view = plumBatch();
    const batch = buildBatchPart(view, 'https://sy.example');
    const record = JSON.parse(scanJson(scanned(batch, journeyOf(view, cartonOnTheRoad()), undefined)).toString());
    // 4.2 °C into the −1–0 °C store.
    expect(record.journey[0]).toMatchObject({ handoverTemperatureC: 4.2, handoverRange: { minC: -1, maxC: 0 }, handoverInRange: false });
    expect(record.journey[1]).not.toHaveProperty('handoverInRange');
  });
});

describe('the record of a processed item', () => {
  const json = (view: BatchView, provenance: LotProvenanceView) => {
    const batch = buildBatchPart(view, 'https://sy.example', provenance);
    return JSON.parse(scanJson(scanned(batch, journeyOf(view, undefined), undefined)).toString());
  };

  it('lists every origin, where the page shows the largest few', () => {
    const record = json(teaBatch(), teaProvenance(40));
    expect(record.origins).toHaveLength(40);
    expect(record.origins).toEqual(teaProvenance(40).madeFrom!.origins);
    expect(record.processing).toEqual(teaProvenance(40).madeFrom!.processing);
    expect(record.sources).toEqual({ cooperatives: 39, households: 1 });
    expect(record.origin.kind).toBe('transformation');
  });

  it('of a grown batch carries none, even once a lot was made from it', () => {
    const record = json(plumBatch(), { ...teaProvenance(), madeInto: ['B2'] });
    for (const member of ['origins', 'processing', 'sources', 'inputHolds']) expect(record).not.toHaveProperty(member);
    expect(record.origin).not.toHaveProperty('kind');
  });
});
