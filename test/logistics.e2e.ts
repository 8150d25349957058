import { ApiClient, Call } from '../apps/cli/src/world';
import { expectOk } from './support/fixtures';
import { SmallWorld, harvestedBatch, pack, smallWorld } from './support/small-world';
import { TestApp, startTestApp } from './support/test-app';

/** Readings every 10 minutes from `start` (+08:00), one per temperature given. */
function readings(start: string, temperatures: number[]) {
  const t0 = Date.parse(start);
  return temperatures.map((temperatureC, i) => ({ at: new Date(t0 + i * 600_000).toISOString(), temperatureC, humidityPct: 90 }));
}

describe('logistics over HTTP: shipments along county → town → village, and the cold chain', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call);
  });
  afterAll(() => app.close());

  const dispatch = (from: string, to: string, cartonIds: string[], at: string, vehicleId?: string) =>
    call('POST', '/api/shipments', {
      key: w.carrier.key,
      body: { fromFacilityId: from, toFacilityId: to, cartonIds, dispatchedAt: at, vehicleId },
    });
  const receive = (id: string, facilityId: string, at: string, key = w.carrier.key) =>
    call('POST', `/api/shipments/${id}/receipt`, { key, body: { facilityId, receivedAt: at, condition: 'intact', temperatureC: 2.1 } });

  it('moves cartons leg by leg; the scan follows them, and a cold-chain excursion shows on the item', async () => {
    const batchId = await harvestedBatch(call, w);
    const packing = await pack(call, w, batchId, 20, 10);
    const cartons = packing.cartons.map((c: { cartonId: string }) => c.cartonId);
    const code = packing.items[0].code;
    const scan = async () => (await call('GET', `/t/${code}`)).body;
    expect((await scan()).status).toBe('packed');

    const first = await call('POST', '/api/shipments', {
      key: w.packer.key,
      body: { fromFacilityId: w.packhouse, toFacilityId: w.hub, cartonIds: cartons, dispatchedAt: '2026-07-15T12:00:00+08:00' },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'in_transit',
      from: { name: '北乡镇预冷分级包装车间' },
      to: { name: '乐昌市县级物流中心' },
    });
    expect((await scan()).status).toBe('in_transit');
    expect((await receive(first.body.id, w.hub, '2026-07-15T13:30:00+08:00')).status).toBe(201);

    // 0–3 °C in transit; 4 readings at 5–6 °C are 40 minutes out of range.
    const upload = await call('POST', '/api/cold-chain/readings', {
      key: w.carrier.key,
      body: {
        facilityId: w.truck,
        deviceId: 'TL-0042',
        readings: readings('2026-07-15T14:00:00+08:00', [2, 2.5, 5.2, 5.8, 6.1, 5.5, 2.8, 2.2, 1.9]),
      },
    });
    expect(upload.status).toBe(201);
    expect(upload.body.accepted).toBe(9);

    const leg2 = await expectOk(dispatch(w.hub, w.town, cartons, '2026-07-15T14:00:00+08:00', w.truck));
    await expectOk(receive(leg2.id, w.town, '2026-07-15T15:30:00+08:00'));
    const leg3 = await expectOk(dispatch(w.town, w.village, [cartons[0]], '2026-07-16T08:00:00+08:00'));
    await expectOk(receive(leg3.id, w.village, '2026-07-16T09:00:00+08:00'));
    const delivered = await call('POST', `/api/shipments/${leg3.id}/delivery`, {
      key: w.carrier.key,
      body: { facilityId: w.village, deliveredAt: '2026-07-16T10:00:00+08:00', recipient: '茶料村便民店' },
    });
    expect(delivered.status).toBe(201);
    expect(delivered.body.status).toBe('delivered');

    const passport = await scan();
    expect(passport.status).toBe('delivered');
    expect(passport.journey.map((s: { facilityName: string }) => s.facilityName)).toEqual([
      '北乡镇预冷分级包装车间',
      '北乡镇预冷分级包装车间 → 乐昌市县级物流中心',
      '乐昌市县级物流中心',
      '冷链车1号',
      '九峰镇服务站',
      '九峰镇服务站 → 茶料村服务点',
      '茶料村服务点',
    ]);
    expect(passport.journey[passport.journey.length - 1]).toMatchObject({ delivered: true, to: '2026-07-16T02:00:00.000Z' });
    expect(passport.coldChain).toMatchObject({ readings: 9, maxC: 6.1, minutesOutOfRange: 40, longestExcursionMinutes: 40 });
    // The second carton never left the town station: not delivered.
    const other = packing.items.find((i: { cartonId: string }) => i.cartonId === cartons[1]).code;
    expect((await call('GET', `/t/${other}`)).body.status).toBe('in_transit');
  });

  it('readings uploaded while an item is on the road show on its next scan', async () => {
    const batchId = await harvestedBatch(call, w);
    const packing = await pack(call, w, batchId, 4, 4);
    const code = packing.items[0].code;
    await expectOk(
      call('POST', '/api/shipments', {
        key: w.packer.key,
        body: {
          fromFacilityId: w.packhouse,
          toFacilityId: w.hub,
          vehicleId: w.truck,
          cartonIds: [packing.cartons[0].cartonId],
          dispatchedAt: '2026-07-17T12:00:00+08:00',
        },
      }),
    );
    const before = (await call('GET', `/t/${code}`)).body.coldChain.readings;
    await expectOk(
      call('POST', '/api/cold-chain/readings', {
        key: w.carrier.key,
        body: { facilityId: w.truck, deviceId: 'TL-9', readings: readings('2026-07-17T12:10:00+08:00', [1.5, 1.7, 1.6]) },
      }),
    );
    expect((await call('GET', `/t/${code}`)).body.coldChain.readings).toBe(before + 3);
  });

  it('refuses to dispatch cartons already dispatched (409), to receive twice, or at the wrong facility', async () => {
    const batchId = await harvestedBatch(call, w);
    const cartons = (await pack(call, w, batchId, 10, 10)).cartons.map((c: { cartonId: string }) => c.cartonId);
    const shipment = await expectOk(
      call('POST', '/api/shipments', {
        key: w.packer.key,
        body: { fromFacilityId: w.packhouse, toFacilityId: w.hub, cartonIds: cartons, dispatchedAt: '2026-07-15T12:00:00+08:00' },
      }),
    );
    const twice = await call('POST', '/api/shipments', {
      key: w.packer.key,
      body: { fromFacilityId: w.packhouse, toFacilityId: w.town, cartonIds: cartons, dispatchedAt: '2026-07-15T12:05:00+08:00' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('carton_already_dispatched');
    const wrong = await receive(shipment.id, w.town, '2026-07-15T13:00:00+08:00');
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('wrong_facility');
    const notMine = await receive(shipment.id, w.hub, '2026-07-15T13:00:00+08:00', w.coop.key);
    expect(notMine.status).toBe(403);
    expect((await receive(shipment.id, w.hub, '2026-07-15T13:00:00+08:00')).status).toBe(201);
    const again = await receive(shipment.id, w.hub, '2026-07-15T13:05:00+08:00');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_received');
    const early = await call('POST', `/api/shipments/${shipment.id}/delivery`, {
      key: w.carrier.key,
      body: { facilityId: w.hub, deliveredAt: '2026-07-15T14:00:00+08:00' },
    });
    expect(early.status).toBe(400);
    expect(early.body.code).toBe('not_a_village_point');
  });

  it('only one of two concurrent dispatches of the same cartons wins', async () => {
    const batchId = await harvestedBatch(call, w);
    const cartons = (await pack(call, w, batchId, 10, 5)).cartons.map((c: { cartonId: string }) => c.cartonId);
    const attempts = await Promise.all(
      [w.hub, w.town, w.village].map((to) =>
        call('POST', '/api/shipments', {
          key: w.packer.key,
          body: { fromFacilityId: w.packhouse, toFacilityId: to, cartonIds: cartons, dispatchedAt: '2026-07-15T12:00:00+08:00' },
        }),
      ),
    );
    expect(attempts.map((a) => a.status).sort()).toEqual([201, 409, 409]);
  });

  it('names unknown cartons (404) and facilities (404)', async () => {
    const unknown = await call('POST', '/api/shipments', {
      key: w.packer.key,
      body: { fromFacilityId: w.packhouse, toFacilityId: w.hub, cartonIds: ['CTNOPE'], dispatchedAt: '2026-07-15T12:00:00+08:00' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('CTNOPE');
    const noPlace = await dispatch('FAC-NONE', w.hub, ['CTNOPE'], '2026-07-15T12:00:00+08:00');
    expect(noPlace.status).toBe(404);
  });

  it('refuses a bad cold-chain upload whole, naming the reading, and writes none of it', async () => {
    const before = await call('GET', `/api/cold-chain/${w.town}`, { key: w.carrier.key });
    expect(before.status).toBe(404);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const bad = await call('POST', '/api/cold-chain/readings', {
      key: w.carrier.key,
      body: {
        facilityId: w.town,
        deviceId: 'TL-7',
        readings: [...readings('2026-07-15T14:00:00+08:00', [2, 3]), { at: future, temperatureC: 2 }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/Reading 2 is in the future/);
    const shape = await call('POST', '/api/cold-chain/readings', {
      key: w.carrier.key,
      body: { facilityId: w.town, deviceId: 'TL-7', readings: [{ at: '2026-07-15T14:00:00+08:00', temperatureC: 'cold' }] },
    });
    expect(shape.status).toBe(400);
    expect(shape.body.message).toMatch(/readings\.0\.temperatureC/);
    const foreign = await call('POST', '/api/cold-chain/readings', {
      key: w.coop.key,
      body: { facilityId: w.town, deviceId: 'TL-7', readings: readings('2026-07-15T14:00:00+08:00', [2]) },
    });
    expect(foreign.status).toBe(403);
    expect((await call('GET', `/api/cold-chain/${w.town}`, { key: w.carrier.key })).status).toBe(404);
  });
});
