/**
 * When a code's scans stop looking like one item's life: more consumers (distinct networks)
 * than a bought item plausibly meets, more cities than it plausibly travels to, or scans long
 * after it should have been sold. Chain scans never count.
 */
export interface ScanLimits {
  maxConsumers: number;
  maxPlaces: number;
  /** Days from packing within which the item is sold and eaten; absent: no limit. */
  shelfLifeDays?: number;
}

export type ScanWarning = 'many_consumers' | 'many_places' | 'past_shelf_life';

/**
 * Defaults by the product's category as registered (matched on words of it, most specific
 * first), overridden per product by its standard's `scans` rule. A piece of fruit is scanned
 * by a household or two; a tin of tea is a gift passed around; chilled poultry keeps a week.
 */
const CATEGORY_LIMITS: readonly [RegExp, ScanLimits][] = [
  [/live poultry|活禽/, { maxConsumers: 10, maxPlaces: 3 }],
  [/poultry|meat|禽|肉/, { maxConsumers: 10, maxPlaces: 3, shelfLifeDays: 7 }],
  [/dried|processed|干|加工/, { maxConsumers: 20, maxPlaces: 5, shelfLifeDays: 365 }],
  [/tea leaves|鲜叶/, { maxConsumers: 10, maxPlaces: 3, shelfLifeDays: 3 }],
  [/tea|茶/, { maxConsumers: 30, maxPlaces: 6, shelfLifeDays: 540 }],
  [/tuber|薯/, { maxConsumers: 10, maxPlaces: 3, shelfLifeDays: 90 }],
  [/vegetable|蔬/, { maxConsumers: 10, maxPlaces: 3, shelfLifeDays: 14 }],
  [/fruit|果/, { maxConsumers: 10, maxPlaces: 3, shelfLifeDays: 30 }],
];
export const DEFAULT_SCAN_LIMITS: ScanLimits = { maxConsumers: 10, maxPlaces: 3 };

export function defaultScanLimits(category: string): ScanLimits {
  const words = category.toLowerCase();
  return CATEGORY_LIMITS.find(([pattern]) => pattern.test(words))?.[1] ?? DEFAULT_SCAN_LIMITS;
}

/** A standard's `scans` rule laid over the category's defaults, field by field. */
export function scanLimits(category: string, override?: Partial<ScanLimits>): ScanLimits {
  return { ...defaultScanLimits(category), ...override };
}

const DAY = 86_400_000;

/** The warnings a code's scans raise now. `packedAt` in milliseconds, or NaN when unknown. */
export function scanWarnings(
  counted: { consumers: number; places: number },
  limits: ScanLimits,
  packedAt: number,
  now: number,
): ScanWarning[] {
  const warnings: ScanWarning[] = [];
  if (counted.consumers > limits.maxConsumers) warnings.push('many_consumers');
  if (counted.places > limits.maxPlaces) warnings.push('many_places');
  if (limits.shelfLifeDays !== undefined && now - packedAt > limits.shelfLifeDays * DAY) warnings.push('past_shelf_life');
  return warnings;
}

/**
 * The bit the log keeps with a scan of a voided code (its label damaged, misprinted or lost):
 * a counterfeit signal of its own, not a sign of copying, so the page says it apart.
 */
export const VOIDED_FLAG = 8;

/** Warnings as the bits the log keeps with each scan, and back. */
const WARNING_BITS: Record<ScanWarning, number> = { many_consumers: 1, many_places: 2, past_shelf_life: 4 };
export const warningFlags = (warnings: readonly ScanWarning[]): number => warnings.reduce((f, w) => f | WARNING_BITS[w], 0);
export const warningsOfFlags = (flags: number): ScanWarning[] =>
  (Object.keys(WARNING_BITS) as ScanWarning[]).filter((w) => (flags & WARNING_BITS[w]) !== 0);
