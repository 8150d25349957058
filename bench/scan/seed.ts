import {
  ApiClient,
  FACILITIES,
  FacilityKey,
  ORGANIZATIONS,
  OrgKey,
  PRODUCTS,
  TemperatureRange,
  facilityBody,
  numbered,
  productBody,
  registerFacility,
  registerOrganization,
  registerProduct,
} from '../../apps/cli/src/world';

export const ITEMS_PER_BATCH = 5000;
const ITEMS_PER_CARTON = 10;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const PLUM = PRODUCTS.plum;

export interface Seeded {
  codes: string[];
  cartons: number;
  /** How many items' journeys carry cold-chain readings (shipped cartons). */
  itemsWithColdChain: number;
  logisticsKey: string;
  /** Cold stores for the ingest figure, apart from the scanned journeys. */
  ingestFacilities: string[];
}

interface Keys {
  coop: string;
  /** The county packhouse: its id, to hand the goods to, and its key. */
  packer: { id: string; key: string };
  logistics: string;
}

/**
 * Items through the public API (100,000 in `npm run bench`), the way the county records them: the plum cooperative
 * grows every batch on its plot and hands it to the county packhouse, which pre-cools, grades
 * and packs it (5000 items unless told otherwise, 10 per carton); the county logistics centre runs the hub, a truck,
 * a van and a village point. Half the batches are then trucked to the hub, half of those on by
 * van to the village point, with temperature loggers in the truck, the hub and the van; the
 * packhouse has none. So half the passports show a cold chain and half do not.
 */
export async function seed(api: ApiClient, adminKey: string, batches: number, itemsPerBatch = ITEMS_PER_BATCH): Promise<Seeded> {
  const now = Date.now();
  const org = (key: OrgKey) => registerOrganization(api.call, adminKey, ORGANIZATIONS[key], { label: 'bench' });
  const packer = await org('packhouse');
  const keys: Keys = {
    coop: (await org('plumCoop')).apiKey,
    packer: { id: packer.id, key: packer.apiKey },
    logistics: (await org('logistics')).apiKey,
  };
  const facility = async (ownerKey: string, key: FacilityKey) =>
    (await registerFacility(api.call, ownerKey, facilityBody(FACILITIES[key]))).id;
  const plot = await facility(keys.coop, 'plumPlot');
  const packhouse = await facility(keys.packer.key, 'packhouse');
  const hub = await facility(keys.logistics, 'hub');
  const truck = await facility(keys.logistics, 'truck');
  const van = await facility(keys.logistics, 'van');
  const village = await facility(keys.logistics, 'villageChaliao');
  const ingestFacilities: string[] = [];
  for (let i = 1; i <= 4; i++)
    ingestFacilities.push((await registerFacility(api.call, keys.logistics, numbered(facilityBody(FACILITIES.coldStore), i))).id);
  const { id: productId } = await registerProduct(api.call, adminKey, productBody(PLUM));

  // Batches pack and ship 10 minutes apart, closer when there are many: every step stays in the past.
  const spacing = Math.min(10 * 60_000, (12 * HOUR) / Math.max(1, batches));
  const codes: string[] = [];
  let cartons = 0;
  let itemsWithColdChain = 0;
  // Two batches at a time: the server works on one while the client sends the next.
  for (let b = 0; b < batches; b += 2) {
    const results = await Promise.all(
      [b, b + 1]
        .filter((i) => i < batches)
        .map((i) => growAndPack(api, keys, { plot, packhouse, productId }, i, now, spacing, itemsPerBatch)),
    );
    for (const { batch, items, cartonIds } of results) {
      codes.push(...items);
      cartons += cartonIds.length;
      if (batch % 2 === 0) {
        await ship(api, keys, { packhouse, truck, hub, van, village }, batch, cartonIds, now, spacing);
        itemsWithColdChain += items.length;
      }
    }
  }
  // A gentle swing inside the plum's range with a spike now and then, so that some passports show an excursion.
  const minutes = (from: number, to: number, every: number, range: TemperatureRange) =>
    Array.from({ length: Math.floor((to - from) / (every * 60_000)) }, (_, i) => ({
      at: iso(from + i * every * 60_000),
      temperatureC:
        Math.round(((range.minC + range.maxC) / 2 + Math.sin(i / 7) * 0.3 * (range.maxC - range.minC) + (i % 97 === 0 ? 5 : 0)) * 10) / 10,
      humidityPct: 90,
    }));
  const start = now - 24 * HOUR - HOUR;
  const upload = (facilityId: string, deviceId: string, readings: ReturnType<typeof minutes>) =>
    api.post('/api/cold-chain/readings', keys.logistics, { facilityId, deviceId, readings });
  await upload(truck, 'TL-TRUCK', minutes(start, now - 12 * HOUR, 2, PLUM.transportRange));
  await upload(hub, 'TL-HUB', minutes(start, now - 60_000, 5, PLUM.storageRange));
  await upload(van, 'TL-VAN', minutes(start, now - 60_000, 2, PLUM.transportRange));
  return { codes, cartons, itemsWithColdChain, logisticsKey: keys.logistics, ingestFacilities };
}

async function growAndPack(
  api: ApiClient,
  keys: Keys,
  at: { plot: string; packhouse: string; productId: string },
  batch: number,
  now: number,
  spacing: number,
  itemsPerBatch: number,
): Promise<{ batch: number; items: string[]; cartonIds: string[] }> {
  const t0 = now - 72 * HOUR + batch * 60_000;
  const { id } = await api.post('/api/batches', keys.coop, {
    productId: at.productId,
    farmPlotId: at.plot,
    lotCode: `LC${batch.toString().padStart(4, '0')}`,
  });
  const path = `/api/batches/${id}`;
  await api.post(`${path}/farm-inputs`, keys.coop, {
    inputName: '吡虫啉可湿性粉剂',
    activeIngredient: 'imidacloprid',
    kind: 'pesticide',
    dose: { value: 1.5, unit: 'kg' },
    appliedAt: iso(t0 - 30 * 24 * HOUR),
    safetyIntervalDays: 14,
  });
  await api.post(`${path}/harvests`, keys.coop, { harvestedAt: iso(t0), quantity: { value: 3000, unit: 'kg' } });
  await api.post(`${path}/quality-tests`, keys.coop, {
    method: 'pesticide_residue_rapid_test',
    standardRef: 'GB/T 5009.199-2003',
    analyte: 'organophosphate & carbamate',
    sampleId: `S-${batch}`,
    testedAt: iso(t0 + HOUR),
    value: 18.2,
    unit: '%',
    threshold: 50,
  });
  // 交接: the cooperative hands the plums to the county packhouse, which takes them over.
  const handover = await api.post(`${path}/handovers`, keys.coop, { toOrganizationId: keys.packer.id, handedOverAt: iso(t0 + 1.5 * HOUR) });
  await api.post(`${path}/handovers/${handover.id}/acceptance`, keys.packer.key, { acceptedAt: iso(t0 + 1.5 * HOUR) });
  await api.post(`${path}/pre-cooling`, keys.packer.key, {
    facilityId: at.packhouse,
    startedAt: iso(t0 + 2 * HOUR),
    endedAt: iso(t0 + 5 * HOUR),
    coreTemperatureC: 4.5,
  });
  await api.post(`${path}/grading`, keys.packer.key, {
    facilityId: at.packhouse,
    gradedAt: iso(t0 + 6 * HOUR),
    classes: [
      { grade: '特级', quantity: { value: 1500, unit: 'kg' }, attributes: { diameterMm: 45, brix: 14.2 } },
      { grade: '一级', quantity: { value: 1500, unit: 'kg' }, attributes: { diameterMm: 38, brix: 13.1 } },
    ],
  });
  await api.post(`${path}/certificate`, keys.coop, {
    quantity: { value: 2500, unit: 'kg' },
    basis: ['self_tested'],
    issuedAt: iso(t0 + 7 * HOUR),
  });
  const line = (grade: string) => ({
    grade,
    count: itemsPerBatch / 2,
    netWeight: { value: 0.5, unit: 'kg' },
    itemsPerCarton: ITEMS_PER_CARTON,
  });
  const packing = await api.post(`${path}/packing`, keys.packer.key, {
    facilityId: at.packhouse,
    packedAt: iso(now - 48 * HOUR + batch * spacing),
    lines: [line('特级'), line('一级')],
  });
  return {
    batch,
    items: packing.items.map((i: { code: string }) => i.code),
    cartonIds: packing.cartons.map((c: { cartonId: string }) => c.cartonId),
  };
}

/** Packhouse → truck → county hub; every other shipped batch goes on by van to the village point and is delivered. */
async function ship(
  api: ApiClient,
  keys: Keys,
  f: { packhouse: string; truck: string; hub: string; van: string; village: string },
  batch: number,
  cartonIds: string[],
  now: number,
  spacing: number,
): Promise<void> {
  const t = now - 24 * HOUR + batch * spacing;
  const first = await api.post('/api/shipments', keys.packer.key, {
    fromFacilityId: f.packhouse,
    toFacilityId: f.hub,
    vehicleId: f.truck,
    cartonIds,
    dispatchedAt: iso(t),
  });
  await api.post(`/api/shipments/${first.id}/receipt`, keys.logistics, {
    facilityId: f.hub,
    receivedAt: iso(t + 3 * HOUR),
    condition: 'intact',
    temperatureC: 2.4,
  });
  if (batch % 4 !== 0) return;
  const second = await api.post('/api/shipments', keys.logistics, {
    fromFacilityId: f.hub,
    toFacilityId: f.village,
    vehicleId: f.van,
    cartonIds,
    dispatchedAt: iso(t + 6 * HOUR),
  });
  await api.post(`/api/shipments/${second.id}/receipt`, keys.logistics, {
    facilityId: f.village,
    receivedAt: iso(t + 8 * HOUR),
    condition: 'intact',
    temperatureC: 3.1,
  });
  await api.post(`/api/shipments/${second.id}/delivery`, keys.logistics, {
    facilityId: f.village,
    deliveredAt: iso(t + 9 * HOUR),
    recipient: '茶料村便民店',
  });
}
