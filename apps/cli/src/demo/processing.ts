import { idNumberCheckCharacter } from '@suyuan/registry';
import { ApiClient, FacilityKey, OrgKey, PRODUCTS, ProductKey, lechang } from '../world';
import { DemoClock, iso, yymmdd } from './clock';
import { WorldIds } from './production';

/** One output lot of a transformation, packed into coded items. */
export interface ProcessedLot {
  key: string;
  product: string;
  batchId: string;
  lotCode: string;
  transformationId: string;
  /** Outputs' weight over inputs', as the server computed it. */
  yieldPct: number;
  story: string;
  itemCount: number;
  cartonCount: number;
  scanUrls: string[];
}

interface Quantity {
  value: number;
  unit: string;
}

interface TransformationAnswer {
  id: string;
  yieldPct: number;
  outputs: { batchId: string; lotCode: string }[];
}

interface PackingAnswer {
  cartons: { cartonId: string }[];
  items: { scanUrl: string }[];
}

const kg = (value: number): Quantity => ({ value, unit: 'kg' });

/**
 * The household that sells leaves to the factory (a made-up person with a valid 居民身份证号码).
 * Its name and number go to the server's personal-data store only: never into demo.json or a page.
 */
export const HOUSEHOLD = {
  name: '李秋菊',
  idNumber: `44028119680914302${idNumberCheckCharacter('44028119680914302')}`,
  region: lechang('沙坪镇', '龙塘村'),
};

/** The tea factory's process (初制): fixing the green, rolling, drying. */
const TEA_STEPS = [
  { name: '摊青', parameters: { minutes: 120 } },
  { name: '杀青', parameters: { temperatureC: 260, minutes: 3 } },
  { name: '揉捻', parameters: { minutes: 40 } },
  { name: '烘干', parameters: { temperatureC: 90, minutes: 60 } },
];

/**
 * The county's processing on day 0: the tea factory blends leaves from two cooperatives' gardens
 * and one household into a lot of 乐昌白毛茶 (22 % by weight), records a second lot that claims
 * 40 % (more tea than the leaves could make), and the slaughterhouse turns a flock of live 雪毛鸡
 * into chilled birds (75 % of the live weight).
 */
export async function processWorld(api: ApiClient, world: WorldIds, c: DemoClock, runSuffix: string): Promise<ProcessedLot[]> {
  const keyOf = (org: OrgKey) => world.orgs[org].apiKey;
  const lot = (product: ProductKey, at: Date, tag = '') => `${PRODUCTS[product].lotPrefix}${yymmdd(at)}-${runSuffix.toUpperCase()}${tag}`;
  const factory = keyOf('teaFactory');
  const plant = world.facilities.teaFactory;

  /** Leaves picked at dawn, passed by the county lab's rapid test, handed to the factory. */
  const leaves = async (step: string, coop: OrgKey, plot: FacilityKey, kgPicked: number, tag: string, sampleNo: number) => {
    const batch = await api.post<{ id: string }>(
      '/api/batches',
      keyOf(coop),
      { productId: world.products.teaLeaves, farmPlotId: world.facilities[plot], lotCode: lot('teaLeaves', c.at(0, '06:00'), tag) },
      `${step}-register`,
    );
    await api.post(
      `/api/batches/${batch.id}/harvests`,
      keyOf(coop),
      { harvestedAt: iso(c.at(0, '06:00')), quantity: kg(kgPicked) },
      `${step}-harvest`,
    );
    await api.post(
      `/api/batches/${batch.id}/quality-tests`,
      keyOf('lab'),
      {
        facilityId: world.facilities.lab,
        method: 'pesticide_residue_rapid_test',
        standardRef: 'GB/T 5009.199-2003',
        analyte: '有机磷和氨基甲酸酯类农药（酶抑制率法）',
        sampleId: `S-${yymmdd(c.at(0, '06:40'))}-T${sampleNo}`,
        testedAt: iso(c.at(0, '06:40')),
        value: 10 + sampleNo * 3.4,
        unit: '%',
        threshold: 50,
      },
      `${step}-test`,
    );
    await handOver(api, world, batch.id, coop, 'teaFactory', c.at(0, '07:00'), step);
    return batch.id;
  };
  const leavesA = await leaves('leavesA', 'teaCoop', 'teaPlot', 100, 'A', 1);
  const leavesB = await leaves('leavesB', 'teaCoop2', 'teaPlot2', 120, 'B', 2);
  const person = await api.post<{ id: string }>('/api/persons', factory, HOUSEHOLD, 'household');
  const bought = await api.post<{ lot: { id: string } }>(
    '/api/purchases',
    factory,
    {
      personId: person.id,
      productId: world.products.teaLeaves,
      plantId: plant,
      lotCode: lot('teaLeaves', c.at(0, '07:30'), 'H'),
      quantity: kg(20),
      harvestedAt: iso(c.at(0, '05:30')),
      purchasedAt: iso(c.at(0, '07:30')),
    },
    'household-purchase',
  );

  const transform = (step: string, body: object) => api.post<TransformationAnswer>('/api/transformations', factory, body, step);
  // 100 + 80 + 20 kg of leaves → 44 kg of tea: 22 %.
  const blended = await transform('teaBlend', {
    plantId: plant,
    process: 'tea_processing',
    startedAt: iso(c.at(0, '08:00')),
    endedAt: iso(c.at(0, '16:00')),
    steps: TEA_STEPS,
    inputs: [
      { batchId: leavesA, whole: true },
      { batchId: leavesB, quantity: kg(80) },
      { batchId: bought.lot.id, whole: true },
    ],
    outputs: [{ productId: world.products.tea, lotCode: lot('tea', c.at(0, '16:00'), 'A'), quantity: kg(44) }],
  });
  // The last 40 kg of the second garden's leaves → 16 kg of tea: 40 %, beyond what leaves can give.
  const inflated = await transform('teaInflated', {
    plantId: plant,
    process: 'tea_processing',
    startedAt: iso(c.at(0, '09:00')),
    endedAt: iso(c.at(0, '17:00')),
    steps: TEA_STEPS,
    inputs: [{ batchId: leavesB, whole: true }],
    outputs: [{ productId: world.products.tea, lotCode: lot('tea', c.at(0, '17:00'), 'B'), quantity: kg(16) }],
  });

  const teaLot = await finish(api, world, {
    key: 'teaBlend',
    product: 'tea',
    by: 'teaFactory',
    facility: 'teaFactory',
    made: blended,
    test: teaTest(c.at(0, '16:30'), 3),
    grading: { at: c.at(0, '17:00'), grade: '特级', quantity: kg(44), attributes: { moisturePct: 6.2 } },
    packing: { at: c.at(0, '17:30'), grade: '特级', count: 160, netWeight: kg(0.25), itemsPerCarton: 20 },
    certificateAt: c.at(0, '17:40'),
    story: 'blended from 2 cooperatives’ gardens and 1 household, 22 % by weight; 4 cartons shipped to the county hub',
  });
  const inflatedLot = await finish(api, world, {
    key: 'teaInflated',
    product: 'tea',
    by: 'teaFactory',
    facility: 'teaFactory',
    made: inflated,
    test: teaTest(c.at(0, '17:20'), 4),
    grading: { at: c.at(0, '18:00'), grade: '一级', quantity: kg(16), attributes: { moisturePct: 6.5 } },
    packing: { at: c.at(0, '18:30'), grade: '一级', count: 60, netWeight: kg(0.25), itemsPerCarton: 20 },
    certificateAt: c.at(0, '18:40'),
    story: 'YIELD OUT OF BOUNDS: 16 kg of tea from 40 kg of leaves (40 %, the standard allows 18–25 %)',
  });
  await shipToHub(api, world, teaLot.cartonIds.slice(0, 4), c.at(1, '08:00'), c.at(1, '09:30'));

  const chilled = await slaughter(api, world, c, lot);
  return [teaLot, inflatedLot, chilled].map(({ cartonIds: _cartons, ...out }) => out);
}

/** The county lab's pesticide rapid test of finished tea: inhibition below 50 % passes. */
function teaTest(at: Date, sampleNo: number): FinishPlan['test'] {
  return {
    at,
    body: {
      method: 'pesticide_residue_rapid_test',
      standardRef: 'GB/T 5009.199-2003',
      analyte: '有机磷和氨基甲酸酯类农药（酶抑制率法）',
      sampleId: `S-${yymmdd(at)}-T${sampleNo}`,
      value: 8.6 + sampleNo,
      unit: '%',
      threshold: 50,
    },
  };
}

/** A flock of live 雪毛鸡 harvested (出栏) with its live weight, slaughtered with its 动物检疫合格证明. */
async function slaughter(
  api: ApiClient,
  world: WorldIds,
  c: DemoClock,
  lot: (product: ProductKey, at: Date, tag?: string) => string,
): Promise<ProcessedLot & { cartonIds: string[] }> {
  const coop = world.orgs.poultryCoop.apiKey;
  const flock = await api.post<{ id: string }>(
    '/api/batches',
    coop,
    { productId: world.products.liveChicken, farmPlotId: world.facilities.plotPoultry, lotCode: lot('liveChicken', c.at(0, '04:00')) },
    'flock-register',
  );
  await api.post(
    `/api/batches/${flock.id}/harvests`,
    coop,
    { harvestedAt: iso(c.at(0, '04:00')), quantity: { value: 200, unit: 'head' }, liveWeight: kg(360) },
    'flock-harvest',
  );
  await handOver(api, world, flock.id, 'poultryCoop', 'poultryPlant', c.at(0, '05:00'), 'flock');
  const made = await api.post<TransformationAnswer>(
    '/api/transformations',
    world.orgs.poultryPlant.apiKey,
    {
      plantId: world.facilities.poultryPlant,
      process: 'slaughter',
      startedAt: iso(c.at(0, '05:10')),
      endedAt: iso(c.at(0, '07:00')),
      steps: [
        { name: '屠宰', parameters: { method: '电麻' } },
        { name: '浸烫脱毛', parameters: { temperatureC: 60, minutes: 1 } },
        { name: '净膛', parameters: { minutes: 40 } },
      ],
      inputs: [{ batchId: flock.id, whole: true }],
      // 360 kg live → 270 kg dressed: 75 %.
      outputs: [{ productId: world.products.chicken, lotCode: lot('chicken', c.at(0, '07:00'), 'S'), quantity: kg(270) }],
      quarantineCertificateNo: `A44-0281-${yymmdd(c.at(0, '04:00'))}-0031`,
    },
    'slaughter',
  );
  return finish(api, world, {
    key: 'slaughter',
    product: 'chicken',
    by: 'poultryPlant',
    facility: 'poultryPlant',
    made,
    // GB 12694-2016: chilled carcasses down to a core 4 °C or less, here within 2 h of slaughter.
    preCooling: { at: c.at(0, '07:00'), endedAt: c.at(0, '08:40'), coreTemperatureC: 3.1 },
    test: {
      at: c.at(0, '08:50'),
      body: {
        method: 'veterinary_drug_residue_rapid_test',
        standardRef: 'GB 31650-2019',
        analyte: '喹诺酮类（恩诺沙星+环丙沙星，胶体金法）',
        sampleId: `S-${yymmdd(c.at(0, '08:50'))}-P1`,
        value: 9,
        unit: 'µg/kg',
        threshold: 100,
      },
    },
    grading: { at: c.at(0, '09:10'), grade: 'A级', quantity: kg(270), attributes: { weightG: 1380 } },
    packing: { at: c.at(0, '09:40'), grade: 'A级', count: 180, netWeight: kg(1.4), itemsPerCarton: 10 },
    certificateAt: c.at(0, '10:00'),
    story: 'slaughtered from 200 live birds (360 kg live → 270 kg, 75 %), chilled to 3.1 °C within 2 h',
  });
}

interface FinishPlan {
  key: string;
  product: ProductKey;
  by: OrgKey;
  facility: FacilityKey;
  made: TransformationAnswer;
  preCooling?: { at: Date; endedAt: Date; coreTemperatureC: number };
  test: { at: Date; body: Record<string, unknown> };
  grading: { at: Date; grade: string; quantity: Quantity; attributes: Record<string, number> };
  packing: { at: Date; grade: string; count: number; netWeight: Quantity; itemsPerCarton: number };
  certificateAt: Date;
  story: string;
}

/** An output lot treated like any batch: pre-cooled, tested, graded, packed into coded items, certified by its processor. */
async function finish(api: ApiClient, world: WorldIds, plan: FinishPlan): Promise<ProcessedLot & { cartonIds: string[] }> {
  const { batchId, lotCode } = plan.made.outputs[0];
  const key = world.orgs[plan.by].apiKey;
  const facilityId = world.facilities[plan.facility];
  const post = <T = unknown>(path: string, by: string, body: unknown, step: string) =>
    api.post<T>(`/api/batches/${batchId}/${path}`, by, body, `${plan.key}-${step}`);
  if (plan.preCooling) {
    const { at, endedAt, coreTemperatureC } = plan.preCooling;
    await post('pre-cooling', key, { facilityId, startedAt: iso(at), endedAt: iso(endedAt), coreTemperatureC }, 'pre-cooling');
  }
  await post(
    'quality-tests',
    world.orgs.lab.apiKey,
    { facilityId: world.facilities.lab, testedAt: iso(plan.test.at), ...plan.test.body },
    'test',
  );
  const { grading, packing } = plan;
  await post(
    'grading',
    key,
    {
      facilityId,
      gradedAt: iso(grading.at),
      classes: [{ grade: grading.grade, quantity: grading.quantity, attributes: grading.attributes }],
    },
    'grading',
  );
  const { at: packedAt, ...line } = packing;
  const packed = await post<PackingAnswer>('packing', key, { facilityId, packedAt: iso(packedAt), lines: [line] }, 'packing');
  // A processor that mixes lots issues its own 承诺达标合格证 for the output.
  await post(
    'certificate',
    key,
    { quantity: kg(packing.count * packing.netWeight.value), issuedAt: iso(plan.certificateAt), basis: ['commissioned_test'] },
    'certificate',
  );
  return {
    key: plan.key,
    product: PRODUCTS[plan.product].nameZh,
    batchId,
    lotCode,
    transformationId: plan.made.id,
    yieldPct: plan.made.yieldPct,
    story: plan.story,
    itemCount: packed.items.length,
    cartonCount: packed.cartons.length,
    scanUrls: packed.items.map((item) => item.scanUrl),
    cartonIds: packed.cartons.map((carton) => carton.cartonId),
  };
}

/** 交接: the seller offers the lot, the processor accepts it at once. */
async function handOver(api: ApiClient, world: WorldIds, batchId: string, from: OrgKey, to: OrgKey, at: Date, step: string) {
  const offer = await api.post<{ id: string }>(
    `/api/batches/${batchId}/handovers`,
    world.orgs[from].apiKey,
    { toOrganizationId: world.orgs[to].id, handedOverAt: iso(at) },
    `${step}-handover`,
  );
  await api.post(
    `/api/batches/${batchId}/handovers/${offer.id}/acceptance`,
    world.orgs[to].apiKey,
    { acceptedAt: iso(at) },
    `${step}-acceptance`,
  );
}

/** The factory sends some cartons of tea to the county hub, which receives them. */
async function shipToHub(api: ApiClient, world: WorldIds, cartonIds: string[], dispatchedAt: Date, receivedAt: Date): Promise<void> {
  const shipment = await api.post<{ id: string }>(
    '/api/shipments',
    world.orgs.teaFactory.apiKey,
    {
      fromFacilityId: world.facilities.teaFactory,
      toFacilityId: world.facilities.hub,
      cartonIds,
      dispatchedAt: iso(dispatchedAt),
    },
    'teaBlend-dispatch',
  );
  await api.post(
    `/api/shipments/${shipment.id}/receipt`,
    world.orgs.logistics.apiKey,
    { facilityId: world.facilities.hub, receivedAt: iso(receivedAt), condition: 'intact', temperatureC: 18.5 },
    'teaBlend-receipt',
  );
}
