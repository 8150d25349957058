import { notFound } from '@suyuan/core';
import { newId } from '@suyuan/platform/nest';
import { ProductView } from '@suyuan/registry';
import { batchDecider } from '../domain/batch.decider';
import { RegisterBatch } from '../domain/commands';
import { HandleBatch } from './batch-context';

export const registerBatch: HandleBatch<'RegisterBatch'> = async (batches, ctx, input) => {
  const product = await batches.docs.get<ProductView>('products', input.productId);
  if (!product) throw notFound('product_not_found', `no product ${input.productId}`);
  const farmPlot = await batches.facility(input.farmPlotId);
  const batchId = newId('B', ctx);
  const register: RegisterBatch = {
    type: 'RegisterBatch',
    actor: ctx.actor,
    batchId,
    lotCode: input.lotCode ?? batchId,
    product: { id: product.id, nameZh: product.nameZh, grades: product.grades },
    farmPlot,
    plannedQuantity: input.plannedQuantity && { ...input.plannedQuantity },
  };
  // Checked before the lot code is claimed, so that a refused registration claims nothing.
  batchDecider.decide(register, batchDecider.initialState());
  // A minted lot code is the batch's own id: unique without a claim.
  if (input.lotCode !== undefined) {
    await batches.reserveLotCode(
      { productId: product.id, organizationId: ctx.actor.organizationId, lotCode: input.lotCode, batchId, now: batches.now() },
      ctx,
    );
  }
  await batches.run(batchId, register, { ...ctx, facilityId: farmPlot.id });
  return batches.batch(batchId);
};
