import { loggers } from './cold-chain.fixtures';
import { ColdChainSegment, summarizeColdChain } from './cold-chain-summary';

const T0 = Date.parse('2026-06-12T00:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** One reading every `step` minutes from `start`, temperature by minute. */
function readingsEvery(step: number, start: number, end: number, temperature: (minute: number) => number) {
  const readings: { at: string; temperatureC: number }[] = [];
  for (let m = start; m < end; m += step) readings.push({ at: at(m), temperatureC: temperature(m) });
  return readings;
}

const TRUCK: ColdChainSegment = {
  facilityId: 'FC-TRUCK',
  facilityName: '粤F·冷链01',
  from: at(0),
  to: at(120),
  range: { minC: 0, maxC: 3 },
};

describe('summarizeColdChain', () => {
  it('counts no time out of range when every reading is in range', () => {
    const summary = summarizeColdChain([TRUCK], new Map([['FC-TRUCK', loggers(readingsEvery(10, 0, 120, () => 1.5))]]));
    expect(summary).toMatchObject({ readings: 12, minC: 1.5, maxC: 1.5, minutesOutOfRange: 0, longestExcursionMinutes: 0 });
    expect(summary.segments[0]).toMatchObject({ readings: 12, minutesOutOfRange: 0, to: TRUCK.to });
  });

  it('measures one 40-minute excursion between readings every 10 minutes', () => {
    const warm = (m: number) => (m >= 30 && m < 70 ? 6.2 : 1.5);
    const summary = summarizeColdChain([TRUCK], new Map([['FC-TRUCK', loggers(readingsEvery(10, 0, 120, warm))]]));
    expect(summary).toMatchObject({ minC: 1.5, maxC: 6.2, minutesOutOfRange: 40, longestExcursionMinutes: 40 });
  });

  it('keeps only the readings within [from, to)', () => {
    const readings = readingsEvery(10, -60, 180, () => 2);
    const summary = summarizeColdChain([TRUCK], new Map([['FC-TRUCK', loggers(readings)]]));
    expect(summary.readings).toBe(12);
    expect(summary.chart[0].at).toBe(at(0));
    expect(summary.chart[summary.chart.length - 1].at).toBe(at(110));
  });

  it('lets a reading speak for at most 30 minutes across a silent device', () => {
    const readings = [
      { at: at(0), temperatureC: 7 },
      { at: at(90), temperatureC: 7 },
      { at: at(100), temperatureC: 2 },
    ];
    const summary = summarizeColdChain([TRUCK], new Map([['FC-TRUCK', loggers(readings)]]));
    // 30 (capped) + 10, and the silence splits them into two excursions.
    expect(summary.minutesOutOfRange).toBe(40);
    expect(summary.longestExcursionMinutes).toBe(30);
  });

  it('counts the last reading until the end of its segment, capped', () => {
    const shortEnd = summarizeColdChain(
      [{ ...TRUCK, to: at(15) }],
      new Map([
        [
          'FC-TRUCK',
          loggers([
            { at: at(0), temperatureC: 1 },
            { at: at(10), temperatureC: 5 },
          ]),
        ],
      ]),
    );
    expect(shortEnd.minutesOutOfRange).toBe(5);
    const longEnd = summarizeColdChain([TRUCK], new Map([['FC-TRUCK', loggers([{ at: at(0), temperatureC: 5 }])]]));
    expect(longEnd.minutesOutOfRange).toBe(30);
  });

  it('runs an open segment until asOf, or gives its last reading no time without it', () => {
    const store: ColdChainSegment = { facilityId: 'FC-STORE', facilityName: '北乡冷库', from: at(0), range: { minC: -1, maxC: 0 } };
    const readings = new Map([['FC-STORE', loggers(readingsEvery(10, 0, 60, (m) => (m >= 40 ? 1.5 : -0.5)))]]);

    const open = summarizeColdChain([store], readings);
    expect(open.segments[0]).toMatchObject({ readings: 6, minutesOutOfRange: 10 });
    expect(open.segments[0]).not.toHaveProperty('to');

    expect(summarizeColdChain([store], readings, at(55)).minutesOutOfRange).toBe(15);
    expect(summarizeColdChain([store], readings, at(500)).minutesOutOfRange).toBe(40);
  });

  it('counts no excursion where a segment has no range', () => {
    const hub: ColdChainSegment = { facilityId: 'FC-HUB', facilityName: '县级物流中心', from: at(0), to: at(60) };
    const summary = summarizeColdChain([hub], new Map([['FC-HUB', loggers(readingsEvery(10, 0, 60, () => 25))]]));
    expect(summary).toMatchObject({ readings: 6, minC: 25, maxC: 25, minutesOutOfRange: 0, longestExcursionMinutes: 0 });
    expect(summary.segments[0]).not.toHaveProperty('range');
  });

  it('says how long a closed stay or leg went without readings', () => {
    const halfWatched = readingsEvery(10, 60, 120, () => 2);
    const closed = summarizeColdChain([TRUCK], new Map([['FC-TRUCK', loggers(halfWatched)]]));
    expect(closed).toMatchObject({ readings: 6, minutesUnmonitored: 60 });
    const silent = readingsEvery(10, 0, 30, () => 2);
    // Readings stop at minute 20; the last speaks for 30 minutes at most: 70 minutes nobody measured.
    expect(summarizeColdChain([TRUCK], new Map([['FC-TRUCK', loggers(silent)]])).minutesUnmonitored).toBe(70);
    const open = summarizeColdChain([{ ...TRUCK, to: undefined }], new Map([['FC-TRUCK', loggers(halfWatched)]]));
    expect(open.minutesUnmonitored).toBe(0);
  });

  describe('two loggers in one vehicle', () => {
    const door = readingsEvery(10, 0, 120, (m) => (m >= 30 && m < 70 ? 6 : 2));
    const van = readingsEvery(10, 5, 120, (m) => (m >= 35 && m < 55 ? 6 : 2));

    it('lets the worst logger speak: its excursion is not cut by the other’s readings in between', () => {
      const summary = summarizeColdChain([TRUCK], new Map([['FC-TRUCK', loggers(door, van)]]));
      expect(summary.segments[0]).toMatchObject({ readings: 24, minC: 2, maxC: 6, minutesOutOfRange: 40, longestExcursionMinutes: 40 });
    });

    it('does not add one logger’s excursion to the other’s', () => {
      const twin = readingsEvery(10, 1, 120, (m) => (m >= 31 && m < 71 ? 6 : 2));
      const summary = summarizeColdChain([TRUCK], new Map([['FC-TRUCK', loggers(door, twin)]]));
      expect(summary).toMatchObject({ minutesOutOfRange: 40, longestExcursionMinutes: 40 });
    });

    it('counts the time either logger watched once', () => {
      // The door logger watched the first hour, the van logger the second: nobody missed anything.
      const summary = summarizeColdChain(
        [TRUCK],
        new Map([
          [
            'FC-TRUCK',
            loggers(
              readingsEvery(10, 0, 60, () => 2),
              readingsEvery(10, 55, 120, () => 2),
            ),
          ],
        ]),
      );
      expect(summary).toMatchObject({ readings: 13, minutesUnmonitored: 0 });
    });

    it('draws the loggers’ readings in time order', () => {
      const times = summarizeColdChain([{ ...TRUCK, to: at(30) }], new Map([['FC-TRUCK', loggers(door, van)]])).chart.map((p) => p.at);
      expect(times).toEqual([0, 5, 10, 15, 20, 25].map(at));
    });
  });

  it('summarizes a journey without readings', () => {
    const summary = summarizeColdChain([TRUCK, { ...TRUCK, facilityId: 'FC-OTHER' }], new Map());
    expect(summary).toEqual({
      readings: 0,
      minutesOutOfRange: 0,
      minutesUnmonitored: 240,
      longestExcursionMinutes: 0,
      segments: [
        expect.objectContaining({ readings: 0, minutesOutOfRange: 0 }),
        expect.objectContaining({ readings: 0, minutesOutOfRange: 0 }),
      ],
      chart: [],
    });
    expect(summary.segments[0]).not.toHaveProperty('minC');
    expect(summarizeColdChain([], new Map())).toMatchObject({ readings: 0, segments: [], chart: [] });
  });

  it('adds segments up across facilities', () => {
    const store: ColdChainSegment = {
      facilityId: 'FC-STORE',
      facilityName: '北乡冷库',
      from: at(-120),
      to: at(0),
      range: { minC: -1, maxC: 0 },
    };
    const summary = summarizeColdChain(
      [store, TRUCK],
      new Map([
        ['FC-STORE', loggers(readingsEvery(10, -120, 0, (m) => (m === -60 ? 2 : -0.5)))],
        ['FC-TRUCK', loggers(readingsEvery(10, 0, 120, (m) => (m >= 30 && m < 50 ? 4 : 1)))],
      ]),
    );
    expect(summary).toMatchObject({ readings: 24, minC: -0.5, maxC: 4, minutesOutOfRange: 30, longestExcursionMinutes: 20 });
    expect(summary.segments.map((s) => s.minutesOutOfRange)).toEqual([10, 20]);
  });

  it('draws at most 60 points and keeps a short excursion visible', () => {
    const days = 3 * 24 * 60;
    const store: ColdChainSegment = {
      facilityId: 'FC-STORE',
      facilityName: '北乡冷库',
      from: at(0),
      to: at(days),
      range: { minC: -1, maxC: 0 },
    };
    const readings = readingsEvery(10, 0, days, (m) => (m >= 2000 && m < 2020 ? 4.8 : m % 20 === 0 ? -0.6 : -0.4));
    const summary = summarizeColdChain([store], new Map([['FC-STORE', loggers(readings)]]));

    expect(summary.readings).toBe(432);
    expect(summary.chart.length).toBeLessThanOrEqual(60);
    expect(summary.chart.map((p) => p.c)).toContain(4.8);
    expect(summary.longestExcursionMinutes).toBe(20);
    const times = summary.chart.map((p) => Date.parse(p.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('keeps the farthest reading from the bucket mean where there is no range', () => {
    const hub: ColdChainSegment = { facilityId: 'FC-HUB', facilityName: '县级物流中心', from: at(0), to: at(10_000) };
    const readings = readingsEvery(10, 0, 10_000, (m) => (m === 5000 ? 30 : 20));
    const summary = summarizeColdChain([hub], new Map([['FC-HUB', loggers(readings)]]));
    expect(summary.chart).toHaveLength(60);
    expect(summary.chart.map((p) => p.c)).toContain(30);
  });
});
