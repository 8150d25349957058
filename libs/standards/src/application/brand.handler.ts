import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { notFound } from '@suyuan/core';
import { StreamExecutor } from '@suyuan/platform/nest';
import { CLOCK, Clock } from '@suyuan/platform';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { BatchVerdict } from '../domain/commands';
import { brandDecider } from '../domain/brand.decider';
import { BatchComplianceView, StandardView } from '../compliance/compliance.views';
import { batchVerdict } from '../compliance/verdict';
import { BrandWrite } from './standards.commands';

export const brandStream = (batchId: string) => `brand-${batchId}`;

/** 区域公用品牌贴标: judged on the batch's compliance record as it stands now. */
@CommandHandler(BrandWrite)
export class BrandCommandHandler implements ICommandHandler<BrandWrite> {
  constructor(
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ ctx, input: { batchId, brand } }: BrandWrite): Promise<string> {
    const doc = await this.docs.get<BatchComplianceView>('compliance', batchId);
    if (!doc) throw notFound('batch_not_found', `no batch ${batchId}`);
    const rules = batchVerdict(doc, await this.docs.get<StandardView>('standards', doc.productId));
    const verdict: BatchVerdict = {
      batchId,
      cooperativeId: doc.cooperativeId,
      productId: doc.productId,
      standard: doc.standard && { standardId: doc.standard.standardId, version: doc.standard.version, ownerId: doc.standard.ownerId },
      status: doc.status ?? 'pending',
      productionSettled: doc.productionSettled,
      failing: rules
        .filter((r) => r.status === 'violated' || r.status === 'pending')
        .map((r) => ({ rule: r.rule, status: r.status, reason: r.reasonEn })),
    };
    await this.executor.execute(
      brandStream(batchId),
      brandDecider,
      {
        type: 'CertifyBatchForBrand',
        actor: ctx.actor,
        verdict,
        brand: brand ?? '区域公用品牌',
        certifiedAt: this.clock.now().toISOString(),
      },
      ctx,
    );
    return batchId;
  }
}
