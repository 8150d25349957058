import {
  ApiClient,
  FACILITIES,
  FacilityKey,
  ORGANIZATIONS,
  OrgKey,
  PRODUCTS,
  facilityBody,
  productBody,
  registerFacility,
  registerOrganization,
  registerProduct,
} from '../../apps/cli/src/world';

export const ITEMS_PER_LOT = 5000;
const ITEMS_PER_CARTON = 10;
const CARTONS_PER_SHIPMENT = 10;
/** Of the 100 shipments: 70 leave the plant for the county hub (50 arrive), 30 go on from the hub to a village point (15 delivered). */
const TO_HUB = 70;
const RECEIVED_AT_HUB = 50;
const TO_VILLAGE = 30;
const DELIVERED = 15;
const CONSIGNEES = ['茶料村便民店', '龙塘村供销社', '上黄村农家乐'];

export interface TraceWorld {
  regulator: { id: string; key: string };
  /** The carrier, and its village point where 150 cartons wait (received, not delivered). */
  carrier: { id: string; key: string };
  village: string;
  /** The first generation: a cooperative's lot of fresh leaves. */
  leaves: string;
  /** The third: the two gift-box lots, 5,000 coded boxes each. */
  giftLots: string[];
  /** An item of the last generation, to trace back from. */
  code: string;
  shipments: number;
}

const DAY = 86_400_000;
const at = (start: number, hours: number) => new Date(start + hours * 3_600_000).toISOString();

/**
 * Three generations through the public API: two cooperatives' fresh leaves blended into a lot of
 * tea at the tea factory, the tea split into two lots of gift boxes, each packed into 5,000 coded
 * boxes in cartons of 10; then 100 shipments of 10 cartons, so that the units are everywhere a
 * recall finds them — still at the plant, on the road, at the county hub, at a village point,
 * delivered to three consignees.
 */
export async function seedTraceWorld(api: ApiClient, adminKey: string): Promise<TraceWorld> {
  const start = Date.now() - 20 * DAY;
  const org = async (key: OrgKey) => {
    const o = await registerOrganization(api.call, adminKey, ORGANIZATIONS[key], { label: 'bench' });
    return { id: o.id, key: o.apiKey };
  };
  const [coop1, coop2, factory, carrier, regulator] = await Promise.all(
    (['teaCoop', 'teaCoop2', 'teaFactory', 'logistics', 'regulator'] as const).map(org),
  );
  const facility = async (owner: { key: string }, key: FacilityKey) =>
    (await registerFacility(api.call, owner.key, facilityBody(FACILITIES[key]))).id;
  const plot1 = await facility(coop1, 'teaPlot');
  const plot2 = await facility(coop2, 'teaPlot2');
  const plant = await facility(factory, 'teaFactory');
  const hub = await facility(carrier, 'hub');
  const village = await facility(carrier, 'villageChaliao');
  const truck = await facility(carrier, 'truck');
  const leaves = (await registerProduct(api.call, adminKey, productBody(PRODUCTS.teaLeaves))).id;
  const tea = (await registerProduct(api.call, adminKey, productBody(PRODUCTS.tea, { madeFrom: [leaves] }))).id;
  const giftBox = { ...PRODUCTS.tea, nameZh: '乐昌白毛茶礼盒', nameEn: 'Lechang Baimao tea gift box', gtin: undefined };
  const gift = (await registerProduct(api.call, adminKey, productBody(giftBox, { madeFrom: [tea] }))).id;

  const picked = async (coop: { id: string; key: string }, plot: string, kg: number) => {
    const { id } = await api.post('/api/batches', coop.key, { productId: leaves, farmPlotId: plot });
    await api.post(`/api/batches/${id}/harvests`, coop.key, { harvestedAt: at(start, 0), quantity: { value: kg, unit: 'kg' } });
    const handover = await api.post(`/api/batches/${id}/handovers`, coop.key, { toOrganizationId: factory.id, handedOverAt: at(start, 1) });
    await api.post(`/api/batches/${id}/handovers/${handover.id}/acceptance`, factory.key, { acceptedAt: at(start, 1) });
    return id as string;
  };
  const a = await picked(coop1, plot1, 600);
  const b = await picked(coop2, plot2, 400);
  const transform = (process: string, hours: number, inputs: string[], outputs: { productId: string; kg: number }[]) =>
    api.post('/api/transformations', factory.key, {
      plantId: plant,
      process,
      startedAt: at(start, hours),
      endedAt: at(start, hours + 4),
      steps: [],
      inputs: inputs.map((batchId) => ({ batchId, whole: true })),
      outputs: outputs.map(({ productId, kg }) => ({ productId, quantity: { value: kg, unit: 'kg' } })),
    });
  const blended = await transform('tea_processing', 2, [a, b], [{ productId: tea, kg: 200 }]);
  const split = await transform(
    'gift_boxing',
    24,
    [blended.outputs[0].batchId],
    [
      { productId: gift, kg: 100 },
      { productId: gift, kg: 100 },
    ],
  );
  const giftLots: string[] = split.outputs.map((o: { batchId: string }) => o.batchId);
  const cartons: string[] = [];
  let code = '';
  for (const lot of giftLots) {
    await api.post(`/api/batches/${lot}/grading`, factory.key, {
      facilityId: plant,
      gradedAt: at(start, 30),
      classes: [{ grade: '特级', quantity: { value: 100, unit: 'kg' }, attributes: {} }],
    });
    const packed = await api.post(`/api/batches/${lot}/packing`, factory.key, {
      facilityId: plant,
      packedAt: at(start, 31),
      lines: [{ grade: '特级', count: ITEMS_PER_LOT, netWeight: { value: 0.02, unit: 'kg' }, itemsPerCarton: ITEMS_PER_CARTON }],
    });
    cartons.push(...packed.cartons.map((c: { cartonId: string }) => c.cartonId));
    code = packed.items[packed.items.length - 1].code;
  }

  const load = (n: number) => cartons.slice(n * CARTONS_PER_SHIPMENT, (n + 1) * CARTONS_PER_SHIPMENT);
  const dispatch = (key: string, from: string, to: string, cartonIds: string[], hours: number) =>
    api.post('/api/shipments', key, {
      fromFacilityId: from,
      toFacilityId: to,
      vehicleId: truck,
      cartonIds,
      dispatchedAt: at(start, hours),
    });
  const receive = (shipmentId: string, facilityId: string, hours: number) =>
    api.post(`/api/shipments/${shipmentId}/receipt`, carrier.key, { facilityId, receivedAt: at(start, hours), condition: 'intact' });
  for (let n = 0; n < TO_HUB; n++) {
    const leg = await dispatch(factory.key, plant, hub, load(n), 48 + n * 0.1);
    if (n < RECEIVED_AT_HUB) await receive(leg.id, hub, 60 + n * 0.1);
  }
  for (let n = 0; n < TO_VILLAGE; n++) {
    const leg = await dispatch(carrier.key, hub, village, load(n), 72 + n * 0.1);
    await receive(leg.id, village, 80 + n * 0.1);
    if (n < DELIVERED) {
      await api.post(`/api/shipments/${leg.id}/delivery`, carrier.key, {
        facilityId: village,
        deliveredAt: at(start, 90 + n * 0.1),
        recipient: CONSIGNEES[n % CONSIGNEES.length],
      });
    }
  }
  return { regulator, carrier, village, leaves: a, giftLots, code, shipments: TO_HUB + TO_VILLAGE };
}
