import { MAX_READING_SPAN_MS, SeriesTotals, TimedReading, firstReadingAtOrAfter, foldSeries, spanTotals } from './cold-series';

const MINUTE = 60_000;
const T0 = Date.parse('2026-07-15T06:00:00Z');
/** A reading `m` minutes after T0. */
const r = (m: number, c: number): TimedReading => [T0 + m * MINUTE, c];
const CHILLED = { minC: 0, maxC: 3 };

const fold = (readings: TimedReading[], range = CHILLED) => foldSeries(undefined, range, readings)!;

describe('a logger’s series', () => {
  it('counts the readings, the lowest and the highest, and the time from each reading out of range to the next', () => {
    const s = fold([r(0, 2), r(10, 5), r(20, 6), r(30, 2), r(40, -1), r(45, 1)]);
    expect(s).toEqual({
      readings: 6,
      minC: -1,
      maxC: 6,
      lastMs: T0 + 45 * MINUTE,
      lastOut: false,
      runMs: 0,
      outMs: 25 * MINUTE,
      longestMs: 20 * MINUTE,
    });
  });

  it('holds the range’s bounds to be within it, and counts no excursion without a range', () => {
    expect(fold([r(0, 0), r(10, 3), r(20, 0)]).outMs).toBe(0);
    expect(foldSeries(undefined, undefined, [r(0, 30), r(10, 30)])).toMatchObject({ outMs: 0, maxC: 30 });
  });

  it('lets one reading speak for 30 minutes at most: an excursion does not run on over a silence', () => {
    const s = fold([r(0, 7), r(120, 7), r(130, 2)]);
    expect(s).toMatchObject({ outMs: 40 * MINUTE, longestMs: 30 * MINUTE });
    expect(MAX_READING_SPAN_MS).toBe(30 * MINUTE);
  });

  it('skips a reading at or before the last one folded: the first reading of a time stands', () => {
    const s = fold([r(0, 7), r(0, 2), r(10, 2)]);
    expect(s).toMatchObject({ readings: 2, maxC: 7, outMs: 10 * MINUTE });
    expect(foldSeries(s, CHILLED, [r(5, 9), r(10, 9)])).toBe(s);
  });

  it('folds only the readings from start to end, and nothing into nothing', () => {
    const readings = [r(0, 9), r(10, 2), r(20, 2), r(30, 9)];
    expect(foldSeries(undefined, CHILLED, readings, 1, 3)).toMatchObject({ readings: 2, outMs: 0, maxC: 2 });
    expect(foldSeries(undefined, CHILLED, readings, 2, 2)).toBeUndefined();
  });

  it('is a left fold: split anywhere, folded part after part, it gives what folding at once gives', () => {
    const readings = Array.from({ length: 40 }, (_, i) => r(i * 7 + (i % 3) * 9, [2, 5, 6, 1, 8, 2][i % 6]));
    const atOnce = fold(readings);
    for (let cut = 0; cut <= readings.length; cut++) {
      const parts = foldSeries(foldSeries(undefined, CHILLED, readings, 0, cut), CHILLED, readings, cut);
      expect([cut, parts]).toEqual([cut, atOnce]);
    }
  });
});

describe('a span’s totals', () => {
  const series = (readings: TimedReading[]): SeriesTotals => fold(readings);

  it('counts nothing where nothing was read', () => {
    expect(spanTotals([], T0)).toEqual({ readings: 0, minutesOutOfRange: 0, longestExcursionMinutes: 0 });
  });

  it('counts, in a closed span, the last reading out of range up to its end, for 30 minutes at most', () => {
    const s = series([r(0, 2), r(10, 7)]);
    expect(spanTotals([s])).toMatchObject({ minutesOutOfRange: 0, longestExcursionMinutes: 0 });
    expect(spanTotals([s], T0 + 25 * MINUTE)).toMatchObject({ minutesOutOfRange: 15, longestExcursionMinutes: 15 });
    expect(spanTotals([s], T0 + 300 * MINUTE)).toMatchObject({ minutesOutOfRange: 30, longestExcursionMinutes: 30 });
  });

  it('lets the worst logger speak: the most time out of range and the longest excursion any one saw, all the readings', () => {
    const door = series([r(0, 7), r(25, 2)]);
    const van = series([r(0, 7), r(15, 2), r(30, 7), r(45, 2)]);
    expect(spanTotals([door, van], T0 + 120 * MINUTE)).toEqual({
      readings: 6,
      minC: 2,
      maxC: 7,
      minutesOutOfRange: 30,
      longestExcursionMinutes: 25,
    });
  });

  it('finds where a time falls among time-sorted readings', () => {
    const readings = [r(0, 2), r(10, 2), r(10, 2), r(20, 2)];
    expect([-5, 0, 5, 10, 20, 25].map((m) => firstReadingAtOrAfter(readings, T0 + m * MINUTE))).toEqual([0, 0, 1, 1, 3, 4]);
  });
});
