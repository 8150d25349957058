import { seasonOf } from './season';

describe('seasons', () => {
  it('are calendar years unless a product says when its season starts', () => {
    expect(seasonOf('2026-07-15T06:00:00+08:00')).toEqual({ season: '2026', months: { from: '2026-01', to: '2026-12' } });
  });

  it('run twelve months from their start month, named by the year they start in', () => {
    expect(seasonOf('2026-03-01T00:00:00+08:00', 3)).toEqual({ season: '2026', months: { from: '2026-03', to: '2027-02' } });
    expect(seasonOf('2027-02-28T23:59:00+08:00', 3)).toEqual({ season: '2026', months: { from: '2026-03', to: '2027-02' } });
    expect(seasonOf('2026-12-01T08:00:00+08:00', 12).months).toEqual({ from: '2026-12', to: '2027-11' });
  });

  it('turn at midnight China time, whatever the offset a time was written with', () => {
    expect(seasonOf('2025-12-31T16:30:00Z').season).toBe('2026');
    expect(seasonOf('2026-02-28T16:30:00Z', 3).season).toBe('2026');
    expect(seasonOf('2026-02-28T15:30:00Z', 3).season).toBe('2025');
  });
});
