import { formatDate, formatDateTime, formatNumber, formatQuantity, formatRegion } from './format';
import { MESSAGES } from './i18n';

describe('formatDateTime / formatDate', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('shows Asia/Shanghai time whatever the offset of the input', () => {
    expect(formatDateTime('2026-06-12T22:30:00Z')).toBe('2026-06-13 06:30');
    expect(formatDateTime('2026-06-13T06:30:00+08:00')).toBe('2026-06-13 06:30');
    expect(formatDateTime('2026-12-31T16:05:09.999Z')).toBe('2027-01-01 00:05');
    expect(formatDate('2026-06-12T22:30:00Z')).toBe('2026-06-13');
    expect(formatDate('2026-06-12')).toBe('2026-06-12');
  });

  it('does not depend on the server time zone', () => {
    for (const tz of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
      process.env.TZ = tz;
      expect(formatDateTime('2026-03-08T07:30:00Z')).toBe('2026-03-08 15:30');
    }
  });

  it('gives back what is not a date', () => {
    expect(formatDateTime('soon')).toBe('soon');
    expect(formatDate('')).toBe('');
  });
});

describe('formatNumber', () => {
  it('keeps at most one decimal and no negative zero', () => {
    expect(formatNumber(14.25)).toBe('14.3');
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(-0.04)).toBe('0');
    expect(formatNumber(-1.5)).toBe('-1.5');
  });

  it('never prints NaN or Infinity', () => {
    expect(formatNumber(NaN)).toBe('–');
    expect(formatNumber(Infinity)).toBe('–');
  });
});

describe('formatQuantity / formatRegion', () => {
  it('names units in the page language', () => {
    expect(formatQuantity({ value: 12, unit: 'piece' }, MESSAGES.zh)).toBe('12 件');
    expect(formatQuantity({ value: 12, unit: 'piece' }, MESSAGES.en)).toBe('12 pcs');
    expect(formatQuantity({ value: 2.5, unit: 'kg' }, MESSAGES.zh)).toBe('2.5 kg');
    expect(formatQuantity({ value: 0.25, unit: 'kg' }, MESSAGES.zh)).toBe('250 g');
  });

  it('orders places the way each language does', () => {
    const region = { province: '广东省', city: '韶关市', county: '乐昌市', town: '北乡镇', village: '沙坪村' };
    expect(formatRegion(region, MESSAGES.zh)).toBe('广东省韶关市乐昌市北乡镇沙坪村');
    expect(formatRegion(region, MESSAGES.en)).toBe('沙坪村, 北乡镇, 乐昌市, 韶关市, 广东省');
    expect(formatRegion(region, MESSAGES.zh, false)).toBe('乐昌市北乡镇沙坪村');
    expect(formatRegion({ county: '乐昌市' }, MESSAGES.en, false)).toBe('乐昌市');
  });
});
