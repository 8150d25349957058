import { DomainEvent } from '@suyuan/core';
import { StandardRules } from './rules';

/**
 * A version of a product's e-commerce trading standard. A revision is a new version on the
 * same stream; earlier versions stay readable, and batches packed under them keep them.
 */
export type ProductStandardPublished = DomainEvent<
  'ProductStandardPublished',
  {
    standardId: string;
    version: number;
    productId: string;
    ownerId: string;
    title: string;
    description?: string;
    /** Batches packed from this time on are judged under this version. */
    effectiveFrom: string;
    rules: StandardRules;
  }
>;

export type StandardEvent = ProductStandardPublished;

/** 区域公用品牌贴标: the standards owner lets a compliant batch carry the regional public brand. */
export type BatchBrandCertified = DomainEvent<
  'BatchBrandCertified',
  {
    batchId: string;
    standardId: string;
    version: number;
    brand: string;
    certifiedBy: string;
    certifiedAt: string;
  }
>;

export type BrandEvent = BatchBrandCertified;
