import { eventTypes } from '@suyuan/core';
import { BatchPacked } from '@suyuan/production';
import { DocWrite, Projection } from '@suyuan/readmodels';

/** What compliance needs of a carton: the batch it holds. */
export interface CartonOwnerView {
  id: string;
  batchId: string;
}

/**
 * The projector worker's stand-in for the logistics projection's cartons: compliance only
 * asks which batch a carton holds, so the worker writes that once, at packing, instead of
 * the carton's whole journey at every step (60 writes a lifecycle, not 10).
 */
export const cartonOwnersProjection: Projection<BatchPacked> = {
  name: 'carton-owners',
  eventTypes: eventTypes<BatchPacked>({ BatchPacked: true }),
  reads: () => [],
  apply({ data: d }) {
    const writes = new Map<string, DocWrite>();
    for (const { cartonId } of d.items)
      writes.set(cartonId, { collection: 'cartons', id: cartonId, doc: { id: cartonId, batchId: d.batchId } satisfies CartonOwnerView });
    return [...writes.values()];
  },
};
