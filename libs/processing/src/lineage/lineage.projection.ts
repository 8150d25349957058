import { eventTypes } from '@suyuan/core';
import { DocReader, DocWrite, Projection } from '@suyuan/readmodels';
import { TransformationEvent, TransformationRecorded } from '../domain/events';
import { LineageEdge, LineageView } from './lineage.views';

/**
 * The family tree: each transformation adds a child edge to every input lot (one per output)
 * and a parent edge to every output lot (one per input).
 */
export const lineageProjection: Projection<TransformationEvent> = {
  name: 'lineage',
  eventTypes: eventTypes<TransformationEvent>({ TransformationRecorded: true }),
  reads(event) {
    return [...event.data.inputs, ...event.data.outputs].map((lot) => ({ collection: 'lineage', id: lot.batchId }));
  },
  apply(event, docs) {
    return familyWrites(event.data, docs);
  },
};

function familyWrites(d: TransformationRecorded['data'], docs: DocReader): DocWrite[] {
  const at = d.endedAt;
  const lots = new Map<string, LineageView>();
  const lot = (batchId: string, identity: Omit<LineageView, 'id' | 'parents' | 'children'>) => {
    const known = lots.get(batchId) ?? docs.get<LineageView>('lineage', batchId);
    const view = known ?? { id: batchId, ...identity, parents: [], children: [] };
    lots.set(batchId, view);
    return view;
  };
  for (const input of d.inputs) {
    const edgeOf = (other: { batchId: string; lotCode: string; productId: string }): LineageEdge => ({
      batchId: other.batchId,
      lotCode: other.lotCode,
      productId: other.productId,
      transformationId: d.transformationId,
      quantity: input.quantity,
      ...(input.weightKg !== undefined && { weightKg: input.weightKg }),
      ...(input.cartonIds && { cartonIds: input.cartonIds }),
      at,
    });
    for (const output of d.outputs) {
      const parent = lot(input.batchId, { lotCode: input.lotCode, productId: input.productId, ownerId: input.ownerId });
      lots.set(input.batchId, { ...parent, children: withEdge(parent.children, edgeOf(output)) });
      const child = lot(output.batchId, { lotCode: output.lotCode, productId: output.productId, ownerId: d.processorId });
      lots.set(output.batchId, { ...child, parents: withEdge(child.parents, edgeOf(input)) });
    }
  }
  return [...lots.values()].map((doc) => ({ collection: 'lineage', id: doc.id, doc }));
}

/** An edge once per transformation and lot: the same event projected again adds nothing. */
function withEdge(edges: LineageEdge[], edge: LineageEdge): LineageEdge[] {
  const rest = edges.filter((e) => e.batchId !== edge.batchId || e.transformationId !== edge.transformationId);
  return [...rest, edge];
}
