import { exceeds } from '@suyuan/production';
import { FacilityView, ProductView, Region } from '@suyuan/registry';
import { Flow, NO_FLOW, addFlows } from './flows';
import { MassBalanceFlag, MassBalanceView } from './mass-balance.views';
import { Season } from './season';

/** The quantities of a row that flows add to. */
export type FlowField = 'harvested' | 'boughtFromHouseholds' | 'boughtFromOrganizations' | 'consumed' | 'produced' | 'packed' | 'delivered';

export type Place = Pick<Region, 'province' | 'county'>;

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export const rowId = (productId: string, place: Place, season: string) => [productId, place.province ?? '', place.county, season].join('|');

/** A product's row for a county and season, before anything counts in it. */
export function newRow(productId: string, product: ProductView | undefined, place: Place, season: Season): MassBalanceView {
  const yieldPerMuKg = product?.yieldPerMu?.kg ?? null;
  return {
    id: rowId(productId, place, season.season),
    product: { id: productId, nameZh: product?.nameZh ?? productId, nameEn: product?.nameEn ?? productId },
    ...(place.province && { province: place.province }),
    county: place.county,
    season: season.season,
    months: season.months,
    capacity: { kg: yieldPerMuKg === null ? null : 0, yieldPerMuKg, areaMu: 0, plots: 0, unknownArea: [] },
    harvested: NO_FLOW,
    boughtFromHouseholds: NO_FLOW,
    boughtFromOrganizations: NO_FLOW,
    consumed: NO_FLOW,
    produced: NO_FLOW,
    packed: NO_FLOW,
    delivered: NO_FLOW,
    flags: [],
  };
}

export function withFlow(row: MassBalanceView, field: FlowField, flow: Flow): MassBalanceView {
  return withFlags({ ...row, [field]: addFlows(row[field], flow) });
}

/** The row with one more plot counted: its area by the yield, or listed as of unknown area. */
export function withPlot(row: MassBalanceView, plot: Pick<FacilityView, 'id' | 'name' | 'areaMu'>): MassBalanceView {
  const c = row.capacity;
  const areaMu = round(c.areaMu + (plot.areaMu ?? 0));
  const capacity = {
    ...c,
    kg: c.yieldPerMuKg === null ? null : round(areaMu * c.yieldPerMuKg),
    areaMu,
    plots: c.plots + 1,
    unknownArea: plot.areaMu === undefined ? [...c.unknownArea, { id: plot.id, name: plot.name }] : c.unknownArea,
  };
  return withFlags({ ...row, capacity });
}

function withFlags(row: MassBalanceView): MassBalanceView {
  const capacityKg = row.capacity.kg;
  const soldKg = Math.max(row.packed.kg, row.delivered.kg);
  const flags: MassBalanceFlag[] =
    capacityKg !== null && exceeds(soldKg, capacityKg)
      ? [
          {
            flag: 'sold_over_capacity',
            soldKg,
            capacityKg,
            excessKg: round(soldKg - capacityKg),
            plotsWithoutArea: row.capacity.unknownArea.length,
          },
        ]
      : [];
  return { ...row, flags };
}
