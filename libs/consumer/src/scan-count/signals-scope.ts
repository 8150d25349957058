import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { Actor } from '@suyuan/core';
import { SignalsQuery } from './scan-log.port';

const DAY = 86_400_000;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Who sees every organization's signals and reports: the regulator (and the administrator). */
const SEE_ALL = new Set(['regulator', 'admin']);

/**
 * Whose items a request may see counterfeit signals and problem reports of: a regulator
 * everyone's (or one organization's, named); anyone else their own organization's items only,
 * and naming another is refused. `from`/`to`: days (yyyy-mm-dd, China time), `to` included;
 * the last 30 days when absent.
 */
export function signalsQuery(actor: Actor, query: Record<string, unknown>, now: number): SignalsQuery {
  const named = text(query, 'organizationId');
  let ownerId: string | undefined;
  if (SEE_ALL.has(actor.role)) ownerId = named;
  else if (named !== undefined && named !== actor.organizationId) {
    throw new ForbiddenException({
      code: 'not_your_items',
      message: `you see the signals of your own organization's items only, not those of ${named}`,
    });
  } else ownerId = actor.organizationId;
  const to = day(query, 'to') ?? now;
  const from = day(query, 'from') ?? to - DEFAULT_DAYS * DAY;
  const end = day(query, 'to') === undefined ? to : to + DAY;
  if (from >= end) throw bad('from', 'from must be on or before to');
  if (end - from > MAX_DAYS * DAY) throw bad('from', `the window may span at most ${MAX_DAYS} days`);
  return { ownerId, from, to: end };
}

function text(query: Record<string, unknown>, field: string): string | undefined {
  const value = query[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) throw bad(field, `${field} must be one organization id`);
  return value;
}

/** The start of a China-time day, in ms. */
function day(query: Record<string, unknown>, field: string): number | undefined {
  const value = text(query, field);
  if (value === undefined) return undefined;
  const ms = DATE.test(value) ? Date.parse(`${value}T00:00:00+08:00`) : NaN;
  if (Number.isNaN(ms)) throw bad(field, `${field} must be a day as yyyy-mm-dd, got "${value}"`);
  return ms;
}

function bad(field: string, message: string): BadRequestException {
  return new BadRequestException({ code: 'invalid_query', message, details: { field } });
}
