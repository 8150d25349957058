import { parseTime } from '@suyuan/core';

/**
 * Stored times are UTC ISO-8601, so that they sort and compare as text. The offset the
 * client sent is required (a bare local time would depend on the server's time zone).
 */
export function utc(value: string, field: string): string {
  return new Date(parseTime(field, value)).toISOString();
}

export function optionalUtc(value: string | undefined, field: string): string | undefined {
  return value === undefined ? undefined : utc(value, field);
}
