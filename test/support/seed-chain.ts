import {
  ApiClient,
  FACILITIES,
  ORGANIZATIONS,
  PRODUCTS,
  facilityBody,
  productBody,
  registerFacility,
  registerOrganization,
  registerProduct,
} from '../../apps/cli/src/world';

/**
 * One complete, realistic chain recorded through the public HTTP API, as the county's actors
 * would: a bag of 黄金柰李 from the plum cooperative's plot in 乐昌市北乡镇 to a village service
 * point in 九峰镇. Quantities and times are fixed (July 2026, +08:00, in the past); names are the
 * catalogue's; ids, keys and item codes are minted by the server. The only excursion: 40
 * minutes above 3 °C on the county hub → town station leg (four readings, 10 minutes apart,
 * at 3.6–4.6 °C).
 */

const T = (dayTime: string) => `2026-07-${dayTime}:00+08:00`;

export const CHAIN = {
  product: PRODUCTS.plum,
  lotCode: 'LC20260715A',
  cooperative: ORGANIZATIONS.plumCoop.name,
  countyHub: FACILITIES.hub.name,
  townStation: FACILITIES.stationJiufeng.name,
  villagePoint: FACILITIES.villageChaliao.name,
  grade: '特级',
  minutesOutOfRange: 40,
} as const;

export interface SeededOrg {
  id: string;
  key: string;
}

export interface ScannableItem {
  code: string;
  cartonId: string;
  /** The URL the item's QR label carries (GS1 Digital Link: the product has a GTIN). */
  scanUrl: string;
  /** The short form of the same page. */
  shortUrl: string;
}

export interface SeededChain {
  orgs: { cooperative: SeededOrg; packhouse: SeededOrg; lab: SeededOrg; logistics: SeededOrg };
  facilities: Record<'farmPlot' | 'packhouse' | 'lab' | 'countyHub' | 'townStation' | 'villagePoint' | 'vehicle', string>;
  productId: string;
  batchId: string;
  certificateNo: string;
  shipmentIds: string[];
  /** 特级 items: shipped packhouse → county hub → town station → village point and delivered. */
  delivered: ScannableItem[];
  /** 一级 items: packed, still at the packhouse. */
  atPackhouse: ScannableItem[];
}

export async function seedChain(baseUrl: string, adminKey: string): Promise<SeededChain> {
  const api = new ApiClient(baseUrl);
  const post = (key: string, path: string, body: unknown): Promise<any> => api.post(path, key, body);
  const org = async (key: keyof typeof ORGANIZATIONS): Promise<SeededOrg> => {
    const { id, apiKey } = await registerOrganization(api.call, adminKey, ORGANIZATIONS[key], { label: 'seed' });
    return { id, key: apiKey };
  };
  const facility = async (owner: SeededOrg, key: keyof typeof FACILITIES): Promise<string> =>
    (await registerFacility(api.call, owner.key, facilityBody(FACILITIES[key]))).id;

  const cooperative = await org('plumCoop');
  const packhouse = await org('packhouse');
  const lab = await org('lab');
  const logistics = await org('logistics');

  const f = {
    farmPlot: await facility(cooperative, 'plumPlot'),
    packhouse: await facility(packhouse, 'packhouse'),
    lab: await facility(lab, 'lab'),
    countyHub: await facility(logistics, 'hub'),
    townStation: await facility(logistics, 'stationJiufeng'),
    villagePoint: await facility(logistics, 'villageChaliao'),
    vehicle: await facility(logistics, 'truck'),
  };

  const product = await registerProduct(api.call, adminKey, productBody(PRODUCTS.plum));
  const batch = await post(cooperative.key, '/api/batches', {
    productId: product.id,
    farmPlotId: f.farmPlot,
    lotCode: CHAIN.lotCode,
    plannedQuantity: { value: 1200, unit: 'kg' },
  });
  const b = `/api/batches/${batch.id}`;

  // Farm: inputs with their safety intervals, then the harvest (after the 14-day interval ended on 07-04).
  await post(cooperative.key, `${b}/farm-inputs`, {
    inputName: '腐熟羊粪有机肥',
    kind: 'fertilizer',
    dose: { value: 800, unit: 'kg' },
    appliedAt: '2026-03-10T08:00:00+08:00',
    safetyIntervalDays: 0,
  });
  await post(cooperative.key, `${b}/farm-inputs`, {
    inputName: '吡虫啉可湿性粉剂',
    activeIngredient: 'imidacloprid',
    kind: 'pesticide',
    dose: { value: 1.5, unit: 'kg' },
    appliedAt: '2026-06-20T08:00:00+08:00',
    safetyIntervalDays: 14,
  });
  await post(cooperative.key, `${b}/harvests`, { harvestedAt: T('15T06:00'), quantity: { value: 1200, unit: 'kg' } });

  // The cooperative hands the picked plums to the packhouse (交接), which takes them over.
  const handover = await post(cooperative.key, `${b}/handovers`, { toOrganizationId: packhouse.id, handedOverAt: T('15T09:00') });
  await post(packhouse.key, `${b}/handovers/${handover.id}/acceptance`, { acceptedAt: T('15T09:20') });

  // Packhouse and lab.
  await post(packhouse.key, `${b}/pre-cooling`, {
    facilityId: f.packhouse,
    startedAt: T('15T09:30'),
    endedAt: T('15T13:30'),
    coreTemperatureC: 1.2,
  });
  await post(lab.key, `${b}/quality-tests`, {
    facilityId: f.lab,
    method: 'pesticide_residue_rapid_test',
    standardRef: 'GB/T 5009.199-2003',
    analyte: '有机磷和氨基甲酸酯类农药（酶抑制率）',
    sampleId: 'S-20260715-01',
    testedAt: T('15T10:30'),
    value: 18.2,
    unit: '%',
    threshold: 50,
    passed: true,
  });
  await post(packhouse.key, `${b}/grading`, {
    facilityId: f.packhouse,
    gradedAt: T('15T14:00'),
    classes: [
      { grade: '特级', quantity: { value: 620, unit: 'kg' }, attributes: { diameterMm: 48, brix: 14.5, weightG: 65 } },
      { grade: '一级', quantity: { value: 480, unit: 'kg' }, attributes: { diameterMm: 42, brix: 13.2, weightG: 52 } },
    ],
  });
  const packing = await post(packhouse.key, `${b}/packing`, {
    facilityId: f.packhouse,
    packedAt: T('15T15:30'),
    lines: [
      { grade: '特级', count: 20, netWeight: { value: 2.5, unit: 'kg' }, itemsPerCarton: 10 },
      { grade: '一级', count: 10, netWeight: { value: 2.5, unit: 'kg' }, itemsPerCarton: 10 },
    ],
  });
  const certified = await post(cooperative.key, `${b}/certificate`, {
    quantity: { value: 1100, unit: 'kg' },
    issuedAt: T('15T16:00'),
    basis: ['quality_control', 'commissioned_test'],
  });

  const items = (grade: string): ScannableItem[] =>
    packing.items
      .filter((i: any) => i.grade === grade)
      .map((i: any) => ({ code: i.code, cartonId: i.cartonId, scanUrl: i.scanUrl, shortUrl: `${baseUrl}/t/${i.code}` }));
  const delivered = items('特级');
  const cartonIds = [...new Set(delivered.map((i) => i.cartonId))];

  // Cold chain: the hub's cold room holds -0.5 °C overnight; the vehicle runs 1.5–2.9 °C but for 40 minutes on leg 2.
  const every = (start: string, minutes: number, temps: number[]) =>
    temps.map((temperatureC, i) => ({ at: new Date(Date.parse(start) + i * minutes * 60_000).toISOString(), temperatureC }));
  await post(logistics.key, '/api/cold-chain/readings', {
    facilityId: f.countyHub,
    deviceId: 'HUB-CR-01',
    readings: every(T('15T18:40'), 20, Array(37).fill(-0.5)),
  });
  await post(logistics.key, '/api/cold-chain/readings', {
    facilityId: f.vehicle,
    deviceId: 'TL-0042',
    readings: [
      ...every(T('15T17:00'), 10, [2.2, 1.9, 1.7, 1.6, 1.6, 1.5, 1.5, 1.6, 1.5, 1.6]),
      ...every(T('16T07:00'), 10, [2.1, 2.4, 2.6, 2.9, 3.6, 4.3, 4.6, 3.9, 2.8, 2.3, 2.0]),
      ...every(T('16T09:30'), 10, [1.8, 2.0, 2.2, 2.5, 2.4]),
    ],
  });

  // Logistics legs: each is dispatched by the owner of its origin and received by the owner of its destination.
  const leg = async (by: SeededOrg, from: string, to: string, vehicleId: string, at: string, arrived: string, temperatureC: number) => {
    const shipment = await post(by.key, '/api/shipments', {
      fromFacilityId: from,
      toFacilityId: to,
      cartonIds,
      vehicleId,
      dispatchedAt: at,
    });
    await post(logistics.key, `/api/shipments/${shipment.id}/receipt`, {
      facilityId: to,
      receivedAt: arrived,
      condition: 'intact',
      temperatureC,
    });
    return shipment.id as string;
  };
  const shipmentIds = [
    // The county carrier's truck collects at the packhouse: the packhouse dispatches, naming it.
    await leg(packhouse, f.packhouse, f.countyHub, f.vehicle, T('15T17:00'), T('15T18:40'), 1.8),
    await leg(logistics, f.countyHub, f.townStation, f.vehicle, T('16T07:00'), T('16T08:50'), 2.9),
    await leg(logistics, f.townStation, f.villagePoint, f.vehicle, T('16T09:30'), T('16T10:20'), 2.4),
  ];
  await post(logistics.key, `/api/shipments/${shipmentIds[2]}/delivery`, {
    facilityId: f.villagePoint,
    deliveredAt: T('16T11:00'),
    recipient: '茶料村便民店',
  });

  return {
    orgs: { cooperative, packhouse, lab, logistics },
    facilities: f,
    productId: product.id,
    batchId: batch.id,
    certificateNo: certified.certificate.certificateNo,
    shipmentIds,
    delivered,
    atPackhouse: items('一级'),
  };
}
