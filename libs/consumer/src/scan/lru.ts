/**
 * A Map that forgets entries not used lately once their total size passes `capacity`
 * (in whatever unit `sizeOf` counts: entries, or bytes; an entry is sized when set).
 * Second-chance eviction: a hit only marks the entry, so the scan path's lookups do not
 * reorder the map; eviction passes over marked entries once, clearing their mark.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, { value: V; size: number; used: boolean }>();
  private total = 0;

  constructor(
    private readonly capacity: number,
    private readonly sizeOf: (value: V) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    const entry = this.map.get(key);
    if (entry === undefined) return undefined;
    entry.used = true;
    return entry.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const size = this.sizeOf(value);
    this.map.set(key, { value, size, used: false });
    this.total += size;
    this.evict(key);
  }

  delete(key: K): void {
    const entry = this.map.get(key);
    if (entry === undefined) return;
    this.map.delete(key);
    this.total -= entry.size;
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }

  get size(): number {
    return this.total;
  }

  private evict(newest: K): void {
    for (const [key, entry] of this.map) {
      if (this.total <= this.capacity || key === newest) return;
      this.map.delete(key);
      if (entry.used) {
        entry.used = false;
        this.map.set(key, entry);
      } else {
        this.total -= entry.size;
      }
    }
  }
}
