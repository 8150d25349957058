import { idNumberCheckCharacter, isValidIdNumber, maskIdNumber, normalizeIdNumber } from './id-number';

describe('居民身份证号码 (GB 11643-1999)', () => {
  it('computes the check character of the standard’s own example, and of numbers ending in a digit', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberCheckCharacter('44028119900307123')).toBe('7');
    expect(() => idNumberCheckCharacter('4402811990030712')).toThrow(RangeError);
  });

  it('takes a number with its check character, a real birth date from 1900 on, in upper case', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('440281199003071237')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(false);
    expect(isValidIdNumber('440281199003071236')).toBe(false);
    expect(isValidIdNumber('44028119900230123X')).toBe(false);
    expect(isValidIdNumber('440281202602291236')).toBe(false);
  });

  it('keeps the check character X in upper case, without surrounding space', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('masks the birth date and sequence: the address code and the last four stay', () => {
    expect(maskIdNumber('440281199003071237')).toBe('440281********1237');
  });
});
