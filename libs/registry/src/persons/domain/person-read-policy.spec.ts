import { personReadRight, publicPersonLabel } from './person-read-policy';
import { chaliao, teaFactory } from './persons.fixtures';

const person = { registeredBy: teaFactory.organizationId, region: chaliao };
const regulatorOf = (jurisdiction: { province?: string; county?: string }) => ({
  organizationId: 'org-samr',
  role: 'regulator',
  jurisdiction,
});

describe('who may read a natural person', () => {
  it('the organization that registered them', () => {
    expect(personReadRight(teaFactory, person)).toBe('registrant');
  });

  it('the regulator of their county, or of their province', () => {
    expect(personReadRight(regulatorOf({ province: '广东省', county: '乐昌市' }), person)).toBe('regulator');
    expect(personReadRight(regulatorOf({ province: '广东省' }), person)).toBe('regulator');
  });

  it('no regulator elsewhere, nor a regulator without a jurisdiction', () => {
    expect(personReadRight(regulatorOf({ province: '广东省', county: '仁化县' }), person)).toBeUndefined();
    expect(personReadRight(regulatorOf({ province: '湖南省' }), person)).toBeUndefined();
    expect(personReadRight({ organizationId: 'org-samr', role: 'regulator' }, person)).toBeUndefined();
  });

  it('nobody else: another organization, the administrator', () => {
    expect(personReadRight({ organizationId: 'org-other', role: 'packhouse' }, person)).toBeUndefined();
    expect(personReadRight({ organizationId: 'admin', role: 'admin' }, person)).toBeUndefined();
  });
});

describe('the public label of a person', () => {
  it('names a household and its town and village, never the person', () => {
    expect(publicPersonLabel(chaliao)).toBe('农户（个人）·北乡镇茶料村');
    expect(publicPersonLabel({ county: '乐昌市', town: '北乡镇' })).toBe('农户（个人）·北乡镇');
    expect(publicPersonLabel({ county: '乐昌市' })).toBe('农户（个人）');
  });
});
