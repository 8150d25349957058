import { Actor } from '@suyuan/core';
import { BatchVerdict, CertifyBatchForBrand, PublishStandard } from './commands';
import { BatchBrandCertified, ProductStandardPublished } from './events';
import { StandardRules } from './rules';

/**
 * Shared data for the standards specs: 乐昌市电商公共服务中心 publishes the e-commerce trading
 * standard of 黄金柰李 plums (特级 / 一级 / 二级) and lets compliant batches carry the regional
 * public brand 乐昌农品.
 */
export const ecommerceCentre: Actor = { organizationId: 'org-lechang-ecc', keyId: 'key-ecc-1', role: 'standards_owner' };
export const plumAssociation: Actor = { organizationId: 'org-lechang-plum-assoc', keyId: 'key-assoc-1', role: 'standards_owner' };
export const cooperative: Actor = { organizationId: 'org-jiufeng-coop', keyId: 'key-jiufeng-1', role: 'cooperative' };
export const admin: Actor = { organizationId: 'org-admin', keyId: 'key-admin', role: 'admin' };

export const plum = { id: 'prd-huangjin-nai-plum', grades: ['特级', '一级', '二级'] };

/** The rules as the centre writes them, and as the decider keeps them once validated. */
export const plumRules: StandardRules = {
  grading: {
    classes: [
      { grade: '特级', attributes: { diameterMm: { min: 45 }, brix: { min: 12 } }, tolerancePct: 5 },
      { grade: '一级', attributes: { diameterMm: { min: 40, max: 45 }, brix: { min: 11 } }, tolerancePct: 10 },
    ],
  },
  preCooling: { withinHours: 4, maxCoreTemperatureC: 5, grades: ['特级', '一级'] },
  storage: { minC: 0, maxC: 5, maxExcursionMinutes: 30, maxTotalMinutesOutOfRange: 60 },
  tests: [{ method: 'pesticide_residue_rapid_test', threshold: 50, passRequired: true, validDays: 7, requiredWhen: 'always' }],
  certificates: { required: ['compliance_certificate'] },
  hubToVillage: { maxHours: 48 },
};

export const publishPlumStandard: PublishStandard = {
  type: 'PublishStandard',
  actor: ecommerceCentre,
  standardId: 'std-huangjin-nai-plum',
  product: plum,
  title: '乐昌黄金柰李电商交易标准',
  effectiveFrom: '2025-06-01T00:00:00+08:00',
  rules: plumRules,
};

export const plumStandardPublished: ProductStandardPublished = {
  type: 'ProductStandardPublished',
  data: {
    standardId: 'std-huangjin-nai-plum',
    version: 1,
    productId: 'prd-huangjin-nai-plum',
    ownerId: 'org-lechang-ecc',
    title: '乐昌黄金柰李电商交易标准',
    effectiveFrom: '2025-05-31T16:00:00.000Z',
    rules: plumRules,
  },
};

/** The 2025 revision: pre-cooling within 3 hours, effective from 1 July. */
export const revisedRules: StandardRules = {
  ...plumRules,
  preCooling: { withinHours: 3, maxCoreTemperatureC: 5, grades: ['特级', '一级'] },
};

export const revisePlumStandard: PublishStandard = {
  ...publishPlumStandard,
  title: '乐昌黄金柰李电商交易标准（2025 修订）',
  effectiveFrom: '2025-07-01T00:00:00+08:00',
  rules: revisedRules,
};

export const plumStandardRevised: ProductStandardPublished = {
  type: 'ProductStandardPublished',
  data: {
    ...plumStandardPublished.data,
    version: 2,
    title: '乐昌黄金柰李电商交易标准（2025 修订）',
    effectiveFrom: '2025-06-30T16:00:00.000Z',
    rules: revisedRules,
  },
};

/** What the compliance view says of batch bat-jf-20250618 once everything before dispatch is met. */
export const compliantVerdict: BatchVerdict = {
  batchId: 'bat-jf-20250618',
  cooperativeId: 'org-jiufeng-coop',
  productId: 'prd-huangjin-nai-plum',
  standard: { standardId: 'std-huangjin-nai-plum', version: 1, ownerId: 'org-lechang-ecc' },
  status: 'compliant',
  productionSettled: true,
  failing: [],
};

export const certifyBatch: CertifyBatchForBrand = {
  type: 'CertifyBatchForBrand',
  actor: ecommerceCentre,
  verdict: compliantVerdict,
  brand: '乐昌农品',
  certifiedAt: '2025-06-19T09:00:00.000Z',
};

export const batchCertified: BatchBrandCertified = {
  type: 'BatchBrandCertified',
  data: {
    batchId: 'bat-jf-20250618',
    standardId: 'std-huangjin-nai-plum',
    version: 1,
    brand: '乐昌农品',
    certifiedBy: 'org-lechang-ecc',
    certifiedAt: '2025-06-19T09:00:00.000Z',
  },
};
