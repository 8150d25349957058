import type { MadeFrom } from '../provenance/provenance.views';
import type { FarmOrigin, ItemPassport, PassportOrigin, PassportTest } from './item-passport';
import { sampleItemPassport } from './sample-passport';

const LAB = '乐昌市农产品质量安全检测站';
const TOWNS = ['北乡镇', '九峰镇', '廊田镇', '两江镇', '沙坪镇', '云岩镇', '三溪镇', '五山镇'];

function rapidTest(sampleId: string, testedAt: string, value: number): PassportTest {
  return {
    method: 'pesticide_residue_rapid_test',
    standardRef: 'GB/T 5009.199-2003',
    sampleId,
    labName: LAB,
    testedAt,
    value,
    unit: '%',
    threshold: 50,
    passed: value < 50,
  };
}

function farm(i: number, kg: number): FarmOrigin {
  const town = TOWNS[i % TOWNS.length];
  const day = String(1 + (i % 3)).padStart(2, '0');
  return {
    kind: 'farm',
    batchId: `BTLEAVES${String(i).padStart(6, '0')}`,
    lotCode: `LV2026-04${day}-${String(i).padStart(2, '0')}`,
    product: { nameZh: '茶叶鲜叶', nameEn: 'Fresh tea leaves' },
    quantity: { value: kg, unit: 'kg' },
    harvest: { from: `2026-04-${day}T06:00:00+08:00`, to: `2026-04-${day}T06:00:00+08:00` },
    tests: [rapidTest(`S-0402-${i}`, `2026-04-${day}T10:00:00+08:00`, 10 + (i % 20))],
    cooperative: { name: `乐昌市${town}白毛茶种植专业合作社${i > 7 ? `第${i}社` : ''}` },
    farmPlot: { name: `${town}高山茶园 ${i + 1} 号地`, region: { province: '广东省', city: '韶关市', county: '乐昌市', town } },
  };
}

const HOUSEHOLDS: PassportOrigin = {
  kind: 'households',
  batchId: 'BTBOUGHT000001',
  lotCode: 'SG2026-0402',
  product: { nameZh: '茶叶鲜叶', nameEn: 'Fresh tea leaves' },
  quantity: { value: 50, unit: 'kg' },
  harvest: { from: '2026-04-02T07:00:00+08:00', to: '2026-04-02T07:00:00+08:00' },
  tests: [],
  purchaser: { name: '乐昌市白毛茶制茶厂' },
  households: 1,
  places: [{ region: { county: '乐昌市', town: '北乡镇', village: '茶料村' }, households: 1 }],
};

/**
 * Where a lot of 乐昌白毛茶 comes from: the leaves of `origins` lots (the largest two from
 * cooperatives' plots, then one household's, then smaller plots) and the tea factory's processing.
 */
export function sampleMadeFrom(origins = 3): MadeFrom {
  const lots = [
    farm(0, 300),
    farm(1, 200),
    HOUSEHOLDS,
    ...Array.from({ length: Math.max(0, origins - 3) }, (_, i) => farm(i + 2, 40 - i * 0.5)),
  ];
  return {
    sources: { cooperatives: lots.filter((o) => o.kind === 'farm').length, households: 1 },
    origins: lots.slice(0, origins),
    processing: [
      {
        transformationId: 'TRTEA0403',
        processor: { name: '乐昌市白毛茶制茶厂' },
        plant: { name: '北乡镇白毛茶加工厂', region: { county: '乐昌市', town: '北乡镇' } },
        process: 'tea_processing',
        startedAt: '2026-04-03T08:00:00+08:00',
        endedAt: '2026-04-03T20:00:00+08:00',
        steps: [
          { name: '杀青', startedAt: '2026-04-03T08:30:00+08:00', parameters: { temperatureC: 260, minutes: 3 } },
          { name: '揉捻', parameters: { minutes: 40 } },
          { name: '烘干', parameters: { temperatureC: 90, minutes: 60, 提香: '低温慢焙' } },
        ],
        yieldPct: 22,
        inputs: lots.slice(0, origins).map((o) => ({ lotCode: o.lotCode, product: o.product, quantity: o.quantity })),
        outputs: [{ lotCode: 'BM2026-0403', quantity: { value: 121, unit: 'kg' } }],
      },
    ],
    inputHolds: [],
  };
}

/** A 250 g bag of 乐昌白毛茶 made by the tea factory from `origins` lots of fresh leaves. */
export function sampleProcessedPassport(origins = 3): ItemPassport {
  const plum = sampleItemPassport();
  const factory = '乐昌市白毛茶制茶厂';
  return {
    ...plum,
    product: { id: 'PR-BAIMAO', nameZh: '乐昌白毛茶', nameEn: 'Lechang Baimao tea', category: 'tea', gtin: '06912345678911' },
    batch: { id: 'BTTEA0403', lotCode: 'BM2026-0403' },
    origin: {
      kind: 'transformation',
      farmPlotName: '北乡镇白毛茶加工厂',
      region: { province: '广东省', city: '韶关市', county: '乐昌市', town: '北乡镇' },
      cooperative: { name: factory, creditCode: '91440281MA5TEA0403' },
    },
    ...sampleMadeFrom(origins),
    farmInputs: [],
    harvest: undefined,
    preCooling: [],
    tests: [rapidTest('S-TEA-0404', '2026-04-04T09:00:00+08:00', 8.5)],
    grade: { grade: '特级', attributes: {} },
    certificate: {
      ...plum.certificate!,
      certificateNo: 'HG-440281-20260404-0102',
      productName: '乐昌白毛茶',
      quantity: { value: 121, unit: 'kg' },
      producerName: factory,
      origin: '广东省韶关市乐昌市北乡镇',
    },
    packing: { ...plum.packing, facilityName: '北乡镇白毛茶加工厂包装车间', netWeight: { value: 0.25, unit: 'kg' } },
  };
}
