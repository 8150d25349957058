import { HeldUnit } from '../domain/events';
import { RegulatorHold } from '../domain/regulator-hold';

export const SALE_HOLDS = 'saleHolds';

/**
 * The `saleHolds` read model: one document per unit a regulator ever held, keyed by `saleHoldId`,
 * as it stands (released ones keep their release). Scans and the sellable check look a code's
 * item, carton and lot up in it; regulators list the open ones.
 */
export interface SaleHoldView extends RegulatorHold {
  id: string;
  releasedAt?: string;
  releaseReason?: string;
  releasedBy?: string;
}

/** `lot:{batchId}`, `item:{code}` or `carton:{cartonId}`: what a scan looks up for one item. */
export function saleHoldId(batchId: string, unit: HeldUnit): string {
  if (unit.kind === 'lot') return `lot:${batchId}`;
  return unit.kind === 'item' ? `item:${unit.code}` : `carton:${unit.cartonId}`;
}
