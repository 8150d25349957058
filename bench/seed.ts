import { Api } from './api';

export const ITEMS_PER_BATCH = 5000;
const ITEMS_PER_CARTON = 10;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const region = { province: '广东省', city: '韶关市', county: '乐昌市', town: '北乡镇', village: '北乡村' };

export type Region = Record<string, string>;

/** 黄金柰李 as the county registers it. */
export const PLUM = {
  nameZh: '黄金柰李',
  nameEn: 'Huangjin Nai plum',
  category: 'stone fruit',
  storageClass: 'chilled',
  storageRange: { minC: 0, maxC: 4 },
  transportRange: { minC: 0, maxC: 6 },
  gtin: '6901234567892',
  grades: ['特级', '一级', '二级'],
};

/** An organization and an API key for it; returns the key. */
export async function registerOrg(call: Api, adminKey: string, name: string, role: string, region: Region): Promise<string> {
  const { id } = await call('POST', '/api/organizations', adminKey, { name, role, region });
  const { apiKey } = await call('POST', `/api/organizations/${id}/api-keys`, adminKey, { label: 'bench' });
  return apiKey as string;
}

export async function registerFacility(call: Api, key: string, type: string, name: string, region: Region, plate?: string): Promise<string> {
  return (await call('POST', '/api/facilities', key, { type, name, region, plate })).id as string;
}

export interface Seeded {
  codes: string[];
  cartons: number;
  /** How many items' journeys carry cold-chain readings (shipped cartons). */
  itemsWithColdChain: number;
  logisticsKey: string;
  /** Cold stores for the ingest figure, apart from the scanned journeys. */
  ingestFacilities: string[];
}

/**
 * 100,000 items through the public API, the way a county would record them: a cooperative
 * with a farm plot and packhouse, a logistics company with a county hub, a truck, a van and a
 * village point. Every batch is grown, tested, graded, certified and packed (5000 items, 10
 * per carton). Half the batches are then trucked to the hub, half of those on by van to a
 * village point, with temperature loggers in the truck, the hub and the van; the packhouse has
 * none. So half the passports show a cold chain and half do not.
 */
export async function seed(call: Api, adminKey: string, batches: number): Promise<Seeded> {
  const now = Date.now();
  const org = (name: string, role: string) => registerOrg(call, adminKey, name, role, region);
  const coop = await org('乐昌市北乡黄金柰李专业合作社', 'cooperative');
  const logistics = await org('乐昌市县域冷链物流有限公司', 'logistics');
  const facility = (key: string, type: string, name: string, plate?: string) => registerFacility(call, key, type, name, region, plate);
  const plot = await facility(coop, 'farm_plot', '北乡村三组果园');
  const packhouse = await facility(coop, 'packhouse', '北乡镇预冷分级包装中心');
  const hub = await facility(logistics, 'county_hub', '乐昌市县级物流中心');
  const truck = await facility(logistics, 'vehicle', '县域冷链干线车', '粤F·C1234');
  const van = await facility(logistics, 'vehicle', '县乡冷链配送车', '粤F·D5678');
  const village = await facility(logistics, 'village_point', '北乡村村级服务点');
  const ingestFacilities: string[] = [];
  for (let i = 0; i < 4; i++) ingestFacilities.push(await facility(logistics, 'cold_store', `县冷库 ${i + 1} 号库`));
  const { id: productId } = await call('POST', '/api/products', adminKey, PLUM);

  // Batches pack and ship 10 minutes apart, closer when there are many: every step stays in the past.
  const spacing = Math.min(10 * 60_000, (12 * HOUR) / Math.max(1, batches));
  const codes: string[] = [];
  let cartons = 0;
  let itemsWithColdChain = 0;
  // Two batches at a time: the server works on one while the client sends the next.
  for (let b = 0; b < batches; b += 2) {
    const results = await Promise.all(
      [b, b + 1].filter((i) => i < batches).map((i) => growAndPack(call, coop, { plot, packhouse, productId }, i, now, spacing)),
    );
    for (const { batch, items, cartonIds } of results) {
      codes.push(...items);
      cartons += cartonIds.length;
      if (batch % 2 === 0) {
        await ship(call, { coop, logistics }, { packhouse, truck, hub, van, village }, batch, cartonIds, now, spacing);
        itemsWithColdChain += items.length;
      }
    }
  }
  // A gentle swing with a spike now and then, so that some passports show an excursion.
  const minutes = (from: number, to: number, every: number, base: number) =>
    Array.from({ length: Math.floor((to - from) / (every * 60_000)) }, (_, i) => ({
      at: iso(from + i * every * 60_000),
      temperatureC: Math.round((base + Math.sin(i / 7) * 1.5 + (i % 97 === 0 ? 5 : 0)) * 10) / 10,
      humidityPct: 90,
    }));
  const start = now - 24 * HOUR - HOUR;
  await call('POST', '/api/cold-chain/readings', logistics, { facilityId: truck, deviceId: 'TL-TRUCK', readings: minutes(start, now - 12 * HOUR, 2, 2.5) });
  await call('POST', '/api/cold-chain/readings', logistics, { facilityId: hub, deviceId: 'TL-HUB', readings: minutes(start, now - 60_000, 5, 1.8) });
  await call('POST', '/api/cold-chain/readings', logistics, { facilityId: van, deviceId: 'TL-VAN', readings: minutes(start, now - 60_000, 2, 3) });
  return { codes, cartons, itemsWithColdChain, logisticsKey: logistics, ingestFacilities };
}

async function growAndPack(
  call: Api,
  coop: string,
  at: { plot: string; packhouse: string; productId: string },
  batch: number,
  now: number,
  spacing: number,
): Promise<{ batch: number; items: string[]; cartonIds: string[] }> {
  const t0 = now - 72 * HOUR + batch * 60_000;
  const { id } = await call('POST', '/api/batches', coop, { productId: at.productId, farmPlotId: at.plot, lotCode: `LC${batch.toString().padStart(4, '0')}` });
  const path = `/api/batches/${id}`;
  await call('POST', `${path}/farm-inputs`, coop, {
    inputName: '吡虫啉可湿性粉剂', activeIngredient: 'imidacloprid', kind: 'pesticide',
    dose: { value: 1.5, unit: 'kg' }, appliedAt: iso(t0 - 30 * 24 * HOUR), safetyIntervalDays: 14,
  });
  await call('POST', `${path}/harvests`, coop, { harvestedAt: iso(t0), quantity: { value: 3000, unit: 'kg' } });
  await call('POST', `${path}/quality-tests`, coop, {
    method: 'pesticide_residue_rapid_test', standardRef: 'GB/T 5009.199-2003', analyte: 'organophosphate & carbamate',
    sampleId: `S-${batch}`, testedAt: iso(t0 + HOUR), value: 18.2, unit: '%', threshold: 50,
  });
  await call('POST', `${path}/pre-cooling`, coop, { facilityId: at.packhouse, startedAt: iso(t0 + 2 * HOUR), endedAt: iso(t0 + 5 * HOUR), coreTemperatureC: 4.5 });
  await call('POST', `${path}/grading`, coop, {
    facilityId: at.packhouse, gradedAt: iso(t0 + 6 * HOUR),
    classes: [
      { grade: '特级', quantity: { value: 1500, unit: 'kg' }, attributes: { diameterMm: 45, brix: 14.2 } },
      { grade: '一级', quantity: { value: 1500, unit: 'kg' }, attributes: { diameterMm: 38, brix: 13.1 } },
    ],
  });
  await call('POST', `${path}/certificate`, coop, { quantity: { value: 2500, unit: 'kg' }, basis: ['self_tested'], issuedAt: iso(t0 + 7 * HOUR), contactPhone: '0751-5551234' });
  const line = (grade: string) => ({ grade, count: ITEMS_PER_BATCH / 2, netWeight: { value: 0.5, unit: 'kg' }, itemsPerCarton: ITEMS_PER_CARTON });
  const packing = await call('POST', `${path}/packing`, coop, {
    facilityId: at.packhouse, packedAt: iso(now - 48 * HOUR + batch * spacing), lines: [line('特级'), line('一级')],
  });
  return { batch, items: packing.items.map((i: { code: string }) => i.code), cartonIds: packing.cartons.map((c: { cartonId: string }) => c.cartonId) };
}

/** Packhouse → truck → county hub; every other shipped batch goes on by van to the village point and is delivered. */
async function ship(
  call: Api,
  keys: { coop: string; logistics: string },
  f: { packhouse: string; truck: string; hub: string; van: string; village: string },
  batch: number,
  cartonIds: string[],
  now: number,
  spacing: number,
): Promise<void> {
  const t = now - 24 * HOUR + batch * spacing;
  const first = await call('POST', '/api/shipments', keys.coop, { fromFacilityId: f.packhouse, toFacilityId: f.hub, vehicleId: f.truck, cartonIds, dispatchedAt: iso(t) });
  await call('POST', `/api/shipments/${first.id}/receipt`, keys.logistics, { facilityId: f.hub, receivedAt: iso(t + 3 * HOUR), condition: 'intact', temperatureC: 2.4 });
  if (batch % 4 !== 0) return;
  const second = await call('POST', '/api/shipments', keys.logistics, { fromFacilityId: f.hub, toFacilityId: f.village, vehicleId: f.van, cartonIds, dispatchedAt: iso(t + 6 * HOUR) });
  await call('POST', `/api/shipments/${second.id}/receipt`, keys.logistics, { facilityId: f.village, receivedAt: iso(t + 8 * HOUR), condition: 'intact', temperatureC: 3.1 });
  await call('POST', `/api/shipments/${second.id}/delivery`, keys.logistics, { facilityId: f.village, deliveredAt: iso(t + 9 * HOUR), recipient: '北乡村供销社' });
}
