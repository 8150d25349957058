import { Quantity, toBaseUnit } from '@suyuan/production';

/**
 * A quantity as the mass balance adds it up: kilograms, and what is counted (heads of
 * animals, pieces) apart wherever its weight is not known.
 */
export interface Flow {
  kg: number;
  head?: number;
  piece?: number;
}

/** Counted units a flow keeps apart; a quantity's unit is one of these or a weight (quantity.ts refuses others). */
const COUNTED = ['head', 'piece'] as const;

export const NO_FLOW: Flow = { kg: 0 };

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** The quantity in kg when it is a weight, else by the weight given for it, else counted. */
export function flowOf(quantity: Quantity, weightKg?: number): Flow {
  const base = toBaseUnit(quantity);
  if (base.unit === 'kg') return { kg: round(base.value) };
  if (weightKg !== undefined) return { kg: round(weightKg) };
  const unit = COUNTED.find((u) => u === base.unit);
  return unit ? { kg: 0, [unit]: round(base.value) } : NO_FLOW;
}

export function addFlows(a: Flow, b: Flow): Flow {
  const sum: Flow = { kg: round(a.kg + b.kg) };
  for (const unit of COUNTED) {
    const counted = (a[unit] ?? 0) + (b[unit] ?? 0);
    if (counted !== 0) sum[unit] = round(counted);
  }
  return sum;
}

/** Many quantities as one flow (the items of a packing): summed first, rounded once. */
export function totalFlow(quantities: Iterable<Quantity>): Flow {
  const sum = { kg: 0, head: 0, piece: 0 };
  for (const quantity of quantities) {
    // Items are weighed in kg nearly always: no conversion to make for each.
    if (quantity.unit === 'kg') {
      sum.kg += quantity.value;
      continue;
    }
    const base = toBaseUnit(quantity);
    const unit = base.unit === 'kg' ? 'kg' : COUNTED.find((u) => u === base.unit);
    if (unit) sum[unit] += base.value;
  }
  return addFlows(NO_FLOW, sum);
}
