import { invalid } from '../errors';

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * The years a recorded step can name. Farm records of this system start in this century; a
 * year 9999 (a typo, or an attack) would otherwise sit in the log for ever and sort after
 * everything real.
 */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/** Clerks' and devices' clocks drift: a step a little ahead of the server's clock is still believable. */
export const CLOCK_SKEW_MS = 5 * 60_000;

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
      `${field} must be an ISO-8601 date-time with an offset, e.g. 2025-06-18T06:30:00+08:00; ` + `got ${JSON.stringify(value)}`,
      { field },
    );
  }
  const year = Number(match[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw invalid('invalid_time', `${field} must fall in the years ${FIRST_YEAR}–${LAST_YEAR}; got ${value}`, { field });
  }
  return ms;
}

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

/**
 * A recorded step's time: it has happened, so it cannot lie ahead of `now` (the server's
 * clock when the command arrived) by more than the clock skew.
 */
export function parsePastTime(field: string, value: string, now: string): number {
  const ms = parseTime(field, value);
  if (ms > Date.parse(now) + CLOCK_SKEW_MS) {
    throw invalid('time_in_future', `${field} (${value}) is in the future: a recorded step has already happened`, { field });
  }
  return ms;
}

/** A step cannot come before the one it follows (pre-cooling before the harvest, a receipt before the dispatch). */
export function requireNotBefore(field: string, ms: number, earlier: { ms: number; what: string; code: string }): void {
  if (ms < earlier.ms) {
    throw invalid(
      earlier.code,
      `${field} (${new Date(ms).toISOString()}) is before ${earlier.what} (${new Date(earlier.ms).toISOString()})`,
      {
        field,
      },
    );
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
