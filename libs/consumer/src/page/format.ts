import type { Quantity } from '@suyuan/production';
import type { Region } from '@suyuan/registry';
import type { Messages } from './i18n';
import { formatAtOffset, parseIsoMs } from './iso-time';

/**
 * China has one time zone and no daylight saving, so Asia/Shanghai is a fixed +08:00:
 * plain arithmetic gives the same text whatever the server's TZ and ICU data, and costs
 * far less than Intl or toLocaleString on every request.
 */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai; the input itself when it is not a date. */
export function formatDateTime(iso: string): string {
  const ms = parseIsoMs(iso);
  return Number.isNaN(ms) ? iso : formatAtOffset(ms, SHANGHAI_OFFSET_MINUTES, true);
}

/** `YYYY-MM-DD` in Asia/Shanghai; the input itself when it is not a date. */
export function formatDate(iso: string): string {
  const ms = parseIsoMs(iso);
  return Number.isNaN(ms) ? iso : formatAtOffset(ms, SHANGHAI_OFFSET_MINUTES, false);
}

/** At most one decimal, no trailing `.0`; a dash for a value that is not a number. */
export function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 10) / 10 || 0) : '–';
}

export function formatQuantity(quantity: Quantity, m: Messages): string {
  return `${formatNumber(quantity.value)} ${m.units[quantity.unit] ?? quantity.unit}`;
}

/** Chinese writes a place from the largest unit down without spaces; English the other way round. */
export function formatRegion(region: Region, m: Messages, withProvince = true): string {
  const parts = withProvince
    ? [region.province, region.city, region.county, region.town, region.village]
    : [region.county, region.town, region.village];
  const present = parts.filter((p): p is string => !!p);
  return m.lang === 'zh' ? present.join('') : present.reverse().join(', ');
}
