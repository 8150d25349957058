import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ItemView, SALE_HOLDS, SaleHoldView } from '@suyuan/production';
import { DocChange, DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { PassportSuspension } from '../passport/item-passport';

/**
 * The regulators' holds standing now, in memory, by unit: a scan looks up its item, carton and
 * lot (three map lookups, none while nothing is held), so holding a lot of 10,000 items
 * rewrites none of them. Filled at start from the `saleHolds` read model and kept by its changes.
 */
@Injectable()
export class SaleHoldIndex implements OnModuleInit {
  private readonly standing = new Map<string, PassportSuspension>();

  constructor(@Inject(DOCUMENT_STORE) private readonly docs: DocumentStore) {
    docs.onChange((changes) => this.changed(changes));
  }

  async onModuleInit(): Promise<void> {
    for (const hold of await this.docs.find<SaleHoldView>(SALE_HOLDS)) this.put(hold.id, hold);
  }

  /** The hold that stops this item's sale: its own, its carton's, or its lot's. */
  of(item: Pick<ItemView, 'code' | 'cartonId' | 'batchId'>): PassportSuspension | undefined {
    if (this.standing.size === 0) return undefined;
    return (
      this.standing.get(`item:${item.code}`) ?? this.standing.get(`carton:${item.cartonId}`) ?? this.standing.get(`lot:${item.batchId}`)
    );
  }

  private put(id: string, hold: SaleHoldView | null | undefined): void {
    if (!hold || hold.releasedAt !== undefined) this.standing.delete(id);
    else this.standing.set(id, { unit: hold.unit.kind, reason: hold.reason, since: hold.heldAt });
  }

  private changed(changes: readonly DocChange[]): void {
    for (const change of changes) {
      if (change.collection !== SALE_HOLDS) continue;
      // Written by another connection (a projector worker): read it back.
      if (change.doc === undefined) void this.docs.get<SaleHoldView>(SALE_HOLDS, change.id).then((hold) => this.put(change.id, hold));
      else this.put(change.id, change.doc as SaleHoldView | null);
    }
  }
}
