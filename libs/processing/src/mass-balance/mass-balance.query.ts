import { forbidden, invalid } from '@suyuan/core';
import { inJurisdiction, Viewer } from '@suyuan/production';
import { MassBalanceView } from './mass-balance.views';

/** Which rows a reader asks for: one product, county or season, or any. */
export interface MassBalanceFilter {
  productId?: string;
  county?: string;
  season?: string;
}

const FILTERS = ['productId', 'county', 'season'] as const;
const SEASON = /^\d{4}$/;

/** The filters from the query string: each at most once and not empty, a season as its year. */
export function massBalanceFilter(query: Record<string, unknown>): MassBalanceFilter {
  const filter: MassBalanceFilter = {};
  for (const name of FILTERS) {
    const value = query[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') throw invalid('invalid_query', `${name} must be given once, not empty`, { field: name });
    if (name === 'season' && !SEASON.test(value)) {
      throw invalid('invalid_query', `season must be the year a season starts in (2026), got ${value}`, { field: name });
    }
    filter[name] = value;
  }
  return filter;
}

/** The document store's query for the filter. */
export function massBalanceWhere(filter: MassBalanceFilter): Record<string, string> {
  return {
    ...(filter.productId && { 'product.id': filter.productId }),
    ...(filter.county && { county: filter.county }),
    ...(filter.season && { season: filter.season }),
  };
}

/**
 * Which rows the reader may see: a regulator those of its jurisdiction (its county, or every
 * county of its province), a standards owner those of the products whose standard it publishes,
 * the administrator all (the route lets no other role in). Asking for a county or product
 * outside that is refused, naming why.
 */
export function massBalanceScope(viewer: Viewer, filter: MassBalanceFilter): (row: MassBalanceView) => boolean {
  if (viewer.role === 'regulator') {
    const jurisdiction = viewer.jurisdiction ?? {};
    if (filter.county && jurisdiction.county && filter.county !== jurisdiction.county) {
      throw forbidden(
        'not_allowed_to_read',
        `a regulator reads the mass balance of its own jurisdiction (${jurisdiction.county}); ${filter.county} is outside it`,
      );
    }
    return (row) => inJurisdiction(jurisdiction, { province: row.province, county: row.county });
  }
  if (viewer.role === 'standards_owner') {
    const products = viewer.standardProducts ?? new Set<string>();
    if (filter.productId && !products.has(filter.productId)) {
      throw forbidden('not_allowed_to_read', `a standards owner reads the mass balance of the products whose standard it publishes`);
    }
    return (row) => products.has(row.product.id);
  }
  return () => true;
}

/** The rows, flagged ones first (the largest excess first), then the latest season, by product and place. */
export function massBalanceAnswer(rows: readonly MassBalanceView[]): { flagged: number; rows: MassBalanceView[] } {
  const excess = (row: MassBalanceView) => Math.max(-1, ...row.flags.map((f) => f.excessKg));
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...rows].sort(
    (a, b) =>
      excess(b) - excess(a) ||
      byText(b.season, a.season) ||
      byText(a.product.id, b.product.id) ||
      byText(a.province ?? '', b.province ?? '') ||
      byText(a.county, b.county),
  );
  return { flagged: rows.filter((r) => r.flags.length > 0).length, rows: sorted };
}
