import { StoredDomainEvent, eventTypes } from '@suyuan/core';
import { DocReader, DocRef, DocWrite, Projection } from '@suyuan/readmodels';
import { FacilityView, OrganizationView } from '@suyuan/registry';
import { TransformationEvent, TransformationRecorded } from '../domain/events';
import { LineageEdge, LineageView, TraceTransformationView } from './lineage.views';

const lineageRef = (id: string): DocRef => ({ collection: 'lineage', id });

/**
 * The family tree: each transformation adds a child edge to every input lot (one per output)
 * and a parent edge to every output lot (one per input), and keeps the transformation itself
 * for traces to show.
 */
export const lineageProjection: Projection<TransformationEvent> = {
  name: 'lineage',
  eventTypes: eventTypes<TransformationEvent>({ TransformationRecorded: true }),
  reads(event) {
    const d = event.data;
    return [
      ...[...d.inputs, ...d.outputs].map((lot) => lineageRef(lot.batchId)),
      { collection: 'organizations', id: d.processorId },
      { collection: 'organizations', id: event.metadata.organizationId },
      { collection: 'facilities', id: d.plantId },
    ];
  },
  apply(event, docs) {
    return [...familyWrites(event.data, docs), transformationWrite(event, docs)];
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

function transformationWrite(event: StoredDomainEvent<TransformationRecorded>, docs: DocReader): DocWrite {
  const d = event.data;
  const processor = docs.get<OrganizationView>('organizations', d.processorId);
  const plant = docs.get<FacilityView>('facilities', d.plantId);
  const recorder = docs.get<OrganizationView>('organizations', event.metadata.organizationId);
  const view: TraceTransformationView = {
    id: d.transformationId,
    process: d.process,
    processor: { id: d.processorId, name: processor?.name ?? d.processorId },
    plant: { id: d.plantId, name: plant?.name ?? d.plantId, ...(plant && { region: plant.region }) },
    startedAt: d.startedAt,
    endedAt: d.endedAt,
    steps: d.steps,
    inputs: d.inputs.map((i) => i.batchId),
    outputs: d.outputs.map((o) => o.batchId),
    ...(d.quarantineCertificateNo !== undefined && { quarantineCertificateNo: d.quarantineCertificateNo }),
    ...(d.yieldPct !== undefined && { yieldPct: d.yieldPct }),
    recordedBy: {
      organizationId: event.metadata.organizationId,
      organizationName: recorder?.name ?? event.metadata.organizationId,
      keyId: event.metadata.keyId,
      recordedAt: event.metadata.recordedAt,
    },
  };
  return { collection: 'traceTransformations', id: view.id, doc: view };
}
