import { Jurisdiction, inJurisdiction } from '@suyuan/production';
import { CELL_DIMENSIONS, CellDimension, ComplianceCellView, StatDimension, StatusCounts, zeroCounts } from './compliance.views';

/** Which cells a summary adds up: exact keys, and a range of months (yyyy-mm, both ends included). */
export interface SummaryFilter {
  product?: string;
  cooperative?: string;
  county?: string;
  standard?: string;
  from?: string;
  to?: string;
  /** What the reader may see at all (the read policy): cells outside a regulator's jurisdiction, or of other products, are left out. */
  scope?: { jurisdiction?: Jurisdiction; products?: ReadonlySet<string> };
}

export interface SummaryRow {
  dimension: StatDimension;
  key: string;
  label: string;
  batches: StatusCounts & { total: number; compliantPct: number; nonCompliantPct: number };
  items: StatusCounts & { total: number; compliantPct: number };
  mostViolated: { rule: string; batches: number }[];
}

interface Sum {
  key: string;
  label: string;
  batches: StatusCounts;
  items: StatusCounts;
  violations: Record<string, number>;
}

const MOST_VIOLATED = 5;
const ALL = { key: 'all', label: '全部 all' };

/**
 * The regulator's and the standards owner's view: counts, rates and the most violated rules,
 * in total and per key of one dimension, from the cells the filter keeps. Keys with no batch
 * counted (a batch moved on from its registration month) are left out.
 */
export function summarize(
  cells: readonly ComplianceCellView[],
  by: StatDimension,
  filter: SummaryFilter = {},
): { by: StatDimension; total: SummaryRow; rows: SummaryRow[] } {
  const total = empty(ALL);
  const groups = new Map<string, Sum>();
  for (const cell of cells) {
    if (!kept(cell, filter)) continue;
    addTo(total, cell);
    const { key, label } = by === 'all' ? ALL : cell.keys[by as CellDimension];
    let group = groups.get(key);
    if (!group) groups.set(key, (group = empty({ key, label })));
    addTo(group, cell);
  }
  const rows = [...groups.values()]
    .filter((g) => count(g.batches) > 0)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((g) => withRates(by, g));
  return { by, total: withRates('all', total), rows };
}

function kept(cell: ComplianceCellView, filter: SummaryFilter): boolean {
  const county = cell.keys.county;
  if (filter.scope?.jurisdiction && !inJurisdiction(filter.scope.jurisdiction, { county: county.key, province: county.province }))
    return false;
  if (filter.scope?.products && !filter.scope.products.has(cell.keys.product.key)) return false;
  for (const d of CELL_DIMENSIONS) {
    const wanted = d === 'month' ? undefined : filter[d];
    if (wanted !== undefined && cell.keys[d].key !== wanted) return false;
  }
  const month = cell.keys.month.key;
  return (filter.from === undefined || month >= filter.from) && (filter.to === undefined || month <= filter.to);
}

const empty = ({ key, label }: { key: string; label: string }): Sum => ({
  key,
  label,
  batches: zeroCounts(),
  items: zeroCounts(),
  violations: {},
});
const count = (c: StatusCounts) => c.compliant + c.non_compliant + c.pending;

function addTo(sum: Sum, cell: ComplianceCellView): void {
  for (const s of ['compliant', 'non_compliant', 'pending'] as const) {
    sum.batches[s] += cell.batches[s];
    sum.items[s] += cell.items[s];
  }
  for (const [rule, n] of Object.entries(cell.violations)) sum.violations[rule] = (sum.violations[rule] ?? 0) + n;
}

function withRates(dimension: StatDimension, s: Sum): SummaryRow {
  const batches = count(s.batches);
  const items = count(s.items);
  const rate = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10);
  const mostViolated = Object.entries(s.violations)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MOST_VIOLATED)
    .map(([rule, n]) => ({ rule, batches: n }));
  return {
    dimension,
    key: s.key,
    label: s.label,
    batches: {
      total: batches,
      ...s.batches,
      compliantPct: rate(s.batches.compliant, batches),
      nonCompliantPct: rate(s.batches.non_compliant, batches),
    },
    items: { total: items, ...s.items, compliantPct: rate(s.items.compliant, items) },
    mostViolated,
  };
}
