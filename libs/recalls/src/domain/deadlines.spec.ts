import { completeBy, startBy } from './deadlines';

const at = (iso: string) => Date.parse(iso);
const china = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

describe('a recall’s deadlines (食品召回管理办法)', () => {
  it('starts within 24, 48 or 72 hours of the risk becoming known', () => {
    const known = at('2026-07-16T09:00:00+08:00');
    expect(china(startBy('I', known))).toBe('2026-07-17T09:00:00.000+08:00');
    expect(china(startBy('II', known))).toBe('2026-07-18T09:00:00.000+08:00');
    expect(china(startBy('III', known))).toBe('2026-07-19T09:00:00.000+08:00');
  });

  it('completes by the end of the 10th working day after the opening day, weekends left out', () => {
    // Thursday 16 July 2026: Fri 17 (1), Mon 20 … Fri 24 (6), Mon 27 … Wed 29 (9), Thu 30 (10).
    expect(china(completeBy('I', at('2026-07-16T09:00:00+08:00')))).toBe('2026-07-31T00:00:00.000+08:00');
  });

  it('counts a Saturday opening from the Monday after, 20 and 30 working days for levels II and III', () => {
    const saturday = at('2026-07-18T22:30:00+08:00');
    // Mon 20 July is day 1; four weeks later, Fri 14 August is day 20; Fri 28 August day 30.
    expect(china(completeBy('II', saturday))).toBe('2026-08-15T00:00:00.000+08:00');
    expect(china(completeBy('III', saturday))).toBe('2026-08-29T00:00:00.000+08:00');
  });

  it('takes the day in China time: 23:30 UTC on a Friday is already Saturday in the county', () => {
    expect(completeBy('I', at('2026-07-17T23:30:00Z'))).toBe(completeBy('I', at('2026-07-18T12:00:00+08:00')));
  });
});
