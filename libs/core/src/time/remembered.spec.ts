import { chinaTimeOf, instantOf, isoOf } from './remembered';

describe('remembered times', () => {
  it('parse as Date.parse does, offsets included, and again the same from memory', () => {
    for (const t of ['2025-06-18T06:30:00+08:00', '2025-06-17T22:30:00.000Z', '2025-06-18T06:30:00.123+08:00']) {
      expect(instantOf(t)).toBe(Date.parse(t));
      expect(instantOf(t)).toBe(Date.parse(t));
    }
  });

  it('remember a string that is no time as NaN', () => {
    expect(instantOf('not a time')).toBeNaN();
    expect(instantOf('not a time')).toBeNaN();
  });

  it('format instants as toISOString does, and in China time to the minute', () => {
    const ms = Date.parse('2025-06-17T22:30:00.000Z');
    expect(isoOf(ms)).toBe('2025-06-17T22:30:00.000Z');
    expect(chinaTimeOf(ms)).toBe('2025-06-18 06:30');
    expect(chinaTimeOf('2025-06-17T22:30:00.000Z')).toBe('2025-06-18 06:30');
  });

  it('stay right past the number of times they keep', () => {
    const base = Date.parse('2025-01-01T00:00:00.000Z');
    for (let i = 0; i < 25_000; i++) expect(isoOf(base + i * 60_000)).toBe(new Date(base + i * 60_000).toISOString());
    expect(isoOf(base)).toBe('2025-01-01T00:00:00.000Z');
  });
});
