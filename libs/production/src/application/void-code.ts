import { isItemCode, mintItemCode, normalizeItemCode } from '@suyuan/codes';
import { forbidden, notFound } from '@suyuan/core';
import { ItemView } from '../batch.views';
import { requireCustodian } from '../domain/custody';
import { ItemCodeVoided } from '../domain/events';
import { HandleBatch } from './batch-context';

/**
 * Voids an item's code; with `replace`, mints the new code as packing does. Whoever may not
 * void the batch's codes learns nothing of the code: the custody check comes first, then a
 * code of another batch is refused naming it, and an unknown one as unknown.
 */
export const voidItemCode: HandleBatch<'VoidItemCode'> = async (batches, ctx, { batchId, code: raw, reason, note, replace }) => {
  const batch = await batches.batch(batchId);
  const state = await batches.state(batchId);
  if (state.batch) requireCustodian(ctx.actor, { ...state, batch: state.batch }, 'void its item codes');
  const code = isItemCode(raw) ? normalizeItemCode(raw) : raw;
  const item = await batches.docs.get<ItemView>('items', code);
  if (!item) throw notFound('item_not_found', `no item with code ${raw}`, { code: raw });
  if (item.batchId !== batchId) {
    throw forbidden('item_of_another_batch', `item ${code} is not of batch ${batchId}: void it on its own batch`, { code });
  }
  const now = batches.now();
  const { events } = await batches.run(
    batchId,
    {
      type: 'VoidItemCode',
      actor: ctx.actor,
      now,
      code,
      reason,
      ...(note !== undefined && { note }),
      ...(replace && { replacementCode: mintItemCode() }),
      cartonId: item.cartonId,
    },
    { ...ctx, occurredAt: now },
  );
  // On an idempotent replay the stored event, not this attempt's fresh code, is the truth.
  const voided = events.find((e): e is ItemCodeVoided => e.type === 'ItemCodeVoided');
  if (!voided) throw new Error('voiding recorded no ItemCodeVoided event');
  const { replacementCode, cartonId: _carton, ...d } = voided.data;
  return {
    ...d,
    ...(replacementCode !== undefined && {
      replacement: {
        code: replacementCode,
        cartonId: item.cartonId,
        grade: item.grade,
        netWeight: item.netWeight,
        packingId: item.packingId,
        scanUrl: batches.scanUrl(batch, replacementCode),
      },
    }),
  };
};
