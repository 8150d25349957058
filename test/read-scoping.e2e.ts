import { ApiClient, Call } from '../apps/cli/src/world';
import { Org, expectOk, registerCountyFacility, registerFacility, registerOrg, registerPlum } from './support/fixtures';
import { matrix } from './support/matrix';
import { handOver } from './support/small-world';
import { publishPlumStandard } from './support/standards';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';

const T = (hhmm: string) => `2026-07-15T${hhmm}:00+08:00`;

/**
 * Who may read what of one batch: the plum cooperative's, handed to a packhouse that packed it,
 * carried by the county logistics centre from its hub to a village point (one carton on to its
 * station in the neighbouring county, 仁化县 / Renhua; the other only rode a truck registered
 * there), judged under the plum standard, and failed by a lab's pesticide test after it left (an
 * open violation; the batch held).
 * A cell says whether the reader gets it: the record (`read`), a list with it (`listed`), or a
 * summary counting it (`counted`); the same list or summary without it (`unlisted`, `uncounted`);
 * or the refusal (legend below).
 */
const READS = matrix(`
  route                               | anonymous | admin   | owner    | otherCoop | holder   | stranger | lab      | otherLab | carrier  | otherCarrier | retailer | regulator | otherCounty | province | otherProvince | standards | otherStandards | namesake
  GET /api/batches/{id}               | key       | read    | read     | denied    | read     | denied   | read     | denied   | denied   | denied       | denied   | read      | denied      | read     | denied        | read      | denied | denied
  GET /api/batches/{id}/items         | key       | read    | read     | denied    | read     | denied   | read     | denied   | denied   | denied       | denied   | read      | denied      | read     | denied        | read      | denied | denied
  GET /api/batches/{id}/label-jobs    | key       | read    | read     | denied    | read     | denied   | read     | denied   | denied   | denied       | denied   | read      | denied      | read     | denied        | read      | denied | denied
  GET …/label-jobs/{jobId}/file       | key       | read    | read     | denied    | read     | denied   | read     | denied   | denied   | denied       | denied   | read      | denied      | read     | denied        | read      | denied | denied
  GET /api/trace/back?item=           | key       | read    | read     | denied    | read     | denied   | read     | denied   | denied   | denied       | denied   | read      | denied      | read     | denied        | read      | denied | denied
  GET /api/trace/forward?lot=         | key       | read    | read     | denied    | read     | denied   | read     | denied   | denied   | denied       | denied   | read      | denied      | read     | denied        | read      | denied | denied
  GET /api/batches?cooperativeId=     | key       | listed  | listed   | unlisted  | listed   | unlisted | listed   | unlisted | unlisted | unlisted     | unlisted | listed    | unlisted    | listed   | unlisted      | listed    | unlisted | unlisted
  GET /api/compliance/batches/{id}    | key       | read    | read     | denied    | read     | denied   | read     | denied   | denied   | denied       | denied   | read      | denied      | read     | denied        | read      | denied | denied
  GET /api/compliance/items/{code}    | key       | read    | read     | denied    | read     | denied   | read     | denied   | denied   | denied       | denied   | read      | denied      | read     | denied        | read      | denied | denied
  GET /api/compliance/batches         | key       | listed  | listed   | unlisted  | listed   | unlisted | listed   | unlisted | unlisted | unlisted     | unlisted | listed    | unlisted    | listed   | unlisted      | listed    | unlisted | unlisted
  GET /api/compliance/violations      | key       | listed  | listed   | unlisted  | listed   | unlisted | listed   | unlisted | unlisted | unlisted     | unlisted | listed    | unlisted    | listed   | unlisted      | listed    | unlisted | unlisted
  GET /api/compliance/summary         | key       | counted | role     | role      | role     | role     | role     | role     | role     | role         | role     | counted   | uncounted   | counted  | uncounted     | counted   | uncounted | uncounted
  GET /api/mass-balance               | key       | counted | role     | role      | role     | role     | role     | role     | role     | role         | role     | counted   | uncounted   | counted  | uncounted     | counted   | uncounted | uncounted
  GET /api/cartons/{id}               | key       | read    | read     | denied    | read     | denied   | read     | denied   | read     | denied       | denied   | read      | denied      | read     | denied        | read      | denied | denied
  GET /api/cartons/{id}/items         | key       | read    | read     | denied    | read     | denied   | denied   | denied   | read     | denied       | denied   | denied    | denied      | denied   | denied        | denied    | denied | denied
  GET /c/{cartonId}                   | read      | read    | read     | read      | read     | read     | read     | read     | read     | read         | read     | read      | read        | read     | read          | read      | read | read
  GET /api/cartons/{id} via Renhua    | key       | read    | read     | denied    | read     | denied   | read     | denied   | read     | denied       | denied   | read      | read        | read     | denied        | read      | denied | denied
  GET /api/shipments/{id}             | key       | read    | read     | denied    | read     | denied   | read     | denied   | read     | denied       | denied   | read      | denied      | read     | denied        | read      | denied | denied
  GET /api/shipments/{id} to Renhua   | key       | read    | read     | denied    | read     | denied   | read     | denied   | read     | denied       | denied   | read      | read        | read     | denied        | read      | denied | denied
  GET /api/shipments                  | key       | listed  | listed   | unlisted  | listed   | unlisted | listed   | unlisted | listed   | unlisted     | unlisted | listed    | unlisted    | listed   | unlisted      | listed    | unlisted | unlisted
  GET /api/cold-chain/{truck}         | key       | read    | denied   | denied    | denied   | denied   | denied   | denied   | read     | denied       | denied   | read      | denied      | read     | denied        | denied    | denied | denied
  GET /api/cold-chain/{packhouse}     | key       | read    | denied   | denied    | read     | denied   | denied   | denied   | denied   | denied       | denied   | read      | denied      | read     | denied        | denied    | denied | denied
  GET /api/cold-chain/{Renhua station}| key       | read    | denied   | denied    | denied   | denied   | denied   | denied   | read     | denied       | denied   | denied    | read        | read     | denied        | denied    | denied | denied
  GET /api/handovers                  | key       | unlisted| unlisted | unlisted  | listed   | unlisted | unlisted | unlisted | unlisted | unlisted     | unlisted | unlisted  | unlisted    | unlisted | unlisted      | unlisted  | unlisted | unlisted
  GET /api/recalls/{id}               | key       | read    | read     | denied    | read     | denied   | read     | denied   | read     | denied       | denied   | read      | read        | read     | denied        | read      | denied | denied
  GET /api/recalls                    | key       | listed  | listed   | unlisted  | listed   | unlisted | listed   | unlisted | listed   | unlisted     | unlisted | listed    | listed      | listed   | unlisted      | listed    | unlisted | unlisted
  GET /api/recall-tasks               | key       | unlisted| unlisted | unlisted  | unlisted | unlisted | unlisted | unlisted | listed   | unlisted     | unlisted | unlisted  | unlisted    | unlisted | unlisted      | unlisted  | unlisted | unlisted
  GET /api/history/batch/{id}         | key       | read    | read     | denied    | read     | denied   | read     | denied   | denied   | denied       | denied   | read      | denied      | read     | denied        | read      | denied | denied
  GET /api/history/item/{code}        | key       | read    | read     | denied    | read     | denied   | read     | denied   | read     | denied       | denied   | read      | denied      | read     | denied        | read      | denied | denied
  GET /api/history/carton/{id}        | key       | read    | read     | denied    | read     | denied   | read     | denied   | read     | denied       | denied   | read      | denied      | read     | denied        | read      | denied | denied
  GET /api/history/shipment/{id}      | key       | read    | read     | denied    | read     | denied   | read     | denied   | read     | denied       | denied   | read      | denied      | read     | denied        | read      | denied | denied
  GET /api/history/shipment to Renhua | key       | read    | read     | denied    | read     | denied   | read     | denied   | read     | denied       | denied   | read      | read        | read     | denied        | read      | denied | denied
  GET /api/history/facility/{packhse} | key       | read    | denied   | denied    | read     | denied   | denied   | denied   | denied   | denied       | denied   | read      | denied      | read     | denied        | denied    | denied | denied
  GET /api/history/organization/{own} | key       | read    | read     | denied    | denied   | denied   | denied   | denied   | denied   | denied       | denied   | read      | denied      | read     | denied        | denied    | denied | denied
  GET /t/{code}                       | read      | read    | read     | read      | read     | read     | read     | read     | read     | read         | read     | read      | read        | read     | read          | read      | read | read
  GET /01/{gtin}/10/{lot}/21/{serial} | read      | read    | read     | read      | read     | read     | read     | read     | read     | read         | read     | read      | read        | read     | read          | read      | read | read
  GET /api/sellable/{code}            | read      | read    | read     | read      | read     | read     | read     | read     | read     | read         | read     | read      | read        | read     | read          | read      | read | read
  GET /api/holds                      | key       | listed  | role     | role      | role     | role     | role     | role     | role     | role         | role     | listed    | unlisted    | listed   | unlisted      | role      | role | unlisted
  GET /api/spot-checks                | key       | listed  | role     | role      | role     | role     | listed   | unlisted | role     | role         | role     | listed    | unlisted    | listed   | unlisted      | role      | role | unlisted
  GET /api/spot-checks/{id}           | key       | read    | role     | role      | role     | role     | read     | denied   | role     | role         | role     | read      | denied      | read     | denied        | role      | role | denied
`);

/** What a cell says: 200 with or without the batch's data, or the refusal. */
const OUTCOMES: Record<string, { status: number; shows?: boolean; code?: string }> = {
  read: { status: 200, shows: true },
  listed: { status: 200, shows: true },
  counted: { status: 200, shows: true },
  unlisted: { status: 200, shows: false },
  uncounted: { status: 200, shows: false },
  denied: { status: 403, code: 'not_allowed_to_read' },
  role: { status: 403, code: 'role_not_allowed' },
  key: { status: 401, code: 'api_key_missing' },
};

const outcomeLabel = (cell: string) => {
  const outcome = OUTCOMES[cell];
  if (!outcome) return `an unknown cell "${cell}"`;
  return outcome.code ? `${outcome.status} ${outcome.code}` : `${outcome.status} ${outcome.shows ? 'with' : 'without'} it`;
};

/** GET routes that carry nothing of a batch beyond its public scan: the registry, the standards, the QR images, liveness. */
const NOT_BATCH_DATA = [
  'GET /health',
  'GET /api/me',
  'GET /api/organizations',
  'GET /api/organizations/{id}',
  'GET /api/facilities',
  'GET /api/facilities/{id}',
  'GET /api/products',
  'GET /api/products/{id}',
  // A household's personal data: read by its registering organization and the regulator over it (test/persons.e2e.ts).
  'GET /api/persons',
  'GET /api/persons/{id}',
  'GET /api/standards',
  'GET /api/standards/{productId}',
  'GET /api/standards/{productId}/versions/{version}',
  'GET /t/{code}/qr.svg',
  'GET /t/{code}/qr.png',
];

/** Read routes of a transformation's lots, whose readers (the processor, its inputs' owners, the regulator over its plant) test/processing.e2e.ts walks. */
const PROCESSING_READS = ['GET /api/transformations', 'GET /api/transformations/{id}'];

/** Scan counts' read routes, whose readers (the owning organization, the regulator; 403 for another) test/scan-count.e2e.ts walks. */
const HISTORY = 'GET /api/history/{kind}/{id}';
/** An audit history page that lists an event of the type. */
const historyHas = (h: { rows?: { type: string }[] }, type: string) => (h.rows ?? []).some((r) => r.type === type);

const SCAN_COUNT_READS = ['GET /api/batches/{batchId}/verification-codes', 'GET /api/counterfeit-signals', 'GET /api/problem-reports'];

/** Tamper evidence: hashes, signed roots and the public key, no event's content; regulators and the administrator only (test/audit.e2e.ts walks them). */
const AUDIT_READS = [
  'GET /api/audit/public-key',
  'GET /api/audit/checkpoints',
  'GET /api/audit/checkpoints/latest',
  'GET /api/audit/verify',
];

interface ReadRoute {
  /** The route as the OpenAPI document names it. */
  operation: string;
  path: () => string;
  /** Whether the answer shows the batch (its record, its item, its alert, its shipment, its hand-over, its count). */
  shows: (body: any) => boolean;
}

describe('who may read what: every reader × every read route of a batch, over HTTP', () => {
  let app: TestApp;
  let call: Call;
  const orgs: Record<string, Org> = {};
  const world: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    const guangdong = { province: '广东省' };
    const readers: [string, string, Record<string, unknown>?][] = [
      ['owner', 'cooperative'],
      ['otherCoop', 'cooperative'],
      ['holder', 'packhouse'],
      ['stranger', 'packhouse'],
      ['lab', 'testing_lab'],
      ['otherLab', 'testing_lab'],
      ['carrier', 'logistics'],
      ['otherCarrier', 'logistics'],
      ['retailer', 'retailer'],
      ['regulator', 'regulator'],
      ['otherCounty', 'regulator', { region: { ...guangdong, city: '韶关市', county: '仁化县' } }],
      ['province', 'regulator', { region: guangdong }],
      ['otherProvince', 'regulator', { region: { province: '湖南省' } }],
      ['standards', 'standards_owner'],
      ['otherStandards', 'standards_owner'],
      // 乐昌市 is a county's name in 广东省; a regulator of a namesake elsewhere has no say over it.
      ['namesake', 'regulator', { region: { province: '湖南省', county: '乐昌市' } }],
    ];
    for (const [name, role, extra] of readers) orgs[name] = await registerOrg(call, role, `${name} 组织`, extra);
    const plot = await registerCountyFacility(call, orgs.owner, 'plumPlot');
    const packhouse = await registerCountyFacility(call, orgs.holder, 'packhouse');
    const hub = await registerCountyFacility(call, orgs.carrier, 'hub');
    const village = await registerCountyFacility(call, orgs.carrier, 'villageChaliao');
    const truck = await registerCountyFacility(call, orgs.carrier, 'truck');
    const renhua = await registerFacility(call, orgs.carrier, 'town_station', '仁化县城口镇服务站', { county: '仁化县', town: '城口镇' });
    const renhuaTruck = await registerFacility(call, orgs.carrier, 'vehicle', '冷链车2号', { county: '仁化县' }, { plate: '粤F·C5678' });
    await registerFacility(call, orgs.otherCarrier, 'county_hub', '仁化县县级物流中心', { county: '仁化县' });
    const plum = await registerPlum(call, { gtin: true });
    await publishPlumStandard(call, orgs.standards, plum);
    // The other standards owner publishes the standard of another product, not of the plum.
    await publishPlumStandard(call, orgs.otherStandards, await registerPlum(call));

    const post = (path: string, org: Org, body: unknown) => expectOk(call('POST', path, { key: org.key, body }));
    const batch = (await post('/api/batches', orgs.owner, { productId: plum, farmPlotId: plot, lotCode: 'LC20260715A' })).id;
    const path = `/api/batches/${batch}`;
    await post(`${path}/harvests`, orgs.owner, { harvestedAt: T('06:00'), quantity: { value: 500, unit: 'kg' } });
    const handover = await handOver(call, batch, orgs.owner, orgs.holder, T('07:00'));
    await post(`${path}/pre-cooling`, orgs.holder, {
      facilityId: packhouse,
      startedAt: T('07:30'),
      endedAt: T('09:30'),
      coreTemperatureC: 4.5,
    });
    const packing = await post(`${path}/packing`, orgs.holder, {
      facilityId: packhouse,
      packedAt: T('11:00'),
      lines: [{ grade: '特级', count: 20, netWeight: { value: 2.5, unit: 'kg' }, itemsPerCarton: 10 }],
    });
    const cartons = packing.cartons.map((c: { cartonId: string }) => c.cartonId);
    world.labelJob = (await post(`${path}/label-jobs`, orgs.holder, { format: 'csv' })).id;
    const readings = (facilityId: string, org: Org, from: string) =>
      post('/api/cold-chain/readings', org, {
        facilityId,
        deviceId: `TL-${facilityId}`,
        readings: [0, 1, 2].map((h) => ({ at: new Date(Date.parse(from) + h * 3_600_000).toISOString(), temperatureC: 1.5 })),
      });
    await readings(packhouse, orgs.holder, T('09:00'));
    const leg1 = await post('/api/shipments', orgs.holder, {
      fromFacilityId: packhouse,
      toFacilityId: hub,
      vehicleId: renhuaTruck,
      cartonIds: cartons,
      dispatchedAt: T('12:00'),
    });
    await post(`/api/shipments/${leg1.id}/receipt`, orgs.carrier, { facilityId: hub, receivedAt: T('13:00'), condition: 'intact' });
    const leg2 = await post('/api/shipments', orgs.carrier, {
      fromFacilityId: hub,
      toFacilityId: village,
      vehicleId: truck,
      cartonIds: [cartons[0]],
      dispatchedAt: T('14:00'),
    });
    await readings(truck, orgs.carrier, T('14:00'));
    await post(`/api/shipments/${leg2.id}/receipt`, orgs.carrier, { facilityId: village, receivedAt: T('16:00'), condition: 'intact' });
    const toRenhua = await post('/api/shipments', orgs.carrier, {
      fromFacilityId: hub,
      toFacilityId: renhua,
      cartonIds: [cartons[1]],
      dispatchedAt: T('14:00'),
    });
    await post(`/api/shipments/${toRenhua.id}/receipt`, orgs.carrier, { facilityId: renhua, receivedAt: T('15:30'), condition: 'intact' });
    await readings(renhua, orgs.carrier, T('15:30'));
    // The lab's rapid test of a retained sample fails after the goods left: a violation, and a hold.
    const tested = await post(`${path}/quality-tests`, orgs.lab, {
      method: 'pesticide_residue_rapid_test',
      standardRef: 'GB/T 5009.199-2003',
      sampleId: 'S-0715-01',
      testedAt: T('16:30'),
      value: 62,
      unit: '%',
      threshold: 50,
    });
    expect(tested.held).toBe(true);
    // The county's regulator recalls the lot: its cartons are at the hub, a village point and a station in 仁化县.
    world.recall = (await post('/api/recalls', orgs.regulator, { class: 'I', reason: '农药残留超标', scope: { lots: [batch] } })).id;
    Object.assign(world, {
      batch,
      handover: handover.id,
      carton: cartons[0],
      renhuaCarton: cartons[1],
      shipment: leg2.id,
      toRenhua: toRenhua.id,
      truck,
      packhouse,
      renhua,
      plum,
    });
    // A regulator's spot check of the lot, sent to the lab, and a hold on its first carton.
    world.spotCheck = (
      await expectOk(
        call('POST', '/api/spot-checks', {
          key: ADMIN_KEY,
          body: { batchId: batch, place: '茶料村服务点', sampledBy: '李明', sampledAt: T('16:40'), labId: orgs.lab.id },
        }),
      )
    ).id;
    await expectOk(call('POST', '/api/holds', { key: ADMIN_KEY, body: { cartonId: cartons[0], reason: '抽检，待结果' } }));
    world.code = packing.items[0].code;
    world.digitalLink = packing.items[0].scanUrl.slice(app.baseUrl.length);
  });
  afterAll(() => app.close());

  const keyOf = (reader: string) => (reader === 'anonymous' ? undefined : reader === 'admin' ? ADMIN_KEY : orgs[reader].key);
  const hasBatch = (list: { id?: string; batchId?: string }[]) => list.some((b) => (b.batchId ?? b.id) === world.batch);

  const ROUTES: Record<string, ReadRoute> = {
    'GET /api/batches/{id}': {
      operation: 'GET /api/batches/{id}',
      path: () => `/api/batches/${world.batch}`,
      shows: (b) => b.id === world.batch && b.tests.length === 1,
    },
    'GET /api/batches/{id}/items': {
      operation: 'GET /api/batches/{id}/items',
      path: () => `/api/batches/${world.batch}/items`,
      shows: (items) => items.length === 20,
    },
    'GET /api/batches/{id}/label-jobs': {
      operation: 'GET /api/batches/{id}/label-jobs',
      path: () => `/api/batches/${world.batch}/label-jobs`,
      shows: (h) => h.jobs.length === 1 && h.labelCount === 20,
    },
    'GET …/label-jobs/{jobId}/file': {
      operation: 'GET /api/batches/{id}/label-jobs/{jobId}/file',
      path: () => `/api/batches/${world.batch}/label-jobs/${world.labelJob}/file`,
      shows: (csv) => typeof csv === 'string' && csv.startsWith('code,url,lot,grade,carton\r\n') && csv.split('\r\n').length === 22,
    },
    'GET /api/trace/back?item=': {
      operation: 'GET /api/trace/back',
      path: () => `/api/trace/back?item=${world.code}`,
      shows: (t) => t.lots[0].batchId === world.batch && t.lots[0].tests.length === 1,
    },
    'GET /api/trace/forward?lot=': {
      operation: 'GET /api/trace/forward',
      path: () => `/api/trace/forward?lot=${world.batch}`,
      shows: (t) => t.summary.units === 20,
    },
    'GET /api/batches?cooperativeId=': {
      operation: 'GET /api/batches',
      path: () => `/api/batches?cooperativeId=${orgs.owner.id}`,
      shows: hasBatch,
    },
    'GET /api/compliance/batches/{id}': {
      operation: 'GET /api/compliance/batches/{id}',
      path: () => `/api/compliance/batches/${world.batch}`,
      shows: (b) => b.batchId === world.batch && b.status === 'non_compliant',
    },
    'GET /api/compliance/items/{code}': {
      operation: 'GET /api/compliance/items/{code}',
      path: () => `/api/compliance/items/${world.code}`,
      shows: (i) => i.status === 'non_compliant',
    },
    'GET /api/compliance/batches': { operation: 'GET /api/compliance/batches', path: () => '/api/compliance/batches', shows: hasBatch },
    'GET /api/compliance/violations': {
      operation: 'GET /api/compliance/violations',
      path: () => '/api/compliance/violations',
      shows: hasBatch,
    },
    'GET /api/compliance/summary': {
      operation: 'GET /api/compliance/summary',
      path: () => '/api/compliance/summary?by=cooperative',
      shows: (s) => s.rows.some((r: { key: string }) => r.key === orgs.owner.id),
    },
    'GET /api/mass-balance': {
      operation: 'GET /api/mass-balance',
      path: () => '/api/mass-balance',
      shows: (m) =>
        m.rows.some((r: { product: { id: string }; harvested: { kg: number } }) => r.product.id === world.plum && r.harvested.kg === 500),
    },
    'GET /api/cartons/{id}': {
      operation: 'GET /api/cartons/{id}',
      path: () => `/api/cartons/${world.carton}`,
      shows: (c) => c.id === world.carton,
    },
    'GET /api/cartons/{id}/items': {
      operation: 'GET /api/cartons/{id}/items',
      path: () => `/api/cartons/${world.carton}/items`,
      shows: (items) => items.length === 10 && items.some((i: { code: string }) => i.code === world.code),
    },
    'GET /c/{cartonId}': {
      operation: 'GET /c/{cartonId}',
      path: () => `/c/${world.carton}`,
      shows: (c) => c.cartonId === world.carton && c.itemCount === 10 && !JSON.stringify(c).includes(world.code),
    },
    'GET /api/cartons/{id} via Renhua': {
      operation: 'GET /api/cartons/{id}',
      path: () => `/api/cartons/${world.renhuaCarton}`,
      shows: (c) => c.id === world.renhuaCarton,
    },
    'GET /api/shipments/{id} to Renhua': {
      operation: 'GET /api/shipments/{id}',
      path: () => `/api/shipments/${world.toRenhua}`,
      shows: (s) => s.id === world.toRenhua,
    },
    'GET /api/shipments/{id}': {
      operation: 'GET /api/shipments/{id}',
      path: () => `/api/shipments/${world.shipment}`,
      shows: (s) => s.id === world.shipment,
    },
    'GET /api/shipments': {
      operation: 'GET /api/shipments',
      path: () => '/api/shipments',
      shows: (list) => list.some((s: { id: string }) => s.id === world.shipment),
    },
    'GET /api/cold-chain/{truck}': {
      operation: 'GET /api/cold-chain/{facilityId}',
      path: () => `/api/cold-chain/${world.truck}`,
      shows: (c) => c.id === world.truck && c.count === 3,
    },
    'GET /api/cold-chain/{packhouse}': {
      operation: 'GET /api/cold-chain/{facilityId}',
      path: () => `/api/cold-chain/${world.packhouse}`,
      shows: (c) => c.id === world.packhouse && c.count === 3,
    },
    'GET /api/cold-chain/{Renhua station}': {
      operation: 'GET /api/cold-chain/{facilityId}',
      path: () => `/api/cold-chain/${world.renhua}`,
      shows: (c) => c.id === world.renhua && c.count === 3,
    },
    'GET /api/handovers': {
      operation: 'GET /api/handovers',
      path: () => '/api/handovers',
      shows: (list) => list.some((h: { id: string }) => h.id === world.handover),
    },
    'GET /api/history/batch/{id}': {
      operation: HISTORY,
      path: () => `/api/history/batch/${world.batch}`,
      shows: (h) => historyHas(h, 'QualityTestRecorded') && historyHas(h, 'RecallOpened'),
    },
    'GET /api/history/item/{code}': {
      operation: HISTORY,
      path: () => `/api/history/item/${world.code}`,
      shows: (h) => historyHas(h, 'BatchPacked') && historyHas(h, 'ShipmentReceived'),
    },
    'GET /api/history/carton/{id}': {
      operation: HISTORY,
      path: () => `/api/history/carton/${world.carton}`,
      shows: (h) => historyHas(h, 'BatchPacked') && historyHas(h, 'ShipmentReceived'),
    },
    'GET /api/history/shipment/{id}': {
      operation: HISTORY,
      path: () => `/api/history/shipment/${world.shipment}`,
      shows: (h) => historyHas(h, 'ShipmentDispatched') && historyHas(h, 'ShipmentReceived'),
    },
    'GET /api/history/shipment to Renhua': {
      operation: HISTORY,
      path: () => `/api/history/shipment/${world.toRenhua}`,
      shows: (h) => historyHas(h, 'ShipmentReceived'),
    },
    'GET /api/history/facility/{packhse}': {
      operation: HISTORY,
      path: () => `/api/history/facility/${world.packhouse}`,
      shows: (h) => historyHas(h, 'BatchPacked'),
    },
    'GET /api/history/organization/{own}': {
      operation: HISTORY,
      path: () => `/api/history/organization/${orgs.owner.id}`,
      shows: (h) => historyHas(h, 'BatchRegistered'),
    },
    'GET /api/recalls/{id}': {
      operation: 'GET /api/recalls/{id}',
      path: () => `/api/recalls/${world.recall}`,
      shows: (r) => r.id === world.recall && r.progress.total === 20,
    },
    'GET /api/recalls': {
      operation: 'GET /api/recalls',
      path: () => '/api/recalls',
      shows: (list) => list.some((r: { id: string }) => r.id === world.recall),
    },
    'GET /api/recall-tasks': {
      operation: 'GET /api/recall-tasks',
      path: () => '/api/recall-tasks',
      shows: (list) => list.some((t: { recallId: string; items: number }) => t.recallId === world.recall && t.items === 20),
    },
    'GET /t/{code}': { operation: 'GET /t/{code}', path: () => `/t/${world.code}`, shows: (p) => p.code === world.code },
    'GET /01/{gtin}/10/{lot}/21/{serial}': {
      operation: 'GET /01/{gtin}/10/{lot}/21/{serial}',
      path: () => world.digitalLink,
      shows: (p) => p.code === world.code,
    },
    'GET /api/sellable/{code}': {
      operation: 'GET /api/sellable/{code}',
      path: () => `/api/sellable/${world.code}`,
      shows: (a) => a.code === world.code && a.sellable === false,
    },
    'GET /api/holds': { operation: 'GET /api/holds', path: () => '/api/holds', shows: hasBatch },
    'GET /api/spot-checks': {
      operation: 'GET /api/spot-checks',
      path: () => '/api/spot-checks',
      shows: (list) => list.some((c: { id: string }) => c.id === world.spotCheck),
    },
    'GET /api/spot-checks/{id}': {
      operation: 'GET /api/spot-checks/{id}',
      path: () => `/api/spot-checks/${world.spotCheck}`,
      shows: (c) => c.id === world.spotCheck,
    },
  };

  it('has a row for every read route of the OpenAPI document that carries a batch’s data, and a column for every reader', async () => {
    const doc = await expectOk(call('GET', '/api/docs-json'));
    const reads = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, operations]) =>
      'get' in operations ? [`GET ${path}`] : [],
    );
    const covered = new Set([
      ...READS.rows.map((row) => ROUTES[row]?.operation),
      ...NOT_BATCH_DATA,
      ...PROCESSING_READS,
      ...SCAN_COUNT_READS,
      ...AUDIT_READS,
    ]);
    expect(reads.filter((route) => !covered.has(route))).toEqual([]);
    expect(Object.keys(ROUTES).sort()).toEqual([...READS.rows].sort());
    expect(READS.columns).toEqual(['anonymous', 'admin', ...Object.keys(orgs)]);
    expect(READS.cells.filter(([, , cell]) => !OUTCOMES[cell])).toEqual([]);
  });

  const cells = READS.cells.map(([route, reader, cell]) => [route, reader, outcomeLabel(cell), OUTCOMES[cell]] as const);

  it.each(cells)('%s by %s → %s', async (route, reader, _label, expected) => {
    const { path, shows } = ROUTES[route];
    const answer = await call('GET', path(), { key: keyOf(reader) });
    if (expected.code) {
      expect({ status: answer.status, body: answer.body }).toMatchObject({ status: expected.status, body: { code: expected.code } });
    } else {
      expect({ status: answer.status, shows: answer.status === 200 && shows(answer.body) }).toEqual({
        status: expected.status,
        shows: expected.shows,
      });
    }
  });
});
