import { parseTime } from './time';

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
  ])('refuses %s', (_why, value) => {
    expect(() => parseTime('harvestedAt', value)).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'invalid_time', details: { field: 'harvestedAt' } }),
    );
  });

  it('refuses a value that is not a string', () => {
    expect(() => parseTime('harvestedAt', 1750199400000 as never)).toThrow(expect.objectContaining({ code: 'invalid_time' }));
  });
});
