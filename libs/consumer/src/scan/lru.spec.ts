import { Lru } from './lru';

describe('Lru', () => {
  it('forgets the least recently used entry beyond its capacity', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
  });

  it('counts by size when told how, and always keeps the newest entry', () => {
    const lru = new Lru<string, Buffer>(10, (b) => b.length);
    lru.set('a', Buffer.alloc(4));
    lru.set('b', Buffer.alloc(4));
    expect(lru.size).toBe(8);
    lru.set('c', Buffer.alloc(4));
    expect(lru.get('a')).toBeUndefined();
    expect(lru.size).toBe(8);
    lru.set('huge', Buffer.alloc(50));
    expect(lru.get('huge')?.length).toBe(50);
    expect(lru.size).toBe(50);
    lru.delete('huge');
    expect(lru.size).toBe(0);
  });

  it('replacing a key adjusts the total', () => {
    const lru = new Lru<string, Buffer>(100, (b) => b.length);
    lru.set('a', Buffer.alloc(10));
    lru.set('a', Buffer.alloc(30));
    expect(lru.size).toBe(30);
  });
});
