import { formatAtOffset } from './iso';

/**
 * China Standard Time, the county's time: UTC+8 all year (China has one time zone and no
 * daylight saving), so plain arithmetic gives the same text whatever the server's TZ and ICU
 * data, and costs far less than Intl or toLocaleString.
 */
export const CHINA_OFFSET_MINUTES = 8 * 60;
export const CHINA_OFFSET_MS = CHINA_OFFSET_MINUTES * 60_000;

/** `YYYY-MM-DD HH:mm` in China Standard Time; a RangeError for what is not an instant, as Date's own formatting. */
export function chinaDateTime(ms: number): string {
  return formatAtOffset(instant(ms), CHINA_OFFSET_MINUTES, true);
}

/** `YYYY-MM-DD` in China Standard Time; a RangeError for what is not an instant. */
export function chinaDate(ms: number): string {
  return formatAtOffset(instant(ms), CHINA_OFFSET_MINUTES, false);
}

function instant(ms: number): number {
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${ms}`);
  return ms;
}

/** `yyyy-mm` in China Standard Time: the month a county reports in. */
export function chinaMonth(ms: number): string {
  return chinaDate(ms).slice(0, 7);
}

/** ISO-8601 to the second with the +08:00 offset, as a county's clerk or logger writes it: 2026-07-15T06:30:00+08:00. */
export function chinaIso(ms: number): string {
  return `${new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
