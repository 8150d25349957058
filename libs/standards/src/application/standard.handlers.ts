import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { notFound } from '@suyuan/core';
import { CommandContext, StreamExecutor } from '@suyuan/platform/nest';
import { CLOCK, Clock } from '@suyuan/platform';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { ProductView } from '@suyuan/registry';
import { BatchVerdict } from '../domain/commands';
import { brandDecider } from '../domain/brand.decider';
import { standardDecider } from '../domain/standard.decider';
import { BatchComplianceView, StandardView } from '../compliance/compliance.views';
import { batchVerdict } from '../compliance/verdict';
import { BrandCertificationDto, PublishStandardDto } from '../http/standard.dto';

export const standardStream = (productId: string) => `standard-${productId}`;
export const brandStream = (batchId: string) => `brand-${batchId}`;

export class PublishStandardCommand {
  constructor(readonly ctx: CommandContext, readonly body: PublishStandardDto) {}
}

export class CertifyBatchCommand {
  constructor(readonly ctx: CommandContext, readonly batchId: string, readonly body: BrandCertificationDto) {}
}

/** Publishes version 1 of a product's standard, or its next revision. */
@CommandHandler(PublishStandardCommand)
export class PublishStandardHandler implements ICommandHandler<PublishStandardCommand, StandardView> {
  constructor(
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  async execute({ ctx, body }: PublishStandardCommand): Promise<StandardView> {
    const product = await this.docs.get<ProductView>('products', body.productId);
    await this.executor.execute(standardStream(body.productId), standardDecider, {
      type: 'PublishStandard',
      actor: ctx.actor,
      standardId: `STD-${body.productId}`,
      product: product && { id: product.id, grades: product.grades },
      title: body.title,
      description: body.description,
      effectiveFrom: body.effectiveFrom,
      rules: body.rules,
    }, ctx);
    return (await this.docs.get<StandardView>('standards', body.productId))!;
  }
}

/** 区域公用品牌贴标: judged on the batch's compliance record as it stands now. */
@CommandHandler(CertifyBatchCommand)
export class CertifyBatchHandler implements ICommandHandler<CertifyBatchCommand, string> {
  constructor(
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ ctx, batchId, body }: CertifyBatchCommand): Promise<string> {
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
      failing: rules.filter((r) => r.status === 'violated' || r.status === 'pending').map((r) => ({ rule: r.rule, status: r.status, reason: r.reasonEn })),
    };
    await this.executor.execute(brandStream(batchId), brandDecider, {
      type: 'CertifyBatchForBrand',
      actor: ctx.actor,
      verdict,
      brand: body.brand ?? '区域公用品牌',
      certifiedAt: this.clock.now().toISOString(),
    }, ctx);
    return batchId;
  }
}
