import { ComplianceCellView, StatusCounts, zeroCounts } from './compliance.views';
import { summarize } from './summary';

const counts = (c: Partial<StatusCounts>): StatusCounts => ({ ...zeroCounts(), ...c });

/** A cell of plum or peach, of one of two cooperatives in two counties, in a month, under version 1. */
function cell(
  product: 'plum' | 'peach',
  coop: 'beixiang' | 'donggang',
  month: string,
  batches: Partial<StatusCounts>,
  violations: Record<string, number> = {},
): ComplianceCellView {
  const keys: ComplianceCellView['keys'] = {
    product: product === 'plum' ? { key: 'prd-plum', label: '黄金柰李' } : { key: 'prd-peach', label: '九峰黄桃' },
    cooperative: coop === 'beixiang' ? { key: 'org-beixiang', label: '北乡合作社' } : { key: 'org-donggang', label: '董塘合作社' },
    county:
      coop === 'beixiang' ? { key: '乐昌市', label: '乐昌市', province: '广东省' } : { key: '仁化县', label: '仁化县', province: '广东省' },
    month: { key: month, label: month },
    standard: { key: `STD-${product}@1`, label: `${product} v1` },
  };
  const b = counts(batches);
  const items = { compliant: b.compliant * 100, non_compliant: b.non_compliant * 100, pending: b.pending * 100 };
  return {
    id: Object.values(keys)
      .map((k) => k.key)
      .join('|'),
    keys,
    batches: b,
    items,
    violations,
  };
}

const CELLS = [
  cell('plum', 'beixiang', '2025-06', { compliant: 8, non_compliant: 2 }, { transport: 1, hubToVillage: 1 }),
  cell('plum', 'beixiang', '2025-07', { compliant: 3, pending: 1 }),
  cell('plum', 'donggang', '2025-06', { non_compliant: 1, pending: 1 }, { 'tests:pesticide_residue_rapid_test': 1 }),
  cell('peach', 'donggang', '2025-07', { compliant: 4 }),
  // Left by a batch that moved on to the month it was packed in.
  cell('peach', 'donggang', '2025-05', {}),
];

describe('the compliance summary', () => {
  it('adds the cells up per product, with the total of them all', () => {
    const { by, total, rows } = summarize(CELLS, 'product');
    expect(by).toBe('product');
    expect(total).toMatchObject({
      dimension: 'all',
      key: 'all',
      batches: { total: 20, compliant: 15, non_compliant: 3, pending: 2, compliantPct: 75, nonCompliantPct: 15 },
    });
    expect(rows.map((r) => [r.key, r.label, r.batches.total])).toEqual([
      ['prd-peach', '九峰黄桃', 4],
      ['prd-plum', '黄金柰李', 16],
    ]);
    expect(rows[1]).toMatchObject({ dimension: 'product', items: { total: 1600, compliant: 1100, compliantPct: 68.8 } });
  });

  it.each([
    [
      'cooperative',
      [
        ['org-beixiang', 14],
        ['org-donggang', 6],
      ],
    ],
    [
      'county',
      [
        ['乐昌市', 14],
        ['仁化县', 6],
      ],
    ],
    [
      'month',
      [
        ['2025-06', 12],
        ['2025-07', 8],
      ],
    ],
    [
      'standard',
      [
        ['STD-peach@1', 4],
        ['STD-plum@1', 16],
      ],
    ],
    ['all', [['all', 20]]],
  ] as const)('adds them up by %s, leaving out keys with no batch counted', (by, expected) => {
    expect(summarize(CELLS, by).rows.map((r) => [r.key, r.batches.total])).toEqual(expected);
  });

  it('names the most violated rules, most batches first', () => {
    const many = cell('plum', 'beixiang', '2025-08', { non_compliant: 9 }, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 });
    const [row] = summarize([...CELLS, many], 'cooperative', { cooperative: 'org-beixiang' }).rows;
    expect(row.mostViolated).toEqual([
      { rule: 'f', batches: 6 },
      { rule: 'e', batches: 5 },
      { rule: 'd', batches: 4 },
      { rule: 'c', batches: 3 },
      { rule: 'b', batches: 2 },
    ]);
  });

  it('keeps only the cells of the product, cooperative, county or version asked for', () => {
    expect(summarize(CELLS, 'cooperative', { product: 'prd-plum' }).rows.map((r) => [r.key, r.batches.total])).toEqual([
      ['org-beixiang', 14],
      ['org-donggang', 2],
    ]);
    expect(summarize(CELLS, 'product', { county: '仁化县' }).total.batches.total).toBe(6);
    expect(summarize(CELLS, 'month', { standard: 'STD-peach@1' }).rows.map((r) => r.key)).toEqual(['2025-07']);
    expect(summarize(CELLS, 'product', { product: 'prd-plum', cooperative: 'org-donggang' }).total.mostViolated).toEqual([
      { rule: 'tests:pesticide_residue_rapid_test', batches: 1 },
    ]);
  });

  it('keeps the months from `from` to `to`, both included', () => {
    expect(summarize(CELLS, 'month', { from: '2025-07' }).rows.map((r) => r.key)).toEqual(['2025-07']);
    expect(summarize(CELLS, 'month', { to: '2025-06' }).total.batches.total).toBe(12);
    expect(
      summarize(CELLS, 'product', { from: '2025-06', to: '2025-06' })
        .total.mostViolated.map((m) => m.rule)
        .sort(),
    ).toEqual(['hubToVillage', 'tests:pesticide_residue_rapid_test', 'transport']);
  });

  it('leaves out what the reader may not see: a regulator its jurisdiction’s cells, a standards owner its products’', () => {
    const lechang = { province: '广东省', county: '乐昌市' };
    expect(summarize(CELLS, 'county', { scope: { jurisdiction: lechang } }).rows.map((r) => r.key)).toEqual(['乐昌市']);
    expect(summarize(CELLS, 'county', { scope: { jurisdiction: { province: '广东省' } } }).rows.map((r) => r.key)).toEqual([
      '乐昌市',
      '仁化县',
    ]);
    // A county of the same name in another province is not this regulator's.
    expect(summarize(CELLS, 'county', { scope: { jurisdiction: { province: '湖南省', county: '乐昌市' } } }).total.batches.total).toBe(0);
    expect(summarize(CELLS, 'product', { scope: { products: new Set(['prd-peach']) } }).total.batches.total).toBe(4);
    expect(summarize(CELLS, 'product', { county: '仁化县', scope: { jurisdiction: lechang } }).total.batches.total).toBe(0);
    expect(summarize(CELLS, 'product', { scope: { jurisdiction: {} } }).total.batches.total).toBe(0);
  });

  it('is all zeros, with no rows, when nothing is counted', () => {
    const { total, rows } = summarize([], 'product');
    expect(rows).toEqual([]);
    expect(total.batches).toEqual({ total: 0, compliant: 0, non_compliant: 0, pending: 0, compliantPct: 0, nonCompliantPct: 0 });
    expect(summarize(CELLS, 'product', { product: 'prd-none' }).total.batches.total).toBe(0);
  });
});
