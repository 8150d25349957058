import { ItemView } from '@suyuan/production';
import { DocRef, DocumentStore } from '@suyuan/readmodels';
import { BatchComplianceView, itemCompliance, StandardView } from '@suyuan/standards';
import { renderCompliance } from '../page/compliance-section';
import { Lang } from '../page/i18n';
import { Lru } from './lru';

/** An item's verdict, serialised: the `"compliance":…` JSON member and the page section per language. */
export interface CompliancePart {
  json: Buffer;
  html: Record<Lang, Buffer>;
}

interface BatchEntry {
  doc?: BatchComplianceView;
  standard?: StandardView;
  /** Per carton: items of one carton went the same way, so they share one verdict. */
  byCarton: Map<string, CompliancePart>;
}

const NONE: CompliancePart = {
  json: Buffer.from('"compliance":null'),
  html: { zh: Buffer.from(renderCompliance(undefined, 'zh')), en: Buffer.from(renderCompliance(undefined, 'en')) },
};

/**
 * The compliance verdicts of the scan path, per batch and carton, kept serialised until the
 * batch's compliance record or its product's standard changes.
 */
export class ComplianceParts {
  private readonly batches: Lru<string, BatchEntry>;

  constructor(
    private readonly docs: DocumentStore,
    budgetBytes: number,
  ) {
    this.batches = new Lru(budgetBytes, (entry) => 4096 + (entry.doc ? entry.doc.cohorts.length * 2048 : 0));
  }

  fromMemory(item: ItemView): CompliancePart | undefined {
    const entry = this.batches.get(item.batchId);
    return entry && this.part(entry, item);
  }

  async load(item: ItemView): Promise<CompliancePart> {
    const cached = this.fromMemory(item);
    if (cached) return cached;
    const doc = await this.docs.get<BatchComplianceView>('compliance', item.batchId);
    const standard = doc && (await this.docs.get<StandardView>('standards', doc.productId));
    const entry: BatchEntry = { doc, standard, byCarton: new Map() };
    this.batches.set(item.batchId, entry);
    return this.part(entry, item);
  }

  forget(w: DocRef): void {
    if (w.collection === 'compliance') this.batches.delete(w.id);
    // A new version may re-judge any batch of the product; versions are rare, so start afresh.
    else if (w.collection === 'standards') this.batches.clear();
  }

  private part(entry: BatchEntry, item: ItemView): CompliancePart {
    let part = entry.byCarton.get(item.cartonId);
    if (!part) {
      const verdict = itemCompliance(entry.doc, entry.standard, item);
      part = verdict
        ? {
            json: Buffer.from(`"compliance":${JSON.stringify(verdict)}`),
            html: { zh: Buffer.from(renderCompliance(verdict, 'zh')), en: Buffer.from(renderCompliance(verdict, 'en')) },
          }
        : NONE;
      entry.byCarton.set(item.cartonId, part);
    }
    return part;
  }
}
