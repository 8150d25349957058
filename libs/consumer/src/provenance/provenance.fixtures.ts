import type { ProcessStep, TransformationInput, TransformationRecorded } from '@suyuan/processing';
import type { BatchEvent, BatchHarvested, BatchHeld, Quantity, QualityTestRecorded } from '@suyuan/production';
import { batchProjection } from '@suyuan/production';
import { projectEvents } from '@suyuan/readmodels/project-events';
import { Doc, DocWrite, docKey } from '@suyuan/readmodels/projection';
import { recorded, SpecEvent } from '@suyuan/readmodels/testing';
import type { FacilityView, OrganizationView, ProductView, Region } from '@suyuan/registry';
import { provenanceProjection } from './provenance.projection';

/*
 * Two worlds of 乐昌市 for the provenance specs: a tea factory making 乐昌白毛茶 from two
 * cooperatives' fresh leaves and one household's, and a slaughterhouse turning live 雪毛鸡
 * into chilled birds. Events are written as the write side appends them.
 */

export const BEIXIANG: Region = { province: '广东省', city: '韶关市', county: '乐昌市', town: '北乡镇', village: '茶料村' };
export const JIUFENG: Region = { province: '广东省', city: '韶关市', county: '乐昌市', town: '九峰镇', village: '浪石村' };
const REGISTERED = '2026-01-05T00:00:00.000Z';

const organization = (id: string, name: string, role: OrganizationView['role']): OrganizationView => ({
  id,
  name,
  role,
  registeredAt: REGISTERED,
});
const facility = (id: string, name: string, type: FacilityView['type'], owner: OrganizationView, region: Region): FacilityView => ({
  id,
  ownerId: owner.id,
  ownerName: owner.name,
  type,
  name,
  region,
  registeredAt: REGISTERED,
});
const product = (id: string, nameZh: string, nameEn: string, madeFrom?: string[]): ProductView => ({
  id,
  nameZh,
  nameEn,
  category: 'tea',
  storageClass: 'ambient',
  grades: ['特级', '一级'],
  ...(madeFrom && { madeFrom }),
  registeredAt: REGISTERED,
});

export const ORG = {
  teaCoopA: organization('org-tea-coop-a', '乐昌市北乡镇白毛茶专业合作社', 'cooperative'),
  teaCoopB: organization('org-tea-coop-b', '乐昌市九峰镇山茶专业合作社', 'cooperative'),
  teaFactory: organization('org-tea-factory', '乐昌市白毛茶制茶厂', 'processor'),
  lab: organization('org-lab', '乐昌市农产品质量安全检测站', 'testing_lab'),
  poultryFarm: organization('org-poultry', '乐昌市雪毛鸡养殖专业合作社', 'cooperative'),
  slaughterhouse: organization('org-slaughter', '乐昌市禽类定点屠宰场', 'processor'),
};
export const FAC = {
  plotA: facility('fac-plot-a', '茶料村高山茶园 2 号地', 'farm_plot', ORG.teaCoopA, BEIXIANG),
  plotB: facility('fac-plot-b', '浪石村茶园 5 号地', 'farm_plot', ORG.teaCoopB, JIUFENG),
  teaPlant: facility('fac-tea-plant', '北乡镇白毛茶加工厂', 'processing_plant', ORG.teaFactory, { county: '乐昌市', town: '北乡镇' }),
  poultryFarm: facility('fac-poultry-farm', '浪石村雪毛鸡养殖场', 'farm_plot', ORG.poultryFarm, JIUFENG),
  slaughterPlant: facility('fac-slaughter', '乐昌市禽类屠宰车间', 'processing_plant', ORG.slaughterhouse, {
    county: '乐昌市',
    town: '乐城街道',
  }),
};
export const PRODUCT = {
  leaves: product('prd-leaves', '茶叶鲜叶', 'Fresh tea leaves'),
  tea: product('prd-baimao', '乐昌白毛茶', 'Lechang Baimao tea', ['prd-leaves']),
  blend: product('prd-blend', '乐昌白毛茶（拼配）', 'Lechang Baimao tea blend', ['prd-baimao']),
  liveChicken: product('prd-live-chicken', '雪毛鸡（活禽）', 'Live Xuemao chicken'),
  chilledChicken: product('prd-chilled-chicken', '冰鲜雪毛鸡', 'Chilled Xuemao chicken', ['prd-live-chicken']),
};
/** A household as the registry of natural persons holds it: its place, the rest sealed. */
export const HOUSEHOLD = { id: 'psn-tea-1', region: BEIXIANG };

const write = (collection: string, doc: Doc & { id: string }): DocWrite => ({ collection, id: doc.id, doc });

/** What the registry had written before any batch. */
export const REGISTRY: DocWrite[] = [
  ...Object.values(ORG).map((o) => write('organizations', o)),
  ...Object.values(FAC).map((f) => write('facilities', f)),
  ...Object.values(PRODUCT).map((p) => write('products', p)),
  write('persons', HOUSEHOLD),
];

type Event = SpecEvent<BatchEvent | TransformationRecorded>;

export function grownLot(batchId: string, lotCode: string, owner: OrganizationView, plot: FacilityView, productId: string): Event {
  return { type: 'BatchRegistered', data: { batchId, lotCode, productId, cooperativeId: owner.id, farmPlotId: plot.id, grades: [] } };
}

export function harvest(
  batchId: string,
  harvestedAt: string,
  quantity: Quantity,
  plot: FacilityView,
  liveWeight?: Quantity,
): BatchHarvested {
  return {
    type: 'BatchHarvested',
    data: {
      batchId,
      harvestId: `hv-${batchId}-${harvestedAt}`,
      harvestedAt,
      quantity,
      farmPlotId: plot.id,
      ...(liveWeight && { liveWeight }),
    },
  };
}

export function test(
  batchId: string,
  testId: string,
  testedAt: string,
  method: string,
  value: number,
  passed: boolean,
): QualityTestRecorded {
  const pesticide = method.startsWith('pesticide');
  return {
    type: 'QualityTestRecorded',
    data: {
      batchId,
      testId,
      labId: ORG.lab.id,
      method,
      ...(pesticide && { standardRef: 'GB/T 5009.199-2003' }),
      sampleId: `S-${testId}`,
      testedAt,
      value,
      unit: '%',
      threshold: 50,
      passed,
    },
  };
}

export function held(batchId: string, testId: string, heldAt: string): BatchHeld {
  return { type: 'BatchHeld', data: { batchId, family: 'pesticide', reason: 'failed_safety_test', testId, heldAt } };
}

/**
 * A transformation as the write side appends it: each input reserved, the transformation,
 * the output lot registered and produced, each reservation consumed.
 */
export function transformation(
  t: Omit<TransformationRecorded['data'], 'inputs' | 'outputs'>,
  inputs: TransformationInput[],
  output: { batchId: string; lotCode: string; productId: string; quantity: Quantity; weightKg?: number },
): Event[] {
  const { transformationId, processorId, plantId, startedAt, endedAt } = t;
  return [
    ...inputs.map((input): Event => ({
      type: 'BatchInputReserved',
      data: { batchId: input.batchId, transformationId, processorId, quantity: input.quantity, reservedAt: startedAt },
    })),
    { type: 'TransformationRecorded', data: { ...t, inputs, outputs: [{ ...output, newLot: true }] } },
    {
      type: 'BatchRegistered',
      data: {
        batchId: output.batchId,
        lotCode: output.lotCode,
        productId: output.productId,
        cooperativeId: processorId,
        origin: { kind: 'transformation', transformationId, plantId },
        grades: [],
      },
    },
    { type: 'BatchProduced', data: { batchId: output.batchId, transformationId, quantity: output.quantity, producedAt: endedAt } },
    ...inputs.map((input): Event => ({
      type: 'BatchInputConsumed',
      data: { batchId: input.batchId, transformationId, consumedAt: endedAt },
    })),
  ];
}

export const TEA = {
  leavesA: { batchId: 'bat-leaves-a', lotCode: 'BX-0402', productId: PRODUCT.leaves.id, ownerId: ORG.teaCoopA.id },
  leavesB: { batchId: 'bat-leaves-b', lotCode: 'JF-0402', productId: PRODUCT.leaves.id, ownerId: ORG.teaCoopB.id },
  bought: { batchId: 'bat-bought', lotCode: 'SG-0402', productId: PRODUCT.leaves.id, ownerId: ORG.teaFactory.id },
  tea: { batchId: 'bat-tea', lotCode: 'BM-0403', productId: PRODUCT.tea.id },
  transformationId: 'trf-tea-0403',
  startedAt: '2026-04-03T08:00:00+08:00',
  steps: <ProcessStep[]>[
    { name: '杀青', startedAt: '2026-04-03T08:30:00+08:00', parameters: { temperatureC: 260, minutes: 3 } },
    { name: '揉捻', parameters: { minutes: 40 } },
    { name: '烘干', parameters: { temperatureC: 90, minutes: 60 } },
  ],
};

/** Fresh leaves from two cooperatives' plots and one household, made into one lot of 乐昌白毛茶. */
export function teaEvents(): Event[] {
  const kg = (value: number) => ({ value, unit: 'kg' });
  return [
    grownLot(TEA.leavesA.batchId, TEA.leavesA.lotCode, ORG.teaCoopA, FAC.plotA, PRODUCT.leaves.id),
    harvest(TEA.leavesA.batchId, '2026-04-02T06:00:00+08:00', kg(300), FAC.plotA),
    test(TEA.leavesA.batchId, 'qt-a-1', '2026-04-02T10:00:00+08:00', 'pesticide_residue_rapid_test', 12.5, true),
    grownLot(TEA.leavesB.batchId, TEA.leavesB.lotCode, ORG.teaCoopB, FAC.plotB, PRODUCT.leaves.id),
    harvest(TEA.leavesB.batchId, '2026-04-01T06:00:00+08:00', kg(120), FAC.plotB),
    harvest(TEA.leavesB.batchId, '2026-04-02T06:00:00+08:00', kg(80), FAC.plotB),
    test(TEA.leavesB.batchId, 'qt-b-1', '2026-04-02T11:00:00+08:00', 'pesticide_residue_rapid_test', 20, true),
    test(TEA.leavesB.batchId, 'qt-b-moisture', '2026-04-02T11:10:00+08:00', 'moisture', 75, true),
    {
      type: 'BatchRegistered',
      data: {
        batchId: TEA.bought.batchId,
        lotCode: TEA.bought.lotCode,
        productId: PRODUCT.leaves.id,
        cooperativeId: ORG.teaFactory.id,
        origin: { kind: 'purchase', plantId: FAC.teaPlant.id },
        grades: [],
      },
    },
    {
      type: 'BatchPurchasedFromHousehold',
      data: {
        batchId: TEA.bought.batchId,
        purchaseId: 'pur-0402-1',
        personId: HOUSEHOLD.id,
        quantity: kg(50),
        purchasedAt: '2026-04-02T16:00:00+08:00',
        harvestedAt: '2026-04-02T07:00:00+08:00',
      },
    },
    ...transformation(
      {
        transformationId: TEA.transformationId,
        processorId: ORG.teaFactory.id,
        plantId: FAC.teaPlant.id,
        process: 'tea_processing',
        startedAt: TEA.startedAt,
        endedAt: '2026-04-03T20:00:00+08:00',
        steps: TEA.steps,
        yieldPct: 22,
      },
      [
        { ...TEA.leavesA, quantity: kg(300) },
        { ...TEA.leavesB, quantity: kg(200) },
        { ...TEA.bought, quantity: kg(50) },
      ],
      { ...TEA.tea, quantity: kg(121) },
    ),
  ];
}

export const CHICKEN = {
  live: { batchId: 'bat-live', lotCode: 'XM-0510', productId: PRODUCT.liveChicken.id, ownerId: ORG.poultryFarm.id },
  chilled: { batchId: 'bat-chilled', lotCode: 'LP-0510', productId: PRODUCT.chilledChicken.id },
  transformationId: 'trf-slaughter-0510',
};

/** A batch of 200 live birds (400 kg) slaughtered into 200 chilled ones under a quarantine certificate. */
export function chickenEvents(): Event[] {
  return [
    grownLot(CHICKEN.live.batchId, CHICKEN.live.lotCode, ORG.poultryFarm, FAC.poultryFarm, PRODUCT.liveChicken.id),
    harvest(CHICKEN.live.batchId, '2026-05-10T05:00:00+08:00', { value: 200, unit: 'head' }, FAC.poultryFarm, { value: 400, unit: 'kg' }),
    test(CHICKEN.live.batchId, 'qt-live-1', '2026-05-10T05:30:00+08:00', 'veterinary_drug_residue_rapid_test', 5, true),
    ...transformation(
      {
        transformationId: CHICKEN.transformationId,
        processorId: ORG.slaughterhouse.id,
        plantId: FAC.slaughterPlant.id,
        process: 'slaughter',
        startedAt: '2026-05-10T08:00:00+08:00',
        endedAt: '2026-05-10T11:00:00+08:00',
        steps: [
          { name: '屠宰', startedAt: '2026-05-10T08:00:00+08:00', endedAt: '2026-05-10T10:00:00+08:00', parameters: {} },
          { name: '预冷', parameters: { temperatureC: 2, minutes: 60 } },
        ],
        quarantineCertificateNo: 'A44-20260510-0012',
        yieldPct: 72.5,
      },
      [{ ...CHICKEN.live, quantity: { value: 200, unit: 'head' }, weightKg: 400 }],
      { ...CHICKEN.chilled, quantity: { value: 200, unit: 'piece' }, weightKg: 290 },
    ),
  ];
}

/**
 * Runs the batches and provenance projections over `events`, as the inline projector does, on
 * top of `given` documents: the documents as they stand after the last event.
 */
export function projected(events: readonly Event[], given: readonly DocWrite[] = REGISTRY): Map<string, Doc | undefined> {
  const docs = new Map<string, Doc | undefined>(given.map((w) => [docKey(w.collection, w.id), w.doc ?? undefined]));
  events.forEach((event, i) => {
    const writes = projectEvents(
      [batchProjection, provenanceProjection],
      [recorded(event, i + 1)],
      (refs) => new Map(refs.map((r) => [docKey(r.collection, r.id), docs.get(docKey(r.collection, r.id))])),
    );
    for (const w of writes) docs.set(docKey(w.collection, w.id), w.doc ?? undefined);
  });
  return docs;
}
