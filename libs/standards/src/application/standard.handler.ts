import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { StreamExecutor } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { ProductView } from '@suyuan/registry';
import { standardDecider } from '../domain/standard.decider';
import { StandardView } from '../compliance/compliance.views';
import { StandardWrite } from './standards.commands';

export const standardStream = (productId: string) => `standard-${productId}`;

/** Publishes version 1 of a product's standard, or its next revision. */
@CommandHandler(StandardWrite)
export class StandardCommandHandler implements ICommandHandler<StandardWrite> {
  constructor(
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  async execute({ ctx, input }: StandardWrite): Promise<StandardView> {
    const product = await this.docs.get<ProductView>('products', input.productId);
    await this.executor.execute(
      standardStream(input.productId),
      standardDecider,
      {
        type: 'PublishStandard',
        actor: ctx.actor,
        standardId: `STD-${input.productId}`,
        product: product && { id: product.id, grades: product.grades },
        title: input.title,
        description: input.description,
        effectiveFrom: input.effectiveFrom,
        rules: input.rules,
      },
      ctx,
    );
    return (await this.docs.get<StandardView>('standards', input.productId))!;
  }
}
