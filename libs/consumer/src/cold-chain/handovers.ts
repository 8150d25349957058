import type { TemperatureRange } from '@suyuan/registry';
import type { JourneyStop } from '../passport/item-passport';
import type { ColdChainSegment } from './cold-chain-summary';

/**
 * Each handover temperature judged: goods taken off a leg held at 0–3 °C into a store held at
 * −1–0 °C may read anything from −1 to 3 °C when handed over; 4.1 °C is warmer than either
 * place was ever allowed to keep them. `segments` are the stops' own, in the same order.
 */
export function judgeHandovers(stops: readonly JourneyStop[], segments: readonly Pick<ColdChainSegment, 'range'>[]): JourneyStop[] {
  return stops.map((stop, i) => {
    if (stop.handoverTemperatureC === undefined) return stop;
    const range = spanOf(segments[i - 1]?.range, segments[i]?.range);
    if (!range) return stop;
    const c = stop.handoverTemperatureC;
    return { ...stop, handoverRange: range, handoverInRange: c >= range.minC && c <= range.maxC };
  });
}

function spanOf(a: TemperatureRange | undefined, b: TemperatureRange | undefined): TemperatureRange | undefined {
  if (!a || !b) return a ?? b;
  return { minC: Math.min(a.minC, b.minC), maxC: Math.max(a.maxC, b.maxC) };
}
