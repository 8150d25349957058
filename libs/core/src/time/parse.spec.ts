import { parsePastTime, parseTime, requireNotBefore } from './parse';

describe('parseTime', () => {
  it.each([
    ['2025-06-18T06:30:00+08:00', Date.UTC(2025, 5, 17, 22, 30)],
    ['2025-06-17T22:30:00Z', Date.UTC(2025, 5, 17, 22, 30)],
    ['2025-06-17T22:30Z', Date.UTC(2025, 5, 17, 22, 30)],
    ['2025-06-17T22:30:00.250Z', Date.UTC(2025, 5, 17, 22, 30, 0, 250)],
    ['2024-02-29T00:00:00+08:00', Date.UTC(2024, 1, 28, 16)],
  ])('reads %s', (value, ms) => {
    expect(parseTime('harvestedAt', value)).toBe(ms);
  });

  it.each([
    ['no offset, which would be read in the server’s zone', '2025-06-18T06:30:00'],
    ['a date alone', '2025-06-18'],
    ['a day the month does not have', '2025-06-31T08:00:00+08:00'],
    ['29 February in a common year', '2025-02-29T08:00:00+08:00'],
    ['hour 24', '2025-06-18T24:00:00Z'],
    ['month 13', '2025-13-01T08:00:00Z'],
    ['free text', 'June 18, 2025'],
    ['an empty string', ''],
    ['the year 9999', '9999-12-31T08:00:00+08:00'],
    ['the year 1999', '1999-12-31T08:00:00+08:00'],
  ])('refuses %s', (_why, value) => {
    expect(() => parseTime('harvestedAt', value)).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'invalid_time', details: { field: 'harvestedAt' } }),
    );
  });

  it('refuses a value that is not a string', () => {
    expect(() => parseTime('harvestedAt', 1750199400000 as never)).toThrow(expect.objectContaining({ code: 'invalid_time' }));
  });
});

describe('parsePastTime', () => {
  const now = '2026-07-15T04:00:00.000Z';

  it('reads a time up to five minutes ahead of the clock (clocks drift)', () => {
    expect(parsePastTime('harvestedAt', '2026-07-15T12:05:00+08:00', now)).toBe(Date.parse('2026-07-15T04:05:00Z'));
  });

  it('refuses a time further ahead, naming the field', () => {
    expect(() => parsePastTime('harvestedAt', '2026-07-15T12:06:00+08:00', now)).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'time_in_future', details: { field: 'harvestedAt' } }),
    );
  });
});

describe('requireNotBefore', () => {
  const harvest = { ms: Date.parse('2026-07-15T06:00:00+08:00'), what: 'the first harvest', code: 'before_harvest' };

  it('accepts the same instant and later', () => {
    expect(() => requireNotBefore('gradedAt', harvest.ms, harvest)).not.toThrow();
  });

  it('refuses an earlier one with the code given', () => {
    expect(() => requireNotBefore('gradedAt', harvest.ms - 1, harvest)).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'before_harvest', details: { field: 'gradedAt' } }),
    );
  });
});
