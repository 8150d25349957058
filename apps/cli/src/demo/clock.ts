import { CHINA_OFFSET_MS, chinaIso } from '@suyuan/core';

/** Demo times: all in the past, written in China Standard Time (+08:00) as a county would record them. */
const DAY_MS = 86_400_000;
export const TEN_MINUTES_MS = 600_000;

export interface DemoClock {
  /** The world's "now": the anchor, floored to 10 minutes; nothing is recorded after it. */
  end: Date;
  /** A local (+08:00) wall-clock time on a day relative to day 0, e.g. at(-2, '06:30'). */
  at(day: number, hhmm: string): Date;
  /** `minutes` before the end of the world. */
  before(minutes: number): Date;
}

/**
 * Day 0 is the local day that holds end − 36 h, so every wall-clock time up to day 0 + 36 h
 * (day 1, 12:00) is safely in the past whatever the hour the demo runs at: the server
 * refuses cold-chain readings from the future.
 */
export function demoClock(anchorMs: number): DemoClock {
  const endMs = Math.floor(anchorMs / TEN_MINUTES_MS) * TEN_MINUTES_MS;
  const day0 = Math.floor((endMs - 36 * 3_600_000 + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
  return {
    end: new Date(endMs),
    at(day, hhmm) {
      const [h, m] = hhmm.split(':').map(Number);
      return new Date(day0 + day * DAY_MS + (h * 60 + m) * 60_000);
    },
    before: (minutes) => new Date(endMs - minutes * 60_000),
  };
}

/** ISO-8601 with the +08:00 offset, e.g. 2026-07-15T06:30:00+08:00. */
export function iso(date: Date): string {
  return chinaIso(date.getTime());
}

/** yymmdd of the local date, as lot codes and sample ids carry it. */
export function yymmdd(date: Date): string {
  return iso(date).slice(2, 10).replace(/-/g, '');
}
