import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { notFound } from '@suyuan/core';
import { found, newId, StreamExecutor } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { productDecider } from '../domain/product.decider';
import { ProductView } from '../registry.views';
import { ProductWrite } from './registry.commands';

@CommandHandler(ProductWrite)
export class ProductCommandHandler implements ICommandHandler<ProductWrite> {
  constructor(
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  async execute({ ctx, input }: ProductWrite): Promise<ProductView> {
    for (const id of input.madeFrom ?? []) {
      if (!(await this.docs.get<ProductView>('products', id))) {
        throw notFound('product_not_found', `madeFrom names no product ${id}`, { field: 'madeFrom' });
      }
    }
    const productId = newId('PRD', ctx);
    await this.executor.execute(
      `product-${productId}`,
      productDecider,
      {
        ...input,
        actor: ctx.actor,
        productId,
        storageRange: input.storageRange && { ...input.storageRange },
        transportRange: input.transportRange && { ...input.transportRange },
        madeFrom: input.madeFrom && [...input.madeFrom],
        yieldPerMu: input.yieldPerMu && { ...input.yieldPerMu },
      },
      ctx,
    );
    return found(await this.docs.get<ProductView>('products', productId), 'product', productId);
  }
}
