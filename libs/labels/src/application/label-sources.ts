import { Inject, Injectable } from '@nestjs/common';
import { itemScanUrl } from '@suyuan/codes';
import { APP_CONFIG, AppConfig } from '@suyuan/platform';
import { BatchView, ItemView } from '@suyuan/production';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { CertificateFields } from '../domain/certificate-form';
import { LabelSelection } from '../domain/events';
import { ItemLabel } from '../domain/label-content';
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
  longestUrlBytes(batch: BatchView, codes: readonly string[]): number {
    let longest = 0;
    for (const code of codes) {
      const url = itemScanUrl(this.config.publicBaseUrl, { code, gtin14: batch.product.gtin, lotCode: batch.lotCode });
      longest = Math.max(longest, Buffer.byteLength(url));
    }
    return longest;
  }
}

/** The batch's 承诺达标合格证 as a certificate label prints it, if it has one. */
export function certificateOf(batch: BatchView): CertificateFields | undefined {
  return batch.certificate && { ...batch.certificate, basis: [...batch.certificate.basis] };
}
