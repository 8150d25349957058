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
});
