/**
 * An event's payload as a person reads it in a history: scalars as `field: value`, quantities as
 * `500 kg`, long lists counted. Personal data sealed under a household's key is never shown,
 * not even as ciphertext, and neither is an API key's secret hash.
 */
export function summarize(data: unknown): string {
  return summarizeReadable(readableData(data));
}

/** `summarize` of a payload already made readable (`readableData`). */
export function summarizeReadable(data: unknown): string {
  if (!isRecord(data)) return '';
  return Object.entries(data)
    .map(([field, value]) => `${field}: ${inline(value)}`)
    .join('; ');
}

const HIDDEN = new Set(['secretHash']);
const SEALED = new Set(['sealed']);
export const SEALED_TEXT = '[sealed personal data]';
/** Lists longer than this are cut in a history's JSON (the event store holds them whole). */
export const LIST_LIMIT = 50;

/** The payload as the history's JSON shows it: what is sealed or secret removed, long lists cut short. */
export function readableData(data: unknown, depth = 0): unknown {
  if (Array.isArray(data)) {
    const shown = data.slice(0, LIST_LIMIT).map((v) => readableData(v, depth + 1));
    return data.length > LIST_LIMIT ? [...shown, `… ${data.length - LIST_LIMIT} more`] : shown;
  }
  if (!isRecord(data)) return data;
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(data)) {
    if (HIDDEN.has(field)) continue;
    out[field] = SEALED.has(field) ? SEALED_TEXT : readableData(value, depth + 1);
  }
  return out;
}

function inline(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const count = value.filter((v) => typeof v !== 'string' || !v.startsWith('… ')).length;
    const more = value.length > count ? Number(/\d+/.exec(String(value[value.length - 1]))?.[0] ?? 0) : 0;
    const total = count + more;
    return value.every((v) => typeof v !== 'object' || v === null) && total <= 5 ? value.join(', ') : `${total} entries`;
  }
  if (isRecord(value)) {
    if (typeof value.value === 'number' && typeof value.unit === 'string' && Object.keys(value).length === 2)
      return `${value.value} ${value.unit}`;
    return `{${Object.entries(value)
      .map(([f, v]) => `${f}: ${inline(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
