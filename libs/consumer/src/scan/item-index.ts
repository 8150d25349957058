import { ItemView } from '@suyuan/production';

/**
 * Every issued code and the few facts its scan needs (batch, carton, grade, weight, and
 * when and why it was voided), in memory. An item changes only when its code is voided,
 * and the projection's write of it replaces the entry, so an entry is never stale: the
 * index is filled from the read model at start, kept by the projections' writes and read
 * through after that. Strings that many items share (batch, carton, grade, packing ids,
 * times) are kept once. The code that replaced a voided one is not kept: no scan shows it.
 */
export class ItemIndex {
  private readonly items = new Map<string, ItemView>();
  private readonly shared = new Map<string, string>();

  get(code: string): ItemView | undefined {
    return this.items.get(code);
  }

  add(item: ItemView): ItemView {
    const compact: ItemView = {
      code: item.code,
      batchId: this.intern(item.batchId),
      cartonId: this.intern(item.cartonId),
      grade: this.intern(item.grade),
      netWeight: { value: item.netWeight.value, unit: this.intern(item.netWeight.unit) },
      packingId: this.intern(item.packingId),
      packedAt: this.intern(item.packedAt),
      facilityId: this.intern(item.facilityId),
      ...(item.voided && { voided: { at: item.voided.at, reason: item.voided.reason } }),
    };
    this.items.set(compact.code, compact);
    return compact;
  }

  get size(): number {
    return this.items.size;
  }

  private intern(value: string): string {
    const known = this.shared.get(value);
    if (known !== undefined) return known;
    this.shared.set(value, value);
    return value;
  }
}
