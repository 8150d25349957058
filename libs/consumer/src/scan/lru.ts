/**
 * A Map that forgets its least recently used entries once their total size passes
 * `capacity` (in whatever unit `sizeOf` counts: entries, or bytes).
 */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  private total = 0;

  constructor(
    private readonly capacity: number,
    private readonly sizeOf: (value: V) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    this.map.set(key, value);
    this.total += this.sizeOf(value);
    for (const [oldest, old] of this.map) {
      if (this.total <= this.capacity || oldest === key) break;
      this.map.delete(oldest);
      this.total -= this.sizeOf(old);
    }
  }

  delete(key: K): void {
    const value = this.map.get(key);
    if (value === undefined) return;
    this.map.delete(key);
    this.total -= this.sizeOf(value);
  }

  get size(): number {
    return this.total;
  }
}
