import { Inject, Injectable } from '@nestjs/common';
import { Actor, forbidden } from '@suyuan/core';
import { itemScanUrl } from '@suyuan/codes';
import { CartonView } from '@suyuan/logistics';
import { APP_CONFIG, AppConfig } from '@suyuan/platform';
import { found } from '@suyuan/platform/nest';
import { BatchView, ItemView, latestRecall } from '@suyuan/production';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { FacilityView } from '@suyuan/registry';

/** What a carton's label opens, for anyone: what is in it, never which codes. */
export interface CartonPage {
  cartonId: string;
  product: { nameZh: string; nameEn: string };
  lotCode: string;
  producer: string;
  grades: string[];
  itemCount: number;
  packedAt?: string;
  status: CartonView['status'];
  /** The latest recall covering its lot: nothing of it is to be sold, whoever holds the carton. */
  recall?: { recallId: string; class: string; reason: string };
  /** Where the organizations owning or holding the carton read its items, with their API key. */
  itemsAt: string;
}

/**
 * Carton pages: the public one a carton label's QR opens, and the item list behind it. A public
 * list of a carton's codes would hand a counterfeiter a carton's worth of valid codes, so the
 * list is only for the batch's owner and the organizations whose places held the carton.
 */
@Injectable()
export class CartonPages {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async page(cartonId: string): Promise<CartonPage> {
    const { carton, batch } = await this.carton(cartonId);
    const items = await this.docs.find<ItemView>('items', { batchId: batch.id, cartonId });
    return {
      cartonId,
      product: { nameZh: batch.product.nameZh, nameEn: batch.product.nameEn },
      lotCode: batch.lotCode,
      producer: batch.cooperative.name,
      grades: [...new Set(items.map((i) => i.grade))],
      itemCount: carton.itemCount,
      packedAt: batch.packings.find((p) => p.cartonIds.includes(cartonId))?.packedAt,
      status: carton.status,
      ...cartonRecall(batch),
      itemsAt: `/api/cartons/${encodeURIComponent(cartonId)}/items`,
    };
  }

  async items(actor: Actor, cartonId: string) {
    const { carton, batch } = await this.carton(cartonId);
    if (!(await this.ownsOrHeld(actor, carton, batch)))
      throw forbidden(
        'not_allowed_to_read',
        `the items of carton ${cartonId} are listed for the organization owning its batch and those whose places held it; its page shows the rest`,
      );
    const items = await this.docs.find<ItemView>('items', { batchId: batch.id, cartonId });
    // The carton holds its items under their standing codes: a voided code's replacement, not the code.
    return items
      .filter((item) => !item.voided)
      .map((item) => ({
        code: item.code,
        grade: item.grade,
        netWeight: item.netWeight,
        scanUrl: itemScanUrl(this.config.publicBaseUrl, { code: item.code, gtin14: batch.product.gtin, lotCode: batch.lotCode }),
      }));
  }

  private async carton(cartonId: string): Promise<{ carton: CartonView; batch: BatchView }> {
    const carton = found(await this.docs.get<CartonView>('cartons', cartonId), 'carton', cartonId);
    const batch = found(await this.docs.get<BatchView>('batches', carton.batchId), 'batch', carton.batchId);
    return { carton, batch };
  }

  private async ownsOrHeld(actor: Actor, carton: CartonView, batch: BatchView): Promise<boolean> {
    if (actor.role === 'admin' || batch.cooperative.id === actor.organizationId) return true;
    const places = await this.docs.getMany<FacilityView>(carton.stops.map((s) => ({ collection: 'facilities', id: s.facilityId })));
    return [...places.values()].some((f) => f?.ownerId === actor.organizationId);
  }
}

/** The latest recall covering the carton's lot, without its date: the page says what and why. */
function cartonRecall(batch: BatchView): Pick<CartonPage, 'recall'> {
  const recall = latestRecall(batch);
  return recall ? { recall: { recallId: recall.recallId, class: recall.class, reason: recall.reason } } : {};
}
