import { CHINA_OFFSET_MS } from '@suyuan/core';
import { RecallClass } from './events';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** 食品召回管理办法: a recall starts within 24, 48 or 72 hours of the risk becoming known… */
export const START_HOURS: Readonly<Record<RecallClass, number>> = { I: 24, II: 48, III: 72 };
/** …and is completed within 10, 20 or 30 working days. */
export const COMPLETE_WORKING_DAYS: Readonly<Record<RecallClass, number>> = { I: 10, II: 20, III: 30 };

export function startBy(recallClass: RecallClass, riskKnownAtMs: number): number {
  return riskKnownAtMs + START_HOURS[recallClass] * HOUR;
}

/**
 * The end (24:00 China time) of the last working day a recall opened at `openedAtMs` has: the
 * working days are counted from the day after opening, Saturdays and Sundays left out. Public
 * holidays and the weekends worked in their place (调休) are not known to the system: a county
 * that needs them counts them itself.
 */
export function completeBy(recallClass: RecallClass, openedAtMs: number): number {
  let day = Math.floor((openedAtMs + CHINA_OFFSET_MS) / DAY);
  for (let left = COMPLETE_WORKING_DAYS[recallClass]; left > 0;) {
    day++;
    if (!isWeekend(day)) left--;
  }
  return (day + 1) * DAY - CHINA_OFFSET_MS;
}

/** Days since 1970-01-01 (a Thursday) in China time. */
function isWeekend(day: number): boolean {
  const weekday = (day + 4) % 7; // 0 Sunday … 6 Saturday
  return weekday === 0 || weekday === 6;
}
