import * as core from '@suyuan/core';
import { TemperatureRange } from '@suyuan/registry';
import { MaxHoursRule, StandardRules, TemperatureRule } from '../domain/rules';
import { WindowTotals } from './cold-window';
import { HOUR_MS, RuleResult, hours, result } from './rule-result';

/** Bound once: a call through the entry point's re-exports would pass their getters every time. */
const { chinaTimeOf, instantOf, isoOf } = core;

/** A cold window as the batch's compliance record keeps it: what a verdict needs, no raw readings. */
export interface WindowSummary extends WindowTotals {
  id: string;
  kind: 'storage' | 'transport';
  facilityName: string;
  from: string;
  to?: string;
  range: { minC: number; maxC: number };
  /** Evidence: the event that opened the window (dispatch, receipt). */
  eventId: string;
}

/**
 * The range a stay (storage) or a leg (transport) is judged against: the standard's rule for
 * it, else the product's own range. The verdict and the consumer's page both hold goods to it.
 */
export function judgedRange(
  rules: StandardRules | undefined,
  kind: 'storage' | 'transport',
  product: { storageRange?: TemperatureRange; transportRange?: TemperatureRange } | undefined,
): TemperatureRange | undefined {
  const rule = rules?.[kind];
  if (rule) return { minC: rule.minC, maxC: rule.maxC };
  return kind === 'storage' ? product?.storageRange : product?.transportRange;
}

const KIND_NAMES = { storage: ['贮存', 'storage'], transport: ['运输', 'transport'] } as const;

/**
 * 冷藏 / 冷链运输: in each window of the kind, no excursion longer and no more time out of range
 * than allowed. Violated as soon as a window exceeds either (the readings are lower bounds);
 * met once every window is closed and the goods delivered; pending before.
 */
export function evaluateTemperature(
  kind: 'storage' | 'transport',
  rule: TemperatureRule,
  windows: readonly WindowSummary[],
  delivered: boolean,
): RuleResult {
  const [zh, en] = KIND_NAMES[kind];
  const mine = windows.filter((w) => w.kind === kind);
  for (const w of mine) {
    const ids = [w.eventId];
    const values = {
      facility: w.facilityName,
      longestExcursionMinutes: w.longestExcursionMinutes,
      minutesOutOfRange: w.minutesOutOfRange,
      range: w.range,
    };
    if (w.longestExcursionMinutes > rule.maxExcursionMinutes) {
      return result(
        kind,
        'violated',
        `${w.facilityName}${zh}温度超出${w.range.minC}–${w.range.maxC}°C达${w.longestExcursionMinutes}分钟，允许${rule.maxExcursionMinutes}分钟`,
        `At ${w.facilityName} the ${en} temperature left ${w.range.minC}–${w.range.maxC} °C for ${w.longestExcursionMinutes} min; ${rule.maxExcursionMinutes} min allowed`,
        ids,
        values,
      );
    }
    if (w.minutesOutOfRange > rule.maxTotalMinutesOutOfRange) {
      return result(
        kind,
        'violated',
        `${w.facilityName}${zh}温度累计超标${w.minutesOutOfRange}分钟，允许${rule.maxTotalMinutesOutOfRange}分钟`,
        `At ${w.facilityName} the ${en} temperature was out of range ${w.minutesOutOfRange} min in all; ${rule.maxTotalMinutesOutOfRange} min allowed`,
        ids,
        values,
      );
    }
    // A stay or leg nobody measured cannot be vouched for beyond the excursion the standard tolerates.
    const minutes = w.to === undefined ? 0 : Math.round((instantOf(w.to) - instantOf(w.from)) / 60_000);
    if (w.to !== undefined && w.readings === 0 && minutes > rule.maxExcursionMinutes) {
      return result(
        kind,
        'violated',
        `${w.facilityName}${zh}${minutes}分钟无温度记录`,
        `No temperature was recorded during ${minutes} min of ${en} at ${w.facilityName}`,
        ids,
        { ...values, minutesUnmonitored: minutes },
      );
    }
  }
  const ids = mine.map((w) => w.eventId);
  if (!delivered && mine.length === 0) return result(kind, 'pending', `尚未进入${zh}环节`, `Not yet in ${en}`);
  if (!delivered || mine.some((w) => w.to === undefined)) {
    return result(kind, 'pending', `${zh}中，温度暂符合要求`, `In ${en}; temperatures within limits so far`, ids);
  }
  if (mine.length === 0) return result(kind, 'not_applicable', `未经${zh}环节`, `The goods had no ${en} step`);
  const longest = Math.max(...mine.map((w) => w.longestExcursionMinutes));
  return result(
    kind,
    'met',
    `${zh}温度符合要求（最长超标${longest}分钟）`,
    `${en[0].toUpperCase()}${en.slice(1)} temperatures within limits (longest excursion ${longest} min)`,
    ids,
    { longestExcursionMinutes: longest },
  );
}

/** What the hub-to-village rule needs of one carton's journey. */
export interface DeliveryFacts {
  hubDispatch?: { eventId: string; at: string };
  delivered?: { eventId: string; at: string };
  /** The latest time this carton's recorded history has reached. */
  asOf: string;
}

/** 县到村: delivered within the hours the county set from dispatch at the county hub. */
export function evaluateHubToVillage(rule: MaxHoursRule, d: DeliveryFacts): RuleResult {
  const name = 'hubToVillage';
  if (!d.hubDispatch) {
    if (d.delivered)
      return result(name, 'not_applicable', '未经县级物流中心配送', 'Not routed through the county hub', [d.delivered.eventId]);
    return result(name, 'pending', '尚未从县级物流中心发出', 'Not yet dispatched from the county hub');
  }
  const deadline = instantOf(d.hubDispatch.at) + rule.maxHours * HOUR_MS;
  if (d.delivered) {
    const h = hours(instantOf(d.delivered.at) - instantOf(d.hubDispatch.at));
    const ids = [d.hubDispatch.eventId, d.delivered.eventId];
    if (instantOf(d.delivered.at) > deadline) {
      return result(
        name,
        'violated',
        `县级物流中心发出后${h}小时才送达，要求${rule.maxHours}小时内`,
        `Delivered ${h} h after leaving the county hub; ${rule.maxHours} h allowed`,
        ids,
        { hours: h, maxHours: rule.maxHours },
      );
    }
    return result(name, 'met', `县级物流中心发出后${h}小时送达`, `Delivered ${h} h after leaving the county hub`, ids, { hours: h });
  }
  if (instantOf(d.asOf) > deadline) {
    return result(
      name,
      'violated',
      `县级物流中心发出已超过${rule.maxHours}小时仍未送达`,
      `Not delivered within ${rule.maxHours} h of leaving the county hub`,
      [d.hubDispatch.eventId],
      { maxHours: rule.maxHours },
    );
  }
  return result(
    name,
    'pending',
    `须在${chinaTimeOf(deadline)}前送达`,
    `Delivery due by ${chinaTimeOf(deadline)} (UTC+8)`,
    [d.hubDispatch.eventId],
    undefined,
    isoOf(deadline),
  );
}
