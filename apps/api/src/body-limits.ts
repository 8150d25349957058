const KB = 1024;
const MB = 1024 * KB;

/**
 * Every request body is refused past 64 KB, which the largest legitimate body of most routes
 * stays far below: a standard with ten grade classes and a 2,000-character description, a
 * grading of ten classes, a packing of twenty lines, a shipment of 2,000 cartons (about
 * 50 KB pretty-printed).
 */
export const DEFAULT_BODY_LIMIT = 64 * KB;

/** Routes whose largest legitimate body is larger, with the room they need. */
export const BODY_LIMITS: Readonly<Record<string, number>> = {
  // A logger's 10,000 readings, about 1.2 MB pretty-printed.
  'POST /api/cold-chain/readings': 2 * MB,
};
