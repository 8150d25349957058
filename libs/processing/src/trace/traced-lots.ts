import { forbidden, notFound } from '@suyuan/core';
import { BatchView, Viewer, batchParties, batchReadRight } from '@suyuan/production';
import { DocumentStore, docKey } from '@suyuan/readmodels';
import { TracedLot } from './trace.views';
import { Direction, WalkedLot, edgesOf } from './walk';

/** A walked lot with its batch view (a lot in the tree always has one) and whether the reader may read it whole. */
export interface LoadedLot extends WalkedLot {
  batch: BatchView;
  readable: boolean;
}

/** The batch views of the walked lots, in walk order; a lot without one (not projected yet) is left out. */
export async function loadLots(docs: DocumentStore, viewer: Viewer, walked: readonly WalkedLot[]): Promise<LoadedLot[]> {
  const found = await docs.getMany<BatchView>(walked.map((w) => ({ collection: 'batches', id: w.batchId })));
  return walked.flatMap((w) => {
    const batch = found.get(docKey('batches', w.batchId));
    if (!batch) return [];
    return [
      {
        batchId: w.batchId,
        generation: w.generation,
        lineage: w.lineage,
        batch,
        readable: batchReadRight(viewer, batchParties(batch)) !== undefined,
      },
    ];
  });
}

/** The lot a trace starts from: it exists (404 naming it) and the reader may read it (403). */
export async function startingLot(docs: DocumentStore, viewer: Viewer, batchId: string): Promise<BatchView> {
  const batch = await docs.get<BatchView>('batches', batchId);
  if (!batch) throw notFound('batch_not_found', `no lot (batch) ${batchId}`, { batchId });
  if (!batchReadRight(viewer, batchParties(batch))) throw notAllowed(`lot ${batchId}`);
  return batch;
}

export function notAllowed(what: string) {
  return forbidden(
    'not_allowed_to_read',
    `${what} is traced by those who may read it: its owner, the organizations that took part in it, the standards owner judging it ` +
      'and the regulator over its origin',
  );
}

/**
 * Who and where a lot is, and its edges in the trace's direction: what every reader of the trace
 * sees. One shape for every lot (absent fields undefined, left out of the JSON) and no spreads:
 * a trace builds one per lot, and spreading into literals was most of a trace's cost.
 */
export function tracedLot(lot: LoadedLot, direction: Direction): TracedLot {
  const b = lot.batch;
  const origin = b.origin;
  return {
    batchId: b.id,
    lotCode: b.lotCode,
    generation: lot.generation,
    product: { id: b.product.id, nameZh: b.product.nameZh, nameEn: b.product.nameEn },
    owner: { id: b.cooperative.id, name: b.cooperative.name },
    origin: {
      kind: origin?.kind ?? 'farm_plot',
      place: b.farmPlot,
      transformationId: origin?.kind === 'transformation' ? origin.transformationId : undefined,
    },
    edges: edgesOf(lot.lineage, direction),
    restricted: lot.readable ? undefined : true,
  };
}
