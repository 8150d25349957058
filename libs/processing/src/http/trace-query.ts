import { invalid } from '@suyuan/core';
import { TraceBounds, traceBounds } from '../trace/bounds';
import { BackStart } from '../trace/trace-back';
import { ForwardStart } from '../trace/trace.views';

const BOUNDS = ['depth', 'limit', 'cursor', 'format'];
const BACK_STARTS = ['item', 'carton', 'lot'] as const;
const FORWARD_STARTS = ['lot', 'plot', 'input', 'test'] as const;

/** What a trace request asks, read from its query string: where to start, how far and how much, and as what. */
export interface TraceRequest<S> {
  start: S;
  bounds: TraceBounds;
  csv: boolean;
}

export function backRequest(query: Record<string, unknown>, accept: string | undefined): TraceRequest<BackStart> {
  const q = singleValues(query, [...BACK_STARTS, ...BOUNDS]);
  const [name, value] = oneStart(q, BACK_STARTS);
  const start: BackStart = name === 'item' ? { item: value } : name === 'carton' ? { carton: value } : { lot: value };
  return { start, bounds: traceBounds(q), csv: wantsCsv(q.format, accept) };
}

export function forwardRequest(query: Record<string, unknown>, accept: string | undefined): TraceRequest<ForwardStart> {
  const q = singleValues(query, [...FORWARD_STARTS, 'from', 'to', ...BOUNDS]);
  const [name, value] = oneStart(q, FORWARD_STARTS);
  for (const field of ['from', 'to']) {
    if (name !== 'plot' && q[field] !== undefined)
      throw invalid('invalid_query', `${field} bounds a plot’s harvests: give it with plot`, { field });
  }
  const start: ForwardStart =
    name === 'plot'
      ? { plot: value, ...(q.from !== undefined && { from: q.from }), ...(q.to !== undefined && { to: q.to }) }
      : name === 'lot'
        ? { lot: value }
        : name === 'input'
          ? { input: value }
          : { test: value };
  return { start, bounds: traceBounds(q), csv: wantsCsv(q.format, accept) };
}

/** Each known parameter at most once and not empty; an unknown one is refused by name. */
function singleValues(query: Record<string, unknown>, known: readonly string[]): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const [field, value] of Object.entries(query)) {
    if (!known.includes(field))
      throw invalid('invalid_query', `${field} is not a parameter of this trace; it takes ${known.join(', ')}`, { field });
    if (typeof value !== 'string' || value.trim() === '')
      throw invalid('invalid_query', `${field} must be given once, not empty`, { field });
    values[field] = value;
  }
  return values;
}

function oneStart<N extends string>(q: Record<string, string | undefined>, names: readonly N[]): [N, string] {
  const given = names.filter((n) => q[n] !== undefined);
  if (given.length !== 1) {
    throw invalid('invalid_query', `give exactly one of ${names.join(', ')} to start the trace from`, { field: given[1] ?? names[0] });
  }
  return [given[0], q[given[0]]!];
}

function wantsCsv(format: string | undefined, accept: string | undefined): boolean {
  if (format !== undefined && format !== 'json' && format !== 'csv')
    throw invalid('invalid_query', 'format must be json or csv', { field: 'format' });
  return format === 'csv' || (format === undefined && /\btext\/csv\b/i.test(accept ?? ''));
}
