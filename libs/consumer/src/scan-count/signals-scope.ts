import { BadRequestException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { Actor } from '@suyuan/core';
import { BatchReaders } from '@suyuan/production/nest';
import { inJurisdiction } from '@suyuan/production';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { OrganizationView } from '@suyuan/registry';
import { SignalsQuery } from './scan-log.port';

const DAY = 86_400_000;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whose items a request may see counterfeit signals and problem reports of: the administrator
 * everyone's; a regulator those of the organizations registered in its jurisdiction (its
 * county, or its province), with the scans of codes never issued, which belong to no one; anyone
 * else their own organization's items only. Naming an organization outside that is refused.
 * `from`/`to`: days (yyyy-mm-dd, China time), `to` included; the last 30 days when absent.
 */
@Injectable()
export class SignalsScopes {
  constructor(
    private readonly readers: BatchReaders,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  async scope(actor: Actor, query: Record<string, unknown>, now: number): Promise<SignalsQuery> {
    const named = text(query, 'organizationId');
    const window = daysOf(query, now);
    if (actor.role === 'admin') return { ...window, ...(named !== undefined && { owners: [named] }), unissued: named === undefined };
    if (actor.role === 'regulator') {
      const owners = await this.inJurisdiction(actor);
      if (named === undefined) return { ...window, owners, unissued: true };
      if (!owners.includes(named)) throw notYours(named, 'the organizations registered in your jurisdiction');
      return { ...window, owners: [named], unissued: false };
    }
    if (named !== undefined && named !== actor.organizationId) throw notYours(named, "your own organization's items");
    return { ...window, owners: [actor.organizationId], unissued: false };
  }

  /** Which organizations (the brand owners) a regulator oversees: those registered at a place in its jurisdiction. */
  private async inJurisdiction(actor: Actor): Promise<string[]> {
    const { jurisdiction } = await this.readers.viewer(actor);
    const organizations = await this.docs.find<OrganizationView>('organizations');
    return organizations.filter((o) => inJurisdiction(jurisdiction, o.region)).map((o) => o.id);
  }
}

function daysOf(query: Record<string, unknown>, now: number): { from: number; to: number } {
  const to = day(query, 'to') ?? now;
  const from = day(query, 'from') ?? to - DEFAULT_DAYS * DAY;
  const end = day(query, 'to') === undefined ? to : to + DAY;
  if (from >= end) throw bad('from', 'from must be on or before to');
  if (end - from > MAX_DAYS * DAY) throw bad('from', `the window may span at most ${MAX_DAYS} days`);
  return { from, to: end };
}

function notYours(named: string, whose: string): ForbiddenException {
  return new ForbiddenException({
    code: 'not_your_items',
    message: `you see the signals and reports of ${whose} only, not those of ${named}`,
  });
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
