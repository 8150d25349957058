import { ApiClient, Call, PRODUCTS, productBody } from '../apps/cli/src/world';
import { Org, expectOk, registerCountyFacility, registerCountyOrg, registerFacility, registerOrg } from './support/fixtures';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';

const APRIL = (day: number, hhmm = '07:00') => `2026-04-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;

/**
 * The regulators' GI-laundering check over HTTP: 乐昌白毛茶 leaves from two tea gardens of 4 and
 * 6 亩 in 乐昌市, at 100 kg per 亩 a season, can be 1,000 kg; a tea factory that buys more from
 * households and packs it stands out, with the numbers.
 */
describe('mass balance: what a county’s plots could give against what was bought, made, packed and delivered', () => {
  let app: TestApp;
  let call: Call;
  let coop: Org;
  let factory: Org;
  let carrier: Org;
  let regulator: Org;
  let renhuaRegulator: Org;
  let leaves: string;
  let tea: string;
  let gardens: string[];
  let packhouse: string;
  let plant: string;
  let village: string;

  const post = (path: string, org: Org, body: unknown) => expectOk(call('POST', path, { key: org.key, body }));
  const massBalance = (org: Org | string, query = '') =>
    call('GET', `/api/mass-balance${query}`, { key: typeof org === 'string' ? org : org.key });
  const rowOf = async (productId: string, org: Org | string = regulator) => {
    const answer = await expectOk(massBalance(org, `?productId=${productId}&season=2026`));
    expect(answer.rows).toHaveLength(1);
    return answer.rows[0];
  };
  /** 25 kg sacks, ten to a carton, packed by `org` at `facilityId`; returns the cartons. */
  const pack = async (org: Org, facilityId: string, batchId: string, sacks: number, day: number): Promise<string[]> => {
    const packing = await post(`/api/batches/${batchId}/packing`, org, {
      facilityId,
      packedAt: APRIL(day, '11:00'),
      lines: [{ grade: '一芽一叶', count: sacks, netWeight: { value: 25, unit: 'kg' }, itemsPerCarton: 10 }],
    });
    return packing.cartons.map((c: { cartonId: string }) => c.cartonId);
  };
  const household = async (name: string, idNumber: string) =>
    (await post('/api/persons', factory, { name, idNumber, region: { province: '广东省', county: '乐昌市', town: '沙坪镇' } }))
      .id as string;

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    coop = await registerOrg(call, 'cooperative', '乐昌市沙坪镇白毛茶专业合作社');
    factory = await registerCountyOrg(call, 'teaFactory');
    carrier = await registerCountyOrg(call, 'logistics');
    regulator = await registerCountyOrg(call, 'regulator');
    renhuaRegulator = await registerOrg(call, 'regulator', '仁化县市场监督管理局', {
      region: { province: '广东省', city: '韶关市', county: '仁化县' },
    });
    const product = async (body: unknown) => (await expectOk(call('POST', '/api/products', { key: ADMIN_KEY, body }))).id as string;
    leaves = await product({ ...productBody(PRODUCTS.teaLeaves), yieldPerMu: { kg: 100, seasonStartMonth: 3 } });
    tea = await product({ ...productBody(PRODUCTS.tea, { madeFrom: [leaves] }), yieldPerMu: { kg: 20, seasonStartMonth: 3 } });
    gardens = [
      await registerFacility(call, coop, 'farm_plot', '沙坪村 1 号茶园', { town: '沙坪镇' }, { areaMu: 4 }),
      await registerFacility(call, coop, 'farm_plot', '沙坪村 2 号茶园', { town: '沙坪镇' }, { areaMu: 6 }),
    ];
    packhouse = await registerFacility(call, coop, 'packhouse', '沙坪镇白毛茶初制车间', { town: '沙坪镇' });
    plant = await registerCountyFacility(call, factory, 'teaFactory');
    village = await registerFacility(call, carrier, 'village_point', '沙坪村物流服务点', { town: '沙坪镇', village: '沙坪村' });
  });
  afterAll(() => app.close());

  it('keeps the products’ yields per 亩', async () => {
    const yieldOf = async (id: string) => (await expectOk(call('GET', `/api/products/${id}`, { key: regulator.key }))).yieldPerMu;
    expect(await yieldOf(leaves)).toEqual({ kg: 100, seasonStartMonth: 3 });
    expect(await yieldOf(tea)).toEqual({ kg: 20, seasonStartMonth: 3 });
  });

  it('weighs harvests within what the gardens could give without a flag', async () => {
    const lots: string[] = [];
    for (const [garden, kg] of [
      [gardens[0], 300],
      [gardens[1], 400],
    ] as const) {
      const batch = await post('/api/batches', coop, { productId: leaves, farmPlotId: garden });
      await post(`/api/batches/${batch.id}/harvests`, coop, { harvestedAt: APRIL(10), quantity: { value: kg, unit: 'kg' } });
      lots.push(batch.id);
    }
    await pack(coop, packhouse, lots[0], 8, 10);
    expect(await rowOf(leaves)).toMatchObject({
      product: { id: leaves, nameZh: '乐昌白毛茶鲜叶' },
      province: '广东省',
      county: '乐昌市',
      season: '2026',
      months: { from: '2026-03', to: '2027-02' },
      capacity: { kg: 1000, yieldPerMuKg: 100, areaMu: 10, plots: 2, unknownArea: [] },
      harvested: { kg: 700 },
      packed: { kg: 200 },
      flags: [],
    });
    // Finished tea is made from the leaves: the same gardens, by its own yield per 亩.
    expect(await rowOf(tea)).toMatchObject({ capacity: { kg: 200, yieldPerMuKg: 20, areaMu: 10, plots: 2 }, flags: [] });
  });

  it('flags leaves bought from households and packed beyond what the gardens could give, with the numbers', async () => {
    const [huang, deng] = [await household('黄秀英', '440281199003071237'), await household('邓桂兰', '440281197809153021')];
    const bought = await post('/api/purchases', factory, {
      personId: huang,
      productId: leaves,
      plantId: plant,
      quantity: { value: 700, unit: 'kg' },
      purchasedAt: APRIL(12, '08:00'),
    });
    const lot = bought.lot.id as string;
    await post('/api/purchases', factory, {
      personId: deng,
      lotId: lot,
      quantity: { value: 500, unit: 'kg' },
      purchasedAt: APRIL(12, '09:00'),
    });
    await post('/api/transformations', factory, {
      plantId: plant,
      process: 'tea_processing',
      startedAt: APRIL(12, '10:00'),
      endedAt: APRIL(12, '18:00'),
      steps: [{ name: '杀青', parameters: { temperatureC: 260, minutes: 3 } }],
      inputs: [{ batchId: lot, quantity: { value: 200, unit: 'kg' } }],
      outputs: [{ productId: tea, quantity: { value: 45, unit: 'kg' } }],
    });
    const cartons = await pack(factory, plant, lot, 36, 13);
    const leg = await post('/api/shipments', factory, {
      fromFacilityId: plant,
      toFacilityId: village,
      cartonIds: cartons.slice(0, 2),
      dispatchedAt: APRIL(13, '12:00'),
    });
    await post(`/api/shipments/${leg.id}/receipt`, carrier, { facilityId: village, receivedAt: APRIL(13, '15:00'), condition: 'intact' });
    await post(`/api/shipments/${leg.id}/delivery`, carrier, {
      facilityId: village,
      deliveredAt: APRIL(13, '17:00'),
      recipient: '沙坪村便民店',
    });

    expect(await rowOf(leaves)).toMatchObject({
      capacity: { kg: 1000, areaMu: 10, plots: 2 },
      harvested: { kg: 700 },
      boughtFromHouseholds: { kg: 1200 },
      consumed: { kg: 200 },
      packed: { kg: 1100 },
      delivered: { kg: 500 },
      flags: [{ flag: 'sold_over_capacity', soldKg: 1100, capacityKg: 1000, excessKg: 100, plotsWithoutArea: 0 }],
    });
    expect(await rowOf(tea)).toMatchObject({ capacity: { kg: 200 }, produced: { kg: 45 }, packed: { kg: 0 }, flags: [] });
  });

  it('lists flagged rows first', async () => {
    const answer = await expectOk(massBalance(regulator, `?county=${encodeURIComponent('乐昌市')}`));
    expect(answer.flagged).toBe(1);
    expect(answer.rows.map((r: { product: { id: string } }) => r.product.id)).toEqual([leaves, tea]);
  });

  it('is the regulator’s of the county: another county’s regulator is refused it, and sees none of it', async () => {
    const refused = await massBalance(renhuaRegulator, `?county=${encodeURIComponent('乐昌市')}`);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'not_allowed_to_read' });
    expect((await expectOk(massBalance(renhuaRegulator))).rows).toEqual([]);
    expect((await rowOf(leaves, ADMIN_KEY)).flags).toHaveLength(1);
  });

  it('is refused to the cooperative and the factory, and answers a bad query or an unknown product with what is wrong', async () => {
    for (const org of [coop, factory]) {
      const answer = await massBalance(org);
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 403, code: 'role_not_allowed' });
    }
    const badSeason = await massBalance(regulator, '?season=2026-04');
    expect({ status: badSeason.status, code: badSeason.body.code, field: badSeason.body.details?.field }).toEqual({
      status: 400,
      code: 'invalid_query',
      field: 'season',
    });
    const unknown = await massBalance(regulator, '?productId=PRD-NONE');
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'product_not_found' });
  });
});
