import { randomBytes } from 'node:crypto';
import { encodeBase32 } from '@suyuan/core';

export const ITEM_CODE_LENGTH = 16;
const ITEM_CODE_SHAPE = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/**
 * One item, one code (一物一码): 80 random bits, 16 characters. Unguessable, so that a
 * counterfeiter cannot print valid codes by counting; also the GS1 serial (AI 21).
 */
export function mintItemCode(): string {
  return encodeBase32(randomBytes(10), ITEM_CODE_LENGTH);
}

/**
 * What a person typed or a scanner read, in canonical form: Crockford decoding is
 * case-insensitive, reads O as 0 and I, L as 1, and ignores hyphens and spaces.
 */
export function normalizeItemCode(input: string): string {
  if (ITEM_CODE_SHAPE.test(input)) return input;
  return input.toUpperCase().replace(/[-\s]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function isItemCode(input: string): boolean {
  // Most scans carry the code exactly as minted: test that first, normalise only if not.
  return ITEM_CODE_SHAPE.test(input) || ITEM_CODE_SHAPE.test(normalizeItemCode(input));
}
