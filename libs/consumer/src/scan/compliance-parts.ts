import { ItemView } from '@suyuan/production';
import { DocRef, DocumentStore } from '@suyuan/readmodels';
import { BatchComplianceView, ItemCompliance, itemCompliance, StandardView } from '@suyuan/standards';
import { Lru } from './lru';

/**
 * An item's verdict: the `"compliance":…` JSON member, serialised, and the verdict the page's
 * card is rendered from (with its batch and journey, once per language, kept with the batch).
 */
export interface CompliancePart {
  json: Buffer;
  verdict: ItemCompliance | null;
}

interface BatchEntry {
  doc?: BatchComplianceView;
  standard?: StandardView;
  /** Per carton: items of one carton went the same way, so they share one verdict. */
  byCarton: Map<string, CompliancePart>;
}

/*
 * What a batch's entry costs the cache's memory budget, estimated when it is made: its record
 * and standard, and for each cohort (cartons judged alike) its facts and serialised verdicts.
 */
const ENTRY_BYTES = 4096;
const BYTES_PER_COHORT = 2048;

const NONE = compliancePart(undefined);

/** The verdict as the scan path keeps it; no verdict while no standard is in force. */
export function compliancePart(verdict: ItemCompliance | undefined): CompliancePart {
  return { json: Buffer.from(`"compliance":${JSON.stringify(verdict ?? null)}`), verdict: verdict ?? null };
}

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
    this.batches = new Lru(budgetBytes, (entry) => ENTRY_BYTES + (entry.doc ? entry.doc.cohorts.length * BYTES_PER_COHORT : 0));
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
      part = verdict ? compliancePart(verdict) : NONE;
      entry.byCarton.set(item.cartonId, part);
    }
    return part;
  }
}
