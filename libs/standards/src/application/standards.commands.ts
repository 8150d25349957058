import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@suyuan/platform/nest';
import { StandardView } from '../compliance/compliance.views';
import { PublishStandard } from '../domain/commands';

/** A standard as its owner publishes it: the handler names it and looks up the product. */
export type PublishStandardInput = Omit<PublishStandard, 'actor' | 'standardId' | 'product'> & { productId: string };

export class StandardWrite extends Command<StandardView> {
  constructor(
    readonly ctx: CommandContext,
    readonly input: PublishStandardInput,
  ) {
    super();
  }
}

/** The handler judges on the batch's compliance record and reads the clock; the brand defaults to 区域公用品牌. */
export interface CertifyBatchForBrandInput {
  type: 'CertifyBatchForBrand';
  batchId: string;
  brand?: string;
}

/** Answers the id of the batch certified. */
export class BrandWrite extends Command<string> {
  constructor(
    readonly ctx: CommandContext,
    readonly input: CertifyBatchForBrandInput,
  ) {
    super();
  }
}
