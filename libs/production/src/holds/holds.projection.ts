import { eventTypes } from '@suyuan/core';
import { Projection } from '@suyuan/readmodels';
import { UnitHeld, UnitHoldReleased } from '../domain/events';
import { SALE_HOLDS, SaleHoldView, saleHoldId } from './holds.views';

/** Regulators' holds as they stand, from the batches' streams (lots, items) and the cartons' own. */
export const saleHoldsProjection: Projection<UnitHeld | UnitHoldReleased> = {
  name: 'sale-holds',
  eventTypes: eventTypes<UnitHeld | UnitHoldReleased>({ UnitHeld: true, UnitHoldReleased: true }),
  reads: (event) => [{ collection: SALE_HOLDS, id: saleHoldId(event.data.batchId, event.data.unit) }],
  apply(event, docs) {
    const id = saleHoldId(event.data.batchId, event.data.unit);
    if (event.type === 'UnitHeld') {
      const { holdId, batchId, unit, reason, regulatorId, heldAt, spotCheckId } = event.data;
      const doc: SaleHoldView = { id, holdId, batchId, unit, reason, regulatorId, heldAt, ...(spotCheckId && { spotCheckId }) };
      return [{ collection: SALE_HOLDS, id, doc }];
    }
    const held = docs.get<SaleHoldView>(SALE_HOLDS, id);
    if (!held || held.holdId !== event.data.holdId) return [];
    const { releasedAt, reason, regulatorId } = event.data;
    const doc: SaleHoldView = { ...held, releasedAt, releasedBy: regulatorId, ...(reason && { releaseReason: reason }) };
    return [{ collection: SALE_HOLDS, id, doc }];
  },
};
