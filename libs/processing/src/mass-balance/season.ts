import { chinaMonth } from '@suyuan/core';

/** A product's season: twelve months from its start month (China time), named by the year it starts in. */
export interface Season {
  season: string;
  /** Its first and last month, yyyy-mm. */
  months: { from: string; to: string };
}

const month = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;

/**
 * The season a time falls in, for a product whose season starts in `startMonth` (1–12; 1, the
 * calendar year, by default): with seasons from March, February 2027 is still season 2026.
 */
export function seasonOf(time: string, startMonth = 1): Season {
  const [year, m] = chinaMonth(Date.parse(time)).split('-').map(Number);
  const start = m >= startMonth ? year : year - 1;
  const to = startMonth === 1 ? month(start, 12) : month(start + 1, startMonth - 1);
  return { season: String(start), months: { from: month(start, startMonth), to } };
}
