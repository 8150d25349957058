import { notFound } from '@suyuan/core';
import { CartonView } from '@suyuan/logistics';
import { ItemView, Viewer } from '@suyuan/production';
import { DocumentStore, docKey } from '@suyuan/readmodels';
import { TraceStepsView } from '../lineage/lineage.views';
import { TransformationView } from '../transformations/transformation.views';
import { TraceBounds, encodeCursor, page } from './bounds';
import { TraceBackLot, TraceBackResult } from './trace.views';
import { LoadedLot, loadLots, startingLot, tracedLot } from './traced-lots';
import { walk } from './walk';

export type BackStart = { item: string } | { carton: string } | { lot: string };

/**
 * 追溯: from an item, a carton or a lot back through every transformation to the plots, farm
 * inputs, tests and household purchases of its ancestors, and who recorded each step. Reads the
 * read models only. Lots the reader may not read whole show who and where they are, no more.
 */
export async function traceBack(docs: DocumentStore, viewer: Viewer, start: BackStart, bounds: TraceBounds): Promise<TraceBackResult> {
  const from = await resolve(docs, start);
  await startingLot(docs, viewer, from.batchId);
  const walked = await walk(docs, [from.batchId], 'parents', bounds.depth);
  const offset = bounds.offsets.lots ?? 0;
  const { entries, more } = page(walked.lots, offset, bounds.limit);
  const lots = await loadLots(docs, viewer, entries);
  const shown = await lotShown(docs, lots);
  const made = [...new Set(lots.filter((l) => l.readable).flatMap((l) => (l.lineage?.parents ?? []).map((e) => e.transformationId)))];
  const transformations = await docs.getMany<TransformationView>(made.map((id) => ({ collection: 'transformations', id })));
  return {
    start: from,
    depth: bounds.depth,
    total: { lots: walked.lots.length },
    lots: lots.map(shown),
    transformations: [...transformations.values()].filter((t): t is TransformationView => t !== undefined),
    ...(walked.truncated && { truncated: true }),
    ...(more && { nextCursor: encodeCursor({ lots: offset + bounds.limit }) }),
  };
}

async function resolve(docs: DocumentStore, start: BackStart): Promise<TraceBackResult['start']> {
  if ('item' in start) {
    const item = await docs.get<ItemView>('items', start.item);
    if (!item) throw notFound('item_not_found', `no item ${start.item}`, { code: start.item });
    return { item: item.code, batchId: item.batchId };
  }
  if ('carton' in start) {
    const carton = await docs.get<CartonView>('cartons', start.carton);
    if (!carton) throw notFound('carton_not_found', `no carton ${start.carton}`, { cartonId: start.carton });
    return { carton: carton.id, batchId: carton.batchId };
  }
  return { batchId: start.lot };
}

/**
 * Each lot as the reader sees it: who and where it is, and for a reader of the whole lot its
 * production record and who recorded each step (assigned onto the identity, not spread: see tracedLot).
 */
async function lotShown(docs: DocumentStore, lots: LoadedLot[]): Promise<(lot: LoadedLot) => TraceBackLot> {
  const readable = lots.filter((l) => l.readable);
  const steps = await docs.getMany<TraceStepsView>(readable.map((l) => ({ collection: 'traceSteps', id: l.batchId })));
  return (lot) => {
    const traced = tracedLot(lot, 'parents');
    if (!lot.readable) return traced;
    const { batch } = lot;
    const supplies = batch.supplies ?? [];
    return Object.assign(traced, {
      quantities: batch.quantities,
      harvests: batch.harvests,
      farmInputs: batch.farmInputs,
      preCooling: batch.preCooling,
      tests: batch.tests,
      packings: batch.packings.map((p) => ({
        packingId: p.packingId,
        facilityId: p.facilityId,
        facilityName: p.facilityName,
        packedAt: p.packedAt,
        itemCount: p.itemCount,
      })),
      produced: supplies.flatMap((s) =>
        s.kind === 'production' ? [{ transformationId: s.transformationId, quantity: s.quantity, producedAt: s.producedAt }] : [],
      ),
      purchases: supplies.flatMap((s) =>
        s.kind === 'household_purchase'
          ? [
              {
                purchaseId: s.purchaseId,
                personId: s.personId,
                quantity: s.quantity,
                purchasedAt: s.purchasedAt,
                harvestedAt: s.harvestedAt,
                certificateNo: s.certificateNo,
              },
            ]
          : [],
      ),
      certificate: batch.certificate && {
        certificateNo: batch.certificate.certificateNo,
        issuedAt: batch.certificate.issuedAt,
        withdrawnAt: batch.certificate.withdrawnAt,
      },
      steps: steps.get(docKey('traceSteps', lot.batchId))?.steps ?? [],
    });
  };
}
