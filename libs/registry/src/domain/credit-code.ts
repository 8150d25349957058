/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set that leaves out
 * I, O, S, V and Z (read as 1, 0, 5, U and 2); the last one is a check character.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Position weights 3^i mod 31, as tabulated in the standard. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const BODY_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{17}$/;

/** The check character for the first 17 characters of a code. */
export function creditCodeCheckCharacter(body: string): string {
  if (!BODY_SHAPE.test(body)) {
    throw new RangeError(`Not the first 17 characters of a 统一社会信用代码: ${body}`);
  }
  const sum = [...body].reduce((acc, ch, i) => acc + CHARSET.indexOf(ch) * WEIGHTS[i], 0);
  return CHARSET[(31 - (sum % 31)) % 31];
}

export function isValidCreditCode(code: string): boolean {
  return (
    typeof code === 'string' &&
    code.length === 18 &&
    BODY_SHAPE.test(code.slice(0, 17)) &&
    creditCodeCheckCharacter(code.slice(0, 17)) === code[17]
  );
}
