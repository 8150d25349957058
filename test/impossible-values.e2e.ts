import { ApiClient, Call } from '../apps/cli/src/world';
import { expectOk, registerFacility, registerOrg } from './support/fixtures';
import { SmallWorld, harvestedBatch, pack, smallWorld } from './support/small-world';
import { TestApp, startTestApp } from './support/test-app';

const YEAR_9999 = '9999-12-31T06:00:00+08:00';
const T = (hhmm: string, day = 15) => `2026-07-${day}T${hhmm}:00+08:00`;

/**
 * Values that cannot be true were stored for ever: a harvest in year 9999, 1e308 t (every
 * running total then Infinity), 1,000 kg of 特级 from 25 kg graded 特级, a lab passing 99 %
 * inhibition against 50 %. Each is refused, naming the field, and writes nothing.
 */
describe('values that cannot be true are refused, naming the field', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;
  let batchId: string;
  let shipmentId: string;
  let cartonId: string;

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call, { gtin: true });
    batchId = await harvestedBatch(call, w);
    const packing = await pack(call, w, batchId, 8, 4);
    cartonId = packing.cartons[1].cartonId;
    const shipment = await expectOk(
      call('POST', '/api/shipments', {
        key: w.packer.key,
        body: { fromFacilityId: w.packhouse, toFacilityId: w.hub, cartonIds: [packing.cartons[0].cartonId], dispatchedAt: T('12:00') },
      }),
    );
    shipmentId = shipment.id;
  });
  afterAll(() => app.close());

  const events = async () => (await expectOk(call('GET', '/health'))).position as number;

  describe('a time in the year 9999, on every route that records one', () => {
    const routes: [string, () => [string, string, Record<string, unknown>], string][] = [
      [
        'farm input',
        () => [
          `/api/batches/${batchId}/farm-inputs`,
          w.coop.key,
          { inputName: '复合肥', kind: 'fertilizer', dose: { value: 5, unit: 'kg' }, appliedAt: YEAR_9999, safetyIntervalDays: 0 },
        ],
        'appliedAt',
      ],
      [
        'harvest',
        () => [`/api/batches/${batchId}/harvests`, w.coop.key, { harvestedAt: YEAR_9999, quantity: { value: 10, unit: 'kg' } }],
        'harvestedAt',
      ],
      [
        'pre-cooling',
        () => [
          `/api/batches/${batchId}/pre-cooling`,
          w.packer.key,
          { facilityId: w.packhouse, startedAt: T('07:30'), endedAt: YEAR_9999, coreTemperatureC: 4 },
        ],
        'endedAt',
      ],
      [
        'quality test',
        () => [
          `/api/batches/${batchId}/quality-tests`,
          w.lab.key,
          { method: 'pesticide_residue_rapid_test', sampleId: 'S-1', testedAt: YEAR_9999, value: 10, unit: '%', threshold: 50 },
        ],
        'testedAt',
      ],
      [
        'grading',
        () => [
          `/api/batches/${batchId}/grading`,
          w.packer.key,
          {
            facilityId: w.packhouse,
            gradedAt: YEAR_9999,
            classes: [{ grade: '一级', quantity: { value: 10, unit: 'kg' }, attributes: {} }],
          },
        ],
        'gradedAt',
      ],
      [
        'packing',
        () => [
          `/api/batches/${batchId}/packing`,
          w.packer.key,
          {
            facilityId: w.packhouse,
            packedAt: YEAR_9999,
            lines: [{ grade: '特级', count: 1, netWeight: { value: 1, unit: 'kg' }, itemsPerCarton: 1 }],
          },
        ],
        'packedAt',
      ],
      [
        'certificate',
        () => [
          `/api/batches/${batchId}/certificate`,
          w.coop.key,
          { quantity: { value: 10, unit: 'kg' }, basis: ['self_tested'], issuedAt: YEAR_9999 },
        ],
        'issuedAt',
      ],
      [
        'certification',
        () => [
          `/api/batches/${batchId}/certifications`,
          w.coop.key,
          { kind: 'green_food', certificateNo: 'LB-1', issuedBy: '中国绿色食品发展中心', validUntil: YEAR_9999 },
        ],
        'validUntil',
      ],
      [
        'hand-over',
        () => [`/api/batches/${batchId}/handovers`, w.coop.key, { toOrganizationId: w.lab.id, handedOverAt: YEAR_9999 }],
        'handedOverAt',
      ],
      [
        'dispatch',
        () => [
          '/api/shipments',
          w.packer.key,
          { fromFacilityId: w.packhouse, toFacilityId: w.hub, cartonIds: [cartonId], dispatchedAt: YEAR_9999 },
        ],
        'dispatchedAt',
      ],
      [
        'receipt',
        () => [`/api/shipments/${shipmentId}/receipt`, w.carrier.key, { facilityId: w.hub, receivedAt: YEAR_9999, condition: 'intact' }],
        'receivedAt',
      ],
      [
        'logger upload',
        () => [
          '/api/cold-chain/readings',
          w.carrier.key,
          { facilityId: w.truck, deviceId: 'TL-1', readings: [{ at: YEAR_9999, temperatureC: 2 }] },
        ],
        'readings.0.at',
      ],
    ];

    it.each(routes)('%s', async (_name, request, field) => {
      const before = await events();
      const [path, key, body] = request();
      const refused = await call('POST', path, { key, body });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('invalid_time');
      expect(refused.body.details.field).toBe(field);
      expect(await events()).toBe(before);
    });
  });

  it('refuses a harvest ahead of the clock, and one before 2000', async () => {
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const id = await harvestedBatch(call, w);
    const future = await call('POST', `/api/batches/${id}/harvests`, {
      key: w.coop.key,
      body: { harvestedAt: soon, quantity: { value: 10, unit: 'kg' } },
    });
    expect(future.body).toMatchObject({ code: 'time_in_future', details: { field: 'harvestedAt' } });
    const old = await call('POST', `/api/batches/${id}/harvests`, {
      key: w.coop.key,
      body: { harvestedAt: '1999-07-15T06:00:00+08:00', quantity: { value: 10, unit: 'kg' } },
    });
    expect(old.body).toMatchObject({ code: 'invalid_time', details: { field: 'harvestedAt' } });
  });

  it('refuses a harvest of 1e308 t, and every check after it still holds', async () => {
    const id = await harvestedBatch(call, w, 40);
    const huge = await call('POST', `/api/batches/${id}/harvests`, {
      key: w.coop.key,
      body: { harvestedAt: T('06:30'), quantity: { value: 1e308, unit: 't' } },
    });
    expect(huge.status).toBe(400);
    expect(huge.body).toMatchObject({ code: 'implausible_quantity', details: { field: 'quantity.value' } });
    const batch = await expectOk(call('GET', `/api/batches/${id}`, { key: w.coop.key }));
    expect(batch.harvests).toHaveLength(1);
    const tooMuch = await call('POST', `/api/batches/${id}/packing`, {
      key: w.packer.key,
      body: {
        facilityId: w.packhouse,
        packedAt: T('11:00'),
        lines: [{ grade: '特级', count: 20, netWeight: { value: 2.5, unit: 'kg' }, itemsPerCarton: 10 }],
      },
    });
    expect(tooMuch.body.code).toBe('quantities_do_not_add_up');
  });

  it('refuses 1,000 kg of 特级 packed when 25 kg was graded 特级', async () => {
    const id = await harvestedBatch(call, w, 1200);
    await expectOk(
      call('POST', `/api/batches/${id}/grading`, {
        key: w.packer.key,
        body: {
          facilityId: w.packhouse,
          gradedAt: T('10:00'),
          classes: [
            { grade: '特级', quantity: { value: 25, unit: 'kg' }, attributes: {} },
            { grade: '一级', quantity: { value: 1100, unit: 'kg' }, attributes: {} },
          ],
        },
      }),
    );
    const refused = await call('POST', `/api/batches/${id}/packing`, {
      key: w.packer.key,
      body: {
        facilityId: w.packhouse,
        packedAt: T('11:00'),
        lines: [{ grade: '特级', count: 400, netWeight: { value: 2.5, unit: 'kg' }, itemsPerCarton: 20 }],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('exceeds_graded');
    expect(refused.body.message).toContain('25 kg');
    expect((await expectOk(call('GET', `/api/batches/${id}`, { key: w.coop.key }))).itemCount).toBe(0);
    // 10 × 2.5 kg is exactly what was graded 特级.
    const exact = await call('POST', `/api/batches/${id}/packing`, {
      key: w.packer.key,
      body: {
        facilityId: w.packhouse,
        packedAt: T('11:00'),
        lines: [{ grade: '特级', count: 10, netWeight: { value: 2.5, unit: 'kg' }, itemsPerCarton: 10 }],
      },
    });
    expect(exact.status).toBe(201);
  });

  it('refuses a lab’s pass at 99 % inhibition against a 50 % threshold, and an inhibition of 140 %', async () => {
    const contradiction = await call('POST', `/api/batches/${batchId}/quality-tests`, {
      key: w.lab.key,
      body: {
        method: 'pesticide_residue_rapid_test',
        sampleId: 'S-99',
        testedAt: T('09:00'),
        value: 99,
        unit: '%',
        threshold: 50,
        passed: true,
      },
    });
    expect(contradiction.status).toBe(400);
    expect(contradiction.body).toMatchObject({ code: 'verdict_contradicts_value', details: { field: 'passed' } });
    const impossible = await call('POST', `/api/batches/${batchId}/quality-tests`, {
      key: w.lab.key,
      body: { method: 'pesticide_residue_rapid_test', sampleId: 'S-140', testedAt: T('09:00'), value: 140, unit: '%', threshold: 50 },
    });
    expect(impossible.body).toMatchObject({ code: 'implausible_value', details: { field: 'value' } });
    expect((await expectOk(call('GET', `/api/batches/${batchId}`, { key: w.coop.key }))).held).toBeFalsy();
  });

  it('refuses a second batch of the product with the same lot code, naming the first', async () => {
    const body = { productId: w.plum, farmPlotId: w.plot, lotCode: 'LC-DUP-01' };
    const first = await expectOk(call('POST', '/api/batches', { key: w.coop.key, body }));
    const second = await call('POST', '/api/batches', { key: w.coop.key, body });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'lot_code_taken', details: { field: 'lotCode', batchId: first.id } });
    const retried = await call('POST', '/api/batches', { key: w.coop.key, body, headers: { 'idempotency-key': 'lot-retry' } });
    expect(retried.status).toBe(409);
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => call('POST', '/api/batches', { key: w.coop.key, body: { ...body, lotCode: 'LC-RACE-01' } })),
    );
    expect(concurrent.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    // Another cooperative may use the same code for its own batch.
    const other = await registerOrg(call, 'cooperative', '九峰镇黄金柰李合作社');
    const plot = await registerFacility(call, other, 'farm_plot', '九峰村2号地块', { town: '九峰镇' });
    expect((await call('POST', '/api/batches', { key: other.key, body: { ...body, farmPlotId: plot } })).status).toBe(201);
  });
});
