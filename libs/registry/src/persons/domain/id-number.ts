/**
 * 居民身份证号码 (GB 11643-1999): a 6-digit address code, the birth date (yyyymmdd), a 3-digit
 * sequence number and a check character, 0–9 or X, computed over the first 17 digits (ISO 7064
 * MOD 11-2).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** The check character for the first 17 digits of an ID number. */
export function idNumberCheckCharacter(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new RangeError('Not the first 17 digits of a 居民身份证号码');
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return CHECK_CHARACTERS[sum % 11];
}

/** The number as it is kept: its check character X in upper case. */
export function normalizeIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

/** 18 characters, a real birth date from 1900 on, and the right check character. */
export function isValidIdNumber(idNumber: string): boolean {
  if (!SHAPE.test(idNumber)) return false;
  const [year, month, day] = [idNumber.slice(6, 10), idNumber.slice(10, 12), idNumber.slice(12, 14)].map(Number);
  const birth = new Date(Date.UTC(year, month - 1, day));
  const realDate = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  return year >= 1900 && realDate && idNumberCheckCharacter(idNumber.slice(0, 17)) === idNumber[17];
}

/** The number as lists and reads show it: the address code and the last four, the birth date and the rest hidden. */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}
