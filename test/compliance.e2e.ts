import { chinaIso } from '@suyuan/core';
import { Call } from '../apps/cli/src/world';
import { Org, expectOk, registerCountyFacility, registerOrg } from './support/fixtures';
import { SmallWorld, handOver } from './support/small-world';
import { plumRules, publishPlumStandard } from './support/standards';
import { startStandardsWorld } from './support/standards-world';
import { TestApp } from './support/test-app';

const T = (hhmm: string, day = 15) => `2026-07-${day}T${hhmm}:00+08:00`;

/** Readings every 10 minutes from `start`, one per temperature. */
function readings(start: string, temperatures: number[]) {
  const t0 = Date.parse(start);
  return temperatures.map((temperatureC, i) => ({ at: new Date(t0 + i * 600_000).toISOString(), temperatureC }));
}
const steady = (start: string, count: number, c: number) => readings(start, Array(count).fill(c));
/** Within the sample standard's ranges: a cold room at −0.5 °C (−1–0), a truck at 2 °C (0–3). */
const COLD_ROOM_C = -0.5;
const TRUCK_C = 2;
/** The same readings as a logger set to China time sends them: with a +08:00 offset. */
const inChinaTime = (rs: { at: string; temperatureC: number }[]) => rs.map((r) => ({ ...r, at: chinaIso(Date.parse(r.at)) }));

// The same flows with the compliance projections in the append and on the projector worker.
describe.each(['inline', 'worker'] as const)('product standards and live compliance over HTTP (projector %s)', (projector) => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;
  let owner: Org;
  let regulator: Org;
  /** The truck of the hot leg: another truck, whose logger read other temperatures at the same times. */
  let hotTruck: string;

  beforeAll(async () => {
    ({ app, call, w, owner, regulator } = await startStandardsWorld(projector));
    hotTruck = await registerCountyFacility(call, w.carrier, 'van');
  });
  afterAll(() => app.close());

  const post = (path: string, key: string, body: unknown) => call('POST', path, { key, body });
  const compliance = async (batchId: string, key = regulator.key) => expectOk(call('GET', `/api/compliance/batches/${batchId}`, { key }));
  const rule = (doc: { rules: { rule: string; status: string }[] }, name: string) => doc.rules.find((r) => r.rule === name)?.status;

  async function producedBatch(o: { inhibitionPct?: number; coreC?: number } = {}) {
    const batch = await expectOk(post('/api/batches', w.coop.key, { productId: w.plum, farmPlotId: w.plot }));
    const id = batch.id as string;
    await expectOk(post(`/api/batches/${id}/harvests`, w.coop.key, { harvestedAt: T('06:00'), quantity: { value: 500, unit: 'kg' } }));
    await handOver(call, id, w.coop, w.packer, T('07:00'));
    await expectOk(
      post(`/api/batches/${id}/pre-cooling`, w.packer.key, {
        facilityId: w.packhouse,
        startedAt: T('07:30'),
        endedAt: T('09:30'),
        coreTemperatureC: o.coreC ?? 4.5,
      }),
    );
    await expectOk(
      post(`/api/batches/${id}/quality-tests`, w.lab.key, {
        method: 'pesticide_residue_rapid_test',
        standardRef: 'GB/T 5009.199-2003',
        sampleId: `S-${id.slice(-4)}`,
        testedAt: T('09:00'),
        value: o.inhibitionPct ?? 12.5,
        unit: '%',
        threshold: 50,
      }),
    );
    await expectOk(
      post(`/api/batches/${id}/grading`, w.packer.key, {
        facilityId: w.packhouse,
        gradedAt: T('10:00'),
        classes: [{ grade: '特级', quantity: { value: 100, unit: 'kg' }, attributes: { diameterMm: 47, brix: 14.5 }, belowGradePct: 3 }],
      }),
    );
    const packingCall = post(`/api/batches/${id}/packing`, w.packer.key, {
      facilityId: w.packhouse,
      packedAt: T('11:00'),
      lines: [{ grade: '特级', count: 20, netWeight: { value: 2.5, unit: 'kg' }, itemsPerCarton: 10 }],
    });
    if ((o.inhibitionPct ?? 0) >= 50) {
      // A failed safety test holds the batch: nothing is packed for sale, nothing certified.
      expect(await packingCall).toMatchObject({ status: 409, body: { code: 'batch_held' } });
      return { id, cartons: [] as string[], codes: [] as string[] };
    }
    const packing = await expectOk(packingCall);
    await expectOk(
      post(`/api/batches/${id}/certificate`, w.coop.key, {
        quantity: { value: 50, unit: 'kg' },
        basis: ['self_tested'],
        issuedAt: T('11:30'),
      }),
    );
    return {
      id,
      cartons: packing.cartons.map((c: { cartonId: string }) => c.cartonId) as string[],
      codes: packing.items.map((i: { code: string }) => i.code) as string[],
    };
  }

  /** packhouse → county hub → village point on the truck, with readings for every stay and leg; `hot` warms the second leg, on the other truck. */
  async function ship(cartons: string[], o: { hot?: boolean; deliverAt?: string } = {}) {
    const upload = (facilityId: string, rs: { at: string; temperatureC: number }[], deviceId = 'TL-1') =>
      expectOk(post('/api/cold-chain/readings', w.carrier.key, { facilityId, deviceId, readings: rs }));
    const leg1 = await expectOk(
      post('/api/shipments', w.packer.key, {
        fromFacilityId: w.packhouse,
        toFacilityId: w.hub,
        cartonIds: cartons,
        dispatchedAt: T('12:00'),
        vehicleId: undefined,
      }),
    );
    await expectOk(
      post(`/api/shipments/${leg1.id}/receipt`, w.carrier.key, { facilityId: w.hub, receivedAt: T('12:00'), condition: 'intact' }),
    );
    await upload(w.hub, steady(T('12:00'), 12, COLD_ROOM_C));
    const truck = o.hot ? hotTruck : w.truck;
    const leg2 = await expectOk(
      post('/api/shipments', w.carrier.key, {
        fromFacilityId: w.hub,
        toFacilityId: w.village,
        cartonIds: cartons,
        dispatchedAt: T('14:00'),
        vehicleId: truck,
      }),
    );
    // The hot leg's logger sends China time: the excursion must be found all the same.
    const road = o.hot ? inChinaTime(readings(T('14:00'), [2, 2, 5, 6, 6.5, 6, 5.5, 2, 2, 2, 2, 2])) : steady(T('14:00'), 12, TRUCK_C);
    const alertsBefore = (await expectOk(call('GET', '/api/compliance/violations', { key: w.coop.key }))).length;
    await upload(truck, road);
    await expectOk(
      post(`/api/shipments/${leg2.id}/receipt`, w.carrier.key, { facilityId: w.village, receivedAt: T('16:00'), condition: 'intact' }),
    );
    await upload(w.village, steady(T('16:00'), 6, COLD_ROOM_C));
    await expectOk(
      post(`/api/shipments/${leg2.id}/delivery`, w.carrier.key, {
        facilityId: w.village,
        deliveredAt: o.deliverAt ?? T('17:00'),
        recipient: '茶料村便民店',
      }),
    );
    return { alertsBefore };
  }

  it('refuses standards that contradict themselves, name unknown products or come from another role, leaving nothing behind', async () => {
    const attempt = (key: string, rules: object, productId = w.plum) =>
      post('/api/standards', key, { productId, title: '标准', effectiveFrom: '2026-07-01T00:00:00+08:00', rules });
    const bad = [
      [{ storage: { minC: 5, maxC: 1, maxExcursionMinutes: 0 } }, 'storage'],
      [{ grading: { classes: [{ grade: '特级', attributes: { diameterMm: { min: 50, max: 40 } } }] } }, 'grading'],
      [
        {
          grading: {
            classes: [
              { grade: '特级', attributes: { diameterMm: { min: 40 } } },
              { grade: '一级', attributes: { diameterMm: { min: 35 } } },
            ],
          },
        },
        'grading',
      ],
      [{ grading: { classes: [{ grade: '特级', attributes: { diameterMm: { min: 40 } }, tolerancePct: 120 }] } }, 'grading'],
      [{ transport: { minC: 0, maxC: 3, maxExcursionMinutes: 90, maxTotalMinutesOutOfRange: 30 } }, 'transport'],
      [{ preCooling: { withinHours: -3, maxCoreTemperatureC: 5 } }, 'preCooling'],
    ] as const;
    for (const [rules, named] of bad) {
      const r = await attempt(owner.key, rules);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('invalid_standard');
      expect(r.body.message).toContain(`Rule ${named}`);
    }
    expect((await attempt(owner.key, { preCooling: { withinHours: 3, maxCoreTemperatureC: 5 } }, 'PR-NOSUCH')).status).toBe(404);
    expect((await attempt(w.coop.key, plumRules())).status).toBe(403);
    expect((await attempt(regulator.key, plumRules())).status).toBe(403);
    expect((await call('GET', `/api/standards/${w.plum}`, { key: regulator.key })).status).toBe(404);
  });

  it('reports on /health where the compliance projections run and, on the worker, how far it has projected', async () => {
    // A read of the worker's documents waits until it has projected every earlier append.
    await expectOk(call('GET', '/api/compliance/summary?by=product', { key: regulator.key }));
    const health = (await expectOk(call('GET', '/health'))) as {
      status: string;
      worker?: { projectedPosition: number; appendedPosition: number };
    };
    expect(health.status).toBe('ok');
    if (projector === 'inline') expect(health.worker).toBeUndefined();
    else {
      expect(health.worker!.appendedPosition).toBeGreaterThan(0);
      expect(health.worker).toEqual({
        projectedPosition: health.worker!.appendedPosition,
        appendedPosition: health.worker!.appendedPosition,
      });
    }
  });

  it('walks a batch from pending to compliant, certifies it for the brand, and shows the verdict on the scan', async () => {
    const standard = await publishPlumStandard(call, owner, w.plum);
    expect(standard.versions).toHaveLength(1);

    const batch = await expectOk(post('/api/batches', w.coop.key, { productId: w.plum, farmPlotId: w.plot }));
    const fresh = await compliance(batch.id, w.coop.key);
    expect(fresh.status).toBe('pending');
    expect(fresh.standard).toMatchObject({ version: 1 });

    const { id, cartons, codes } = await producedBatch();
    const produced = await compliance(id, w.coop.key);
    expect(produced.status).toBe('pending');
    expect(produced.productionSettled).toBe(true);
    for (const r of ['grading', 'preCooling', 'tests:pesticide_residue_rapid_test', 'certificates', 'harvestToPacking', 'requiredData']) {
      expect([r, rule(produced, r)]).toEqual([r, 'met']);
    }
    expect(rule(produced, 'safetyIntervals')).toBe('not_applicable');
    expect(rule(produced, 'hubToVillage')).toBe('pending');

    const certified = await expectOk(post(`/api/compliance/batches/${id}/brand`, owner.key, { brand: '乐昌农品' }));
    expect(certified.brand).toMatchObject({ status: 'certified', brand: '乐昌农品', version: 1 });
    expect((await post(`/api/compliance/batches/${id}/brand`, w.coop.key, {})).status).toBe(403);

    await ship(cartons);
    const done = await compliance(id);
    expect(done.status).toBe('compliant');
    expect(rule(done, 'transport')).toBe('met');
    expect(rule(done, 'storage')).toBe('met');
    expect(rule(done, 'hubToVillage')).toBe('met');
    expect(done.items).toEqual({ compliant: 20, non_compliant: 0, pending: 0 });

    const scan = await expectOk(call('GET', `/t/${codes[0]}`));
    expect(scan.compliance).toMatchObject({ status: 'compliant', standard: { version: 1 }, brand: { status: 'certified' } });
    expect(scan.compliance.rules).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'transport', status: 'met', reason: expect.any(String) })]),
    );
    const page = await call('GET', `/t/${codes[0]}`, { headers: { accept: 'text/html' } });
    expect(page.body).toContain('符合标准');
    expect(page.body).toContain('乐昌农品');
  });

  it('turns a batch non-compliant on a failed test, alerts the cooperative and the regulator, and refuses the brand with the reason', async () => {
    const { id } = await producedBatch({ inhibitionPct: 62 });
    const doc = await compliance(id);
    expect(doc.status).toBe('non_compliant');
    expect(rule(doc, 'tests:pesticide_residue_rapid_test')).toBe('violated');

    for (const key of [w.coop.key, regulator.key]) {
      const open = await expectOk(call('GET', '/api/compliance/violations', { key }));
      expect(open).toEqual(
        expect.arrayContaining([expect.objectContaining({ batchId: id, rule: 'tests:pesticide_residue_rapid_test', status: 'open' })]),
      );
    }
    const other = await registerOrg(call, 'cooperative', '另一合作社');
    expect(await expectOk(call('GET', '/api/compliance/violations', { key: other.key }))).toEqual([]);
    expect((await call('GET', `/api/compliance/batches/${id}`, { key: other.key })).status).toBe(403);

    const refused = await post(`/api/compliance/batches/${id}/brand`, owner.key, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('batch_not_compliant');
    expect(refused.body.message).toContain('tests:pesticide_residue_rapid_test');
  });

  it('withdraws the brand label of a certified batch when an excursion on the road is recorded, with the alert at once', async () => {
    const { id, cartons, codes } = await producedBatch();
    await expectOk(post(`/api/compliance/batches/${id}/brand`, owner.key, { brand: '乐昌农品' }));
    const { alertsBefore } = await ship(cartons, { hot: true });
    const doc = await compliance(id);
    expect(doc.status).toBe('non_compliant');
    expect(rule(doc, 'transport')).toBe('violated');
    expect(doc.brand).toMatchObject({ status: 'withdrawn', withdrawnBecause: [expect.objectContaining({ rule: 'transport' })] });
    const open = await expectOk(call('GET', '/api/compliance/violations', { key: w.coop.key }));
    expect(open.length).toBeGreaterThan(alertsBefore);
    expect(open).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ batchId: id, rule: 'transport' }),
        expect.objectContaining({ batchId: id, rule: 'brand' }),
      ]),
    );
    const scan = await expectOk(call('GET', `/t/${codes[0]}`));
    expect(scan.compliance).toMatchObject({ status: 'non_compliant', brand: { status: 'withdrawn' } });
    expect(scan.compliance.rules.find((r: { rule: string }) => r.rule === 'transport').reason).toContain('50分钟');
  });

  it('judges two cartons of one batch apart: only the late one fails the county-to-village deadline', async () => {
    const { id, cartons, codes } = await producedBatch();
    await ship([cartons[0]]);
    await ship([cartons[1]], { deliverAt: T('19:00', 17) });
    const doc = await compliance(id);
    expect(doc.status).toBe('non_compliant');
    expect(doc.items).toEqual({ compliant: 10, non_compliant: 10, pending: 0 });
    const onTime = await expectOk(call('GET', `/api/compliance/items/${codes[0]}`, { key: regulator.key }));
    const late = await expectOk(call('GET', `/api/compliance/items/${codes[19]}`, { key: regulator.key }));
    expect(onTime.status).toBe('compliant');
    expect(late.status).toBe('non_compliant');
    expect(late.rules.find((r: { rule: string }) => r.rule === 'hubToVillage')).toMatchObject({
      status: 'violated',
      reasonEn: expect.stringContaining('53 h'),
    });
  });

  it('re-judges open batches under a revision while packed ones keep their version; the aggregates count them', async () => {
    const packed = await producedBatch();
    const open = await expectOk(post('/api/batches', w.coop.key, { productId: w.plum, farmPlotId: w.plot }));
    const revised = await publishPlumStandard(
      call,
      owner,
      w.plum,
      { ...plumRules(), preCooling: { withinHours: 2, maxCoreTemperatureC: 5 } },
      '2026-07-15T12:00:00+08:00',
    );
    expect(revised.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await expectOk(call('GET', `/api/standards/${w.plum}/versions/1`, { key: regulator.key }))).rules.preCooling.withinHours).toBe(
      3,
    );
    expect((await compliance(packed.id)).standard.version).toBe(1);
    expect((await compliance(open.id)).standard.version).toBe(2);

    const summary = await expectOk(call('GET', '/api/compliance/summary?by=product', { key: regulator.key }));
    const plum = summary.rows.find((r: { key: string }) => r.key === w.plum);
    expect(plum.batches.total).toBe(summary.total.batches.total);
    expect(plum.batches.non_compliant).toBeGreaterThanOrEqual(3);
    expect(plum.mostViolated.map((m: { rule: string }) => m.rule)).toEqual(
      expect.arrayContaining(['tests:pesticide_residue_rapid_test', 'transport']),
    );
    const coop = await expectOk(call('GET', `/api/compliance/summary?by=cooperative&product=${w.plum}`, { key: regulator.key }));
    expect(coop.total.batches.total).toBe(plum.batches.total);
    expect(coop.rows.map((r: { key: string }) => r.key)).toContain(w.coop.id);
    const none = await expectOk(call('GET', '/api/compliance/summary?by=month&from=2000-01&to=2000-12', { key: regulator.key }));
    expect(none).toMatchObject({ rows: [], total: { batches: { total: 0 } } });
    for (const bad of ['by=planet', 'from=2025-13', 'to=June', 'from=2025-08&to=2025-07', 'product=a&product=b']) {
      const answer = await call('GET', `/api/compliance/summary?${bad}`, { key: regulator.key });
      expect([bad, answer.status, answer.body.code]).toEqual([bad, 400, 'invalid_query']);
    }
    expect((await call('GET', '/api/compliance/summary', { key: w.coop.key })).status).toBe(403);
  });

  it('lists batches with their verdicts: a cooperative its own, filtered by product and status; the regulator every one', async () => {
    const list = async (query: string, key: string) => expectOk(call('GET', `/api/compliance/batches${query}`, { key }));
    const everyone = await list('', regulator.key);
    expect(everyone.length).toBeGreaterThanOrEqual(4);
    const own = await list('', w.coop.key);
    expect(own.map((b: { batchId: string }) => b.batchId).sort()).toEqual(
      everyone
        .filter((b: { cooperativeId: string }) => b.cooperativeId === w.coop.id)
        .map((b: { batchId: string }) => b.batchId)
        .sort(),
    );
    expect(own[0]).toHaveProperty('rules');
    const failing = await list(`?productId=${w.plum}&status=non_compliant`, w.coop.key);
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((b: { status: string; productId: string }) => b.status === 'non_compliant' && b.productId === w.plum)).toBe(true);
    expect(await list('?productId=PRD-NONE', regulator.key)).toEqual([]);
    const other = await registerOrg(call, 'cooperative', '又一合作社');
    expect(await list('', other.key)).toEqual([]);
    expect(await list(`?cooperativeId=${w.coop.id}`, other.key)).toEqual([]);
    expect((await call('GET', '/api/compliance/batches?status=fine', { key: regulator.key })).status).toBe(400);
  });
});
