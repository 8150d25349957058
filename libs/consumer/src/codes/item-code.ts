import { createHash, randomBytes } from 'node:crypto';

/** Crockford base32: digits and uppercase letters without I, L, O, U (no look-alikes, no accidental words). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ITEM_CODE_LENGTH = 16;
const ID_LENGTH = 12;
const ITEM_CODE_SHAPE = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/**
 * One item, one code (一物一码): 80 random bits, 16 characters. Unguessable, so that a
 * counterfeiter cannot print valid codes by counting; also the GS1 serial (AI 21).
 */
export function mintItemCode(): string {
  return encodeBase32(randomBytes(10), ITEM_CODE_LENGTH);
}

/** A short unguessable id for a batch, carton or shipment: the prefix and 60 random bits. */
export function mintId(prefix: string): string {
  return prefix + encodeBase32(randomBytes(8), ID_LENGTH);
}

/** The id `mintId` would give, derived from a seed instead of randomness (idempotent retries). */
export function deriveId(prefix: string, seed: string): string {
  return prefix + encodeBase32(createHash('sha256').update(seed).digest(), ID_LENGTH);
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

/** The first `chars * 5` bits of `bytes`, most significant first. */
function encodeBase32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  let next = 0;
  while (out.length < chars) {
    if (bits < 5) {
      buffer = ((buffer << 8) | bytes[next++]) & 0xfff;
      bits += 8;
    }
    bits -= 5;
    out += ALPHABET[(buffer >> bits) & 31];
  }
  return out;
}
