import { Actor } from '@suyuan/core';
import { StandardRules } from './rules';

export interface PublishStandard {
  type: 'PublishStandard';
  actor: Actor;
  standardId: string;
  product: { id: string; grades: string[] } | undefined;
  title: string;
  description?: string;
  effectiveFrom: string;
  rules: StandardRules;
}

export type StandardCommand = PublishStandard;

/** What the compliance view said of the batch when certification was asked for; resolved by the handler. */
export interface BatchVerdict {
  batchId: string;
  cooperativeId: string;
  productId: string;
  standard?: { standardId: string; version: number; ownerId: string };
  status: 'compliant' | 'non_compliant' | 'pending';
  /** Production rules (everything decided before dispatch) all met or not applicable. */
  productionSettled: boolean;
  failing: { rule: string; status: string; reason: string }[];
}

export interface CertifyBatchForBrand {
  type: 'CertifyBatchForBrand';
  actor: Actor;
  verdict: BatchVerdict;
  brand: string;
  certifiedAt: string;
}

export type BrandCommand = CertifyBatchForBrand;
