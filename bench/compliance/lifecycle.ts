import { ApiClient, PRODUCTS } from '../../apps/cli/src/world';
import { World } from './world';

export const ITEMS_PER_BATCH = 100;
const ITEMS_PER_CARTON = 10;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();
/** Where the late batch's logger reads: inside the plum's storage range, so only the deadline is missed. */
const STORED_C = (PRODUCTS.plum.storageRange.minC + PRODUCTS.plum.storageRange.maxC) / 2;

/** What goes wrong with batch `n`: one in ten fails its residue test, another one in ten is delivered late. */
export function mishaps(n: number): { failedTest: boolean; late: boolean } {
  return { failedTest: n % 10 === 3, late: n % 10 === 7 };
}

export interface Produced {
  batchId: string;
  cooperative: number;
  /** None when a failed test held the batch before packing. */
  cartonIds: string[];
}

/**
 * Batch `n` from registration to certificate, harvested at `t0`, every step in the plum
 * standard's limits unless `failedTest`: tested and pre-cooled within 3 h, graded inside the
 * class tolerances, packed (100 items, 10 per carton) within 24 h of harvest. A failed test
 * holds the batch: it is pre-cooled and graded, and goes no further.
 */
export async function produce(api: ApiClient, w: World, n: number, t0: number, failedTest = false): Promise<Produced> {
  const cooperative = n % w.cooperatives.length;
  const coop = w.cooperatives[cooperative];
  const productId = w.products[Math.floor(n / w.cooperatives.length) % w.products.length];
  const { id } = await api.post('/api/batches', coop.key, { productId, farmPlotId: coop.plot });
  const path = `/api/batches/${id}`;
  await api.post(`${path}/harvests`, coop.key, { harvestedAt: iso(t0), quantity: { value: 60, unit: 'kg' } });
  await api.post(`${path}/quality-tests`, coop.key, {
    method: 'pesticide_residue_rapid_test',
    standardRef: 'GB/T 5009.199-2003',
    sampleId: `S-${n}`,
    testedAt: iso(t0 + HOUR),
    value: failedTest ? 62 : 18.2,
    unit: '%',
    threshold: 50,
  });
  await api.post(`${path}/pre-cooling`, coop.key, {
    facilityId: coop.packhouse,
    startedAt: iso(t0 + HOUR),
    endedAt: iso(t0 + 2.5 * HOUR),
    coreTemperatureC: 4.5,
  });
  await api.post(`${path}/grading`, coop.key, {
    facilityId: coop.packhouse,
    gradedAt: iso(t0 + 3 * HOUR),
    classes: [
      { grade: '特级', quantity: { value: 30, unit: 'kg' }, attributes: { diameterMm: 47, brix: 14.5 }, belowGradePct: 3 },
      { grade: '一级', quantity: { value: 30, unit: 'kg' }, attributes: { diameterMm: 42, brix: 12.2 }, belowGradePct: 6 },
    ],
  });
  if (failedTest) return { batchId: id, cooperative, cartonIds: [] };
  const line = (grade: string) => ({
    grade,
    count: ITEMS_PER_BATCH / 2,
    netWeight: { value: 0.5, unit: 'kg' },
    itemsPerCarton: ITEMS_PER_CARTON,
  });
  const packing = await api.post(`${path}/packing`, coop.key, {
    facilityId: coop.packhouse,
    packedAt: iso(t0 + 4 * HOUR),
    lines: [line('特级'), line('一级')],
  });
  await api.post(`${path}/certificate`, coop.key, {
    quantity: { value: 50, unit: 'kg' },
    basis: ['self_tested'],
    issuedAt: iso(t0 + 4.5 * HOUR),
  });
  return { batchId: id, cooperative, cartonIds: packing.cartons.map((c: { cartonId: string }) => c.cartonId) };
}

/**
 * Packhouse → county hub by truck → village point by van, delivered; legs and stays of 20
 * minutes, within what the standard lets go unmeasured. A late batch waits 50 h at the village
 * point (past the 48 h hub-to-village limit) with a logger travelling with its cartons.
 */
export async function deliver(api: ApiClient, w: World, n: number, p: Produced, at: number, late = false): Promise<void> {
  const coop = w.cooperatives[p.cooperative];
  const truck = w.trucks[n % w.trucks.length];
  const van = w.vans[n % w.vans.length];
  const village = w.villages[n % w.villages.length];
  const leg1 = await api.post('/api/shipments', coop.key, {
    fromFacilityId: coop.packhouse,
    toFacilityId: w.hub,
    vehicleId: truck,
    cartonIds: p.cartonIds,
    dispatchedAt: iso(at),
  });
  await api.post(`/api/shipments/${leg1.id}/receipt`, w.logistics, {
    facilityId: w.hub,
    receivedAt: iso(at + 20 * MINUTE),
    condition: 'intact',
    temperatureC: 2.1,
  });
  const hubDispatch = at + 40 * MINUTE;
  const leg2 = await api.post('/api/shipments', w.logistics, {
    fromFacilityId: w.hub,
    toFacilityId: village,
    vehicleId: van,
    cartonIds: p.cartonIds,
    dispatchedAt: iso(hubDispatch),
  });
  const arrived = at + 60 * MINUTE;
  await api.post(`/api/shipments/${leg2.id}/receipt`, w.logistics, {
    facilityId: village,
    receivedAt: iso(arrived),
    condition: 'intact',
    temperatureC: 2.3,
  });
  const deliveredAt = late ? hubDispatch + 50 * HOUR : arrived + 20 * MINUTE;
  if (late) {
    const readings = Array.from({ length: (deliveredAt - arrived) / (10 * MINUTE) }, (_, i) => ({
      at: iso(arrived + i * 10 * MINUTE),
      temperatureC: STORED_C,
    }));
    await api.post('/api/cold-chain/readings', w.logistics, { facilityId: village, deviceId: `TL-B${n}`, readings });
  }
  await api.post(`/api/shipments/${leg2.id}/delivery`, w.logistics, {
    facilityId: village,
    deliveredAt: iso(deliveredAt),
    recipient: '茶料村便民店',
  });
}

/** Batch `n`'s whole life through the API, harvested at `t0`, with its mishaps. Returns how many requests it took. */
export async function lifecycle(api: ApiClient, w: World, n: number, t0: number): Promise<number> {
  const { failedTest, late } = mishaps(n);
  const produced = await produce(api, w, n, t0, failedTest);
  // Held after its failed test: not packed, certified or shipped.
  if (failedTest) return 5;
  await deliver(api, w, n, produced, t0 + 5 * HOUR, late);
  return late ? 13 : 12;
}
