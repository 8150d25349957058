import { createHmac, timingSafeEqual } from 'node:crypto';

/** Digits of a 防伪码: 8 decimal digits, 10⁸ possibilities against a handful of tries. */
export const VERIFICATION_CODE_LENGTH = 8;
const MODULUS = 10 ** VERIFICATION_CODE_LENGTH;
const SHAPE = /^[0-9]{8}$/;

/**
 * The hidden verification code (防伪码, printed under a scratch-off) of an item: an HMAC of its
 * code under a secret only the server holds, so nothing is stored per item, anyone holding
 * the secret (the label printer) derives the same digits, and a counterfeiter who copies the
 * visible QR code cannot work them out. Truncated like HOTP (RFC 4226 §5.3).
 */
export function verificationCodeOf(itemCode: string, secret: Buffer): string {
  const mac = createHmac('sha256', secret).update(`suyuan-verification:${itemCode}`).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % MODULUS).padStart(VERIFICATION_CODE_LENGTH, '0');
}

/** What a consumer typed, without spaces and hyphens; undefined when it cannot be a verification code. */
export function normalizeVerificationCode(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, '');
  return SHAPE.test(digits) ? digits : undefined;
}

/** Whether `typed` (normalised) is the item's verification code, compared in constant time. */
export function verificationCodeMatches(itemCode: string, typed: string, secret: Buffer): boolean {
  const expected = Buffer.from(verificationCodeOf(itemCode, secret));
  const given = Buffer.from(typed);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
