import { ScanTally, ScanVisit } from './scan-tally';

const item = { code: '7K3M9Q2RXV0ZAB12', productId: 'prd-plum', ownerId: 'org-coop' };
const T0 = Date.parse('2026-12-04T02:00:00Z');
const visit = (client: string, secondsAfter: number, more: Partial<ScanVisit> = {}): ScanVisit => ({
  at: T0 + secondsAfter * 1000,
  client,
  chain: false,
  ...more,
});

describe('ScanTally', () => {
  it('numbers consumers in the order they first scan, and remembers the first scan', () => {
    const tally = new ScanTally();
    expect(tally.count(item, visit('a', 0))).toMatchObject({
      ordinal: 1,
      consumers: 1,
      firstScannedAt: new Date(T0).toISOString(),
      recorded: true,
    });
    expect(tally.count(item, visit('b', 90))).toMatchObject({ ordinal: 2, consumers: 2, firstScannedAt: new Date(T0).toISOString() });
    expect(tally.count(item, visit('c', 200))).toMatchObject({ ordinal: 3, consumers: 3 });
  });

  it('keeps a returning consumer its number, and counts it once per minute (a flood is one record a minute)', () => {
    const tally = new ScanTally();
    tally.count(item, visit('a', 0));
    tally.count(item, visit('b', 1));
    const flood = Array.from({ length: 50 }, (_, i) => tally.count(item, visit('a', 2 + i)));
    expect(flood.every((c) => c.ordinal === 1 && c.consumers === 2)).toBe(true);
    expect(flood.filter((c) => c.recorded)).toHaveLength(0);
    expect(tally.count(item, visit('a', 61)).recorded).toBe(true);
  });

  it("counts the chain's scans apart: no number, no consumer, no place", () => {
    const tally = new ScanTally();
    const station = tally.count(item, visit('s', 0, { chain: true, place: '韶关' }));
    expect(station).toMatchObject({
      ordinal: undefined,
      consumers: 0,
      places: 0,
      chainScans: 1,
      firstScannedAt: undefined,
      recorded: true,
    });
    expect(tally.count(item, visit('s', 5, { chain: true })).recorded).toBe(false);
    expect(tally.count(item, visit('a', 10))).toMatchObject({ ordinal: 1, consumers: 1, chainScans: 1 });
  });

  it("counts each consumer's first told place only: one client claiming ten cities is one place", () => {
    const tally = new ScanTally();
    for (const [i, place] of ['北京', '上海', '广州', '深圳'].entries()) tally.count(item, visit('liar', i * 61, { place }));
    expect(tally.count(item, visit('liar', 400, { place: '成都' })).places).toBe(1);
    tally.count(item, visit('b', 500));
    expect(tally.count(item, visit('b', 600, { place: '上海' })).places).toBe(2);
    expect(tally.count(item, visit('c', 700, { place: '北京' })).places).toBe(2);
  });

  it('keeps codes apart', () => {
    const tally = new ScanTally();
    tally.count(item, visit('a', 0));
    expect(tally.count({ ...item, code: '7K3M9Q2RXV0ZAB13' }, visit('b', 0))).toMatchObject({ ordinal: 1, consumers: 1 });
  });
});
