import { creditCodeCheckCharacter, isValidCreditCode } from './credit-code';

/** Codes published on the national enterprise credit information system (国家企业信用信息公示系统). */
const PUBLISHED = [
  '914403001922038216', // 华为技术有限公司: check character is a digit
  '91440300708461136T', // 深圳市腾讯计算机系统有限公司
  '91330100716105852F', // 阿里巴巴（中国）有限公司
  '91110108551385082Q', // 小米科技有限责任公司
];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(PUBLISHED)('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each(PUBLISHED)('computes the check character of %s', (code) => {
    expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it('accepts a farmer cooperative code (type 93) from 乐昌市 (440281)', () => {
    expect(isValidCreditCode('93440281MA4W5N1K3R')).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(isValidCreditCode('91440300708461136X')).toBe(false);
  });

  it('rejects a transposition of two characters', () => {
    expect(isValidCreditCode('914403001922038126')).toBe(false);
  });

  it('rejects letters outside the charset (I, O, S, V, Z)', () => {
    expect(isValidCreditCode('9144030O708461136T')).toBe(false);
    expect(isValidCreditCode('91440300708461136Z')).toBe(false);
  });

  it('rejects lowercase, because the standard has none', () => {
    expect(isValidCreditCode('91440300708461136t')).toBe(false);
  });

  it('rejects the wrong length', () => {
    expect(isValidCreditCode('91440300708461136')).toBe(false);
    expect(isValidCreditCode('91440300708461136T0')).toBe(false);
    expect(isValidCreditCode('')).toBe(false);
  });

  it('refuses to compute a check character for a malformed body', () => {
    expect(() => creditCodeCheckCharacter('9144030070846113')).toThrow(RangeError);
  });
});
