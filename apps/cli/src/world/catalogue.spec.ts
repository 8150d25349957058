import { isValidCreditCode, isValidGtin } from '@suyuan/registry';
import { FACILITIES, facilityBody, growerPlaces } from './facilities';
import { FRUIT_GROWERS, ORGANIZATIONS } from './organizations';
import { PRODUCTS, STONE_FRUIT, productBody } from './products';
import { STANDARDS } from './standards';

describe('the world’s catalogue', () => {
  it('keeps the plum as the product brief says: stored at −1–0 °C, carried at 0–3 °C', () => {
    expect(PRODUCTS.plum).toMatchObject({
      category: 'stone fruit',
      storageRange: { minC: -1, maxC: 0 },
      transportRange: { minC: 0, maxC: 3 },
    });
  });

  it('grades each standard’s classes among its product’s grades', () => {
    for (const [key, standard] of Object.entries(STANDARDS) as [keyof typeof STANDARDS, (typeof STANDARDS)[keyof typeof STANDARDS]][]) {
      // Tea is graded by its sensory evaluation, which no standard here bounds by numbers.
      const classes = (standard.rules as { grading?: { classes: { grade: string }[] } }).grading?.classes ?? [];
      for (const { grade } of classes) expect([key, PRODUCTS[key].grades]).toEqual([key, expect.arrayContaining([grade])]);
    }
  });

  it('gives every body a credit code the registry accepts, and every GTIN its check digit', () => {
    for (const org of [...Object.values(ORGANIZATIONS), ...FRUIT_GROWERS])
      expect([org.name, isValidCreditCode(org.creditCode)]).toEqual([org.name, true]);
    for (const product of [...Object.values(PRODUCTS), ...STONE_FRUIT]) if (product.gtin) expect(isValidGtin(product.gtin)).toBe(true);
  });

  it('names every place once', () => {
    const names = [
      ...Object.values(FACILITIES).map((f) => f.name),
      ...FRUIT_GROWERS.flatMap((g) => Object.values(growerPlaces(g)).map((f) => f.name)),
    ];
    expect(new Set(names).size).toBe(names.length);
  });

  it('sends the API only what it registers', () => {
    expect(Object.keys(facilityBody(FACILITIES.truck)).sort()).toEqual(['name', 'plate', 'region', 'type']);
    expect(productBody(PRODUCTS.plum)).not.toHaveProperty('lotPrefix');
    expect(productBody(PRODUCTS.plum).gtin).toBe(PRODUCTS.plum.gtin);
    expect(productBody(PRODUCTS.plum, { gtin: false })).not.toHaveProperty('gtin');
  });
});
