import { inJurisdiction } from './jurisdiction';

const county = { province: '广东省', county: '乐昌市' };
const province = { province: '广东省' };

describe('a regulator’s jurisdiction', () => {
  it('holds its county’s places, and a provincial regulator every county of its province', () => {
    const lechang = { province: '广东省', city: '韶关市', county: '乐昌市' };
    expect(inJurisdiction(county, lechang)).toBe(true);
    expect(inJurisdiction(province, lechang)).toBe(true);
    expect(inJurisdiction(county, { ...lechang, county: '仁化县' })).toBe(false);
    expect(inJurisdiction({ province: '湖南省', county: '乐昌市' }, lechang)).toBe(false);
  });

  it('holds an organization registered with its province alone for the provincial regulator only', () => {
    expect(inJurisdiction(province, { province: '广东省' })).toBe(true);
    expect(inJurisdiction(county, { province: '广东省' })).toBe(false);
  });

  it('holds nothing without a jurisdiction or a place', () => {
    expect(inJurisdiction(undefined, { province: '广东省', county: '乐昌市' })).toBe(false);
    expect(inJurisdiction(county, undefined)).toBe(false);
  });
});
