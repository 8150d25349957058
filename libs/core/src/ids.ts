import { createHash, randomBytes } from 'node:crypto';

/** Crockford base32: digits and uppercase letters without I, L, O, U (no look-alikes, no accidental words). */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ID_LENGTH = 12;

/** A short unguessable id for a batch, carton or shipment: the prefix and 60 random bits. */
export function mintId(prefix: string): string {
  return prefix + encodeBase32(randomBytes(8), ID_LENGTH);
}

/** The id `mintId` would give, derived from a seed instead of randomness (idempotent retries). */
export function deriveId(prefix: string, seed: string): string {
  return prefix + encodeBase32(createHash('sha256').update(seed).digest(), ID_LENGTH);
}

/** The first `chars * 5` bits of `bytes`, most significant first, in Crockford base32. */
export function encodeBase32(bytes: Uint8Array, chars: number): string {
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
    out += CROCKFORD_ALPHABET[(buffer >> bits) & 31];
  }
  return out;
}
