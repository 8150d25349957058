import { ConsumptionView, LotQuantities } from '../batch.views';
import { PackedItem, Quantity } from '../domain/events';
import { toBaseUnit } from '../domain/quantity';

/*
 * The lot's running quantities as the batch view shows them: the same arithmetic as the batch
 * decider's state (batch.state.ts), kept on the document so lists and mass balance need no replay.
 */

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function withRemaining(q: LotQuantities): LotQuantities {
  return { ...q, remaining: round(Math.max(0, q.supplied - q.packed - q.reserved - q.consumed)) };
}

export function supplyAdded(q: LotQuantities | undefined, quantity: Quantity, liveWeight?: Quantity): LotQuantities {
  const base = toBaseUnit(quantity);
  const start = q ?? { unit: base.unit, supplied: 0, packed: 0, reserved: 0, consumed: 0, remaining: 0, sold: 0 };
  const liveWeightKg = liveWeight ? (start.liveWeightKg ?? 0) + toBaseUnit(liveWeight).value : start.liveWeightKg;
  return withRemaining({ ...start, supplied: round(start.supplied + base.value), ...(liveWeightKg !== undefined && { liveWeightKg }) });
}

export function packedAdded(q: LotQuantities | undefined, items: readonly PackedItem[]): LotQuantities | undefined {
  if (!q) return q;
  const amount = q.unit === 'kg' ? items.reduce((sum, item) => sum + toBaseUnit(item.netWeight).value, 0) : items.length;
  return withRemaining({ ...q, packed: round(q.packed + amount) });
}

export function soldAdded(q: LotQuantities | undefined, quantity: Quantity): LotQuantities | undefined {
  return q && { ...q, sold: round(q.sold + toBaseUnit(quantity).value) };
}

/** A reservation moved from `from` to `to` (either may be absent: a new one, or one released). */
export function reservationMoved(
  q: LotQuantities | undefined,
  consumption: Pick<ConsumptionView, 'quantity' | 'cartonIds'>,
  from: ConsumptionView['status'] | undefined,
  to: ConsumptionView['status'],
): LotQuantities | undefined {
  // Cartons were counted as packed already: taking them moves nothing loose.
  if (!q || (consumption.cartonIds?.length ?? 0) > 0) return q;
  const amount = toBaseUnit(consumption.quantity).value;
  const delta = (status: ConsumptionView['status'] | undefined, sign: number) =>
    status === 'reserved'
      ? { reserved: sign * amount, consumed: 0 }
      : status === 'consumed'
        ? { reserved: 0, consumed: sign * amount }
        : { reserved: 0, consumed: 0 };
  const out = delta(from, -1);
  const into = delta(to, 1);
  return withRemaining({
    ...q,
    reserved: round(q.reserved + out.reserved + into.reserved),
    consumed: round(q.consumed + out.consumed + into.consumed),
  });
}
