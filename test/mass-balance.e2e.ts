import { ApiClient, Call } from '../apps/cli/src/world';
import { Org, expectOk, registerCountyOrg, registerFacility, registerOrg } from './support/fixtures';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';

const APRIL = (day: number, hhmm = '07:00') => `2026-04-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;

/**
 * The regulators' GI-laundering check over HTTP: 乐昌白毛茶 from two tea gardens of 4 and 6 亩
 * in 乐昌市 at 100 kg per 亩 a season can be 1,000 kg; a cooperative that packs more than that
 * stands out, with the numbers.
 */
describe('mass balance: what a county’s plots could give against what was packed and delivered', () => {
  let app: TestApp;
  let call: Call;
  let coop: Org;
  let carrier: Org;
  let regulator: Org;
  let renhuaRegulator: Org;
  let tea: string;
  let gardens: string[];
  let packhouse: string;
  let village: string;

  const post = (path: string, org: Org, body: unknown) => expectOk(call('POST', path, { key: org.key, body }));
  const massBalance = (org: Org | string, query = '') =>
    call('GET', `/api/mass-balance${query}`, { key: typeof org === 'string' ? org : org.key });
  const teaRow = async (org: Org | string = regulator) => {
    const answer = await expectOk(massBalance(org, `?productId=${tea}&season=2026`));
    expect(answer.rows).toHaveLength(1);
    return answer.rows[0];
  };
  /** A batch of tea leaves on a garden, harvested; returns its id. */
  const harvest = async (garden: string, kg: number, day: number) => {
    const batch = await post('/api/batches', coop, { productId: tea, farmPlotId: garden });
    await post(`/api/batches/${batch.id}/harvests`, coop, { harvestedAt: APRIL(day), quantity: { value: kg, unit: 'kg' } });
    return batch.id as string;
  };
  /** 25 kg sacks, ten to a carton; returns the cartons. */
  const pack = async (batchId: string, sacks: number, day: number): Promise<string[]> => {
    const packing = await post(`/api/batches/${batchId}/packing`, coop, {
      facilityId: packhouse,
      packedAt: APRIL(day, '11:00'),
      lines: [{ grade: '特级', count: sacks, netWeight: { value: 25, unit: 'kg' }, itemsPerCarton: 10 }],
    });
    return packing.cartons.map((c: { cartonId: string }) => c.cartonId);
  };

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    coop = await registerOrg(call, 'cooperative', '乐昌市沙坪镇白毛茶专业合作社');
    carrier = await registerCountyOrg(call, 'logistics');
    regulator = await registerCountyOrg(call, 'regulator');
    renhuaRegulator = await registerOrg(call, 'regulator', '仁化县市场监督管理局', {
      region: { province: '广东省', city: '韶关市', county: '仁化县' },
    });
    tea = (
      await expectOk(
        call('POST', '/api/products', {
          key: ADMIN_KEY,
          body: {
            nameZh: '乐昌白毛茶',
            nameEn: 'Lechang Baimao tea',
            category: 'tea',
            storageClass: 'ambient',
            yieldPerMu: { kg: 100, seasonStartMonth: 3 },
          },
        }),
      )
    ).id;
    gardens = [
      await registerFacility(call, coop, 'farm_plot', '沙坪村 1 号茶园', { town: '沙坪镇' }, { areaMu: 4 }),
      await registerFacility(call, coop, 'farm_plot', '沙坪村 2 号茶园', { town: '沙坪镇' }, { areaMu: 6 }),
    ];
    packhouse = await registerFacility(call, coop, 'packhouse', '沙坪镇白毛茶初制车间', { town: '沙坪镇' });
    village = await registerFacility(call, carrier, 'village_point', '沙坪村物流服务点', { town: '沙坪镇', village: '沙坪村' });
  });
  afterAll(() => app.close());

  it('keeps the product’s yield per 亩', async () => {
    expect((await expectOk(call('GET', `/api/products/${tea}`, { key: regulator.key }))).yieldPerMu).toEqual({
      kg: 100,
      seasonStartMonth: 3,
    });
  });

  it('weighs harvests within what the gardens could give without a flag', async () => {
    const first = await harvest(gardens[0], 300, 10);
    await harvest(gardens[1], 400, 11);
    await pack(first, 8, 12);
    const row = await teaRow();
    expect(row).toMatchObject({
      product: { id: tea, nameZh: '乐昌白毛茶' },
      province: '广东省',
      county: '乐昌市',
      season: '2026',
      months: { from: '2026-03', to: '2027-02' },
      capacity: { kg: 1000, yieldPerMuKg: 100, areaMu: 10, plots: 2, unknownArea: [] },
      harvested: { kg: 700 },
      packed: { kg: 200 },
      delivered: { kg: 0 },
      flags: [],
    });
  });

  it('flags more packed than the gardens could give, with the numbers, and counts what was delivered', async () => {
    // The same garden again: its area counts once in the season, however much it is said to have given.
    const more = await harvest(gardens[0], 900, 20);
    const cartons = await pack(more, 36, 21);
    const leg = await post('/api/shipments', coop, {
      fromFacilityId: packhouse,
      toFacilityId: village,
      cartonIds: cartons.slice(0, 2),
      dispatchedAt: APRIL(21, '12:00'),
    });
    await post(`/api/shipments/${leg.id}/receipt`, carrier, { facilityId: village, receivedAt: APRIL(21, '15:00'), condition: 'intact' });
    await post(`/api/shipments/${leg.id}/delivery`, carrier, {
      facilityId: village,
      deliveredAt: APRIL(21, '17:00'),
      recipient: '沙坪村便民店',
    });

    const row = await teaRow();
    expect(row).toMatchObject({
      capacity: { kg: 1000, areaMu: 10, plots: 2 },
      harvested: { kg: 1600 },
      packed: { kg: 1100 },
      delivered: { kg: 500 },
      flags: [{ flag: 'sold_over_capacity', soldKg: 1100, capacityKg: 1000, excessKg: 100, plotsWithoutArea: 0 }],
    });
  });

  it('lists flagged rows first', async () => {
    // Another product, grown in the county without a yield per 亩: nothing to weigh it against.
    const plum = (
      await expectOk(
        call('POST', '/api/products', {
          key: ADMIN_KEY,
          body: { nameZh: '黄金柰李', nameEn: 'plum', category: 'stone fruit', storageClass: 'chilled' },
        }),
      )
    ).id;
    const orchard = await registerFacility(call, coop, 'farm_plot', '沙坪村柰李园', { town: '沙坪镇' });
    const batch = await post('/api/batches', coop, { productId: plum, farmPlotId: orchard });
    await post(`/api/batches/${batch.id}/harvests`, coop, { harvestedAt: APRIL(25), quantity: { value: 5000, unit: 'kg' } });

    const answer = await expectOk(massBalance(regulator, `?county=${encodeURIComponent('乐昌市')}`));
    expect(answer.flagged).toBe(1);
    expect(answer.rows.map((r: { product: { id: string } }) => r.product.id)).toEqual([tea, plum]);
    expect(answer.rows[1]).toMatchObject({
      capacity: { kg: null, yieldPerMuKg: null, plots: 1, unknownArea: [{ id: orchard, name: '沙坪村柰李园' }] },
      harvested: { kg: 5000 },
      flags: [],
    });
  });

  it('is the regulator’s of the county: another county’s regulator is refused it, and sees none of it', async () => {
    const refused = await massBalance(renhuaRegulator, `?county=${encodeURIComponent('乐昌市')}`);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'not_allowed_to_read' });
    expect((await expectOk(massBalance(renhuaRegulator))).rows).toEqual([]);
    expect((await teaRow(ADMIN_KEY)).flags).toHaveLength(1);
  });

  it('is refused to the cooperative, and answers a bad query or an unknown product with what is wrong', async () => {
    const coopAnswer = await massBalance(coop);
    expect({ status: coopAnswer.status, code: coopAnswer.body.code }).toEqual({ status: 403, code: 'role_not_allowed' });
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
