import { invalid } from '@suyuan/core';
import { Quantity } from './events';

/** Weights compare in kg; counts (piece 件, head 只) compare only with the same unit. */
const KG_PER_UNIT: Readonly<Record<string, number>> = { g: 0.001, kg: 1, t: 1000 };
const COUNT_UNITS = ['piece', 'head'];

/**
 * The most one recorded quantity can believably be: 10,000 t of a harvest, ten million pieces.
 * Without a bound, 1e308 t turns every running total into Infinity, and every "no more than
 * was harvested" check after it passes.
 */
const MAX_KG = 10_000_000;
const MAX_COUNT = 10_000_000;
/** A dose is in the applicator's own unit (g/亩, ml, kg): bounded only against absurdity. */
const MAX_DOSE = 1_000_000;

/** The quantity in the unit it is compared in: kg for a weight, its own unit for a count. */
export function toBaseUnit(quantity: Quantity): Quantity {
  const kgPerUnit = Object.hasOwn(KG_PER_UNIT, quantity.unit) ? KG_PER_UNIT[quantity.unit] : undefined;
  return kgPerUnit === undefined ? { ...quantity } : { value: quantity.value * kgPerUnit, unit: 'kg' };
}

/** Like toBaseUnit, for a quantity a command brings: it must be positive, in a known unit. */
export function inBaseUnit(field: string, quantity: Quantity): Quantity {
  requirePositive(`${field}.value`, quantity?.value);
  if (!Object.hasOwn(KG_PER_UNIT, quantity.unit) && !COUNT_UNITS.includes(quantity.unit)) {
    throw invalid('unknown_unit', `${field} has the unknown unit "${quantity.unit}"; use g, kg, t, piece or head`, {
      field: `${field}.unit`,
    });
  }
  const base = toBaseUnit(quantity);
  const max = base.unit === 'kg' ? MAX_KG : MAX_COUNT;
  if (base.value > max) {
    throw invalid(
      'implausible_quantity',
      `${field} of ${formatQuantity(quantity)} is more than one record can hold (${formatQuantity({ value: max, unit: base.unit })})`,
      {
        field: `${field}.value`,
      },
    );
  }
  return base;
}

export function requirePositive(field: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalid('invalid_quantity', `${field} must be a number greater than 0; got ${value}`, { field });
  }
}

/** A dose: positive, finite and not absurd; its unit is the applicator's own. */
export function requireDose(field: string, value: number): void {
  requirePositive(field, value);
  if (value > MAX_DOSE) {
    throw invalid('implausible_quantity', `${field} of ${value} is more than one application can be`, { field });
  }
}

/**
 * Whether `a` exceeds `b` by more than a milligram (or a millionth of a piece):
 * sums of 0.1 kg must not fail on float noise.
 */
export function exceeds(a: number, b: number): boolean {
  return Math.round(a * 1e6) > Math.round(b * 1e6);
}

export function formatQuantity(quantity: Quantity): string {
  return `${Number(quantity.value.toFixed(3))} ${quantity.unit}`;
}
