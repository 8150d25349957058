import { CHINA_OFFSET_MINUTES, chinaDate, chinaDateTime, chinaIso, chinaMonth } from './china';

describe('China Standard Time', () => {
  const ms = Date.parse('2026-06-30T16:30:00Z');

  it('is UTC+8 in every season: no daylight saving', () => {
    expect(CHINA_OFFSET_MINUTES).toBe(480);
    expect(chinaDateTime(Date.parse('2026-01-15T00:00:00Z'))).toBe('2026-01-15 08:00');
    expect(chinaDateTime(Date.parse('2026-07-15T00:00:00Z'))).toBe('2026-07-15 08:00');
  });

  it('dates an instant on the county’s calendar, the day and month turning at its midnight', () => {
    expect(chinaDateTime(ms)).toBe('2026-07-01 00:30');
    expect(chinaDate(ms)).toBe('2026-07-01');
    expect(chinaMonth(ms)).toBe('2026-07');
    expect(chinaMonth(ms - 3_600_000)).toBe('2026-06');
  });

  it('writes an instant as a clerk in the county would, with its offset, and reads back the same instant', () => {
    expect(chinaIso(ms)).toBe('2026-07-01T00:30:00+08:00');
    expect(Date.parse(chinaIso(ms))).toBe(ms);
  });

  it('refuses what is not an instant rather than write a date that is not one', () => {
    expect(() => chinaDateTime(Number.NaN)).toThrow(RangeError);
    expect(() => chinaDate(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('does not depend on the server time zone', () => {
    const tz = process.env.TZ;
    try {
      for (const zone of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
        process.env.TZ = zone;
        expect([chinaDateTime(ms), chinaIso(ms)]).toEqual(['2026-07-01 00:30', '2026-07-01T00:30:00+08:00']);
      }
    } finally {
      process.env.TZ = tz;
    }
  });
});
