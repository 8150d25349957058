import { RecordedEvent } from '@suyuan/eventstore';
import { DocReader, DocRef, DocWrite, Projection } from '@suyuan/readmodels';
import { FacilityView, OrganizationView, ProductView } from '@suyuan/registry';
import {
  BATCH_EVENT_TYPES,
  BatchCertificationRecorded,
  BatchGraded,
  BatchHandedOver,
  BatchHandoverAccepted,
  BatchHandoverEnded,
  BatchHarvested,
  BatchHeld,
  BatchHoldLifted,
  BatchPacked,
  BatchPreCooled,
  BatchRegistered,
  ComplianceCertificateIssued,
  FarmInputApplied,
  QualityTestRecorded,
} from './domain/events';
import { BatchAccessView, BatchView, HandoverView, ItemView } from './batch.views';

const DAY_MS = 86_400_000;
const batchRef = (id: string): DocRef => ({ collection: 'batches', id });
const facilityRef = (id: string): DocRef => ({ collection: 'facilities', id });

/** The batch as cooperatives, regulators and scan pages read it, with names resolved at write time. */
export const batchProjection: Projection = {
  name: 'batches',
  eventTypes: BATCH_EVENT_TYPES,
  reads(event) {
    const d = event.data as { batchId: string; facilityId?: string; labId?: string };
    if (event.type === 'BatchRegistered') {
      const r = event.data as BatchRegistered['data'];
      return [
        { collection: 'products', id: r.productId },
        { collection: 'organizations', id: r.cooperativeId },
        facilityRef(r.farmPlotId),
      ];
    }
    const refs = [batchRef(d.batchId)];
    if (d.facilityId) refs.push(facilityRef(d.facilityId));
    if (d.labId) refs.push({ collection: 'organizations', id: d.labId });
    if (event.type === 'BatchHandedOver') refs.push({ collection: 'organizations', id: (event.data as BatchHandedOver['data']).toOrganizationId });
    const handoverId = (event.data as { handoverId?: string }).handoverId;
    if (handoverId) refs.push({ collection: 'handovers', id: handoverId });
    return refs;
  },
  apply(event, docs) {
    if (event.type === 'BatchRegistered') return [registered(event, docs)];
    const batch = docs.get<BatchView>('batches', (event.data as { batchId: string }).batchId);
    if (!batch) return [];
    const next = evolveBatch(batch, event, docs);
    const writes: DocWrite[] = [{ collection: 'batches', id: next.id, doc: next }];
    if (event.type === 'BatchPacked') writes.push(...itemWrites(event.data as BatchPacked['data']));
    writes.push(...handoverWrites(next, event, docs), ...accessWrites(event));
    return writes;
  },
};

function registered(event: RecordedEvent, docs: DocReader): DocWrite {
  const d = event.data as BatchRegistered['data'];
  const product = docs.get<ProductView>('products', d.productId);
  const coop = docs.get<OrganizationView>('organizations', d.cooperativeId);
  const plot = docs.get<FacilityView>('facilities', d.farmPlotId);
  const view: BatchView = {
    id: d.batchId,
    lotCode: d.lotCode,
    status: 'registered',
    registeredAt: occurredAt(event),
    product: {
      id: d.productId,
      nameZh: product?.nameZh ?? '',
      nameEn: product?.nameEn ?? '',
      category: product?.category ?? '',
      gtin: product?.gtin,
      storageRange: product?.storageRange,
      transportRange: product?.transportRange,
      grades: product?.grades ?? [],
    },
    cooperative: { id: d.cooperativeId, name: coop?.name ?? '', creditCode: coop?.creditCode },
    farmPlot: { id: d.farmPlotId, name: plot?.name ?? '', region: plot?.region ?? { county: '' } },
    plannedQuantity: d.plannedQuantity,
    farmInputs: [],
    harvests: [],
    preCooling: [],
    tests: [],
    grading: [],
    packings: [],
    itemCount: 0,
  };
  return { collection: 'batches', id: view.id, doc: view };
}

function evolveBatch(batch: BatchView, event: RecordedEvent, docs: DocReader): BatchView {
  const facilityName = (id: string) => docs.get<FacilityView>('facilities', id)?.name ?? id;
  switch (event.type) {
    case 'FarmInputApplied': {
      const d = event.data as FarmInputApplied['data'];
      const safeFrom = new Date(Date.parse(d.appliedAt) + d.safetyIntervalDays * DAY_MS).toISOString();
      const input = {
        inputId: d.inputId,
        name: d.inputName,
        activeIngredient: d.activeIngredient,
        kind: d.kind,
        dose: d.dose,
        appliedAt: d.appliedAt,
        safetyIntervalDays: d.safetyIntervalDays,
        safeFrom,
      };
      return { ...batch, farmInputs: [...batch.farmInputs, input] };
    }
    case 'BatchHarvested': {
      const d = event.data as BatchHarvested['data'];
      const harvest = { harvestId: d.harvestId, harvestedAt: d.harvestedAt, quantity: d.quantity };
      return { ...batch, status: batch.status === 'packed' ? 'packed' : 'harvested', harvests: [...batch.harvests, harvest] };
    }
    case 'BatchPreCooled': {
      const d = event.data as BatchPreCooled['data'];
      const step = { ...withoutBatchId(d), facilityName: facilityName(d.facilityId) };
      return { ...batch, preCooling: [...batch.preCooling, step] };
    }
    case 'QualityTestRecorded': {
      const d = event.data as QualityTestRecorded['data'];
      const labName = docs.get<OrganizationView>('organizations', d.labId)?.name ?? d.labId;
      const { facilityId: _facility, ...test } = withoutBatchId(d);
      return { ...batch, tests: [...batch.tests, { ...test, labName }] };
    }
    case 'BatchGraded': {
      const d = event.data as BatchGraded['data'];
      const grading = { ...withoutBatchId(d), facilityName: facilityName(d.facilityId) };
      return { ...batch, grading: [...batch.grading, grading] };
    }
    case 'BatchPacked': {
      const d = event.data as BatchPacked['data'];
      const packing = {
        packingId: d.packingId,
        facilityId: d.facilityId,
        facilityName: facilityName(d.facilityId),
        packedAt: d.packedAt,
        itemCount: d.items.length,
        cartonIds: d.cartons.map((c) => c.cartonId),
      };
      return { ...batch, status: 'packed', packings: [...batch.packings, packing], itemCount: batch.itemCount + d.items.length };
    }
    case 'ComplianceCertificateIssued': {
      const { issuerId: _issuer, ...certificate } = withoutBatchId(event.data as ComplianceCertificateIssued['data']);
      return { ...batch, certificate };
    }
    case 'BatchCertificationRecorded': {
      const certification = withoutBatchId(event.data as BatchCertificationRecorded['data']);
      return { ...batch, certifications: [...(batch.certifications ?? []), certification] };
    }
    case 'BatchHandedOver':
    case 'BatchHandoverAccepted':
    case 'BatchHandoverEnded':
      return { ...batch, custody: evolveCustody(batch.custody ?? [], event, docs) };
    case 'BatchHeld': {
      const d = event.data as BatchHeld['data'];
      const holds = [...(batch.holds ?? []), { family: d.family, testId: d.testId, heldAt: d.heldAt }];
      return withHoldStatus(batch, holds, occurredAt(event));
    }
    case 'BatchHoldLifted': {
      const d = event.data as BatchHoldLifted['data'];
      const holds = (batch.holds ?? []).map((h) =>
        h.family === d.family && h.liftedAt === undefined ? { ...h, liftedAt: d.liftedAt, liftedByTestId: d.testId } : h,
      );
      return withHoldStatus(batch, holds, occurredAt(event));
    }
    default:
      return batch;
  }
}

/** The batch's hand-overs as they stand, each with the name of the organization holding the goods. */
function evolveCustody(custody: NonNullable<BatchView['custody']>, event: RecordedEvent, docs: DocReader): NonNullable<BatchView['custody']> {
  if (event.type === 'BatchHandedOver') {
    const d = event.data as BatchHandedOver['data'];
    const name = docs.get<OrganizationView>('organizations', d.toOrganizationId)?.name ?? d.toOrganizationId;
    return [
      ...custody,
      { id: d.handoverId, toOrganizationId: d.toOrganizationId, toOrganizationName: name, status: 'offered', handedOverAt: d.handedOverAt, ...(d.note !== undefined && { note: d.note }) },
    ];
  }
  if (event.type === 'BatchHandoverAccepted') {
    const d = event.data as BatchHandoverAccepted['data'];
    return custody.map((h) => (h.id === d.handoverId ? { ...h, status: 'accepted', acceptedAt: d.acceptedAt } : h));
  }
  const d = event.data as BatchHandoverEnded['data'];
  return custody.map((h) => (h.id === d.handoverId ? { ...h, status: 'ended', endedAt: d.endedAt, endedBy: d.endedBy } : h));
}

/** While a hold stands, the 承诺达标合格证 issued before it is withdrawn; once every hold is lifted it stands again. */
function withHoldStatus(batch: BatchView, holds: NonNullable<BatchView['holds']>, at: string): BatchView {
  const held = holds.some((h) => h.liftedAt === undefined);
  const certificate = batch.certificate && (held ? { ...batch.certificate, withdrawnAt: batch.certificate.withdrawnAt ?? at } : withoutWithdrawal(batch.certificate));
  return { ...batch, holds, held, ...(certificate && { certificate }) };
}

function withoutWithdrawal(certificate: NonNullable<BatchView['certificate']>): NonNullable<BatchView['certificate']> {
  const { withdrawnAt: _withdrawn, ...rest } = certificate;
  return rest;
}

/** The hand-over's own document, for the receiving organization's list of offers and holdings. */
function handoverWrites(batch: BatchView, event: RecordedEvent, docs: DocReader): DocWrite[] {
  const handoverId = (event.data as { handoverId?: string }).handoverId;
  const entry = handoverId && batch.custody?.find((h) => h.id === handoverId);
  if (!entry) return [];
  const existing = docs.get<HandoverView>('handovers', entry.id);
  const view: HandoverView = {
    ...entry,
    batchId: batch.id,
    lotCode: batch.lotCode,
    product: existing?.product ?? { id: batch.product.id, nameZh: batch.product.nameZh },
    cooperative: existing?.cooperative ?? { id: batch.cooperative.id, name: batch.cooperative.name },
  };
  return [{ collection: 'handovers', id: view.id, doc: view }];
}

/** Organizations that take part in the batch beyond its owner: offered its goods, or testing it as a lab. */
function accessWrites(event: RecordedEvent): DocWrite[] {
  const grant = (organizationId: string, batchId: string): DocWrite[] => {
    const doc: BatchAccessView = { id: `${organizationId}|${batchId}`, organizationId, batchId };
    return [{ collection: 'batchAccess', id: doc.id, doc }];
  };
  if (event.type === 'BatchHandedOver') {
    const d = event.data as BatchHandedOver['data'];
    return grant(d.toOrganizationId, d.batchId);
  }
  if (event.type === 'QualityTestRecorded') {
    const d = event.data as QualityTestRecorded['data'];
    return d.selfTest ? [] : grant(d.labId, d.batchId);
  }
  return [];
}

function itemWrites(d: BatchPacked['data']): DocWrite[] {
  return d.items.map((item) => {
    const view: ItemView = {
      code: item.code,
      batchId: d.batchId,
      cartonId: item.cartonId,
      grade: item.grade,
      netWeight: item.netWeight,
      packingId: d.packingId,
      packedAt: d.packedAt,
      facilityId: d.facilityId,
    };
    return { collection: 'items', id: item.code, doc: view };
  });
}

function withoutBatchId<T extends { batchId: string }>(data: T): Omit<T, 'batchId'> {
  const { batchId: _batch, ...rest } = data;
  return rest;
}

function occurredAt(event: RecordedEvent): string {
  return (event.metadata as { occurredAt: string }).occurredAt;
}
