import { FacilityKey, OrgKey, PRODUCTS, ProductKey } from '../world';
import { DemoClock, yymmdd } from './clock';

export interface Quantity {
  value: number;
  unit: string;
}

export type ProductionStep = { at: Date } & (
  | { kind: 'farmInput'; inputName: string; activeIngredient?: string; inputKind: string; dose: Quantity; safetyIntervalDays: number }
  | { kind: 'harvest'; quantity: Quantity }
  /** The cooperative hands its goods to the organization that pre-cools, grades and packs them; it accepts at once. */
  | { kind: 'handover'; to: OrgKey }
  | { kind: 'preCooling'; by: OrgKey; facility: FacilityKey; endedAt: Date; coreTemperatureC: number }
  | {
      kind: 'test';
      method: string;
      standardRef?: string;
      analyte: string;
      sampleId: string;
      value: number;
      unit: string;
      threshold: number;
    }
  | {
      kind: 'grading';
      by: OrgKey;
      facility: FacilityKey;
      classes: { grade: string; quantity: Quantity; attributes: Record<string, number>; belowGradePct?: number }[];
    }
  | {
      kind: 'packing';
      by: OrgKey;
      facility: FacilityKey;
      lines: { grade: string; count: number; netWeight: Quantity; itemsPerCarton: number }[];
    }
  | { kind: 'certificate'; quantity: Quantity; basis: string[] }
  | {
      kind: 'certification';
      certification: 'green_food' | 'organic' | 'geographical_indication';
      certificateNo: string;
      issuedBy: string;
      validUntil?: Date;
    }
);

export interface LegPlan {
  from: FacilityKey;
  to: FacilityKey;
  vehicle?: FacilityKey;
  dispatchedAt: Date;
  received?: { at: Date; condition: 'intact' | 'damaged' | 'partial'; temperatureC: number; note?: string };
  delivered?: { at: Date; recipient: string };
  /** Logger readings on this leg's vehicle that replace the in-range ones from `at` on, 10 minutes apart. */
  excursion?: { at: Date; temperaturesC: number[] };
}

export interface BatchPlan {
  key: string;
  product: ProductKey;
  cooperative: OrgKey;
  farmPlot: FacilityKey;
  lotCode: string;
  plannedQuantity: Quantity;
  steps: ProductionStep[];
  legs: LegPlan[];
  /** What this batch shows in the demo, for the printed summary. */
  story: string;
}

const kg = (value: number): Quantity => ({ value, unit: 'kg' });
const head = (value: number): Quantity => ({ value, unit: 'head' });

/** GB/T 5009.199-2003: enzyme inhibition ≥ 50 % is positive, i.e. the sample fails. */
const rapidTest = (at: Date, n: number, inhibitionPct: number): ProductionStep => ({
  kind: 'test',
  at,
  method: 'pesticide_residue_rapid_test',
  standardRef: 'GB/T 5009.199-2003',
  analyte: '有机磷和氨基甲酸酯类农药（酶抑制率法）',
  sampleId: `S-${yymmdd(at)}-${String(n).padStart(2, '0')}`,
  value: inhibitionPct,
  unit: '%',
  threshold: 50,
});

/** 农产品地理标志 登记证书 of 乐昌黄金柰李 (sample number), held by the plum cooperative. */
const plumGi = (at: Date): ProductionStep => ({
  kind: 'certification',
  at,
  certification: 'geographical_indication',
  certificateNo: 'AGI-SAMPLE-02718',
  issuedBy: '农业农村部（示例）',
});

const pesticide = (at: Date, inputName: string, activeIngredient: string, dose: Quantity, safetyIntervalDays: number): ProductionStep => ({
  kind: 'farmInput',
  at,
  inputName,
  activeIngredient,
  inputKind: 'pesticide',
  dose,
  safetyIntervalDays,
});

/** Harvest at dawn, pre-cool within 3 h, a lab rapid test, grade, pack and certify the same day. */
function producePacked(
  c: DemoClock,
  day: number,
  o: {
    harvestKg: number;
    coreC: number;
    /** The lab's rapid test on the morning sample; none when the batch is tested only later. */
    inhibitionPct?: number;
    sampleNo?: number;
    basis?: string[];
    classes: Extract<ProductionStep, { kind: 'grading' }>['classes'];
    lines: Extract<ProductionStep, { kind: 'packing' }>['lines'];
  },
): ProductionStep[] {
  const packedKg = o.lines.reduce((sum, l) => sum + l.count * l.netWeight.value, 0);
  return [
    { kind: 'harvest', at: c.at(day, '06:00'), quantity: kg(o.harvestKg) },
    { kind: 'handover', at: c.at(day, '07:30'), to: 'packhouse' },
    {
      kind: 'preCooling',
      at: c.at(day, '08:30'),
      by: 'packhouse',
      facility: 'packhouse',
      endedAt: c.at(day, '13:30'),
      coreTemperatureC: o.coreC,
    },
    ...(o.inhibitionPct === undefined ? [] : [rapidTest(c.at(day, '10:00'), o.sampleNo ?? 1, o.inhibitionPct)]),
    { kind: 'grading', at: c.at(day, '14:00'), by: 'packhouse', facility: 'packhouse', classes: o.classes },
    { kind: 'packing', at: c.at(day, '15:30'), by: 'packhouse', facility: 'packhouse', lines: o.lines },
    { kind: 'certificate', at: c.at(day, '16:00'), quantity: kg(packedKg), basis: o.basis ?? ['commissioned_test'] },
  ];
}

/** Packhouse → origin cold store overnight → county hub → town station → village point, delivered. */
function viaCounty(c: DemoClock, day: number, station: FacilityKey, village: FacilityKey, recipient: string, temps: number[]): LegPlan[] {
  const next = day + 1;
  const intact = (at: Date, temperatureC: number) => ({ at, condition: 'intact' as const, temperatureC });
  return [
    { from: 'packhouse', to: 'coldStore', dispatchedAt: c.at(day, '16:30'), received: intact(c.at(day, '16:45'), temps[0]) },
    { from: 'coldStore', to: 'hub', vehicle: 'truck', dispatchedAt: c.at(next, '07:00'), received: intact(c.at(next, '08:20'), temps[1]) },
    { from: 'hub', to: station, vehicle: 'truck', dispatchedAt: c.at(next, '09:30'), received: intact(c.at(next, '10:40'), temps[2]) },
    {
      from: station,
      to: village,
      vehicle: 'van',
      dispatchedAt: c.at(next, '13:00'),
      received: intact(c.at(next, '13:40'), temps[3]),
      delivered: { at: c.at(next, '16:30'), recipient },
    },
  ];
}

/**
 * Six batches whose stays never share a facility at the same time, so each logger reading
 * is judged against one product's range; every farm input's safety interval is respected.
 * Only two things go wrong on the way: the truck's excursion under plum B, the failed test of chestnut B; plum C is recalled (recall.ts).
 */
export function planBatches(c: DemoClock, runSuffix: string): BatchPlan[] {
  const lot = (product: ProductKey, harvest: Date) => `${PRODUCTS[product].lotPrefix}${yymmdd(harvest)}-${runSuffix.toUpperCase()}`;
  const plumA: BatchPlan = {
    key: 'plumA',
    product: 'plum',
    cooperative: 'plumCoop',
    farmPlot: 'plumPlot',
    lotCode: lot('plum', c.at(-2, '06:00')),
    plannedQuantity: kg(400),
    story: 'delivered at 茶料村; clean cold chain',
    steps: [
      {
        kind: 'farmInput',
        at: c.at(-42, '08:00'),
        inputName: '硫酸钾型复合肥（15-15-15）',
        inputKind: 'fertilizer',
        dose: kg(50),
        safetyIntervalDays: 0,
      },
      pesticide(c.at(-31, '07:30'), '10%苯醚甲环唑水分散粒剂', 'difenoconazole', kg(0.2), 21),
      pesticide(c.at(-24, '07:30'), '10%吡虫啉可湿性粉剂', 'imidacloprid', kg(0.3), 14),
      plumGi(c.at(-2, '16:05')),
      ...producePacked(c, -2, {
        harvestKg: 420,
        coreC: 4.6,
        inhibitionPct: 16.8,
        classes: [
          { grade: '特级', quantity: kg(180), attributes: { diameterMm: 48, brix: 14.6, weightG: 66 }, belowGradePct: 3 },
          { grade: '一级', quantity: kg(170), attributes: { diameterMm: 43, brix: 13.2, weightG: 54 }, belowGradePct: 6 },
          { grade: '二级', quantity: kg(55), attributes: { diameterMm: 38, brix: 12.1, weightG: 43 }, belowGradePct: 7 },
        ],
        lines: [
          { grade: '特级', count: 72, netWeight: kg(2), itemsPerCarton: 12 },
          { grade: '一级', count: 72, netWeight: kg(2), itemsPerCarton: 12 },
        ],
      }),
    ],
    legs: viaCounty(c, -2, 'stationJiufeng', 'villageChaliao', '茶料村便民店', [2.6, 1.4, 1.6, 1.9]),
  };

  // Handed into the −1–0 °C store at 4.1 °C, warmer than the truck's 0–3 °C too: flagged on its page.
  const plumBLegs = viaCounty(c, -1, 'stationJiufeng', 'villageJiangtian', '浆田村便民超市', [4.1, 1.3, 3.4, 1.7]);
  // The truck's refrigeration unit stops for 40 minutes on the hub → 九峰镇 leg.
  plumBLegs[2].excursion = { at: c.at(0, '09:50'), temperaturesC: [4.6, 6.3, 7.4, 5.2] };
  plumBLegs[2].received!.note = '途中制冷机组故障约40分钟，到站复测3.4°C，已入库复冷';
  const plumB: BatchPlan = {
    key: 'plumB',
    product: 'plum',
    cooperative: 'plumCoop',
    farmPlot: 'plotShanglang',
    lotCode: lot('plum', c.at(-1, '06:00')),
    plannedQuantity: kg(350),
    story: 'delivered at 浆田村; COLD-CHAIN EXCURSION on truck 粤F·C1234 (40 min above 3 °C)',
    steps: [
      { kind: 'farmInput', at: c.at(-50, '08:00'), inputName: '商品有机肥', inputKind: 'fertilizer', dose: kg(200), safetyIntervalDays: 0 },
      pesticide(c.at(-21, '07:00'), '10%吡虫啉可湿性粉剂', 'imidacloprid', kg(0.25), 14),
      plumGi(c.at(-1, '16:05')),
      ...producePacked(c, -1, {
        harvestKg: 360,
        coreC: 4.4,
        inhibitionPct: 21.4,
        classes: [
          { grade: '特级', quantity: kg(150), attributes: { diameterMm: 47, brix: 14.9, weightG: 64 }, belowGradePct: 3 },
          { grade: '一级', quantity: kg(150), attributes: { diameterMm: 42, brix: 13.4, weightG: 52 }, belowGradePct: 6 },
          { grade: '二级', quantity: kg(45), attributes: { diameterMm: 37, brix: 12.0, weightG: 41 }, belowGradePct: 7 },
        ],
        lines: [
          { grade: '特级', count: 60, netWeight: kg(2), itemsPerCarton: 12 },
          { grade: '一级', count: 60, netWeight: kg(2), itemsPerCarton: 12 },
        ],
      }),
    ],
    legs: plumBLegs,
  };

  const chestnutA: BatchPlan = {
    key: 'chestnutA',
    product: 'chestnut',
    cooperative: 'chestnutCoop',
    farmPlot: 'plotChestnut',
    lotCode: lot('chestnut', c.at(-3, '06:00')),
    plannedQuantity: kg(600),
    story: 'delivered at 黄圃村; clean cold chain',
    steps: [
      pesticide(c.at(-43, '08:00'), '50%多菌灵可湿性粉剂', 'carbendazim', kg(0.5), 20),
      pesticide(c.at(-28, '08:00'), '200g/L氯虫苯甲酰胺悬浮剂', 'chlorantraniliprole', { value: 100, unit: 'g' }, 14),
      ...producePacked(c, -3, {
        harvestKg: 600,
        coreC: 3.5,
        inhibitionPct: 12.3,
        classes: [
          { grade: '特级', quantity: kg(260), attributes: { diameterMm: 42, weightG: 30 }, belowGradePct: 3 },
          { grade: '一级', quantity: kg(240), attributes: { diameterMm: 36, weightG: 22 }, belowGradePct: 6 },
          { grade: '二级', quantity: kg(80), attributes: { diameterMm: 30, weightG: 15 }, belowGradePct: 7 },
        ],
        lines: [
          { grade: '特级', count: 80, netWeight: kg(2.5), itemsPerCarton: 20 },
          { grade: '一级', count: 80, netWeight: kg(2.5), itemsPerCarton: 20 },
        ],
      }),
    ],
    legs: viaCounty(c, -3, 'stationHuangpu', 'villageHuangpu', '黄圃村便民超市', [1.8, 1.1, 1.2, 1.4]),
  };

  // Packed and certified, then the lab's check before dispatch fails: the batch is held at the packhouse.
  const chestnutBSteps = producePacked(c, 0, {
    harvestKg: 480,
    coreC: 3.6,
    basis: ['quality_control'],
    classes: [
      { grade: '特级', quantity: kg(200), attributes: { diameterMm: 41, weightG: 29 }, belowGradePct: 3 },
      { grade: '一级', quantity: kg(220), attributes: { diameterMm: 35, weightG: 21 }, belowGradePct: 6 },
      { grade: '二级', quantity: kg(40), attributes: { diameterMm: 29, weightG: 14 }, belowGradePct: 7 },
    ],
    lines: [
      { grade: '特级', count: 60, netWeight: kg(2.5), itemsPerCarton: 20 },
      { grade: '一级', count: 40, netWeight: kg(2.5), itemsPerCarton: 20 },
    ],
  });
  const chestnutB: BatchPlan = {
    key: 'chestnutB',
    product: 'chestnut',
    cooperative: 'chestnutCoop',
    farmPlot: 'plotChestnut',
    lotCode: lot('chestnut', c.at(0, '06:00')),
    plannedQuantity: kg(500),
    story: 'packed, held at the packhouse; FAILED pesticide rapid test (58.6 % inhibition ≥ 50 %)',
    steps: [
      pesticide(c.at(-35, '08:00'), '50%多菌灵可湿性粉剂', 'carbendazim', kg(0.5), 20),
      ...chestnutBSteps,
      rapidTest(c.at(0, '17:00'), 2, 58.6),
    ],
    legs: [],
  };

  // Day 1 up to noon is always past (see demoClock): the birds reach the hub by 10:00 and the
  // van leaves an hour before the world's end, so they are in transit now, not for days.
  const chicken: BatchPlan = {
    key: 'chicken',
    product: 'chicken',
    cooperative: 'poultryCoop',
    farmPlot: 'plotPoultry',
    lotCode: lot('chicken', c.at(1, '04:00')),
    plannedQuantity: head(180),
    story: 'in transit on van 粤F·C5678 to 黄圃镇服务站',
    steps: [
      {
        kind: 'farmInput',
        at: c.at(-60, '08:00'),
        inputName: '雪毛鸡配合饲料',
        inputKind: 'feed',
        dose: { value: 1.5, unit: 't' },
        safetyIntervalDays: 0,
      },
      // For a veterinary drug the interval is its withdrawal period (休药期).
      {
        kind: 'farmInput',
        at: c.at(-20, '08:00'),
        inputName: '10%恩诺沙星溶液',
        activeIngredient: 'enrofloxacin',
        inputKind: 'veterinary_drug',
        dose: { value: 200, unit: 'g' },
        safetyIntervalDays: 8,
      },
      { kind: 'harvest', at: c.at(1, '04:00'), quantity: head(180) },
      {
        kind: 'preCooling',
        at: c.at(1, '05:00'),
        by: 'poultryCoop',
        facility: 'slaughterhouse',
        endedAt: c.at(1, '06:30'),
        coreTemperatureC: 3.2,
      },
      {
        kind: 'test',
        at: c.at(1, '06:40'),
        method: 'veterinary_drug_residue_rapid_test',
        standardRef: 'GB 31650-2019',
        analyte: '喹诺酮类（恩诺沙星+环丙沙星，胶体金法）',
        sampleId: `S-${yymmdd(c.at(1, '06:40'))}-01`,
        value: 12,
        unit: 'µg/kg',
        threshold: 100,
      },
      {
        kind: 'grading',
        at: c.at(1, '07:10'),
        by: 'poultryCoop',
        facility: 'slaughterhouse',
        classes: [
          { grade: 'A级', quantity: head(124), attributes: { weightG: 1380 }, belowGradePct: 2 },
          { grade: 'B级', quantity: head(52), attributes: { weightG: 1150 }, belowGradePct: 5 },
        ],
      },
      {
        kind: 'packing',
        at: c.at(1, '07:40'),
        by: 'poultryCoop',
        facility: 'slaughterhouse',
        lines: [
          { grade: 'A级', count: 120, netWeight: kg(1.35), itemsPerCarton: 10 },
          { grade: 'B级', count: 50, netWeight: kg(1.15), itemsPerCarton: 10 },
        ],
      },
      { kind: 'certificate', at: c.at(1, '08:10'), quantity: head(170), basis: ['commissioned_test'] },
    ],
    legs: [
      // The cooperative's own delivery to the county hub: it has no logged vehicle of its own.
      {
        from: 'slaughterhouse',
        to: 'hub',
        dispatchedAt: c.at(1, '08:40'),
        received: { at: c.at(1, '10:00'), condition: 'intact', temperatureC: 2.6 },
      },
      { from: 'hub', to: 'stationHuangpu', vehicle: 'van', dispatchedAt: c.before(60) },
    ],
  };

  // Packed today and sent on by the demo's recall (recall.ts): one carton reaches a shop, the rest wait at 九峰镇.
  const plumC: BatchPlan = {
    key: 'plumC',
    product: 'plum',
    cooperative: 'plumCoop',
    farmPlot: 'plumPlot',
    lotCode: lot('plum', c.at(0, '06:00')),
    plannedQuantity: kg(100),
    story: 'RECALLED (level II): one carton sold at 茶料村, one returned by 九峰镇服务站, one still there',
    steps: [
      pesticide(c.at(-25, '07:30'), '40%毒死蜱乳油', 'chlorpyrifos', kg(0.2), 21),
      ...producePacked(c, 0, {
        harvestKg: 80,
        coreC: 4.4,
        inhibitionPct: 18.2,
        sampleNo: 3,
        classes: [{ grade: '一级', quantity: kg(75), attributes: { diameterMm: 43, brix: 13.4, weightG: 55 }, belowGradePct: 5 }],
        lines: [{ grade: '一级', count: 36, netWeight: kg(2), itemsPerCarton: 12 }],
      }),
    ],
    legs: [],
  };

  return [chestnutA, plumA, plumB, chestnutB, chicken, plumC];
}
