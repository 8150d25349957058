import { instant, iso, local } from './instants';

describe('remembered times', () => {
  it('parse as Date.parse does, offsets included, and again the same from memory', () => {
    for (const t of ['2025-06-18T06:30:00+08:00', '2025-06-17T22:30:00.000Z', '2025-06-18T06:30:00.123+08:00']) {
      expect(instant(t)).toBe(Date.parse(t));
      expect(instant(t)).toBe(Date.parse(t));
    }
  });

  it('remember a string that is no time as NaN', () => {
    expect(instant('not a time')).toBeNaN();
    expect(instant('not a time')).toBeNaN();
  });

  it('format instants as toISOString does, and in China time to the minute', () => {
    const ms = Date.parse('2025-06-17T22:30:00.000Z');
    expect(iso(ms)).toBe('2025-06-17T22:30:00.000Z');
    expect(local(ms)).toBe('2025-06-18 06:30');
    expect(local('2025-06-17T22:30:00.000Z')).toBe('2025-06-18 06:30');
  });

  it('stay right past the number of times they keep', () => {
    const base = Date.parse('2025-01-01T00:00:00.000Z');
    for (let i = 0; i < 25_000; i++) expect(iso(base + i * 60_000)).toBe(new Date(base + i * 60_000).toISOString());
    expect(iso(base)).toBe('2025-01-01T00:00:00.000Z');
  });
});
