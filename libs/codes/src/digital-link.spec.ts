import { itemScanUrl, parseDigitalLinkPath } from './digital-link';

const BASE = 'https://sy.lechang.example';
const GTIN = '06912345678904';
const CODE = '7K3M9Q2RXV0ZAB12';

describe('itemScanUrl', () => {
  it('builds a GS1 Digital Link with the qualifiers in order', () => {
    expect(itemScanUrl(BASE, { code: CODE, gtin14: GTIN, lotCode: 'LC2026-06A' })).toBe(`${BASE}/01/${GTIN}/10/LC2026-06A/21/${CODE}`);
  });

  it('leaves the lot out when the batch has none', () => {
    expect(itemScanUrl(BASE, { code: CODE, gtin14: GTIN })).toBe(`${BASE}/01/${GTIN}/21/${CODE}`);
  });

  it('uses the short form without a GTIN', () => {
    expect(itemScanUrl(BASE, { code: CODE, lotCode: 'LC2026-06A' })).toBe(`${BASE}/t/${CODE}`);
  });

  it('strips trailing slashes from the base', () => {
    expect(itemScanUrl(`${BASE}//`, { code: CODE })).toBe(`${BASE}/t/${CODE}`);
    expect(itemScanUrl(`${BASE}/`, { code: CODE, gtin14: GTIN })).toBe(`${BASE}/01/${GTIN}/21/${CODE}`);
  });

  it('percent-encodes a lot outside the unreserved set', () => {
    expect(itemScanUrl(BASE, { code: CODE, gtin14: GTIN, lotCode: "A/B (1)!*'" })).toBe(
      `${BASE}/01/${GTIN}/10/A%2FB%20%281%29%21%2A%27/21/${CODE}`,
    );
    expect(itemScanUrl(BASE, { code: CODE, gtin14: GTIN, lotCode: '北乡-01' })).toBe(
      `${BASE}/01/${GTIN}/10/%E5%8C%97%E4%B9%A1-01/21/${CODE}`,
    );
  });
});

describe('parseDigitalLinkPath', () => {
  it.each(['LC2026-06A', '2026/06/北乡', "a b!*'()~._-"])('round-trips the lot %p', (lotCode) => {
    const url = itemScanUrl(BASE, { code: CODE, gtin14: GTIN, lotCode });
    expect(parseDigitalLinkPath(new URL(url).pathname)).toEqual({ gtin14: GTIN, lot: lotCode, serial: CODE });
  });

  it('reads a link without a lot, with a path prefix, a query and a fragment', () => {
    expect(parseDigitalLinkPath(`/01/${GTIN}/21/${CODE}`)).toEqual({ gtin14: GTIN, serial: CODE });
    expect(parseDigitalLinkPath(`/dl/01/${GTIN}/10/L1/21/${CODE}?linkType=all#x`)).toEqual({
      gtin14: GTIN,
      lot: 'L1',
      serial: CODE,
    });
  });

  it.each([
    ['no GTIN', `/t/${CODE}`],
    ['a short GTIN', `/01/6912345678904/21/${CODE}`],
    ['no serial', `/01/${GTIN}/10/L1`],
    ['qualifiers out of order', `/01/${GTIN}/21/${CODE}/10/L1`],
    ['an empty lot', `/01/${GTIN}/10//21/${CODE}`],
    ['broken percent-encoding', `/01/${GTIN}/10/%E5%8C/21/${CODE}`],
    ['trailing segments', `/01/${GTIN}/21/${CODE}/extra`],
  ])('returns undefined for %s', (_, path) => {
    expect(parseDigitalLinkPath(path)).toBeUndefined();
  });
});
