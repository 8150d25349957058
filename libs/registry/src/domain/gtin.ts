/** GS1 GTIN-8, -12 (UPC-A), -13 (EAN-13) and -14: digits ending in a mod-10 check digit. */
const GTIN_SHAPE = /^(\d{8}|\d{12}|\d{13}|\d{14})$/;

/** The check digit for a GTIN without its last digit: weights 3 and 1 alternate from the right. */
export function gtinCheckDigit(body: string): number {
  if (!/^\d{7,13}$/.test(body)) throw new RangeError(`Not the body of a GTIN: ${body}`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidGtin(gtin: string): boolean {
  return typeof gtin === 'string' && GTIN_SHAPE.test(gtin) && gtinCheckDigit(gtin.slice(0, -1)) === Number(gtin[gtin.length - 1]);
}

/** GTIN-14, the form GS1 Digital Link carries: shorter GTINs are left-padded with zeros. */
export function toGtin14(gtin: string): string {
  if (!isValidGtin(gtin)) throw new RangeError(`Not a valid GTIN: ${gtin}`);
  return gtin.padStart(14, '0');
}
