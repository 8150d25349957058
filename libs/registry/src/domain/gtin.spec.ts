import { gtinCheckDigit, isValidGtin, toGtin14 } from './gtin';

describe('GTIN', () => {
  it.each([
    ['GTIN-14, the GS1 Digital Link example', '09506000134352'],
    ['EAN-13', '4006381333931'],
    ['EAN-13 with a Chinese (690) prefix', '6901234567892'],
    ['UPC-A (GTIN-12)', '036000291452'],
    ['EAN-8', '96385074'],
  ])('accepts a valid %s: %s', (_kind, gtin) => {
    expect(isValidGtin(gtin)).toBe(true);
  });

  it.each([
    ['a wrong check digit', '4006381333932'],
    ['a transposition of two digits', '4006381339331'],
    ['10 digits', '0123456789'],
    ['non-digits', '400638133393A'],
    ['spaces', '4006381 333931'],
  ])('rejects %s', (_why, gtin) => {
    expect(isValidGtin(gtin)).toBe(false);
  });

  it('computes the check digit from the rest', () => {
    expect(gtinCheckDigit('0950600013435')).toBe(2);
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('9638507')).toBe(4);
  });

  it('pads shorter GTINs to 14 digits', () => {
    expect(toGtin14('4006381333931')).toBe('04006381333931');
    expect(toGtin14('036000291452')).toBe('00036000291452');
    expect(toGtin14('96385074')).toBe('00000096385074');
    expect(toGtin14('09506000134352')).toBe('09506000134352');
  });

  it('refuses to pad an invalid GTIN', () => {
    expect(() => toGtin14('4006381333932')).toThrow(RangeError);
  });
});
