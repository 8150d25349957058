import { ApiClient, Call, renhua } from '../apps/cli/src/world';
import { Org, expectOk, registerCountyOrg, registerOrg } from './support/fixtures';
import { SmallWorld, harvestedBatch, pack, smallWorld } from './support/small-world';
import { TestApp, startTestApp } from './support/test-app';

/** The world's clock: the day after the plums were packed and shipped. */
let now = Date.parse('2026-07-17T10:00:00+08:00');
const clock = { now: () => new Date(now) };

describe('recalls (产品可召回) over HTTP', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;
  let regulator: Org;
  let renhuaRegulator: Org;
  let stranger: Org;
  let batchId: string;
  let cartons: string[];

  const post = async (path: string, key: string, body: object) => call('POST', path, { key, body });
  const dispatch = (from: string, to: string, cartonIds: string[], at: string) =>
    expectOk(post('/api/shipments', w.carrier.key, { fromFacilityId: from, toFacilityId: to, cartonIds, dispatchedAt: at }));
  const receive = (id: string, facilityId: string, at: string) =>
    expectOk(post(`/api/shipments/${id}/receipt`, w.carrier.key, { facilityId, receivedAt: at, condition: 'intact' }));

  beforeAll(async () => {
    app = await startTestApp({ clock });
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call);
    regulator = await registerCountyOrg(call, 'regulator');
    renhuaRegulator = await registerOrg(call, 'regulator', '仁化县市场监督管理局', { region: renhua() });
    stranger = await registerOrg(call, 'cooperative', '另一个合作社');
    batchId = await harvestedBatch(call, w);
    cartons = (await pack(call, w, batchId, 40, 10)).cartons.map((c: { cartonId: string }) => c.cartonId);
    // Carton 0 stays at the packhouse; 1 waits at the county hub; 2 is on the road to 九峰镇; 3 was delivered to a village shop.
    const toHub = await expectOk(
      post('/api/shipments', w.packer.key, {
        fromFacilityId: w.packhouse,
        toFacilityId: w.hub,
        cartonIds: cartons.slice(1),
        dispatchedAt: '2026-07-15T12:00:00+08:00',
      }),
    );
    await receive(toHub.id, w.hub, '2026-07-15T13:30:00+08:00');
    await dispatch(w.hub, w.town, [cartons[2]], '2026-07-16T08:00:00+08:00');
    const toVillage = await dispatch(w.hub, w.village, [cartons[3]], '2026-07-16T08:00:00+08:00');
    await receive(toVillage.id, w.village, '2026-07-16T09:00:00+08:00');
    await expectOk(
      post(`/api/shipments/${toVillage.id}/delivery`, w.carrier.key, {
        facilityId: w.village,
        deliveredAt: '2026-07-16T10:00:00+08:00',
        recipient: '茶料村便民店',
      }),
    );
  });
  afterAll(() => app?.close());

  let recallId: string;

  it('opens a level-I recall of a lot with its deadlines, and follows its units to where they are now', async () => {
    // A consumer's scan before the recall: its page's parts are in the scan cache, which the recall must not leave stale.
    const code = (await expectOk(call('GET', `/api/batches/${batchId}/items?limit=1`, { key: w.coop.key })))[0].code;
    expect((await call('GET', `/t/${code}`)).body.recall).toBeUndefined();
    const opened = await expectOk(
      post('/api/recalls', regulator.key, {
        class: 'I',
        reason: '毒死蜱残留超标',
        scope: { lots: [batchId] },
        riskKnownAt: '2026-07-17T08:00:00+08:00',
      }),
    );
    recallId = opened.id;
    expect(opened).toMatchObject({
      class: 'I',
      status: 'open',
      lots: [batchId],
      owners: [w.coop.id],
      startBy: '2026-07-18T00:00:00.000Z',
      // Friday 17 July: ten working days end with Friday 31 July.
      completeBy: '2026-07-31T16:00:00.000Z',
    });
    const { progress } = await expectOk(call('GET', `/api/recalls/${recallId}`, { key: regulator.key }));
    expect(progress).toMatchObject({ total: 40, located: 20, inTransit: 10, delivered: 10, returned: 0, destroyed: 0, unaccounted: 0 });
    expect(progress.places).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 'delivered', facilityId: w.village, recipient: '茶料村便民店', cartons: 1, items: 10 }),
        expect.objectContaining({ status: 'located', facilityId: w.hub, items: 10 }),
        expect.objectContaining({ status: 'located', facilityId: w.packhouse, items: 10 }),
      ]),
    );
  });

  it('turns every item’s page and record to the recall at once, answers not sellable, and refuses dispatch and packing', async () => {
    const batch = await expectOk(call('GET', `/api/batches/${batchId}`, { key: w.coop.key }));
    const code = (await expectOk(call('GET', `/api/batches/${batchId}/items?limit=1`, { key: w.coop.key })))[0].code;
    const record = (await call('GET', `/t/${code}`)).body;
    expect(record.recall).toEqual({ recallId, class: 'I', reason: '毒死蜱残留超标', since: expect.any(String) });
    const page = await (await fetch(`${app.baseUrl}/t/${code}`, { headers: { 'accept-language': 'zh' } })).text();
    expect(page).toContain('✗ 请不要食用');
    expect(page).toContain('本批次已被召回（一级召回）：毒死蜱残留超标');
    const english = await (await fetch(`${app.baseUrl}/t/${code}?lang=en`)).text();
    expect(english).toContain('This batch is recalled (class I)');
    const sellable = (await call('GET', `/api/sellable/${code}`)).body;
    expect(sellable).toMatchObject({ sellable: false, reasons: [expect.objectContaining({ code: 'recalled', recallId })] });
    const dispatch = await post('/api/shipments', w.carrier.key, {
      fromFacilityId: w.hub,
      toFacilityId: w.village,
      cartonIds: [cartons[1]],
      dispatchedAt: '2026-07-17T09:00:00+08:00',
    });
    expect([dispatch.status, dispatch.body.code, dispatch.body.details.recallId]).toEqual([409, 'recalled', recallId]);
    const packing = await post(`/api/batches/${batchId}/packing`, w.packer.key, {
      facilityId: w.packhouse,
      packedAt: '2026-07-17T09:00:00+08:00',
      lines: [{ grade: '特级', count: 10, netWeight: { value: 2.5, unit: 'kg' }, itemsPerCarton: 10 }],
    });
    expect([packing.status, packing.body.code]).toEqual([409, 'recalled']);
    expect(batch.recalls).toEqual([expect.objectContaining({ recallId, class: 'I' })]);
    // A carton's label opens its public page: whoever holds the carton reads the recall there too.
    const cartonPage = await (await fetch(`${app.baseUrl}/c/${cartons[1]}`)).text();
    expect(cartonPage).toContain('本批次已被召回（I 级');
    expect((await call('GET', `/c/${cartons[1]}`)).body.recall).toEqual({ recallId, class: 'I', reason: '毒死蜱残留超标' });
  });

  it('puts the units on each holder’s task list, and takes their returns and destructions as they record them', async () => {
    const carrierTasks = await expectOk(call('GET', '/api/recall-tasks', { key: w.carrier.key }));
    expect(carrierTasks).toEqual([
      expect.objectContaining({
        recallId,
        class: 'I',
        items: 20,
        cartons: expect.arrayContaining([expect.objectContaining({ cartonId: cartons[1], facilityId: w.hub })]),
      }),
    ]);
    const packerTasks = await expectOk(call('GET', '/api/recall-tasks', { key: w.packer.key }));
    expect(packerTasks[0].cartons).toEqual([expect.objectContaining({ cartonId: cartons[0], facilityId: w.packhouse, items: 10 })]);

    await expectOk(
      post(`/api/recalls/${recallId}/disposals`, w.carrier.key, { disposition: 'returned', facilityId: w.hub, cartonIds: [cartons[1]] }),
    );
    await expectOk(
      post(`/api/recalls/${recallId}/disposals`, w.packer.key, {
        disposition: 'destroyed',
        facilityId: w.packhouse,
        cartonIds: [cartons[0]],
      }),
    );
    // The village shop had sold 7 of its 10: the 3 left are destroyed there.
    await expectOk(
      post(`/api/recalls/${recallId}/disposals`, w.carrier.key, {
        disposition: 'destroyed',
        facilityId: w.village,
        lotId: batchId,
        items: 3,
        note: '店内剩余 3 袋',
      }),
    );
    const { progress } = await expectOk(call('GET', `/api/recalls/${recallId}`, { key: w.coop.key }));
    expect(progress).toMatchObject({ total: 40, returned: 10, destroyed: 13, located: 0, inTransit: 10, delivered: 7 });
    expect(await expectOk(call('GET', '/api/recall-tasks', { key: w.packer.key }))).toEqual([]);
  });

  it('refuses a carton not at the facility, one disposed of already, another’s facility and units beyond the lot', async () => {
    const refused = async (key: string, body: object) => (await post(`/api/recalls/${recallId}/disposals`, key, body)).body;
    expect(await refused(w.carrier.key, { disposition: 'returned', facilityId: w.hub, cartonIds: [cartons[0]] })).toMatchObject({
      code: 'not_at_facility',
      details: { cartonId: cartons[0] },
    });
    expect((await refused(w.carrier.key, { disposition: 'returned', facilityId: w.hub, cartonIds: [cartons[1]] })).code).toBe(
      'already_disposed',
    );
    expect((await refused(w.packer.key, { disposition: 'returned', facilityId: w.hub, cartonIds: [cartons[1]] })).code).toBe(
      'not_your_facility',
    );
    expect((await refused(w.carrier.key, { disposition: 'destroyed', facilityId: w.village, lotId: batchId, items: 38 })).code).toBe(
      'more_than_the_lot',
    );
    expect(
      (await refused(w.carrier.key, { disposition: 'lost', facilityId: w.village, lotId: batchId, items: 1 })).details.fields[0].field,
    ).toBe('disposition');
    expect(
      (
        await post(`/api/recalls/RC000000000000/disposals`, w.carrier.key, {
          disposition: 'returned',
          facilityId: w.hub,
          cartonIds: [cartons[1]],
        })
      ).status,
    ).toBe(404);
  });

  it('lets only a regulator close it, with a report recording the outcome; then takes nothing more', async () => {
    expect((await post(`/api/recalls/${recallId}/close`, w.coop.key, { report: '已完成' })).status).toBe(403);
    const closed = await expectOk(
      post(`/api/recalls/${recallId}/close`, regulator.key, { report: '召回完成：10 袋退回，13 袋销毁，7 袋已售出' }),
    );
    expect(closed).toMatchObject({
      status: 'closed',
      closed: { by: regulator.id, outcome: { total: 40, returned: 10, destroyed: 13, inTransit: 10, delivered: 7 } },
    });
    const after = await post(`/api/recalls/${recallId}/disposals`, w.carrier.key, {
      disposition: 'returned',
      facilityId: w.hub,
      cartonIds: [cartons[2]],
    });
    expect([after.status, after.body.code]).toEqual([409, 'recall_closed']);
    expect((await post(`/api/recalls/${recallId}/close`, regulator.key, { report: 'again' })).body.code).toBe('recall_closed');
  });

  it('lets a cooperative recall its own lot, never another’s; keeps a regulator to its jurisdiction; names a bad scope', async () => {
    // The risk known two days before: a level III recall should have started within 72 hours, so this one is on time.
    const own = await expectOk(
      post('/api/recalls', w.coop.key, {
        class: 'III',
        reason: '标签净含量印错',
        scope: { lots: [batchId] },
        riskKnownAt: '2026-07-15T10:00:00+08:00',
      }),
    );
    expect(own.openedBy).toEqual({ organizationId: w.coop.id, role: 'cooperative' });
    const read = async (id: string) => expectOk(call('GET', `/api/recalls/${id}`, { key: regulator.key }));
    expect(await read(own.id)).not.toHaveProperty('startedLate');
    const late = await expectOk(
      post('/api/recalls', regulator.key, {
        class: 'I',
        reason: '迟报',
        scope: { lots: [batchId] },
        riskKnownAt: '2026-07-15T10:00:00+08:00',
      }),
    );
    expect(await read(late.id)).toMatchObject({ startedLate: true });
    expect(await read(own.id)).not.toHaveProperty('overdue');
    now = Date.parse('2026-09-01T10:00:00+08:00');
    expect(await read(own.id)).toMatchObject({ overdue: true, completeBy: expect.stringMatching(/^2026-08-2/) });
    now = Date.parse('2026-07-17T10:00:00+08:00');
    expect((await post('/api/recalls', stranger.key, { class: 'III', reason: 'x', scope: { lots: [batchId] } })).status).toBe(403);
    expect((await post('/api/recalls', renhuaRegulator.key, { class: 'I', reason: 'x', scope: { lots: [batchId] } })).status).toBe(403);
    expect((await post('/api/recalls', w.carrier.key, { class: 'I', reason: 'x', scope: { lots: [batchId] } })).status).toBe(403);
    const unknown = await post('/api/recalls', regulator.key, { class: 'I', reason: 'x', scope: { lots: ['B000000000000'] } });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'batch_not_found']);
    const two = await post('/api/recalls', regulator.key, { class: 'I', reason: 'x', scope: { lots: [batchId], plot: w.plot } });
    expect([two.status, two.body.code]).toEqual([400, 'invalid_scope']);
    expect(
      (await post('/api/recalls', regulator.key, { class: 'IV', reason: 'x', scope: { lots: [batchId] } })).body.details.fields[0].field,
    ).toBe('class');
    const future = await post('/api/recalls', regulator.key, {
      class: 'I',
      reason: 'x',
      scope: { lots: [batchId] },
      riskKnownAt: '2026-08-01T00:00:00+08:00',
    });
    expect([future.status, future.body.details]).toEqual([400, { field: 'riskKnownAt' }]);
  });

  it('shows a recall to the regulators, its lots’ owner and its holders; lists them; refuses anyone else', async () => {
    expect((await call('GET', `/api/recalls/${recallId}`, { key: stranger.key })).status).toBe(403);
    expect((await expectOk(call('GET', '/api/recalls', { key: regulator.key }))).map((r: { id: string }) => r.id)).toContain(recallId);
    expect(await expectOk(call('GET', '/api/recalls', { key: stranger.key }))).toEqual([]);
    expect((await expectOk(call('GET', '/api/recalls?status=closed', { key: w.coop.key }))).map((r: { id: string }) => r.id)).toEqual([
      recallId,
    ]);
    expect((await call('GET', '/api/recalls?status=maybe', { key: w.coop.key })).body.details).toEqual({ field: 'status' });
  });
});
