import { defaultScanLimits, scanLimits, scanWarnings, warningFlags, warningsOfFlags } from './scan-limits';

const DAY = 86_400_000;
const packed = Date.parse('2026-07-15T08:00:00Z');

describe('scan limits', () => {
  it.each([
    ['stone fruit', { maxConsumers: 10, shelfLifeDays: 30 }],
    ['dried fruit', { maxConsumers: 20, shelfLifeDays: 365 }],
    ['tea', { maxConsumers: 30, shelfLifeDays: 540 }],
    ['fresh tea leaves', { shelfLifeDays: 3 }],
    ['chilled poultry', { shelfLifeDays: 7 }],
    ['live poultry', { maxConsumers: 10 }],
    ['aquatic vegetable', { shelfLifeDays: 14 }],
    ['widgets', { maxConsumers: 10, maxPlaces: 3 }],
  ])('a %s defaults to %j', (category, expected) => {
    expect(defaultScanLimits(category)).toMatchObject(expected);
  });

  it.each(['live poultry', 'widgets'])('a %s has no shelf life', (category) => {
    expect(defaultScanLimits(category).shelfLifeDays).toBeUndefined();
  });

  it("takes the product's standard's rule over the category's defaults, field by field", () => {
    expect(scanLimits('stone fruit', { maxConsumers: 50 })).toEqual({ maxConsumers: 50, maxPlaces: 3, shelfLifeDays: 30 });
  });

  it('warns only past a limit, not at it', () => {
    const limits = { maxConsumers: 10, maxPlaces: 3, shelfLifeDays: 30 };
    expect(scanWarnings({ consumers: 10, places: 3 }, limits, packed, packed + 30 * DAY)).toEqual([]);
    expect(scanWarnings({ consumers: 11, places: 4 }, limits, packed, packed + 30 * DAY + 1)).toEqual([
      'many_consumers',
      'many_places',
      'past_shelf_life',
    ]);
  });

  it('never warns of a shelf life the product does not have', () => {
    expect(scanWarnings({ consumers: 1, places: 1 }, { maxConsumers: 10, maxPlaces: 3 }, packed, packed + 3000 * DAY)).toEqual([]);
  });

  it('keeps warnings as bits and reads them back', () => {
    expect(warningsOfFlags(warningFlags(['many_places', 'past_shelf_life']))).toEqual(['many_places', 'past_shelf_life']);
    expect(warningFlags([])).toBe(0);
  });
});
