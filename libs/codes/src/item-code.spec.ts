import { CROCKFORD_ALPHABET as ALPHABET, mintId } from '@suyuan/core';
import { isItemCode, mintItemCode, normalizeItemCode } from './item-code';

/** Pearson's statistic of character counts against a uniform spread over the alphabet. */
function chiSquare(strings: string[]): number {
  const counts = new Map<string, number>();
  let total = 0;
  for (const s of strings) {
    for (const ch of s) {
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
      total++;
    }
  }
  const expected = total / ALPHABET.length;
  let statistic = 0;
  for (const ch of ALPHABET) statistic += ((counts.get(ch) ?? 0) - expected) ** 2 / expected;
  return statistic;
}

// 31 degrees of freedom: P(χ² > 80) ≈ 3e-6, so a failure means bias, not bad luck.
const CHI_SQUARE_LIMIT = 80;

describe('mintItemCode', () => {
  it('gives 16 Crockford base32 characters', () => {
    for (let i = 0; i < 1000; i++) {
      const code = mintItemCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
      expect(isItemCode(code)).toBe(true);
    }
  });

  it('spreads every position evenly over the alphabet', () => {
    const codes = Array.from({ length: 20_000 }, mintItemCode);
    for (let position = 0; position < 16; position++) {
      expect(chiSquare(codes.map((c) => c[position]))).toBeLessThan(CHI_SQUARE_LIMIT);
    }
  });
});

describe('mintId', () => {
  const ids = Array.from({ length: 100_000 }, () => mintId('CT'));

  it('is the prefix and 12 base32 characters', () => {
    for (const id of ids.slice(0, 1000)) expect(id).toMatch(/^CT[0-9A-HJKMNP-TV-Z]{12}$/);
  });

  it('does not collide in 100,000 ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses the characters uniformly', () => {
    expect(chiSquare(ids.map((id) => id.slice(2)))).toBeLessThan(CHI_SQUARE_LIMIT);
  });
});

describe('normalizeItemCode / isItemCode', () => {
  it('accepts lowercase, hyphens and look-alike letters as Crockford does', () => {
    expect(normalizeItemCode('7k3m-9q2r-ol0i-abcd')).toBe('7K3M9Q2R0101ABCD');
    expect(isItemCode('7k3m9q2rxv0zab12')).toBe(true);
    expect(isItemCode(' 7K3M-9Q2R-XV0Z-AB12 ')).toBe(true);
  });

  it('rejects the wrong length and letters outside the alphabet', () => {
    expect(isItemCode('7K3M9Q2RXV0ZAB1')).toBe(false);
    expect(isItemCode('7K3M9Q2RXV0ZAB123')).toBe(false);
    expect(isItemCode('7K3M9Q2RXV0ZAB1U')).toBe(false);
    expect(isItemCode('7K3M9Q2RXV0ZAB1!')).toBe(false);
    expect(isItemCode('')).toBe(false);
  });
});
