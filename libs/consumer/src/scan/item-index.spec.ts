import { packedItem } from './item.fixtures';
import { ItemIndex } from './item-index';

const item = packedItem;

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

  it('keeps when and why a code was voided, and not the code that replaced it', () => {
    const index = new ItemIndex();
    index.add(item('AAAAAAAAAAAAAAAA', 'CT1'));
    index.add({
      ...item('AAAAAAAAAAAAAAAA', 'CT1'),
      voided: { at: '2026-07-20T02:00:00.000Z', reason: 'lost', replacedBy: 'BBBBBBBBBBBBBBBB' },
    });
    expect(index.get('AAAAAAAAAAAAAAAA')?.voided).toEqual({ at: '2026-07-20T02:00:00.000Z', reason: 'lost' });
  });
});
