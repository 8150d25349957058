import { Viewer } from '@suyuan/production';
import { massBalanceAnswer, massBalanceFilter, massBalanceScope, massBalanceWhere } from './mass-balance.query';
import { MassBalanceView } from './mass-balance.views';

const row = (id: string, over: Partial<MassBalanceView> = {}): MassBalanceView => ({
  id,
  product: { id: 'prd-tea', nameZh: '乐昌白毛茶', nameEn: 'Lechang Baimao tea' },
  province: '广东省',
  county: '乐昌市',
  season: '2026',
  months: { from: '2026-03', to: '2027-02' },
  capacity: { kg: 600, yieldPerMuKg: 60, areaMu: 10, plots: 1, unknownArea: [] },
  harvested: { kg: 0 },
  boughtFromHouseholds: { kg: 0 },
  boughtFromOrganizations: { kg: 0 },
  consumed: { kg: 0 },
  produced: { kg: 0 },
  packed: { kg: 0 },
  delivered: { kg: 0 },
  flags: [],
  ...over,
});
const flagged = (excessKg: number) => [
  { flag: 'sold_over_capacity' as const, soldKg: 600 + excessKg, capacityKg: 600, excessKg, plotsWithoutArea: 0 },
];

const regulator = (jurisdiction: Viewer['jurisdiction']): Viewer => ({ organizationId: 'org-reg', role: 'regulator', jurisdiction });
const lechang = row('lechang');
const renhua = row('renhua', { county: '仁化县' });
const hunan = row('hunan', { province: '湖南省' });

describe('the mass balance as a reader asks for it', () => {
  it('takes a product, county and season, each once', () => {
    const filter = massBalanceFilter({ productId: 'prd-tea', county: '乐昌市', season: '2026' });
    expect(filter).toEqual({ productId: 'prd-tea', county: '乐昌市', season: '2026' });
    expect(massBalanceWhere(filter)).toEqual({ 'product.id': 'prd-tea', county: '乐昌市', season: '2026' });
    expect(massBalanceWhere({})).toEqual({});
  });

  it.each([{ county: ['乐昌市', '仁化县'] }, { productId: '' }, { season: '2026-03' }, { season: '26' }])('refuses %j', (query) => {
    expect(() => massBalanceFilter(query)).toThrow(expect.objectContaining({ kind: 'invalid', code: 'invalid_query' }));
  });

  it('shows a county regulator its county, and refuses another county', () => {
    const visible = massBalanceScope(regulator({ province: '广东省', county: '乐昌市' }), {});
    expect([lechang, renhua, hunan].filter(visible)).toEqual([lechang]);
    expect(() => massBalanceScope(regulator({ province: '广东省', county: '乐昌市' }), { county: '仁化县' })).toThrow(
      expect.objectContaining({ kind: 'forbidden', code: 'not_allowed_to_read' }),
    );
  });

  it('shows a provincial regulator every county of its province', () => {
    const visible = massBalanceScope(regulator({ province: '广东省' }), { county: '仁化县' });
    expect([lechang, renhua, hunan].filter(visible)).toEqual([lechang, renhua]);
  });

  it('shows a standards owner the products whose standard it publishes, and refuses another product', () => {
    const owner: Viewer = { organizationId: 'org-ecc', role: 'standards_owner', standardProducts: new Set(['prd-tea']) };
    const leaves = row('leaves', { product: { id: 'prd-leaves', nameZh: '乐昌白毛茶鲜叶', nameEn: 'leaves' } });
    expect([lechang, leaves].filter(massBalanceScope(owner, {}))).toEqual([lechang]);
    expect(() => massBalanceScope(owner, { productId: 'prd-leaves' })).toThrow(
      expect.objectContaining({ kind: 'forbidden', code: 'not_allowed_to_read' }),
    );
  });

  it('shows the administrator everything', () => {
    expect([lechang, renhua, hunan].filter(massBalanceScope({ organizationId: 'admin', role: 'admin' }, {}))).toHaveLength(3);
  });

  it('answers flagged rows first, the largest excess first, then the latest season', () => {
    const rows = [
      row('2025', { season: '2025' }),
      row('small', { flags: flagged(5) }),
      row('2026'),
      row('large', { flags: flagged(500), season: '2025' }),
    ];
    const answer = massBalanceAnswer(rows);
    expect(answer.flagged).toBe(2);
    expect(answer.rows.map((r) => r.id)).toEqual(['large', 'small', '2026', '2025']);
  });
});
