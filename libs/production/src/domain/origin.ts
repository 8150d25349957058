import { BatchRegistered } from './events';

/** Where a lot's goods come from: its farm plot, or the plant of the processor that made or bought it. */
export function originFacilityId(d: BatchRegistered['data']): string {
  return d.origin && d.origin.kind !== 'farm_plot' ? d.origin.plantId : (d.farmPlotId ?? '');
}
