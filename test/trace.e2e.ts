import { ApiClient, Call } from '../apps/cli/src/world';
import { Org, expectOk, registerCountyOrg, registerOrg } from './support/fixtures';
import { SmallWorld, harvestedBatch, pack, smallWorld } from './support/small-world';
import { TestApp, startTestApp } from './support/test-app';

/** The answer's bytes as they came: fetch's text() drops a byte-order mark. */
async function raw(app: TestApp, path: string, key: string, accept = 'text/csv') {
  const response = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${key}`, accept } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

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
    const leg = await expectOk(
      call('POST', '/api/shipments', {
        key: w.packer.key,
        body: {
          fromFacilityId: w.packhouse,
          toFacilityId: w.hub,
          vehicleId: w.truck,
          cartonIds: [cartons[0]],
          dispatchedAt: '2026-07-15T12:00:00+08:00',
        },
      }),
    );
    await expectOk(
      call('POST', `/api/shipments/${leg.id}/receipt`, {
        key: w.carrier.key,
        body: { facilityId: w.hub, receivedAt: '2026-07-15T13:30:00+08:00', condition: 'intact' },
      }),
    );
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

    const csv = await raw(app, `/api/trace/forward?lot=${batch}&limit=15`, regulator.key);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('x-next-cursor')).toBe(first.nextCursor);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^record 记录,event 环节,traceability_lot_code 批次号,/);
    expect(lines.filter((l) => l.startsWith('unit,'))).toHaveLength(15);
    const back = await raw(app, `/api/trace/back?carton=${cartons[0]}&format=csv`, regulator.key, 'application/json');
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
