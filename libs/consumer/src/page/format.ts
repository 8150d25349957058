import * as core from '@suyuan/core';
import type { Quantity } from '@suyuan/production';
import type { Region } from '@suyuan/registry';
import type { Messages } from './i18n';

/** Bound once: a call through the entry point's re-exports would pass their getters every time. */
const { CHINA_OFFSET_MINUTES, formatAtOffset, parseIsoMs } = core;

/** `YYYY-MM-DD HH:mm` in China Standard Time; the input itself when it is not a date. */
export function formatDateTime(iso: string): string {
  const ms = parseIsoMs(iso);
  return Number.isNaN(ms) ? iso : formatAtOffset(ms, CHINA_OFFSET_MINUTES, true);
}

/** `YYYY-MM-DD` in China Standard Time; the input itself when it is not a date. */
export function formatDate(iso: string): string {
  const ms = parseIsoMs(iso);
  return Number.isNaN(ms) ? iso : formatAtOffset(ms, CHINA_OFFSET_MINUTES, false);
}

/** At most one decimal, no trailing `.0`; a dash for a value that is not a number. */
export function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 10) / 10 || 0) : '–';
}

/** Under a kilogram in grams: a 250 g bag of tea is not "0.3 kg". */
export function formatQuantity(quantity: Quantity, m: Messages): string {
  if (quantity.unit === 'kg' && quantity.value > 0 && quantity.value < 1) return `${formatNumber(quantity.value * 1000)} g`;
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
