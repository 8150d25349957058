import { Flow } from './flows';

/** What the registered plots could give: their area, by the product's yield per 亩. */
export interface Capacity {
  /** areaMu × yieldPerMuKg; null when the product has no yield per 亩 (nothing to weigh against). */
  kg: number | null;
  yieldPerMuKg: number | null;
  areaMu: number;
  /** Plots counted: each plot that harvested the product, or a product it is made from, in the season, once. */
  plots: number;
  /** Plots counted that were registered without an area: the capacity leaves them out. */
  unknownArea: { id: string; name: string }[];
}

/** More packed or delivered than the county's plots could give: the GI-laundering signal (the goods came from somewhere else). */
export interface SoldOverCapacity {
  flag: 'sold_over_capacity';
  /** The larger of packed and delivered. */
  soldKg: number;
  capacityKg: number;
  excessKg: number;
  /** Counted plots without an area: the capacity may be understated by them. */
  plotsWithoutArea: number;
}

export type MassBalanceFlag = SoldOverCapacity;

/**
 * One product's mass balance in one county and season (`massBalance`, id =
 * product|province|county|season; province empty where the places name none). Every quantity
 * counts in the season of its lot, fixed by the lot's first harvest, production or purchase,
 * and in its lot's county: a grown batch's plot's, an output or purchase lot's plant's.
 */
export interface MassBalanceView {
  id: string;
  product: { id: string; nameZh: string; nameEn: string };
  province?: string;
  county: string;
  season: string;
  /** The season's first and last month, yyyy-mm (China time). */
  months: { from: string; to: string };
  capacity: Capacity;
  /** Harvested from the county's plots (BatchHarvested). */
  harvested: Flow;
  /** Bought into purchase lots from households (收购 from natural persons). */
  boughtFromHouseholds: Flow;
  /** Bought from the county's lots by other organizations (收购 from a cooperative's batch). */
  boughtFromOrganizations: Flow;
  /** Taken from the county's lots by recorded transformations (loose, or as whole packed cartons). */
  consumed: Flow;
  /** Made by transformations into the county's output lots. */
  produced: Flow;
  /** Packed into items, by their net weight. */
  packed: Flow;
  /** Packed items whose cartons were delivered to their consignee: out of the recorded chain. */
  delivered: Flow;
  flags: MassBalanceFlag[];
}

/** A lot as the mass balance attributes it (`massBalanceLots`, id = batch id). */
export interface MassBalanceLot {
  id: string;
  productId: string;
  province?: string;
  county: string;
  /** When its first harvest, production or purchase happened: what fixes its season. */
  firstSuppliedAt?: string;
  /** The row its quantities count in, from its first supply on. */
  rowId?: string;
  /** Counted supply with its live weight known (heads and their total live weight): weighs later counts of the lot. */
  live?: { count: number; kg: number };
  /** What transformations in progress set aside, by transformation id: counted as consumed once they complete. */
  reserved: Record<string, Flow>;
}

/** A packed carton's lot and net weight (`massBalanceCartons`, id = carton id): what its delivery counts. */
export interface MassBalanceCarton {
  id: string;
  lotId: string;
  net: Flow;
}

/** A plot already counted in a product's season (`massBalancePlots`, id = product|season|plot): it counts once. */
export interface CountedPlot {
  id: string;
}

/** The processed products made from a product (`massBalanceInputs`, id = product id): its plots count in their capacity. */
export interface MassBalanceInput {
  id: string;
  madeInto: string[];
}
