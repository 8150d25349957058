import { chinaDateTime } from './china';

/**
 * Times as the rules read and write them, remembered: a batch is judged again on every event,
 * and each judgement parses the same stored times and formats the same deadlines, a good
 * share of the projection's own work. Pure functions of their argument, so a remembered
 * answer is the answer.
 */
const LIMIT = 20_000;

function remembered<K, V>(compute: (key: K) => V): (key: K) => V {
  let known = new Map<K, V>();
  return (key) => {
    const hit = known.get(key);
    if (hit !== undefined || known.has(key)) return hit as V;
    // Dropped whole rather than one by one: the times in use come back within a few events.
    if (known.size >= LIMIT) known = new Map();
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}

/** Milliseconds since the epoch of a stored ISO time (NaN for one that is not a time), as Date.parse. */
export const instantOf: (time: string) => number = remembered((time: string) => Date.parse(time));

/** The UTC ISO string of an instant, as toISOString writes it. */
export const isoOf: (ms: number) => string = remembered((ms: number) => new Date(ms).toISOString());

const chinaDateTimeOf = remembered(chinaDateTime);

/** A time as people in the county read it: China Standard Time, to the minute. */
export const chinaTimeOf = (time: number | string): string => chinaDateTimeOf(typeof time === 'string' ? instantOf(time) : time);
