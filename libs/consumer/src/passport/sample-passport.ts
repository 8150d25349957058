import { itemScanUrl } from '@suyuan/codes';
import { ColdChainSegment, LoggerReadings, summarizeColdChain } from '../cold-chain/cold-chain-summary';
import { judgeHandovers } from '../cold-chain/handovers';
import type { ItemPassport, JourneyStop } from './item-passport';

/**
 * A realistic passport for specs, page previews and benchmarks: a bag of 黄金柰李 from
 * 乐昌市北乡镇, with a 40-minute warm spell on the first cold-chain vehicle.
 */
export function sampleItemPassport(): ItemPassport {
  const code = '7K3M9Q2RXV0ZAB12';
  const gtin = '06912345678904';
  const lotCode = 'LC2026-0612A';
  const region = { province: '广东省', city: '韶关市', county: '乐昌市', town: '北乡镇', village: '沙坪村' };
  const beixiang = { county: '乐昌市', town: '北乡镇' };
  const cooperative = '乐昌市北乡镇柰李种植专业合作社';

  const journey: JourneyStop[] = [
    {
      ...stop('FC-PACK', '北乡镇产地初加工基地', 'packhouse', '2026-06-12T11:00:00+08:00', '2026-06-12T14:00:00+08:00', 'packed'),
      region: beixiang,
    },
    {
      ...stop('FC-STORE', '北乡镇冷库', 'cold_store', '2026-06-12T14:00:00+08:00', '2026-06-13T06:00:00+08:00', 'received'),
      region: beixiang,
      handoverTemperatureC: 4.2,
      condition: 'intact',
    },
    {
      ...stop('FC-VAN1', '北乡合作社 1 号冷藏车', 'vehicle', '2026-06-13T06:00:00+08:00', '2026-06-13T09:30:00+08:00', 'dispatched'),
      kind: 'transit',
      plate: '粤F·A3C21',
    },
    {
      ...stop('FC-HUB', '乐昌市县级物流中心', 'county_hub', '2026-06-13T09:30:00+08:00', '2026-06-13T13:00:00+08:00', 'received'),
      region: { county: '乐昌市', town: '乐城街道' },
      handoverTemperatureC: 2.4,
      condition: 'intact',
    },
    {
      ...stop('FC-VAN2', '乐昌县域物流冷藏车', 'vehicle', '2026-06-13T13:00:00+08:00', '2026-06-13T15:00:00+08:00', 'dispatched'),
      kind: 'transit',
      plate: '粤F·B7K05',
    },
    {
      ...stop('FC-TOWN', '坪石镇电商服务站', 'town_station', '2026-06-13T15:00:00+08:00', undefined, 'received'),
      region: { county: '乐昌市', town: '坪石镇' },
      handoverTemperatureC: 3.1,
      condition: 'intact',
    },
  ];

  const ranges: Record<string, { minC: number; maxC: number }> = {
    'FC-STORE': { minC: -1, maxC: 0 },
    'FC-VAN1': { minC: 0, maxC: 3 },
    'FC-HUB': { minC: 0, maxC: 3 },
    'FC-VAN2': { minC: 0, maxC: 3 },
  };
  const segments: ColdChainSegment[] = journey.map((s) => ({
    facilityId: s.facilityId,
    facilityName: s.facilityName,
    from: s.from,
    ...(s.to && { to: s.to }),
    ...(ranges[s.facilityId] && { range: ranges[s.facilityId] }),
  }));
  const warmSpellStart = Date.parse('2026-06-13T07:20:00+08:00');
  const readings = new Map<string, LoggerReadings>([
    ['FC-STORE', every10Minutes('2026-06-12T14:00:00+08:00', 96, (i) => -0.5 + (i % 3) * 0.2)],
    [
      'FC-VAN1',
      every10Minutes('2026-06-13T06:00:00+08:00', 21, (i, ms) =>
        ms >= warmSpellStart && ms < warmSpellStart + 40 * 60_000 ? 5.6 : 1.8 + (i % 2) * 0.3,
      ),
    ],
    ['FC-HUB', every10Minutes('2026-06-13T09:30:00+08:00', 21, (i) => 2.2 + (i % 4) * 0.1)],
    ['FC-VAN2', every10Minutes('2026-06-13T13:00:00+08:00', 12, (i) => 2.0 + (i % 3) * 0.2)],
  ]);

  return {
    code,
    scanUrl: itemScanUrl('https://sy.lechang.example', { code, gtin14: gtin, lotCode }),
    status: 'in_transit',
    product: {
      id: 'PR-HJNL',
      nameZh: '黄金柰李',
      nameEn: 'Huangjin Nai plum',
      category: 'stone fruit',
      gtin,
      storageRange: { minC: -1, maxC: 0 },
      transportRange: { minC: 0, maxC: 3 },
    },
    batch: { id: 'BT5R8W2N6J4H1C', lotCode },
    origin: {
      farmPlotName: '沙坪村东坡 3 号地',
      region,
      cooperative: { name: cooperative, creditCode: '93440281MA53K8XQ2P' },
    },
    farmInputs: [
      {
        name: '吡虫啉可湿性粉剂',
        activeIngredient: '吡虫啉',
        kind: 'pesticide',
        dose: { value: 15, unit: 'g' },
        appliedAt: '2026-05-20T08:00:00+08:00',
        safetyIntervalDays: 14,
        safeFrom: '2026-06-03T08:00:00+08:00',
        respected: true,
      },
      {
        name: '有机复合肥',
        kind: 'fertilizer',
        dose: { value: 20, unit: 'kg' },
        appliedAt: '2026-04-02T09:00:00+08:00',
        safetyIntervalDays: 0,
        safeFrom: '2026-04-02T09:00:00+08:00',
        respected: true,
      },
    ],
    harvest: { harvestedAt: '2026-06-12T06:30:00+08:00', quantity: { value: 1200, unit: 'kg' } },
    preCooling: [
      {
        facilityName: '北乡镇产地预冷库',
        startedAt: '2026-06-12T08:00:00+08:00',
        endedAt: '2026-06-12T10:30:00+08:00',
        coreTemperatureC: 4.6,
      },
    ],
    tests: [
      {
        method: 'pesticide_residue_rapid_test',
        standardRef: 'GB/T 5009.199-2003',
        analyte: '有机磷和氨基甲酸酯类农药',
        sampleId: 'S-20260612-07',
        labName: '乐昌市农产品质量安全检测站',
        testedAt: '2026-06-12T09:40:00+08:00',
        value: 12.5,
        unit: '%',
        threshold: 50,
        passed: true,
      },
    ],
    grade: { grade: '特级', attributes: { diameterMm: 45, brix: 14.2, weightG: 62, firmnessN: 7.5 } },
    certificate: {
      certificateNo: 'HG-440281-20260612-0031',
      productName: '黄金柰李',
      quantity: { value: 1200, unit: 'kg' },
      producerName: cooperative,
      origin: '广东省韶关市乐昌市北乡镇沙坪村',
      contactPhone: '0751-5551234',
      issuedAt: '2026-06-12T10:00:00+08:00',
      promise: '我承诺对生产销售的食用农产品：不使用禁用农药兽药、停用兽药和非法添加物；常规农药兽药残留不超标；对承诺的真实性负责。',
      basis: ['self_tested', 'quality_control'],
    },
    packing: {
      facilityName: '北乡镇产地初加工基地',
      packedAt: '2026-06-12T11:00:00+08:00',
      netWeight: { value: 2.5, unit: 'kg' },
      cartonId: 'CT4G7H2K9M3P5Q',
    },
    coldChain: summarizeColdChain(segments, readings, '2026-06-13T15:20:00+08:00'),
    journey: judgeHandovers(journey, segments),
    compliance: {
      status: 'non_compliant',
      standard: {
        standardId: 'STD-PR-PLUM',
        version: 1,
        title: '乐昌黄金柰李电商交易标准（示例）',
        effectiveFrom: '2026-06-01T00:00:00+08:00',
      },
      rules: [
        {
          rule: 'preCooling',
          status: 'met',
          reason: '采收后3小时内预冷至5°C以下',
          reasonEn: 'Pre-cooled within 3 h of harvest to 5 °C or below',
        },
        {
          rule: 'transport',
          status: 'violated',
          reason: '北乡合作社 1 号冷藏车运输温度超出0–3°C达40分钟，允许30分钟',
          reasonEn: 'At 北乡合作社 1 号冷藏车 the transport temperature left 0–3 °C for 40 min; 30 min allowed',
        },
        {
          rule: 'hubToVillage',
          status: 'pending',
          reason: '须在2026-06-15T01:30:00.000Z前送达',
          reasonEn: 'Delivery due by 2026-06-15T01:30:00.000Z',
          dueBy: '2026-06-15T01:30:00.000Z',
        },
      ],
      brand: {
        status: 'withdrawn',
        brand: '乐昌农品',
        version: 1,
        certifiedAt: '2026-06-13T08:00:00.000Z',
        withdrawnAt: '2026-06-13T04:00:00.000Z',
        withdrawnBecause: [{ rule: 'transport', reason: '运输温度超标', reasonEn: 'transport temperature out of range' }],
      },
    },
  };

  function stop(
    facilityId: string,
    facilityName: string,
    facilityType: string,
    from: string,
    to: string | undefined,
    arrival: JourneyStop['arrival'],
  ): JourneyStop {
    return { kind: 'facility', facilityId, facilityName, facilityType, from, ...(to && { to }), arrival };
  }
}

/** One logger's readings every 10 minutes from `start`. */
function every10Minutes(start: string, count: number, temperature: (i: number, ms: number) => number): LoggerReadings {
  const t0 = Date.parse(start);
  const readings = Array.from({ length: count }, (_, i): [number, number] => {
    const ms = t0 + i * 600_000;
    return [ms, Math.round(temperature(i, ms) * 10) / 10];
  });
  return new Map([['TL-SAMPLE', readings]]);
}
