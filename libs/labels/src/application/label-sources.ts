import { Inject, Injectable } from '@nestjs/common';
import { itemScanUrl } from '@suyuan/codes';
import { APP_CONFIG, AppConfig } from '@suyuan/platform';
import { BatchView, ItemView } from '@suyuan/production';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { CertificateFields } from '../domain/certificate-form';
import { LabelSelection } from '../domain/events';
import { CartonLabel, cartonPageUrl, ItemLabel } from '../domain/label-content';
import { selectedItems } from './label-selection';

/** What labels say, from the batch's record and its items. */
@Injectable()
export class LabelSources {
  constructor(
    @Inject(DOCUMENT_STORE) readonly docs: DocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async itemLabels(batch: BatchView, selection: LabelSelection): Promise<ItemLabel[]> {
    return (await selectedItems(this.docs, batch, selection)).map((item) => this.itemLabel(batch, item));
  }

  /** One label a carton of the selection, in carton order, with the grades and count of what it holds. */
  async cartonLabels(batch: BatchView, selection: LabelSelection): Promise<CartonLabel[]> {
    const cartons = new Map<string, CartonLabel>();
    for (const item of await selectedItems(this.docs, batch, selection)) {
      let label = cartons.get(item.cartonId);
      if (!label) {
        label = {
          cartonId: item.cartonId,
          url: cartonPageUrl(this.config.publicBaseUrl, item.cartonId),
          productName: batch.product.nameZh,
          grades: [],
          lotCode: batch.lotCode,
          itemCount: 0,
        };
        cartons.set(item.cartonId, label);
      }
      label.itemCount++;
      if (!label.grades.includes(item.grade)) label.grades.push(item.grade);
    }
    return [...cartons.values()];
  }

  itemLabel(batch: BatchView, item: ItemView): ItemLabel {
    return {
      code: item.code,
      url: itemScanUrl(this.config.publicBaseUrl, { code: item.code, gtin14: batch.product.gtin, lotCode: batch.lotCode }),
      productName: batch.product.nameZh,
      grade: item.grade,
      lotCode: batch.lotCode,
      netWeight: item.netWeight,
      cartonId: item.cartonId,
    };
  }

  /** The payload of the longest QR a job would print, to check its layout before anything is recorded. */
  longestUrlBytes(batch: BatchView, codes: readonly string[], cartons = false): number {
    let longest = 0;
    for (const code of codes) {
      const url = cartons
        ? cartonPageUrl(this.config.publicBaseUrl, code)
        : itemScanUrl(this.config.publicBaseUrl, { code, gtin14: batch.product.gtin, lotCode: batch.lotCode });
      longest = Math.max(longest, Buffer.byteLength(url));
    }
    return longest;
  }
}

/** The batch's 承诺达标合格证 as a certificate label prints it, if it has one. */
export function certificateOf(batch: BatchView): CertificateFields | undefined {
  return batch.certificate && { ...batch.certificate, basis: [...batch.certificate.basis] };
}
