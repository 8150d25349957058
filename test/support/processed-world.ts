import { Call, FACILITIES, ORGANIZATIONS, PRODUCTS, productBody, registerProduct } from '../../apps/cli/src/world';
import { Org, expectOk, registerCountyFacility, registerCountyOrg } from './fixtures';
import { handOver } from './small-world';
import { ADMIN_KEY } from './test-app';

const T = (hhmm: string, day = 10) => `2026-04-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;

/** A lot an item was made from, as a test checks it on the item's page. */
export interface InputLot {
  id: string;
  lotCode: string;
}

/** A household sold leaves to the factory: what must never show on a page, and where it lives. */
export const HOUSEHOLD = {
  name: '邓桂兰',
  idNumber: '440281197809153021',
  region: { province: '广东省', county: '乐昌市', town: '沙坪镇', village: '龙塘村' },
};

/** The county's tea and poultry processing, through the API: processed items with their inputs. */
export interface ProcessedWorld {
  lab: Org;
  tea: { scanUrl: string; lotCode: string; leavesA: InputLot; leavesB: InputLot; bought: InputLot; personId: string };
  chicken: { scanUrl: string; flock: InputLot; quarantineCertificateNo: string };
  names: { teaCoop: string; teaCoop2: string; teaFactory: string; teaPlot: string; teaPlot2: string; poultryCoop: string };
}

/** Who processes in the county, through the API: tea growers and their factory, a poultry farm and its slaughterhouse, the lab. */
export interface ProcessingParticipants {
  orgs: { teaCoop: Org; teaCoop2: Org; factory: Org; lab: Org; poultryCoop: Org; slaughterhouse: Org };
  facilities: { plot1: string; plot2: string; plant: string; poultryPlot: string; poultryPlant: string };
  /** Finished tea is made from the leaves, chilled birds from live ones. */
  products: { leaves: string; tea: string; live: string; chilled: string };
}

export async function processingParticipants(call: Call): Promise<ProcessingParticipants> {
  const [teaCoop, teaCoop2, factory, lab, poultryCoop, slaughterhouse] = await Promise.all(
    (['teaCoop', 'teaCoop2', 'teaFactory', 'lab', 'poultryCoop', 'poultryPlant'] as const).map((org) => registerCountyOrg(call, org)),
  );
  const [plot1, plot2, plant, poultryPlot, poultryPlant] = await Promise.all([
    registerCountyFacility(call, teaCoop, 'teaPlot'),
    registerCountyFacility(call, teaCoop2, 'teaPlot2'),
    registerCountyFacility(call, factory, 'teaFactory'),
    registerCountyFacility(call, poultryCoop, 'plotPoultry'),
    registerCountyFacility(call, slaughterhouse, 'poultryPlant'),
  ]);
  const leaves = (await registerProduct(call, ADMIN_KEY, productBody(PRODUCTS.teaLeaves))).id;
  const tea = (await registerProduct(call, ADMIN_KEY, productBody(PRODUCTS.tea, { madeFrom: [leaves] }))).id;
  const live = (await registerProduct(call, ADMIN_KEY, productBody(PRODUCTS.liveChicken))).id;
  const chilled = (await registerProduct(call, ADMIN_KEY, productBody(PRODUCTS.chicken, { madeFrom: [live] }))).id;
  return {
    orgs: { teaCoop, teaCoop2, factory, lab, poultryCoop, slaughterhouse },
    facilities: { plot1, plot2, plant, poultryPlot, poultryPlant },
    products: { leaves, tea, live, chilled },
  };
}

/**
 * A tea factory makes 乐昌白毛茶 from leaves picked on two cooperatives' plots (each tested by the
 * county lab) and leaves bought from one household, and packs it; a slaughterhouse turns live
 * 雪毛鸡 into chilled birds, packed one per bag.
 */
export async function processedWorld(call: Call): Promise<ProcessedWorld> {
  const { orgs, facilities, products } = await processingParticipants(call);
  const { teaCoop, teaCoop2, factory, lab, poultryCoop, slaughterhouse } = orgs;
  const { plot1, plot2, plant, poultryPlot, poultryPlant } = facilities;
  const { leaves, tea, live, chilled } = products;
  const post = <T = any>(path: string, key: string, body: unknown) => expectOk<T>(call('POST', path, { key, body }));

  /** Leaves picked on a plot, passed by the lab's rapid test, handed to the factory. */
  async function leavesLot(coop: Org, plot: string, kg: number): Promise<InputLot> {
    const batch = await post('/api/batches', coop.key, { productId: leaves, farmPlotId: plot });
    await post(`/api/batches/${batch.id}/harvests`, coop.key, { harvestedAt: T('06:00'), quantity: { value: kg, unit: 'kg' } });
    await rapidTest(call, lab, batch.id, T('06:40'));
    await handOver(call, batch.id, coop, factory, T('07:00'));
    return { id: batch.id, lotCode: batch.lotCode };
  }
  const leavesA = await leavesLot(teaCoop, plot1, 100);
  const leavesB = await leavesLot(teaCoop2, plot2, 80);
  const person = await post('/api/persons', factory.key, HOUSEHOLD);
  const purchase = await post('/api/purchases', factory.key, {
    personId: person.id,
    productId: leaves,
    plantId: plant,
    quantity: { value: 20, unit: 'kg' },
    harvestedAt: T('05:30'),
    purchasedAt: T('07:30'),
  });
  const made = await post('/api/transformations', factory.key, {
    plantId: plant,
    process: 'tea_processing',
    startedAt: T('08:00'),
    endedAt: T('16:00'),
    steps: [
      { name: '杀青', startedAt: T('08:30'), endedAt: T('09:00'), parameters: { temperatureC: 260, minutes: 3 } },
      { name: '揉捻', parameters: { minutes: 40 } },
      { name: '烘干', parameters: { temperatureC: 90, minutes: 60 } },
    ],
    inputs: [
      { batchId: leavesA.id, whole: true },
      { batchId: leavesB.id, quantity: { value: 60, unit: 'kg' } },
      { batchId: purchase.lot.id, whole: true },
    ],
    outputs: [{ productId: tea, lotCode: 'LCBMC260410A', quantity: { value: 35, unit: 'kg' } }],
  });
  const teaItem = await gradeAndPack(call, factory, made.outputs[0].batchId, plant, T('18:00'), { value: 0.25, unit: 'kg' });

  const flock = await post('/api/batches', poultryCoop.key, { productId: live, farmPlotId: poultryPlot });
  await post(`/api/batches/${flock.id}/harvests`, poultryCoop.key, {
    harvestedAt: T('05:00'),
    quantity: { value: 200, unit: 'head' },
    liveWeight: { value: 360, unit: 'kg' },
  });
  await handOver(call, flock.id, poultryCoop, slaughterhouse, T('06:00'));
  const quarantineCertificateNo = 'A44-0281-260410-0031';
  const slaughtered = await post('/api/transformations', slaughterhouse.key, {
    plantId: poultryPlant,
    process: 'slaughter',
    startedAt: T('07:00'),
    endedAt: T('09:00'),
    steps: [{ name: '屠宰', startedAt: T('07:10'), endedAt: T('08:30'), parameters: { method: '电麻' } }],
    inputs: [{ batchId: flock.id, whole: true }],
    outputs: [{ productId: chilled, quantity: { value: 270, unit: 'kg' } }],
    quarantineCertificateNo,
  });
  const bird = await gradeAndPack(call, slaughterhouse, slaughtered.outputs[0].batchId, poultryPlant, T('10:00'), {
    value: 1.35,
    unit: 'kg',
  });

  return {
    lab,
    tea: {
      scanUrl: teaItem.scanUrl,
      lotCode: made.outputs[0].lotCode,
      leavesA,
      leavesB,
      bought: { id: purchase.lot.id, lotCode: purchase.lot.lotCode },
      personId: person.id,
    },
    chicken: { scanUrl: bird.scanUrl, flock: { id: flock.id, lotCode: flock.lotCode }, quarantineCertificateNo },
    names: {
      teaCoop: ORGANIZATIONS.teaCoop.name,
      teaCoop2: ORGANIZATIONS.teaCoop2.name,
      teaFactory: ORGANIZATIONS.teaFactory.name,
      teaPlot: FACILITIES.teaPlot.name,
      teaPlot2: FACILITIES.teaPlot2.name,
      poultryCoop: ORGANIZATIONS.poultryCoop.name,
    },
  };
}

/** The county lab's pesticide rapid test of a lot: inhibition below 50 % passes. */
export function rapidTest(call: Call, lab: Org, batchId: string, testedAt: string, inhibitionPct = 12.5) {
  return expectOk(
    call('POST', `/api/batches/${batchId}/quality-tests`, {
      key: lab.key,
      body: {
        method: 'pesticide_residue_rapid_test',
        standardRef: 'GB/T 5009.199-2003',
        sampleId: `S-${batchId.slice(-6)}-${testedAt.slice(8, 10)}${testedAt.slice(11, 13)}`,
        testedAt,
        value: inhibitionPct,
        unit: '%',
        threshold: 50,
      },
    }),
  );
}

/** The lab finds pesticide residue in the second cooperative's leaves, two days after they were made into tea. */
export function failSecondLeaves(call: Call, w: ProcessedWorld) {
  return rapidTest(call, w.lab, w.tea.leavesB.id, T('09:00', 12), 71);
}

async function gradeAndPack(
  call: Call,
  owner: Org,
  batchId: string,
  plant: string,
  at: string,
  netWeight: { value: number; unit: string },
) {
  const lot = await expectOk(call('GET', `/api/batches/${batchId}`, { key: owner.key }));
  const grade = lot.product.grades[0];
  await expectOk(
    call('POST', `/api/batches/${batchId}/grading`, {
      key: owner.key,
      body: { facilityId: plant, gradedAt: at, classes: [{ grade, quantity: { value: 5, unit: 'kg' }, attributes: {} }] },
    }),
  );
  const packed = await expectOk(
    call('POST', `/api/batches/${batchId}/packing`, {
      key: owner.key,
      body: { facilityId: plant, packedAt: at, lines: [{ grade, count: 2, netWeight, itemsPerCarton: 2 }] },
    }),
  );
  return packed.items[0] as { code: string; scanUrl: string };
}
