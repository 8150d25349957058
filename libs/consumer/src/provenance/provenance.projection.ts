import { eventTypes, StoredDomainEvent } from '@suyuan/core';
import { TransformationRecorded } from '@suyuan/processing';
import {
  BatchHarvested,
  BatchHeld,
  BatchHoldLifted,
  BatchPurchasedFromHousehold,
  BatchView,
  QualityTestRecorded,
} from '@suyuan/production';
import { DocReader, DocRef, DocWrite, Projection } from '@suyuan/readmodels';
import { FacilityView, OrganizationView, PersonDoc } from '@suyuan/registry';
import type { PassportProcessing } from '../passport/item-passport';
import { householdPlace, LotDocs, madeFromHouseholds, madeFromInputs } from './lot-origins';
import { LotProvenanceView } from './provenance.views';

/** A transformation, and every fact of a lot that its descendants' passports show: harvests, tests, holds, purchases. */
export type ProvenanceEvent =
  TransformationRecorded | BatchHarvested | QualityTestRecorded | BatchHeld | BatchHoldLifted | BatchPurchasedFromHousehold;

const PROVENANCE = 'provenance';
const provenanceRef = (id: string): DocRef => ({ collection: PROVENANCE, id });
const batchRef = (id: string): DocRef => ({ collection: 'batches', id });

/**
 * Where processed and bought-in lots come from, as their passports show it. A transformation
 * links its inputs to its outputs both ways: each output keeps its inputs, each input the lots
 * made from it, so a fact recorded on an input later (a failed test) reaches every lot made from
 * it, down the generations, in the same transaction. Runs after the batches projection: it
 * reads the batches as that event left them.
 */
export const provenanceProjection: Projection<ProvenanceEvent> = {
  name: PROVENANCE,
  eventTypes: eventTypes<ProvenanceEvent>({
    TransformationRecorded: true,
    BatchHarvested: true,
    QualityTestRecorded: true,
    BatchHeld: true,
    BatchHoldLifted: true,
    BatchPurchasedFromHousehold: true,
  }),
  reads(event) {
    switch (event.type) {
      case 'TransformationRecorded': {
        const d = event.data;
        return [
          { collection: 'organizations', id: d.processorId },
          { collection: 'facilities', id: d.plantId },
          ...d.inputs.flatMap((input) => [batchRef(input.batchId), provenanceRef(input.batchId)]),
          ...d.outputs.map((output) => provenanceRef(output.batchId)),
        ];
      }
      case 'BatchPurchasedFromHousehold': {
        const d = event.data;
        return [provenanceRef(d.batchId), batchRef(d.batchId), { collection: 'persons', id: d.personId }];
      }
      case 'BatchHarvested':
      case 'QualityTestRecorded':
      case 'BatchHeld':
      case 'BatchHoldLifted':
        return [provenanceRef(event.data.batchId)];
      default: {
        const unknown: never = event;
        throw new Error(`Unknown provenance event: ${JSON.stringify(unknown)}`);
      }
    }
  },
  apply(event, docs) {
    const lots = new LotProvenances(docs);
    switch (event.type) {
      case 'TransformationRecorded':
        recordTransformation(event, lots, docs);
        break;
      case 'BatchPurchasedFromHousehold': {
        const d = event.data;
        const doc = lots.provenance(d.batchId) ?? emptyProvenance(d.batchId);
        const region = docs.get<PersonDoc>('persons', d.personId)?.region;
        lots.put({ ...doc, households: { ...doc.households, [d.personId]: region ? householdPlace(region) : null } });
        lots.refreshWithDescendants(d.batchId);
        break;
      }
      case 'BatchHarvested':
      case 'QualityTestRecorded':
      case 'BatchHeld':
      case 'BatchHoldLifted':
        lots.refreshWithDescendants(event.data.batchId);
        break;
      default: {
        const unknown: never = event;
        throw new Error(`Unknown provenance event: ${JSON.stringify(unknown)}`);
      }
    }
    return lots.writes();
  },
};

function recordTransformation(event: StoredDomainEvent<TransformationRecorded>, lots: LotProvenances, docs: DocReader): void {
  const d = event.data;
  const plant = docs.get<FacilityView>('facilities', d.plantId);
  const productOf = (batchId: string) => {
    const product = docs.get<BatchView>('batches', batchId)?.product;
    return { nameZh: product?.nameZh ?? '', nameEn: product?.nameEn ?? '' };
  };
  const processing: PassportProcessing = {
    transformationId: d.transformationId,
    processor: { name: docs.get<OrganizationView>('organizations', d.processorId)?.name ?? '' },
    plant: { name: plant?.name ?? '', region: plant?.region ?? { county: '' } },
    process: d.process,
    startedAt: d.startedAt,
    endedAt: d.endedAt,
    steps: d.steps,
    ...(d.quarantineCertificateNo !== undefined && { quarantineCertificateNo: d.quarantineCertificateNo }),
    ...(d.yieldPct !== undefined && { yieldPct: d.yieldPct }),
    inputs: d.inputs.map((input) => ({ lotCode: input.lotCode, product: productOf(input.batchId), quantity: input.quantity })),
    outputs: d.outputs.map((output) => ({ lotCode: output.lotCode, quantity: output.quantity })),
  };
  const outputIds = d.outputs.map((output) => output.batchId);
  for (const input of d.inputs) {
    const doc = lots.provenance(input.batchId) ?? emptyProvenance(input.batchId);
    lots.put({ ...doc, madeInto: [...new Set([...doc.madeInto, ...outputIds])] });
  }
  const edges = d.inputs.map((input) => ({
    transformationId: d.transformationId,
    batchId: input.batchId,
    quantity: input.quantity,
    ...(input.weightKg !== undefined && { weightKg: input.weightKg }),
    startedAt: d.startedAt,
  }));
  for (const id of outputIds) {
    const doc = lots.provenance(id) ?? emptyProvenance(id);
    const other = <T extends { transformationId: string }>(entries: T[]) =>
      entries.filter((e) => e.transformationId !== d.transformationId);
    lots.put({ ...doc, inputs: [...other(doc.inputs), ...edges], transformations: [...other(doc.transformations), processing] });
    lots.refreshWithDescendants(id);
  }
}

function emptyProvenance(id: string): LotProvenanceView {
  return { id, madeInto: [], inputs: [], transformations: [], households: {}, sourceIds: { cooperatives: [], persons: [] } };
}

/** The provenance documents one event changes, each computed from those before it in the family tree. */
class LotProvenances {
  private readonly changed = new Map<string, LotProvenanceView>();

  constructor(private readonly docs: DocReader) {}

  provenance(id: string): LotProvenanceView | undefined {
    return this.changed.get(id) ?? this.docs.get<LotProvenanceView>(PROVENANCE, id);
  }

  put(doc: LotProvenanceView): void {
    this.changed.set(doc.id, doc);
  }

  /** The lot's own passport part, then every lot made from it, each after the lots it was made from. */
  refreshWithDescendants(id: string): void {
    const order: string[] = [];
    const seen = new Set<string>();
    // Depth first, each lot after all lots made from it: reversed, every lot comes after its inputs.
    const visit = (lot: string) => {
      if (seen.has(lot)) return;
      seen.add(lot);
      for (const child of this.provenance(lot)?.madeInto ?? []) visit(child);
      order.push(lot);
    };
    visit(id);
    for (const lot of order.reverse()) this.refresh(lot);
  }

  /** Only the documents that differ from what is stored. */
  writes(): DocWrite[] {
    return [...this.changed.values()]
      .filter((doc) => JSON.stringify(doc) !== JSON.stringify(this.docs.get(PROVENANCE, doc.id)))
      .map((doc) => ({ collection: PROVENANCE, id: doc.id, doc }));
  }

  private refresh(id: string): void {
    const doc = this.provenance(id);
    if (!doc) return;
    if (doc.inputs.length > 0) {
      this.put({ ...doc, ...madeFromInputs(doc, (lot) => this.lot(lot)) });
      return;
    }
    const batch = Object.keys(doc.households).length > 0 ? this.docs.get<BatchView>('batches', id) : undefined;
    if (batch) this.put({ ...doc, ...madeFromHouseholds(batch, doc.households) });
  }

  private lot(id: string): LotDocs {
    return { batch: this.docs.get<BatchView>('batches', id), provenance: this.provenance(id) };
  }
}
