import { invalid, parseTime, wholeQueryNumber } from '@suyuan/core';
import { HistoryRequest } from '../application/history.query';
import { HistoryFilter } from '../domain/filter';
import { SUBJECT_KINDS, SubjectKind } from '../domain/subjects';
import { AUDITED_EVENT_TYPES } from '../history.projection';

export type HistoryFormat = 'json' | 'csv' | 'pdf';

/** Rows a JSON page holds: 50 unless asked, at most 500. */
export const PAGE_LIMIT = { min: 1, max: 500, default: 50 };
/** Rows an export holds: at most 10,000, then it says where the next one starts. */
export const EXPORT_LIMIT = { min: 1, max: 10_000, default: 10_000 };
/** The stream families a history can be narrowed to. */
export const FAMILIES = [
  'batch',
  'lotcode',
  'shipment',
  'coldchain',
  'transformation',
  'labels',
  'organization',
  'facility',
  'product',
  'person',
  'standard',
  'brand',
  'recall',
  'carton',
  'spotcheck',
];
const KNOWN = ['limit', 'cursor', 'from', 'to', 'type', 'family', 'format'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A history request from the route and its query string, or a 400 naming the parameter at fault. */
export function historyRequest(
  kind: string,
  id: string,
  query: Record<string, unknown>,
  accept: string | undefined,
): { request: HistoryRequest; format: HistoryFormat } {
  if (!(SUBJECT_KINDS as readonly string[]).includes(kind)) {
    throw invalid('invalid_query', `a history is of a ${SUBJECT_KINDS.join(', ')}; not of a ${JSON.stringify(kind)}`, { field: 'kind' });
  }
  const q: Record<string, string | undefined> = {};
  for (const [field, value] of Object.entries(query)) {
    if (!KNOWN.includes(field))
      throw invalid('invalid_query', `${field} is not a parameter of a history; it takes ${KNOWN.join(', ')}`, { field });
    if (typeof value !== 'string' || value.trim() === '')
      throw invalid('invalid_query', `${field} must be given once, not empty`, { field });
    q[field] = value;
  }
  const format = formatOf(q.format, accept);
  return {
    format,
    request: {
      kind: kind as SubjectKind,
      id,
      ...(q.cursor !== undefined && { cursor: q.cursor }),
      limit: wholeQueryNumber('limit', q.limit, format === 'json' ? PAGE_LIMIT : EXPORT_LIMIT),
      filter: filterOf(q),
    },
  };
}

function filterOf(q: Record<string, string | undefined>): HistoryFilter {
  const fromMs = q.from === undefined ? undefined : parseTime('from', DAY.test(q.from) ? `${q.from}T00:00:00+08:00` : q.from);
  const toMs = q.to === undefined ? undefined : parseTime('to', DAY.test(q.to) ? `${q.to}T23:59:59.999+08:00` : q.to);
  if (fromMs !== undefined && toMs !== undefined && fromMs > toMs)
    throw invalid('invalid_query', `from (${q.from}) is after to (${q.to})`, { field: 'from' });
  return {
    ...(fromMs !== undefined && { fromMs }),
    ...(toMs !== undefined && { toMs }),
    ...(q.type !== undefined && { types: listOf('type', q.type, AUDITED_EVENT_TYPES) }),
    ...(q.family !== undefined && { families: listOf('family', q.family, FAMILIES) }),
  };
}

/** A comma-separated list of known names. */
function listOf(field: string, text: string, known: readonly string[]): Set<string> {
  const names = text.split(',').map((n) => n.trim());
  const unknown = names.find((n) => !known.includes(n));
  if (unknown !== undefined)
    throw invalid('invalid_query', `${field} ${JSON.stringify(unknown)} is not one of ${known.join(', ')}`, { field });
  return new Set(names);
}

function formatOf(format: string | undefined, accept: string | undefined): HistoryFormat {
  if (format !== undefined && format !== 'json' && format !== 'csv' && format !== 'pdf')
    throw invalid('invalid_query', 'format must be json, csv or pdf', { field: 'format' });
  if (format) return format;
  if (/\btext\/csv\b/i.test(accept ?? '')) return 'csv';
  if (/\bapplication\/pdf\b/i.test(accept ?? '')) return 'pdf';
  return 'json';
}

/** The filter in words, for an export's heading. */
export function filterText(query: Record<string, unknown>): string {
  const parts = ['from', 'to', 'type', 'family', 'cursor']
    .filter((f) => typeof query[f] === 'string')
    .map((f) => `${f}=${String(query[f])}`);
  return parts.length > 0 ? parts.join(', ') : 'none (every event)';
}
