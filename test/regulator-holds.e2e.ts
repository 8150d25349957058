import { ApiClient, Call, renhua } from '../apps/cli/src/world';
import { Org, expectOk, registerCountyOrg, registerOrg } from './support/fixtures';
import { SmallWorld, harvestedBatch, pack, smallWorld } from './support/small-world';
import { TestApp, startTestApp } from './support/test-app';

/** The world's clock: the day after the plums were packed, moved on by the shelf-life test. */
let now = Date.parse('2026-07-16T10:00:00+08:00');
const clock = { now: () => new Date(now) };
const DAY = 86_400_000;
const REASON = '市场抽检：吡虫啉残留超标，待复检';

interface Packed {
  items: { code: string; cartonId: string }[];
  cartons: { cartonId: string }[];
}

describe('a regulator holds goods from sale (暂停销售), and releases them', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;
  let regulator: Org;

  beforeAll(async () => {
    app = await startTestApp({ clock });
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call, { gtin: true });
    regulator = await registerCountyOrg(call, 'regulator');
  });
  afterAll(() => app.close());

  const packedBatch = async (): Promise<{ batchId: string; packed: Packed }> => {
    const batchId = await harvestedBatch(call, w);
    return { batchId, packed: await pack(call, w, batchId, 8, 4) };
  };
  const hold = (body: Record<string, unknown>, key = regulator.key) => call('POST', '/api/holds', { key, body });
  const release = (body: Record<string, unknown>, key = regulator.key) => call('POST', '/api/holds/release', { key, body });
  const dispatch = (cartonIds: string[]) =>
    call('POST', '/api/shipments', {
      key: w.packer.key,
      body: { fromFacilityId: w.packhouse, toFacilityId: w.hub, vehicleId: w.truck, cartonIds, dispatchedAt: '2026-07-16T09:00:00+08:00' },
    });
  const page = async (code: string, lang: 'zh' | 'en') =>
    (await fetch(`${app.baseUrl}/t/${code}`, { headers: { accept: 'text/html', 'accept-language': lang } })).text();
  const record = async (code: string) => (await expectOk(call('GET', `/t/${code}`))) as { suspended?: unknown };
  const sellable = async (code: string) => expectOk(call('GET', `/api/sellable/${code}`));

  it('a lot hold refuses dispatch and shows on the page, the JSON and the sellable check; its release lifts it', async () => {
    const { batchId, packed } = await packedBatch();
    const cartons = packed.cartons.map((c) => c.cartonId);
    const [{ code }] = packed.items;

    const held = await expectOk(hold({ batchId, reason: REASON }));
    expect(held).toMatchObject({ batchId, unit: { kind: 'lot' }, reason: REASON, regulatorId: regulator.id });

    const refused = await dispatch(cartons);
    expect(refused).toMatchObject({ status: 409, body: { code: 'held', details: { hold: { holdId: held.holdId, reason: REASON } } } });
    expect(refused.body.message).toContain(REASON);
    const certificate = await call('POST', `/api/batches/${batchId}/certificate`, {
      key: w.coop.key,
      body: { quantity: { value: 20, unit: 'kg' }, basis: ['self_tested'], issuedAt: '2026-07-16T08:00:00+08:00' },
    });
    expect(certificate).toMatchObject({ status: 409, body: { code: 'held' } });

    expect(await page(code, 'zh')).toContain('暂停销售');
    expect(await page(code, 'zh')).toContain(REASON);
    expect(await page(code, 'en')).toContain('Sale suspended');
    expect(await record(code)).toMatchObject({ suspended: { unit: 'lot', reason: REASON } });
    expect(await sellable(code)).toMatchObject({ sellable: false, reasons: [{ code: 'held', unit: 'lot', reason: REASON }] });
    expect(await expectOk(call('GET', '/api/holds', { key: regulator.key }))).toContainEqual(
      expect.objectContaining({ holdId: held.holdId }),
    );

    const released = await expectOk(release({ batchId, reason: '复检合格' }));
    expect(released).toMatchObject({ holdId: held.holdId, releasedAt: expect.any(String), releaseReason: '复检合格' });
    expect((await dispatch(cartons)).status).toBe(201);
    expect(await page(code, 'zh')).not.toContain('暂停销售');
    expect(await record(code)).not.toHaveProperty('suspended');
    expect(await sellable(code)).toMatchObject({ sellable: true, reasons: [] });
    expect(await expectOk(call('GET', '/api/holds', { key: regulator.key }))).not.toContainEqual(
      expect.objectContaining({ holdId: held.holdId }),
    );
  });

  it('an item hold stops that item only; a carton hold its own items, and its dispatch', async () => {
    const { packed } = await packedBatch();
    const [first, second] = packed.cartons.map((c) => c.cartonId);
    const inFirst = packed.items.filter((i) => i.cartonId === first).map((i) => i.code);
    const inSecond = packed.items.filter((i) => i.cartonId === second).map((i) => i.code);

    await expectOk(hold({ code: inFirst[0], reason: '标签信息与实物不符' }));
    expect(await record(inFirst[0])).toMatchObject({ suspended: { unit: 'item', reason: '标签信息与实物不符' } });
    expect(await record(inFirst[1])).not.toHaveProperty('suspended');
    expect(await dispatch([first])).toMatchObject({ status: 409, body: { code: 'held' } });

    await expectOk(hold({ cartonId: second, reason: REASON }));
    for (const code of inSecond) expect(await record(code)).toMatchObject({ suspended: { unit: 'carton' } });
    expect(await record(inFirst[1])).not.toHaveProperty('suspended');
    expect(await dispatch([second])).toMatchObject({
      status: 409,
      body: { code: 'held', details: { hold: { unit: { kind: 'carton' } } } },
    });

    await expectOk(release({ cartonId: second }));
    await expectOk(release({ code: inFirst[0] }));
    expect((await dispatch([first, second])).status).toBe(201);
  });

  it('only a regulator over the place holds or releases; bad input is refused, a retry recorded once', async () => {
    const { batchId, packed } = await packedBatch();
    expect(await hold({ batchId, reason: REASON }, w.coop.key)).toMatchObject({ status: 403, body: { code: 'role_not_allowed' } });
    expect(await hold({ batchId, reason: REASON }, w.lab.key)).toMatchObject({ status: 403 });
    const neighbour = await registerOrg(call, 'regulator', '仁化县市场监督管理局', { region: renhua() });
    expect(await hold({ batchId, reason: REASON }, neighbour.key)).toMatchObject({ status: 403, body: { code: 'outside_jurisdiction' } });

    expect(await hold({ batchId: 'B-NO-SUCH-LOT', reason: REASON })).toMatchObject({ status: 404, body: { code: 'batch_not_found' } });
    expect(await hold({ code: 'ZZZZZZZZZZZZZZZZ', reason: REASON })).toMatchObject({ status: 404, body: { code: 'item_not_found' } });
    expect(await hold({ cartonId: 'CTN-NO-SUCH', reason: REASON })).toMatchObject({ status: 404, body: { code: 'carton_not_found' } });
    expect(await hold({ batchId, reason: '' })).toMatchObject({ status: 400, body: { code: 'reason_required' } });
    expect(await hold({ batchId })).toMatchObject({ status: 400 });
    expect(await hold({ batchId, reason: '   ' })).toMatchObject({ status: 400 });
    expect(await hold({ batchId, cartonId: packed.cartons[0].cartonId, reason: REASON })).toMatchObject({
      status: 400,
      body: { code: 'one_unit' },
    });
    expect(await release({ batchId })).toMatchObject({ status: 409, body: { code: 'not_held' } });

    const once = () =>
      call('POST', '/api/holds', { key: regulator.key, body: { batchId, reason: REASON }, idempotencyKey: `hold-${batchId}` });
    const first = await expectOk(once());
    expect(await expectOk(once())).toEqual(first);
    expect(await hold({ batchId, reason: REASON })).toMatchObject({ status: 409, body: { code: 'already_held' } });
    expect(await release({ batchId }, w.coop.key)).toMatchObject({ status: 403 });
  });

  it('the sellable check answers for fine, voided, unknown and past-shelf-life codes', async () => {
    const { batchId, packed } = await packedBatch();
    const [fine, damaged] = packed.items.map((i) => i.code);
    expect(await sellable(fine)).toMatchObject({ code: fine, sellable: true, reasons: [], lotCode: expect.any(String) });

    await expectOk(call('POST', `/api/batches/${batchId}/items/${damaged}/void`, { key: w.packer.key, body: { reason: 'damaged' } }));
    expect(await sellable(damaged)).toMatchObject({ sellable: false, reasons: [{ code: 'voided' }] });

    for (const unknown of ['ZZZZZZZZZZZZZZZZ', 'not-a-code']) {
      expect(await sellable(unknown)).toMatchObject({
        sellable: false,
        reasons: [{ code: 'not_issued', zh: expect.any(String), en: expect.any(String) }],
      });
    }

    // Fruit keeps 30 days from packing: a month and more later, the same bag is no longer for sale.
    now += 40 * DAY;
    try {
      expect(await sellable(fine)).toMatchObject({ sellable: false, reasons: [{ code: 'past_shelf_life' }] });
    } finally {
      now -= 40 * DAY;
    }
  });
  it('a spot check (抽检): sampled by a regulator, failed by its lab, holds the lot', async () => {
    const { batchId, packed } = await packedBatch();
    const [{ code, cartonId }] = packed.items;
    const sampling = {
      batchId,
      units: { cartonIds: [cartonId] },
      facilityId: w.packhouse,
      place: '九峰镇包装厂冷库',
      sampledBy: '李明、王芳',
      sampledAt: '2026-07-16T09:30:00+08:00',
      labId: w.lab.id,
      sampleId: 'CJ-20260716-01',
    };
    expect(await call('POST', '/api/spot-checks', { key: w.coop.key, body: sampling })).toMatchObject({ status: 403 });
    const check = await expectOk(call('POST', '/api/spot-checks', { key: regulator.key, body: sampling }));
    expect(check).toMatchObject({ batchId, status: 'open', regulatorId: regulator.id, place: '九峰镇包装厂冷库' });
    const open = await expectOk(call('GET', '/api/spot-checks?status=open', { key: regulator.key }));
    expect(open).toContainEqual(expect.objectContaining({ id: check.id }));

    const result = { passed: false, testedAt: '2026-07-16T09:50:00+08:00', analyte: '吡虫啉', value: 1.2, unit: 'mg/kg', threshold: 0.5 };
    const failed = await expectOk(call('POST', `/api/spot-checks/${check.id}/result`, { key: w.lab.key, body: result }));
    expect(failed).toMatchObject({ status: 'failed', holdId: expect.any(String), result: { passed: false, labId: w.lab.id } });
    expect(await call('POST', `/api/spot-checks/${check.id}/result`, { key: w.lab.key, body: result })).toMatchObject({
      status: 409,
      body: { code: 'result_exists' },
    });

    const refused = await dispatch(packed.cartons.map((c) => c.cartonId));
    expect(refused).toMatchObject({ status: 409, body: { code: 'held', details: { hold: { spotCheckId: check.id } } } });
    expect(await page(code, 'zh')).toContain('抽检不合格');
    expect(await sellable(code)).toMatchObject({ sellable: false, reasons: [{ code: 'held', unit: 'lot' }] });
    expect(await expectOk(call('GET', '/api/spot-checks?status=open', { key: regulator.key }))).not.toContainEqual(
      expect.objectContaining({ id: check.id }),
    );
    // A regulator's release lifts the spot check's hold as any other.
    await expectOk(release({ batchId, reason: '复检合格' }));
    expect((await dispatch(packed.cartons.map((c) => c.cartonId))).status).toBe(201);
  });
});
