import { expectRejection } from '@suyuan/core/testing';
import { checkOrganizationRegion } from './organization-region';

describe('an organization’s region', () => {
  it('gives a county regulator its county', () => {
    expect(() => checkOrganizationRegion('regulator', { province: '广东省', county: '乐昌市' })).not.toThrow();
  });

  it('gives a provincial regulator its province alone', () => {
    expect(() => checkOrganizationRegion('regulator', { province: '广东省' })).not.toThrow();
  });

  it('is required of a regulator: it is its jurisdiction', () => {
    expectRejection(() => checkOrganizationRegion('regulator', undefined), {
      kind: 'invalid',
      code: 'jurisdiction_required',
      details: { field: 'region' },
    });
    expectRejection(() => checkOrganizationRegion('regulator', { city: '韶关市' }), { kind: 'invalid', code: 'jurisdiction_required' });
  });

  it('is optional for others, but names a county when given', () => {
    expect(() => checkOrganizationRegion('cooperative', undefined)).not.toThrow();
    expectRejection(() => checkOrganizationRegion('cooperative', { province: '广东省' }), {
      kind: 'invalid',
      code: 'invalid_region',
      details: { field: 'region.county' },
    });
  });
});
