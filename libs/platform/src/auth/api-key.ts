import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Keys look like `sy_<keyId>_<secret>`: the key id finds the stored hash in one lookup,
 * the 256-bit secret is what proves possession. Only sha256(secret) is stored.
 */
export interface MintedKey {
  keyId: string;
  apiKey: string;
  secretHash: string;
}

/** A new key; its id random, or given (12 letters and digits) when it must be the same on a retry. */
export function mintApiKey(keyId = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')): MintedKey {
  const secret = randomBytes(32).toString('base64url');
  return { keyId, apiKey: `sy_${keyId}_${secret}`, secretHash: hashSecret(secret) };
}

export function parseApiKey(apiKey: string): { keyId: string; secret: string } | undefined {
  const match = /^sy_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/.exec(apiKey);
  return match ? { keyId: match[1], secret: match[2] } : undefined;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
