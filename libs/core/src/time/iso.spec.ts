import { formatAtOffset, parseIsoMs } from './iso';

/** A deterministic spread of instants from 1901 to 2100. */
function* instants(count: number): Generator<number> {
  let seed = 20260612;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    yield Date.UTC(1901, 0, 1) + Math.floor((seed / 2 ** 31) * (Date.UTC(2100, 0, 1) - Date.UTC(1901, 0, 1)));
  }
}

function withOffset(ms: number, offsetMinutes: number, form: 'seconds' | 'minutes' | 'micro'): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  if (form === 'minutes') return local.slice(0, 16) + zone;
  if (form === 'micro') return local.slice(0, 23) + '456' + zone;
  return local.slice(0, 19) + zone;
}

describe('parseIsoMs', () => {
  it('agrees with Date.parse on ISO timestamps in every form we store', () => {
    for (const ms of instants(5000)) {
      const iso = new Date(ms).toISOString();
      expect(parseIsoMs(iso)).toBe(ms);
      expect(parseIsoMs(iso.slice(0, 19) + 'Z')).toBe(Date.parse(iso.slice(0, 19) + 'Z'));
      for (const [offset, form] of [
        [480, 'seconds'],
        [-330, 'minutes'],
        [0, 'micro'],
        [345, 'seconds'],
      ] as const) {
        const text = withOffset(ms, offset, form);
        expect(parseIsoMs(text)).toBe(Date.parse(text));
      }
      expect(parseIsoMs(iso.slice(0, 10))).toBe(Date.parse(iso.slice(0, 10)));
    }
  });

  it('reads a time without a zone as UTC, whatever the server zone', () => {
    expect(parseIsoMs('2026-06-12T06:30')).toBe(Date.UTC(2026, 5, 12, 6, 30));
  });

  it('is NaN for what is not a time, and leaves other shapes to Date.parse', () => {
    expect(parseIsoMs('')).toBeNaN();
    expect(parseIsoMs('soon')).toBeNaN();
    expect(parseIsoMs('2026-06-xxT06:30:00Z')).toBeNaN();
    expect(parseIsoMs('2026-06-12T06:30:00+0800')).toBe(Date.parse('2026-06-12T06:30:00+0800'));
    expect(parseIsoMs('Fri, 12 Jun 2026 06:30:00 GMT')).toBe(Date.UTC(2026, 5, 12, 6, 30));
  });
});

describe('formatAtOffset', () => {
  it('agrees with Date for dates and times at +08:00', () => {
    for (const ms of instants(5000)) {
      const local = new Date(ms + 480 * 60_000).toISOString();
      expect(formatAtOffset(ms, 480, true)).toBe(`${local.slice(0, 10)} ${local.slice(11, 16)}`);
      expect(formatAtOffset(ms, 480, false)).toBe(local.slice(0, 10));
    }
  });

  it('crosses day, month, year and leap-day boundaries', () => {
    expect(formatAtOffset(Date.UTC(2026, 11, 31, 16, 0), 480, true)).toBe('2027-01-01 00:00');
    expect(formatAtOffset(Date.UTC(2028, 1, 28, 16, 0), 480, false)).toBe('2028-02-29');
    expect(formatAtOffset(Date.UTC(2100, 1, 28, 16, 0), 480, false)).toBe('2100-03-01');
    expect(formatAtOffset(Date.UTC(1969, 11, 31, 15, 59), 480, true)).toBe('1969-12-31 23:59');
  });
});
