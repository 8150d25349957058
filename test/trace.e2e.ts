import { ApiClient, Call, PRODUCTS, productBody, registerProduct } from '../apps/cli/src/world';
import { Org, expectOk, registerCountyFacility, registerCountyOrg, registerOrg } from './support/fixtures';
import { SmallWorld, handOver, harvestedBatch, pack, shipToHub, smallWorld } from './support/small-world';
import { rawGet } from './support/raw-get';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';

describe('trace back and forward of a grown batch, over HTTP', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;
  let regulator: Org;
  let batch: string;
  let code: string;
  let cartons: string[];
  const get = (path: string, key = regulator.key) => call('GET', path, { key });

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call);
    regulator = await registerCountyOrg(call, 'regulator');
    batch = await harvestedBatch(call, w);
    await expectOk(
      call('POST', `/api/batches/${batch}/farm-inputs`, {
        key: w.coop.key,
        body: {
          inputName: '吡虫啉可湿性粉剂',
          activeIngredient: 'imidacloprid',
          kind: 'pesticide',
          dose: { value: 30, unit: 'g' },
          appliedAt: '2026-06-20T08:00:00+08:00',
          safetyIntervalDays: 14,
        },
      }),
    );
    await expectOk(
      call('POST', `/api/batches/${batch}/quality-tests`, {
        key: w.lab.key,
        body: {
          method: 'pesticide_residue_rapid_test',
          sampleId: 'S-0715-01',
          testedAt: '2026-07-15T09:00:00+08:00',
          value: 12.5,
          unit: '%',
          threshold: 50,
        },
      }),
    );
    const packed = await pack(call, w, batch, 20, 10);
    code = packed.items[0].code;
    cartons = packed.cartons.map((c: { cartonId: string }) => c.cartonId);
    await shipToHub(call, w, [cartons[0]]);
  });
  afterAll(() => app.close());

  it('traces an item back to its plot, farm input, test and who recorded each step', async () => {
    const { status, body } = await get(`/api/trace/back?item=${code}`);
    expect(status).toBe(200);
    expect(body.start).toEqual({ item: code, batchId: batch });
    const [lot] = body.lots;
    expect(lot).toMatchObject({
      batchId: batch,
      generation: 0,
      origin: { kind: 'farm_plot', place: { id: w.plot } },
      owner: { id: w.coop.id },
      farmInputs: [{ name: '吡虫啉可湿性粉剂', safetyIntervalDays: 14 }],
      tests: [{ method: 'pesticide_residue_rapid_test', value: 12.5, passed: true, labId: w.lab.id }],
    });
    const recorders = new Map<string, string>(lot.steps.map((s: { event: string; organizationId: string }) => [s.event, s.organizationId]));
    expect(Object.fromEntries(recorders)).toMatchObject({
      BatchRegistered: w.coop.id,
      FarmInputApplied: w.coop.id,
      QualityTestRecorded: w.lab.id,
      BatchPacked: w.packer.id,
    });
    expect(lot.steps.every((s: { keyId: string }) => typeof s.keyId === 'string' && s.keyId.length > 0)).toBe(true);
  });

  it('traces the lot forward from its plot, its farm input and its test to its units, counted by where they are', async () => {
    const starts = [
      `lot=${batch}`,
      `plot=${w.plot}&from=2026-07-15&to=2026-07-15`,
      'input=Imidacloprid',
      `input=${encodeURIComponent('吡虫啉可湿性粉剂')}`,
    ];
    const testId = (await expectOk(get(`/api/batches/${batch}`))).tests[0].testId;
    for (const start of [...starts, `test=${testId}`]) {
      const { status, body } = await get(`/api/trace/forward?${start}`);
      expect([start, status, body.startLots, body.summary]).toEqual([
        start,
        200,
        [batch],
        {
          lots: 1,
          cartons: 2,
          shipments: 1,
          units: 20,
          where: { notShipped: 10, atFacility: { [w.hub]: 10 }, inTransit: 0, delivered: {}, consumed: 0 },
        },
      ]);
    }
    const none = await expectOk(get(`/api/trace/forward?plot=${w.plot}&from=2026-07-16`));
    expect(none.summary.units).toBe(0);
  });

  it('answers pages with a cursor, and the same page as CSV a spreadsheet opens', async () => {
    const first = await expectOk(get(`/api/trace/forward?lot=${batch}&limit=15`));
    expect(first.units).toHaveLength(15);
    const second = await expectOk(get(`/api/trace/forward?lot=${batch}&limit=15&cursor=${first.nextCursor}`));
    expect(second.units).toHaveLength(5);
    expect(second.nextCursor).toBeUndefined();
    expect(new Set([...first.units, ...second.units].map((u: { code: string }) => u.code)).size).toBe(20);

    const csv = await rawGet(app, `/api/trace/forward?lot=${batch}&limit=15`, regulator.key, 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('x-next-cursor')).toBe(first.nextCursor);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^record 记录,event 环节,traceability_lot_code 批次号,/);
    expect(lines.filter((l) => l.startsWith('unit,'))).toHaveLength(15);
    const back = await rawGet(app, `/api/trace/back?carton=${cartons[0]}&format=csv`, regulator.key, 'application/json');
    expect(back.headers.get('content-disposition')).toBe(`attachment; filename="trace-back-${batch}.csv"`);
    expect(back.bytes.toString('utf8')).toContain('harvesting');
  });

  it('refuses bad parameters naming the field, unknown starts naming them, and readers who may not read the lot', async () => {
    const refusal = async (path: string, key = regulator.key) => {
      const { status, body } = await get(path, key);
      return { status, code: body.code, field: body.details?.field };
    };
    expect(await refusal(`/api/trace/back?item=${code}&depth=21`)).toEqual({ status: 400, code: 'invalid_query', field: 'depth' });
    expect(await refusal(`/api/trace/back?item=${code}&limit=0`)).toEqual({ status: 400, code: 'invalid_query', field: 'limit' });
    expect(await refusal(`/api/trace/back?item=${code}&cursor=nonsense`)).toEqual({ status: 400, code: 'invalid_query', field: 'cursor' });
    expect(await refusal(`/api/trace/back?item=${code}&lot=${batch}`)).toEqual({ status: 400, code: 'invalid_query', field: 'lot' });
    expect(await refusal('/api/trace/back')).toEqual({ status: 400, code: 'invalid_query', field: 'item' });
    expect(await refusal(`/api/trace/back?item=${code}&colour=red`)).toEqual({ status: 400, code: 'invalid_query', field: 'colour' });
    expect(await refusal(`/api/trace/back?item=${code}&format=xml`)).toEqual({ status: 400, code: 'invalid_query', field: 'format' });
    expect(await refusal(`/api/trace/forward?lot=${batch}&from=2026-07-01`)).toEqual({ status: 400, code: 'invalid_query', field: 'from' });
    expect(await refusal(`/api/trace/forward?plot=${w.plot}&to=July`)).toEqual({ status: 400, code: 'invalid_time', field: 'to' });
    expect(await refusal(`/api/trace/forward?plot=${w.plot}&from=2026-07-16&to=2026-07-15`)).toEqual({
      status: 400,
      code: 'invalid_query',
      field: 'from',
    });
    expect(await refusal('/api/trace/back?item=NOSUCHCODE')).toMatchObject({ status: 404, code: 'item_not_found' });
    expect(await refusal('/api/trace/back?lot=bat-nosuch')).toMatchObject({ status: 404, code: 'batch_not_found' });
    expect(await refusal('/api/trace/forward?input=DDT')).toMatchObject({ status: 404, code: 'farm_input_not_found' });
    expect(await refusal('/api/trace/forward?test=qt-nosuch')).toMatchObject({ status: 404, code: 'test_not_found' });
    const stranger = await registerOrg(call, 'cooperative', '另一个合作社');
    expect(await refusal(`/api/trace/back?item=${code}`, stranger.key)).toMatchObject({ status: 403, code: 'not_allowed_to_read' });
    expect(await refusal('/api/trace/forward?input=imidacloprid', stranger.key)).toMatchObject({
      status: 403,
      code: 'not_allowed_to_read',
    });
    expect((await call('GET', `/api/trace/back?item=${code}`)).status).toBe(401);
  });
});

const T = (hhmm: string, day = 10) => `2026-04-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;

/**
 * Three generations through HTTP: leaves from two cooperatives' plots and one household blended
 * into 乐昌白毛茶, the tea split into two lots of gift boxes, packed and partly shipped; and live
 * 雪毛鸡 slaughtered into chilled birds.
 */
describe('trace back and forward through transformations, over HTTP', () => {
  let app: TestApp;
  let call: Call;
  let coop1: Org, coop2: Org, factory: Org, lab: Org, carrier: Org, regulator: Org;
  let plot1: string, plant: string, hub: string;
  const lots: Record<'a' | 'b' | 'bought' | 'tea' | 'gift' | 'bulk', string> = { a: '', b: '', bought: '', tea: '', gift: '', bulk: '' };
  let person: string;
  let giftCode: string;
  const post = (path: string, key: string, body: unknown) => expectOk(call('POST', path, { key, body }));
  const get = (path: string, key = regulator.key) => expectOk(call('GET', path, { key }));

  /** Leaves picked on the cooperative's plot and handed to the tea factory. */
  async function leavesLot(coop: Org, plot: string, product: string, kg: number): Promise<string> {
    const batch = await post('/api/batches', coop.key, { productId: product, farmPlotId: plot });
    await post(`/api/batches/${batch.id}/harvests`, coop.key, { harvestedAt: T('06:00'), quantity: { value: kg, unit: 'kg' } });
    await handOver(call, batch.id, coop, factory, T('07:00'));
    return batch.id;
  }

  async function gradeAndPack(batchId: string, kg: number, count: number) {
    await post(`/api/batches/${batchId}/grading`, factory.key, {
      facilityId: plant,
      gradedAt: T('10:00', 11),
      classes: [{ grade: '特级', quantity: { value: kg, unit: 'kg' }, attributes: {} }],
    });
    return post(`/api/batches/${batchId}/packing`, factory.key, {
      facilityId: plant,
      packedAt: T('11:00', 11),
      lines: [{ grade: '特级', count, netWeight: { value: 0.25, unit: 'kg' }, itemsPerCarton: 10 }],
    });
  }

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    [coop1, coop2, factory, lab, carrier, regulator] = await Promise.all(
      (['teaCoop', 'teaCoop2', 'teaFactory', 'lab', 'logistics', 'regulator'] as const).map((org) => registerCountyOrg(call, org)),
    );
    plot1 = await registerCountyFacility(call, coop1, 'teaPlot');
    const plot2 = await registerCountyFacility(call, coop2, 'teaPlot2');
    plant = await registerCountyFacility(call, factory, 'teaFactory');
    hub = await registerCountyFacility(call, carrier, 'hub');
    const leaves = (await registerProduct(call, ADMIN_KEY, productBody(PRODUCTS.teaLeaves))).id;
    const tea = (await registerProduct(call, ADMIN_KEY, productBody(PRODUCTS.tea, { madeFrom: [leaves] }))).id;
    const giftBox = { ...PRODUCTS.tea, nameZh: '乐昌白毛茶礼盒', nameEn: 'Lechang Baimao tea gift box', gtin: undefined };
    const gift = (await registerProduct(call, ADMIN_KEY, productBody(giftBox, { madeFrom: [tea] }))).id;

    lots.a = await leavesLot(coop1, plot1, leaves, 100);
    await post(`/api/batches/${lots.a}/farm-inputs`, coop1.key, {
      inputName: '吡虫啉可湿性粉剂',
      activeIngredient: 'imidacloprid',
      kind: 'pesticide',
      dose: { value: 30, unit: 'g' },
      appliedAt: T('08:00', 1),
      safetyIntervalDays: 7,
    });
    await post(`/api/batches/${lots.a}/quality-tests`, lab.key, {
      method: 'pesticide_residue_rapid_test',
      sampleId: 'S-0410-A',
      testedAt: T('06:30'),
      value: 11,
      unit: '%',
      threshold: 50,
    });
    lots.b = await leavesLot(coop2, plot2, leaves, 80);
    person = (
      await post('/api/persons', factory.key, {
        name: '邓桂兰',
        idNumber: '440281197809153021',
        region: { province: '广东省', county: '乐昌市', town: '沙坪镇', village: '龙塘村' },
      })
    ).id;
    lots.bought = (
      await post('/api/purchases', factory.key, {
        personId: person,
        productId: leaves,
        plantId: plant,
        quantity: { value: 20, unit: 'kg' },
        harvestedAt: T('05:30'),
        purchasedAt: T('07:30'),
      })
    ).lot.id;
    const blended = await post('/api/transformations', factory.key, {
      plantId: plant,
      process: 'tea_processing',
      startedAt: T('08:00'),
      endedAt: T('16:00'),
      steps: [
        { name: '杀青', parameters: { temperatureC: 260, minutes: 3 } },
        { name: '烘干', parameters: { temperatureC: 90, minutes: 60 } },
      ],
      inputs: [
        { batchId: lots.a, whole: true },
        { batchId: lots.b, quantity: { value: 60, unit: 'kg' } },
        { batchId: lots.bought, whole: true },
      ],
      outputs: [{ productId: tea, lotCode: 'LCBMC260410A', quantity: { value: 36, unit: 'kg' } }],
    });
    lots.tea = blended.outputs[0].batchId;
    const split = await post('/api/transformations', factory.key, {
      plantId: plant,
      process: 'gift_boxing',
      startedAt: T('08:00', 11),
      endedAt: T('09:00', 11),
      steps: [],
      inputs: [{ batchId: lots.tea, whole: true }],
      outputs: [
        { productId: gift, lotCode: 'LCBMC260411G', quantity: { value: 12, unit: 'kg' } },
        { productId: gift, lotCode: 'LCBMC260411B', quantity: { value: 24, unit: 'kg' } },
      ],
    });
    [lots.gift, lots.bulk] = split.outputs.map((o: { batchId: string }) => o.batchId);
    const giftPacked = await gradeAndPack(lots.gift, 12, 20);
    await gradeAndPack(lots.bulk, 24, 10);
    giftCode = giftPacked.items[0].code;
    const leg = await post('/api/shipments', factory.key, {
      fromFacilityId: plant,
      toFacilityId: hub,
      cartonIds: [giftPacked.cartons[0].cartonId],
      dispatchedAt: T('12:00', 11),
    });
    await post(`/api/shipments/${leg.id}/receipt`, carrier.key, { facilityId: hub, receivedAt: T('14:00', 11), condition: 'intact' });
  });
  afterAll(() => app.close());

  it('traces a gift box back through the split and the blend to both plots, the household and who recorded each step', async () => {
    const trace = await get(`/api/trace/back?item=${giftCode}`);
    expect(trace.lots.map((l: { batchId: string; generation: number }) => [l.batchId, l.generation])).toEqual([
      [lots.gift, 0],
      [lots.tea, 1],
      [lots.a, 2],
      [lots.b, 2],
      [lots.bought, 2],
    ]);
    const byId = new Map(trace.lots.map((l: { batchId: string }) => [l.batchId, l]));
    expect(byId.get(lots.a)).toMatchObject({
      origin: { kind: 'farm_plot', place: { id: plot1 } },
      owner: { id: coop1.id },
      farmInputs: [{ activeIngredient: 'imidacloprid', safetyIntervalDays: 7 }],
      tests: [{ method: 'pesticide_residue_rapid_test', passed: true, labId: lab.id }],
    });
    const bought = byId.get(lots.bought) as Record<string, unknown>;
    expect(bought).toMatchObject({ origin: { kind: 'purchase', place: { id: plant } }, purchases: [{ personId: person }] });
    expect(JSON.stringify(trace)).not.toContain('邓桂兰');
    expect(JSON.stringify(trace)).not.toContain('440281197809153021');
    expect(trace.transformations.map((t: { process: string }) => t.process).sort()).toEqual(['gift_boxing', 'tea_processing']);
    const recorders = (id: string) => new Set((byId.get(id) as { steps: { organizationId: string }[] }).steps.map((s) => s.organizationId));
    expect(recorders(lots.a)).toEqual(new Set([coop1.id, lab.id, factory.id]));
    expect(recorders(lots.gift)).toEqual(new Set([factory.id]));
  });

  it('traces the leaves of one plot forward to every unit made from them, counted by where each is now', async () => {
    for (const start of [`lot=${lots.a}`, `plot=${plot1}&from=2026-04-10&to=2026-04-10`, 'input=imidacloprid']) {
      const trace = await get(`/api/trace/forward?${start}`);
      expect([start, trace.startLots]).toEqual([start, [lots.a]]);
      expect(trace.lots.map((l: { batchId: string; generation: number }) => [l.batchId, l.generation])).toEqual([
        [lots.a, 0],
        [lots.tea, 1],
        [lots.gift, 2],
        [lots.bulk, 2],
      ]);
      expect(trace.summary).toEqual({
        lots: 4,
        cartons: 3,
        shipments: 1,
        units: 30,
        where: { notShipped: 20, atFacility: { [hub]: 10 }, inTransit: 0, delivered: {}, consumed: 0 },
      });
    }
  });

  it('shows a cooperative the lots made from its own by who and where they are, and counts their units', async () => {
    const trace = await get(`/api/trace/forward?lot=${lots.a}`, coop1.key);
    expect(trace.summary).toMatchObject({ lots: 4, units: 0, restricted: { lots: 3, units: 30 } });
    expect(trace.units).toEqual([]);
    const back = await get(`/api/trace/back?item=${giftCode}`, factory.key);
    expect(back.lots.every((l: { restricted?: boolean }) => !l.restricted)).toBe(true);
  });

  it('traces chilled birds back to the flock with its quarantine certificate, and the flock forward to them', async () => {
    const [farm, slaughter] = await Promise.all((['poultryCoop', 'poultryPlant'] as const).map((org) => registerCountyOrg(call, org)));
    const yard = await registerCountyFacility(call, farm, 'plotPoultry');
    const line = await registerCountyFacility(call, slaughter, 'poultryPlant');
    const live = (await registerProduct(call, ADMIN_KEY, productBody(PRODUCTS.liveChicken))).id;
    const chilled = (await registerProduct(call, ADMIN_KEY, productBody(PRODUCTS.chicken, { madeFrom: [live] }))).id;
    const flock = (await post('/api/batches', farm.key, { productId: live, farmPlotId: yard })).id;
    await post(`/api/batches/${flock}/harvests`, farm.key, {
      harvestedAt: T('05:00'),
      quantity: { value: 100, unit: 'head' },
      liveWeight: { value: 180, unit: 'kg' },
    });
    await handOver(call, flock, farm, slaughter, T('06:00'));
    const made = await post('/api/transformations', slaughter.key, {
      plantId: line,
      process: 'slaughter',
      startedAt: T('07:00'),
      endedAt: T('09:00'),
      steps: [{ name: '屠宰', parameters: { method: '电麻' } }],
      quarantineCertificateNo: 'A44-0281-260410-0031',
      inputs: [{ batchId: flock, whole: true }],
      outputs: [{ productId: chilled, quantity: { value: 135, unit: 'kg' } }],
    });
    const birds = made.outputs[0].batchId;
    await post(`/api/batches/${birds}/grading`, slaughter.key, {
      facilityId: line,
      gradedAt: T('09:30'),
      classes: [{ grade: 'A级', quantity: { value: 135, unit: 'kg' }, attributes: {} }],
    });
    const packed = await post(`/api/batches/${birds}/packing`, slaughter.key, {
      facilityId: line,
      packedAt: T('10:00'),
      lines: [{ grade: 'A级', count: 12, netWeight: { value: 1.35, unit: 'kg' }, itemsPerCarton: 6 }],
    });
    const back = await get(`/api/trace/back?item=${packed.items[0].code}`);
    expect(back.lots.map((l: { batchId: string }) => l.batchId)).toEqual([birds, flock]);
    expect(back.lots[1].harvests).toEqual([
      expect.objectContaining({ quantity: { value: 100, unit: 'head' }, liveWeight: { value: 180, unit: 'kg' } }),
    ]);
    expect(back.transformations).toEqual([
      expect.objectContaining({ process: 'slaughter', quarantineCertificateNo: 'A44-0281-260410-0031' }),
    ]);
    const forward = await get(`/api/trace/forward?lot=${flock}`);
    expect(forward.summary).toMatchObject({ lots: 2, cartons: 2, units: 12, where: { notShipped: 12 } });
    expect(forward.lots[1]).toMatchObject({ batchId: birds, units: 12, edges: [] });
    expect(forward.lots[0].edges).toEqual([
      expect.objectContaining({ batchId: birds, quantity: { value: 100, unit: 'head' }, weightKg: 180 }),
    ]);
  });

  it('gives the regulator the recall as a spreadsheet: one row per unit and per step', async () => {
    const csv = await rawGet(app, `/api/trace/forward?lot=${lots.a}&format=csv`, regulator.key, '*/*');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = text.trimEnd().split('\r\n');
    expect(rows.filter((r) => r.startsWith('unit,'))).toHaveLength(30);
    expect(rows.filter((r) => r.startsWith('shipment,'))).toHaveLength(2);
    const back = (await rawGet(app, `/api/trace/back?item=${giftCode}`, regulator.key, 'text/csv')).bytes.toString('utf8');
    expect(back).toContain('transformation,transformation,LCBMC260410A');
    expect(back).toMatch(new RegExp(`lot,harvesting,[^,]*,${lots.a},`));
  });
});
