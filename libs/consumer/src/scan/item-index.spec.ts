import { ItemIndex } from './item-index';

const item = (code: string, cartonId: string) => ({
  code,
  batchId: 'B1',
  cartonId,
  grade: '特级',
  netWeight: { value: 2.5, unit: 'kg' },
  packingId: 'PK1',
  packedAt: '2026-07-15T03:00:00.000Z',
  facilityId: 'FAC1',
});

describe('ItemIndex', () => {
  it('finds what was added, and nothing else', () => {
    const index = new ItemIndex();
    index.add(item('AAAAAAAAAAAAAAAA', 'CT1'));
    expect(index.get('AAAAAAAAAAAAAAAA')).toEqual(item('AAAAAAAAAAAAAAAA', 'CT1'));
    expect(index.get('BBBBBBBBBBBBBBBB')).toBeUndefined();
    expect(index.size).toBe(1);
  });

  it('a code added again replaces its entry', () => {
    const index = new ItemIndex();
    index.add(item('AAAAAAAAAAAAAAAA', 'CT1'));
    index.add(item('AAAAAAAAAAAAAAAA', 'CT2'));
    expect(index.get('AAAAAAAAAAAAAAAA')?.cartonId).toBe('CT2');
    expect(index.size).toBe(1);
  });
});
