import { invalid } from './errors';

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * Milliseconds since the epoch of an ISO-8601 date-time, or an `invalid_time` rejection.
 * The offset is required: without one Date.parse reads local time, and a decision would
 * depend on the server's time zone. Impossible dates (06-31) are refused, not rolled over.
 */
export function parseTime(field: string, value: string): number {
  const match = typeof value === 'string' ? ISO_DATE_TIME.exec(value) : null;
  const ms = match ? Date.parse(value) : Number.NaN;
  if (!match || Number.isNaN(ms) || Number(match[3]) > daysInMonth(Number(match[1]), Number(match[2]))) {
    throw invalid(
      'invalid_time',
      `${field} must be an ISO-8601 date-time with an offset, e.g. 2025-06-18T06:30:00+08:00; ` +
        `got ${JSON.stringify(value)}`,
      { field },
    );
  }
  return ms;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
