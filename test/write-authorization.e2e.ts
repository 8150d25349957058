import { ApiClient, Call } from '../apps/cli/src/world';
import { LECHANG, Org, expectOk, registerCountyFacility, registerFacility, registerOrg, registerPlum } from './support/fixtures';
import { matrix } from './support/matrix';
import { handOver } from './support/small-world';
import { plumRules, publishPlumStandard } from './support/standards';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';

const T = (hhmm: string) => `2026-07-15T${hhmm}:00+08:00`;

/**
 * Who may write what, for every write route of the API and every kind of actor, each aimed at a
 * target the actor does not own or hold unless the rules make it theirs: the plum cooperative's
 * batch, held by the packhouse it handed the goods to, offered to a second packhouse, and carried
 * by the county logistics centre. A cell is the status the actor gets, or the code its refusal
 * names (legend below).
 */
const WRITES = matrix(`
  route                                                   | anonymous | admin    | owner     | otherCoop | holder    | offered   | stranger  | lab      | carrier  | otherCarrier | retailer | regulator | standards | otherStandards | processor
  POST /api/organizations                                 | key       | 201      | role      | role      | role      | role      | role      | role     | role     | role         | role     | role      | role      | role | role
  POST /api/organizations/{id}/api-keys                   | key       | 201      | role      | role      | role      | role      | role      | role     | role     | role         | role     | role      | role      | role | role
  DELETE /api/organizations/{id}/api-keys/{keyId}         | key       | 200      | role      | role      | role      | role      | role      | role     | role     | role         | role     | role      | role      | role | role
  POST /api/facilities                                    | key       | 201      | 201       | self      | self      | self      | self      | self     | self     | self         | self     | self      | self      | self | self
  POST /api/products                                      | key       | 201      | role      | role      | role      | role      | role      | role     | role     | role         | role     | role      | 201       | 201 | role
  POST /api/standards                                     | key       | role     | role      | role      | role      | role      | role      | role     | role     | role         | role     | role      | 201       | std | role
  POST /api/batches                                       | key       | role     | 201       | facility  | role      | role      | role      | role     | role     | role         | role     | role      | role      | role | role
  POST /api/batches/{id}/farm-inputs                      | key       | role     | 201       | owner     | role      | role      | role      | role     | role     | role         | role     | role      | role      | role | role
  POST /api/batches/{id}/harvests                         | key       | role     | 201       | owner     | role      | role      | role      | role     | role     | role         | role     | role      | role      | role | role
  POST /api/batches/{id}/pre-cooling                      | key       | role     | 201       | custody   | 201       | custody   | custody   | role     | role     | role         | role     | role      | role      | role | custody
  POST /api/batches/{id}/handovers                        | key       | role     | 201       | owner     | role      | role      | role      | role     | role     | role         | role     | role      | role      | role | owner
  POST /api/batches/{id}/handovers/{handoverId}/acceptance| key       | role     | recipient | recipient | recipient | 201       | recipient | role     | role     | role         | role     | role      | role      | role | recipient
  POST /api/batches/{id}/handovers/{handoverId}/end       | key       | role     | 201       | party     | 201       | party     | party     | role     | role     | role         | role     | role      | role      | role | party
  POST /api/batches/{id}/quality-tests                    | key       | role     | 201       | tester    | role      | role      | role      | 201      | role     | role         | role     | role      | role      | role | tester
  POST /api/batches/{id}/grading                          | key       | role     | 201       | custody   | 201       | custody   | custody   | role     | role     | role         | role     | role      | role      | role | custody
  POST /api/batches/{id}/packing                          | key       | role     | 201       | custody   | 201       | custody   | custody   | role     | role     | role         | role     | role      | role      | role | custody
  POST /api/batches/{id}/certificate                      | key       | role     | 201       | owner     | role      | role      | role      | role     | role     | role         | role     | role      | role      | role | owner
  POST /api/batches/{id}/certifications                   | key       | role     | 201       | owner     | role      | role      | role      | role     | role     | role         | role     | role      | role      | role | owner
  POST /api/batches/{id}/label-jobs                       | key       | role     | 201       | reader    | 201       | 201       | reader    | role     | role     | role         | role     | role      | role      | role | reader
  POST /api/batches/{id}/items/{code}/void                | key       | role     | 201       | custody   | 201       | custody   | custody   | role     | role     | role         | role     | role      | role      | role | custody
  POST /api/shipments                                     | key       | facility | facility  | facility  | 201       | facility  | facility  | facility | facility | facility     | facility | facility  | facility  | facility | facility
  POST /api/shipments/{id}/receipt                        | key       | facility | facility  | facility  | facility  | facility  | facility  | facility | 201      | facility     | facility | facility  | facility  | facility | facility
  POST /api/shipments/{id}/delivery                       | key       | facility | facility  | facility  | facility  | facility  | facility  | facility | 201      | facility     | facility | facility  | facility  | facility | facility
  POST /api/cold-chain/readings                           | key       | facility | facility  | facility  | facility  | facility  | facility  | facility | 201      | facility     | facility | facility  | facility  | facility | facility
  POST /api/compliance/batches/{id}/brand                 | key       | role     | role      | role      | role      | role      | role      | role     | role     | role         | role     | role      | 201       | std | role
  POST /api/persons                                       | key       | role     | 201       | 201       | 201       | 201       | 201       | 201      | 201      | 201          | 201      | role      | role      | role | 201
  DELETE /api/persons/{id}                                | key       | 200      | 200       | person    | person    | person    | person    | person   | person   | person       | person   | role      | role      | role | person
  POST /api/transformations                               | key       | role     | role      | role      | role      | role      | role      | role     | role     | role         | role     | role      | role      | role           | 201
  POST /api/purchases                                     | key       | role     | role      | role      | role      | role      | role      | role     | role     | role         | role     | role      | role      | role           | 201
  POST /api/recalls                                       | key       | role     | 201       | reader    | role      | role      | role      | role     | role     | role         | role     | 201       | role      | role           | role
  POST /api/recalls/{id}/disposals                        | key       | notyours | notthere  | notthere  | 201       | notthere  | notthere  | notyours | notyours | notyours     | notyours | notyours  | notyours  | notyours       | notyours
  POST /api/recalls/{id}/close                            | key       | role     | role      | role      | role      | role      | role      | role     | role     | role         | role     | 201       | role      | role           | role
  POST /api/holds                                         | key       | 201      | role      | role      | role      | role      | role      | role     | role     | role         | role     | 201       | role      | role           | role
  POST /api/holds/release                                 | key       | 200      | role      | role      | role      | role      | role      | role     | role     | role         | role     | 200       | role      | role           | role
  POST /api/spot-checks                                   | key       | 201      | role      | role      | role      | role      | role      | role     | role     | role         | role     | 201       | role      | role           | role
  POST /api/spot-checks/{id}/result                       | key       | role     | role      | role      | role      | role      | role      | 201      | role     | role         | role     | role      | role      | role           | role
  POST /api/audit/checkpoints                             | key       | 200      | role      | role      | role      | role      | role      | role     | role     | role         | role     | 200       | role      | role           | role
`);

/**
 * The consumer's writes from the scan page (防伪码 checks, problem reports): public by design and
 * bounded per client instead of by key, which a matrix of actors from one address would trip;
 * test/scan-count.e2e.ts walks them.
 */
const CONSUMER_WRITES = ['POST /t/{code}/verify', 'POST /t/{code}/report'];

/**
 * Writes outside the event log, which this matrix tells a success by: erasing a problem
 * reporter's contact destroys a key in the personal key vault; test/scan-count.e2e.ts walks who may.
 */
const OFF_LOG_WRITES = ['DELETE /api/problem-reports/{id}/contact'];

/** What a cell says: a success, or the status and the code of the refusal. */
const OUTCOMES: Record<string, { status: number; code?: string }> = {
  '200': { status: 200 },
  '201': { status: 201 },
  key: { status: 401, code: 'api_key_missing' },
  role: { status: 403, code: 'role_not_allowed' },
  owner: { status: 403, code: 'not_batch_owner' },
  custody: { status: 403, code: 'not_batch_custodian' },
  tester: { status: 403, code: 'not_allowed_to_test' },
  recipient: { status: 403, code: 'not_handover_recipient' },
  party: { status: 403, code: 'not_handover_party' },
  facility: { status: 403, code: 'facility_not_owned' },
  self: { status: 403, code: 'not_owner' },
  std: { status: 403, code: 'not_standard_owner' },
  person: { status: 403, code: 'not_registrant' },
  reader: { status: 403, code: 'not_allowed_to_read' },
  notyours: { status: 403, code: 'not_your_facility' },
  notthere: { status: 409, code: 'not_at_facility' },
};

const outcomeLabel = (cell: string) => {
  const outcome = OUTCOMES[cell];
  return outcome ? [outcome.status, outcome.code].filter(Boolean).join(' ') : `an unknown cell "${cell}"`;
};

type Target = Record<string, string>;

interface WriteRoute {
  /** What the write is aimed at, prepared afresh: one is shared by the refusals, each success gets its own. */
  target(): Promise<Target>;
  /** The request the actor sends at the target (with its own packhouse where it has one). */
  request(actor: string, t: Target): { path: string; body?: unknown };
}

describe('who may write what: every role × every write route, over HTTP', () => {
  let app: TestApp;
  let call: Call;
  const orgs: Record<string, Org> = {};
  let place: Record<string, string>;
  let plum: string;

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    const roles = {
      owner: 'cooperative',
      otherCoop: 'cooperative',
      holder: 'packhouse',
      offered: 'packhouse',
      stranger: 'packhouse',
      lab: 'testing_lab',
      carrier: 'logistics',
      otherCarrier: 'logistics',
      retailer: 'retailer',
      regulator: 'regulator',
      standards: 'standards_owner',
      otherStandards: 'standards_owner',
      processor: 'processor',
    };
    for (const [name, role] of Object.entries(roles)) orgs[name] = await registerOrg(call, role, `${name} 组织`);
    const packhouse = (name: string) => registerFacility(call, orgs[name], 'packhouse', `${name} 包装车间`);
    place = {
      ownerPlot: await registerCountyFacility(call, orgs.owner, 'plumPlot'),
      hub: await registerCountyFacility(call, orgs.carrier, 'hub'),
      village: await registerCountyFacility(call, orgs.carrier, 'villageChaliao'),
      truck: await registerCountyFacility(call, orgs.carrier, 'truck'),
    };
    for (const name of ['owner', 'otherCoop', 'holder', 'offered', 'stranger']) place[`${name}Packhouse`] = await packhouse(name);
    place.processorPlant = await registerFacility(call, orgs.processor, 'processing_plant', '加工厂');
    plum = await registerPlum(call);
    await publishPlumStandard(call, orgs.standards, plum);
  });
  afterAll(() => app.close());

  const keyOf = (actor: string) => (actor === 'anonymous' ? undefined : actor === 'admin' ? ADMIN_KEY : orgs[actor].key);
  /** The actor's own packhouse, where it has one; the holder's otherwise (its role is refused before the place matters). */
  const packhouseOf = (actor: string) => place[`${actor}Packhouse`] ?? place.holderPackhouse;
  const post = (path: string, key: string, body: unknown = {}) => expectOk(call('POST', path, { key, body }));
  const position = async (): Promise<number> => (await expectOk(call('GET', '/health'))).projectedPosition;

  /** The plum cooperative's harvested batch, handed to the processor, which accepted it. */
  async function processorsLot(): Promise<Target> {
    const batch = await post('/api/batches', orgs.owner.key, { productId: plum, farmPlotId: place.ownerPlot });
    await post(`/api/batches/${batch.id}/harvests`, orgs.owner.key, { harvestedAt: T('06:00'), quantity: { value: 100, unit: 'kg' } });
    await handOver(call, batch.id, orgs.owner, orgs.processor, T('07:00'));
    return { batch: batch.id };
  }

  /** The plum cooperative's harvested batch, held by the packhouse that accepted it and offered to a second one. */
  async function heldBatch(): Promise<Target> {
    const batch = await post('/api/batches', orgs.owner.key, { productId: plum, farmPlotId: place.ownerPlot });
    await post(`/api/batches/${batch.id}/harvests`, orgs.owner.key, { harvestedAt: T('06:00'), quantity: { value: 500, unit: 'kg' } });
    const held = await handOver(call, batch.id, orgs.owner, orgs.holder, T('07:00'));
    const offer = await post(`/api/batches/${batch.id}/handovers`, orgs.owner.key, {
      toOrganizationId: orgs.offered.id,
      handedOverAt: T('07:10'),
    });
    return { batch: batch.id, held: held.id, offer: offer.id };
  }

  const packingOf = (facilityId: string, count = 20) => ({
    facilityId,
    packedAt: T('11:00'),
    lines: [{ grade: '特级', count, netWeight: { value: 2.5, unit: 'kg' }, itemsPerCarton: 10 }],
  });

  /** The held batch packed by the holder: its cartons wait at the holder's packhouse. */
  async function packedBatch(): Promise<Target> {
    const t = await heldBatch();
    const packing = await post(`/api/batches/${t.batch}/packing`, orgs.holder.key, packingOf(place.holderPackhouse));
    return { ...t, cartons: packing.cartons.map((c: { cartonId: string }) => c.cartonId).join(','), code: packing.items[0].code };
  }

  /** The packed batch, recalled by the county's regulator: its cartons wait at the holder's packhouse. */
  async function recalledBatch(): Promise<Target> {
    const t = await packedBatch();
    const recall = await post('/api/recalls', orgs.regulator.key, { class: 'I', reason: '农药残留超标', scope: { lots: [t.batch] } });
    return { ...t, recall: recall.id };
  }

  /** The packed cartons on their way to the county hub. */
  async function shipmentToHub(): Promise<Target> {
    const t = await packedBatch();
    const shipment = await post('/api/shipments', orgs.holder.key, {
      fromFacilityId: place.holderPackhouse,
      toFacilityId: place.hub,
      cartonIds: t.cartons.split(','),
      dispatchedAt: T('12:00'),
    });
    return { ...t, shipment: shipment.id };
  }

  /** The cartons carried on from the hub and received at the village point, to be delivered. */
  async function shipmentAtVillage(): Promise<Target> {
    const t = await shipmentToHub();
    await post(`/api/shipments/${t.shipment}/receipt`, orgs.carrier.key, {
      facilityId: place.hub,
      receivedAt: T('13:00'),
      condition: 'intact',
    });
    const leg = await post('/api/shipments', orgs.carrier.key, {
      fromFacilityId: place.hub,
      toFacilityId: place.village,
      vehicleId: place.truck,
      cartonIds: t.cartons.split(','),
      dispatchedAt: T('14:00'),
    });
    await post(`/api/shipments/${leg.id}/receipt`, orgs.carrier.key, {
      facilityId: place.village,
      receivedAt: T('16:00'),
      condition: 'intact',
    });
    return { ...t, shipment: leg.id };
  }

  /** A batch whose production rules are all met under the plum standard: the brand label is the standards owner's to give. */
  async function compliantBatch(): Promise<Target> {
    const t = await heldBatch();
    const path = `/api/batches/${t.batch}`;
    await post(`${path}/pre-cooling`, orgs.holder.key, {
      facilityId: place.holderPackhouse,
      startedAt: T('07:30'),
      endedAt: T('09:30'),
      coreTemperatureC: 4.5,
    });
    await post(`${path}/quality-tests`, orgs.lab.key, rapidTest(12.5));
    await post(`${path}/grading`, orgs.holder.key, gradingOf(place.holderPackhouse));
    await post(`${path}/packing`, orgs.holder.key, packingOf(place.holderPackhouse));
    await post(`${path}/certificate`, orgs.owner.key, certificate);
    return t;
  }

  const none = async (): Promise<Target> => ({});
  const rapidTest = (value: number) => ({
    method: 'pesticide_residue_rapid_test',
    standardRef: 'GB/T 5009.199-2003',
    sampleId: 'S-0715-01',
    testedAt: T('09:00'),
    value,
    unit: '%',
    threshold: 50,
  });
  const gradingOf = (facilityId: string) => ({
    facilityId,
    gradedAt: T('10:00'),
    classes: [{ grade: '特级', quantity: { value: 100, unit: 'kg' }, attributes: { diameterMm: 47, brix: 14.5 }, belowGradePct: 3 }],
  });
  // With the contact on it, as the sample standard's required data asks: the batch can be certified for the brand.
  const certificate = { quantity: { value: 50, unit: 'kg' }, basis: ['self_tested'], issuedAt: T('11:30'), contactPhone: '0751-5561218' };
  const farmInput = {
    inputName: '吡虫啉可湿性粉剂',
    activeIngredient: 'imidacloprid',
    kind: 'pesticide',
    dose: { value: 30, unit: 'g' },
    appliedAt: '2026-06-20T08:00:00+08:00',
    safetyIntervalDays: 14,
  };
  const batchPath = (t: Target, step: string) => `/api/batches/${t.batch}/${step}`;
  // A household the plum cooperative buys from (the ID number's check character computed).
  const household = { name: '黄秀英', idNumber: '440281199003071237', region: LECHANG };

  const ROUTES: Record<string, WriteRoute> = {
    'POST /api/organizations': {
      target: none,
      request: () => ({ path: '/api/organizations', body: { name: '新合作社', role: 'cooperative', region: LECHANG } }),
    },
    'POST /api/organizations/{id}/api-keys': {
      target: none,
      request: () => ({ path: `/api/organizations/${orgs.owner.id}/api-keys`, body: { label: 'spare' } }),
    },
    'DELETE /api/organizations/{id}/api-keys/{keyId}': {
      target: async () => ({ keyId: (await post(`/api/organizations/${orgs.owner.id}/api-keys`, ADMIN_KEY, { label: 'spare' })).keyId }),
      request: (_, t) => ({ path: `/api/organizations/${orgs.owner.id}/api-keys/${t.keyId}` }),
    },
    'POST /api/facilities': {
      target: none,
      request: () => ({
        path: '/api/facilities',
        body: { ownerId: orgs.owner.id, type: 'farm_plot', name: '北乡村柰李园4号地块', region: LECHANG },
      }),
    },
    'POST /api/products': {
      target: none,
      request: () => ({
        path: '/api/products',
        body: { nameZh: '马蹄', nameEn: 'water chestnut', category: 'vegetable', storageClass: 'chilled' },
      }),
    },
    'POST /api/standards': {
      // A product whose standard the standards owner already publishes: the cell would revise it.
      target: async () => {
        const product = await registerPlum(call);
        await publishPlumStandard(call, orgs.standards, product);
        return { product };
      },
      request: (_, t) => ({
        path: '/api/standards',
        body: { productId: t.product, title: '修订版', effectiveFrom: '2026-07-01T00:00:00+08:00', rules: plumRules() },
      }),
    },
    'POST /api/batches': {
      target: none,
      request: () => ({ path: '/api/batches', body: { productId: plum, farmPlotId: place.ownerPlot } }),
    },
    'POST /api/batches/{id}/farm-inputs': {
      target: heldBatch,
      request: (_, t) => ({ path: batchPath(t, 'farm-inputs'), body: farmInput }),
    },
    'POST /api/batches/{id}/harvests': {
      target: heldBatch,
      request: (_, t) => ({ path: batchPath(t, 'harvests'), body: { harvestedAt: T('06:30'), quantity: { value: 100, unit: 'kg' } } }),
    },
    'POST /api/batches/{id}/pre-cooling': {
      target: heldBatch,
      request: (a, t) => ({
        path: batchPath(t, 'pre-cooling'),
        body: { facilityId: packhouseOf(a), startedAt: T('07:30'), endedAt: T('09:30'), coreTemperatureC: 4.5 },
      }),
    },
    'POST /api/batches/{id}/handovers': {
      target: heldBatch,
      request: (_, t) => ({ path: batchPath(t, 'handovers'), body: { toOrganizationId: orgs.stranger.id, handedOverAt: T('08:00') } }),
    },
    'POST /api/batches/{id}/handovers/{handoverId}/acceptance': {
      target: heldBatch,
      request: (_, t) => ({ path: batchPath(t, `handovers/${t.offer}/acceptance`), body: { acceptedAt: T('08:00') } }),
    },
    'POST /api/batches/{id}/handovers/{handoverId}/end': {
      target: heldBatch,
      request: (_, t) => ({ path: batchPath(t, `handovers/${t.held}/end`), body: { endedAt: T('12:00') } }),
    },
    'POST /api/batches/{id}/quality-tests': {
      target: heldBatch,
      request: (_, t) => ({ path: batchPath(t, 'quality-tests'), body: rapidTest(12.5) }),
    },
    'POST /api/batches/{id}/grading': {
      target: heldBatch,
      request: (a, t) => ({ path: batchPath(t, 'grading'), body: gradingOf(packhouseOf(a)) }),
    },
    'POST /api/batches/{id}/packing': {
      target: heldBatch,
      request: (a, t) => ({ path: batchPath(t, 'packing'), body: packingOf(packhouseOf(a)) }),
    },
    'POST /api/batches/{id}/certificate': {
      target: heldBatch,
      request: (_, t) => ({ path: batchPath(t, 'certificate'), body: certificate }),
    },
    'POST /api/batches/{id}/certifications': {
      target: heldBatch,
      request: (_, t) => ({
        path: batchPath(t, 'certifications'),
        body: { kind: 'geographical_indication', certificateNo: 'AGI-02718', issuedBy: '农业农村部' },
      }),
    },
    'POST /api/batches/{id}/label-jobs': {
      target: packedBatch,
      request: (_, t) => ({ path: batchPath(t, 'label-jobs'), body: { format: 'csv' } }),
    },
    'POST /api/batches/{id}/items/{code}/void': {
      target: packedBatch,
      request: (_, t) => ({ path: batchPath(t, `items/${t.code}/void`), body: { reason: 'damaged', replace: true } }),
    },
    'POST /api/shipments': {
      target: packedBatch,
      request: (_, t) => ({
        path: '/api/shipments',
        body: { fromFacilityId: place.holderPackhouse, toFacilityId: place.hub, cartonIds: t.cartons.split(','), dispatchedAt: T('12:00') },
      }),
    },
    'POST /api/shipments/{id}/receipt': {
      target: shipmentToHub,
      request: (_, t) => ({
        path: `/api/shipments/${t.shipment}/receipt`,
        body: { facilityId: place.hub, receivedAt: T('13:00'), condition: 'intact', temperatureC: 2 },
      }),
    },
    'POST /api/shipments/{id}/delivery': {
      target: shipmentAtVillage,
      request: (_, t) => ({
        path: `/api/shipments/${t.shipment}/delivery`,
        body: { facilityId: place.village, deliveredAt: T('17:00'), recipient: '茶料村便民店' },
      }),
    },
    'POST /api/cold-chain/readings': {
      target: none,
      request: () => ({
        path: '/api/cold-chain/readings',
        body: { facilityId: place.truck, deviceId: 'TL-0042', readings: [{ at: T('14:00'), temperatureC: 2 }] },
      }),
    },
    'POST /api/compliance/batches/{id}/brand': {
      target: compliantBatch,
      request: (_, t) => ({ path: `/api/compliance/batches/${t.batch}/brand`, body: { brand: '乐昌农品' } }),
    },
    'POST /api/persons': {
      target: none,
      request: () => ({ path: '/api/persons', body: household }),
    },
    'POST /api/transformations': {
      target: processorsLot,
      request: (_, t) => ({
        path: '/api/transformations',
        body: {
          plantId: place.processorPlant,
          process: 'drying',
          startedAt: T('10:00'),
          endedAt: T('11:00'),
          inputs: [{ batchId: t.batch, quantity: { value: 10, unit: 'kg' } }],
          outputs: [{ productId: plum, quantity: { value: 2, unit: 'kg' } }],
        },
      }),
    },
    'POST /api/purchases': {
      target: processorsLot,
      request: (_, t) => ({
        path: '/api/purchases',
        body: { fromBatchId: t.batch, quantity: { value: 10, unit: 'kg' }, purchasedAt: T('10:00') },
      }),
    },
    'POST /api/recalls': {
      target: packedBatch,
      request: (_, t) => ({ path: '/api/recalls', body: { class: 'II', reason: '农药残留超标', scope: { lots: [t.batch] } } }),
    },
    'POST /api/recalls/{id}/disposals': {
      target: recalledBatch,
      request: (actor, t) => ({
        path: `/api/recalls/${t.recall}/disposals`,
        body: { disposition: 'returned', facilityId: packhouseOf(actor), cartonIds: [t.cartons.split(',')[0]] },
      }),
    },
    'POST /api/recalls/{id}/close': {
      target: recalledBatch,
      request: (_, t) => ({ path: `/api/recalls/${t.recall}/close`, body: { report: '召回完成' } }),
    },
    'POST /api/holds': {
      target: packedBatch,
      request: (_, t) => ({ path: '/api/holds', body: { batchId: t.batch, reason: '抽检不合格，待复检' } }),
    },
    'POST /api/holds/release': {
      target: async () => {
        const t = await packedBatch();
        await post('/api/holds', ADMIN_KEY, { batchId: t.batch, reason: '抽检不合格，待复检' });
        return t;
      },
      request: (_, t) => ({ path: '/api/holds/release', body: { batchId: t.batch, reason: '复检合格' } }),
    },
    'POST /api/spot-checks': {
      target: packedBatch,
      request: (_, t) => ({
        path: '/api/spot-checks',
        body: { batchId: t.batch, place: '包装车间', sampledBy: '李明', sampledAt: T('12:00') },
      }),
    },
    'POST /api/spot-checks/{id}/result': {
      target: async () => {
        const t = await packedBatch();
        const check = await post('/api/spot-checks', ADMIN_KEY, {
          batchId: t.batch,
          place: '包装车间',
          sampledBy: '李明',
          sampledAt: T('12:00'),
        });
        return { ...t, check: check.id };
      },
      request: (_, t) => ({ path: `/api/spot-checks/${t.check}/result`, body: { passed: true, testedAt: T('13:00') } }),
    },
    'POST /api/audit/checkpoints': {
      // Something recorded since the last checkpoint, or signing again would rightly write nothing.
      target: async () => {
        await post('/api/organizations', ADMIN_KEY, { name: '又一合作社', role: 'cooperative', region: LECHANG });
        return {};
      },
      request: () => ({ path: '/api/audit/checkpoints', body: {} }),
    },
    'DELETE /api/persons/{id}': {
      target: async () => ({ person: (await post('/api/persons', orgs.owner.key, household)).id }),
      request: (_, t) => ({ path: `/api/persons/${t.person}` }),
    },
  };

  it('has a row for every write route of the OpenAPI document and a column for every actor', async () => {
    const doc = await expectOk(call('GET', '/api/docs-json'));
    const writes = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...WRITES.rows].sort()).toEqual(writes.filter((w) => !CONSUMER_WRITES.includes(w) && !OFF_LOG_WRITES.includes(w)).sort());
    expect(Object.keys(ROUTES).sort()).toEqual([...WRITES.rows].sort());
    expect(WRITES.columns).toEqual(['anonymous', 'admin', ...Object.keys(orgs)]);
    expect(WRITES.cells.filter(([, , cell]) => !OUTCOMES[cell])).toEqual([]);
  });

  const shared = new Map<string, Promise<Target>>();

  const cells = WRITES.cells.map(([route, actor, cell]) => [route, actor, outcomeLabel(cell), OUTCOMES[cell]] as const);

  it.each(cells)('%s by %s → %s', async (route, actor, _label, expected) => {
    const { target, request } = ROUTES[route];
    const allowed = expected.status < 300;
    if (!allowed && !shared.has(route)) shared.set(route, target());
    const t = allowed ? await target() : await shared.get(route)!;
    const { path, body } = request(actor, t);
    const before = await position();
    const answer = await call(route.split(' ')[0], path, { key: keyOf(actor), body });
    expect({ status: answer.status, body: answer.body }).toMatchObject({
      status: expected.status,
      body: expected.code ? { code: expected.code } : {},
    });
    // A success is recorded; a refusal writes nothing at all.
    if (allowed) expect(await position()).toBeGreaterThan(before);
    else expect(await position()).toBe(before);
  });

  it('refuses a competitor’s 39 °C pre-cooling, its packing of the whole harvest and its certificate; the owner’s own work goes on', async () => {
    const { batch } = await heldBatch();
    const path = `/api/batches/${batch}`;
    const attacker = orgs.otherCoop.key;
    const before = await position();
    const preCooling = await call('POST', `${path}/pre-cooling`, {
      key: attacker,
      body: { facilityId: place.otherCoopPackhouse, startedAt: T('07:30'), endedAt: T('09:30'), coreTemperatureC: 39 },
    });
    expect(preCooling).toMatchObject({ status: 403, body: { code: 'not_batch_custodian' } });
    const packing = await call('POST', `${path}/packing`, { key: attacker, body: packingOf(place.otherCoopPackhouse, 200) });
    expect(packing).toMatchObject({ status: 403, body: { code: 'not_batch_custodian' } });
    expect(packing.body.items).toBeUndefined();
    const certified = await call('POST', `${path}/certificate`, { key: attacker, body: certificate });
    expect(certified).toMatchObject({ status: 403, body: { code: 'not_batch_owner' } });
    expect(await position()).toBe(before);
    const record = await expectOk(call('GET', path, { key: orgs.owner.key }));
    expect(record).toMatchObject({ itemCount: 0, preCooling: [], packings: [] });
    expect(await expectOk(call('GET', `${path}/items`, { key: orgs.owner.key }))).toEqual([]);

    expect((await call('POST', `${path}/farm-inputs`, { key: orgs.owner.key, body: farmInput })).status).toBe(201);
    const own = await expectOk(call('POST', `${path}/packing`, { key: orgs.owner.key, body: packingOf(place.ownerPackhouse) }));
    expect(own.items).toHaveLength(20);
    expect((await call('GET', `/t/${own.items[0].code}`)).status).toBe(200);
  });
});
