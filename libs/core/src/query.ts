import { invalid } from './errors';

/**
 * A whole number from a query string's text, within its range, or its default when absent; any
 * other text (signs, decimals, exponents, too many digits) is refused naming the parameter.
 * One rule for every paged or bounded read, so that `limit=1e3` means the same everywhere.
 */
export function wholeQueryNumber(field: string, text: unknown, range: { min: number; max: number; default: number }): number {
  if (text === undefined) return range.default;
  const value = typeof text === 'string' && /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= range.min && value <= range.max)) {
    throw invalid('invalid_query', `${field} must be a whole number from ${range.min} to ${range.max}; got ${JSON.stringify(text)}`, {
      field,
    });
  }
  return value;
}
