import type { CartonView } from '@suyuan/logistics/logistics.views';
import type { BatchView } from '@suyuan/production/batch.views';
import type { ItemCompliance } from '@suyuan/standards';
import { loggers } from '../cold-chain/cold-chain.fixtures';
import { LoggerReadings } from '../cold-chain/cold-chain-summary';
import { Lang } from '../page/i18n';
import { renderPassportPage } from '../page/passport-page';
import { sampleItemPassport } from '../passport/sample-passport';
import { cartonOnTheRoad, heldPlumBatch, plumBatch } from './batch.fixtures';
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
  const cases: { name: string; view: BatchView; carton?: CartonView; verdict?: ItemCompliance; shows: string }[] = [
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
  ];

  it.each(cases)('is the whole page, byte for byte, in both languages: $name', ({ view, carton, verdict, shows }) => {
    const resolved = scanned(buildBatchPart(view, 'https://sy.example'), journeyOf(view, carton), verdict);
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
});
