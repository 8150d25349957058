import { eventTypes } from '@suyuan/core';
import { Projection } from '@suyuan/readmodels';
import { BatchView } from '../batch.views';
import { UnitHeld } from '../domain/events';
import { SpotCheckEvent } from '../domain/spot-check.decider';
import { SPOT_CHECKS, SpotCheckView } from './spot-checks.views';

type Followed = SpotCheckEvent | UnitHeld;

/** Samplings as they stand: open, then passed or failed with the lab's result and the hold it caused. */
export const spotChecksProjection: Projection<Followed> = {
  name: 'spot-checks',
  eventTypes: eventTypes<Followed>({ SpotCheckSampled: true, SpotCheckResultRecorded: true, UnitHeld: true }),
  reads(event) {
    if (event.type === 'SpotCheckSampled') return [{ collection: 'batches', id: event.data.batchId }];
    const id = event.type === 'UnitHeld' ? event.data.spotCheckId : event.data.spotCheckId;
    return id ? [{ collection: SPOT_CHECKS, id }] : [];
  },
  apply(event, docs) {
    switch (event.type) {
      case 'SpotCheckSampled': {
        const { spotCheckId: id, ...d } = event.data;
        const batch = docs.get<BatchView>('batches', d.batchId);
        const doc: SpotCheckView = { id, ...d, ...(batch && { lotCode: batch.lotCode, productId: batch.product.id }), status: 'open' };
        return [{ collection: SPOT_CHECKS, id, doc }];
      }
      case 'SpotCheckResultRecorded': {
        const { spotCheckId: id, batchId: _batch, ...result } = event.data;
        const check = docs.get<SpotCheckView>(SPOT_CHECKS, id);
        if (!check) return [];
        return [{ collection: SPOT_CHECKS, id, doc: { ...check, status: result.passed ? 'passed' : 'failed', result } }];
      }
      case 'UnitHeld': {
        const id = event.data.spotCheckId;
        const check = id === undefined ? undefined : docs.get<SpotCheckView>(SPOT_CHECKS, id);
        return check ? [{ collection: SPOT_CHECKS, id: check.id, doc: { ...check, holdId: event.data.holdId } }] : [];
      }
    }
  },
};
