import { StoredDomainEvent } from '@suyuan/core';
import { DocReader, DocRef, DocWrite, Projection } from '@suyuan/readmodels';
import { FacilityView, OrganizationView, ProductView } from '@suyuan/registry';
import {
  BATCH_EVENT_TYPES,
  BatchEvent,
  BatchHandedOver,
  BatchHandoverAccepted,
  BatchHandoverEnded,
  BatchPacked,
  BatchRegistered,
  ItemCodeVoided,
  Quantity,
  UnitHeld,
  UnitHoldReleased,
} from './domain/events';
import { BatchAccessView, BatchView, ConsumptionView, HandoverView, ItemView, ItemVoiding } from './batch.views';
import { originFacilityId } from './domain/origin';
import { packedAdded, reservationMoved, soldAdded, supplyAdded } from './lots/lot-quantities';

const DAY_MS = 86_400_000;
const batchRef = (id: string): DocRef => ({ collection: 'batches', id });
const facilityRef = (id: string): DocRef => ({ collection: 'facilities', id });
const organizationRef = (id: string): DocRef => ({ collection: 'organizations', id });
const handoverRef = (id: string): DocRef => ({ collection: 'handovers', id });

/** A step of a batch already registered. */
type BatchStep = StoredDomainEvent<Exclude<BatchEvent, BatchRegistered | UnitHeld | UnitHoldReleased>>;
type CustodyEvent = StoredDomainEvent<BatchHandedOver | BatchHandoverAccepted | BatchHandoverEnded>;

/** The batch as cooperatives, regulators and scan pages read it, with names resolved at write time. */
export const batchProjection: Projection<BatchEvent> = {
  name: 'batches',
  eventTypes: BATCH_EVENT_TYPES,
  reads(event) {
    switch (event.type) {
      case 'BatchRegistered': {
        const d = event.data;
        return [{ collection: 'products', id: d.productId }, organizationRef(d.cooperativeId), facilityRef(originFacilityId(d))];
      }
      case 'BatchPreCooled':
      case 'BatchGraded':
      case 'BatchPacked':
        return [batchRef(event.data.batchId), facilityRef(event.data.facilityId)];
      case 'QualityTestRecorded': {
        const d = event.data;
        return [batchRef(d.batchId), organizationRef(d.labId), ...(d.facilityId ? [facilityRef(d.facilityId)] : [])];
      }
      case 'BatchHandedOver':
        return [batchRef(event.data.batchId), organizationRef(event.data.toOrganizationId), handoverRef(event.data.handoverId)];
      case 'BatchHandoverAccepted':
      case 'BatchHandoverEnded':
        return [batchRef(event.data.batchId), handoverRef(event.data.handoverId)];
      case 'BatchPurchaseRecorded':
        return [batchRef(event.data.batchId), organizationRef(event.data.buyerOrganizationId)];
      case 'ItemCodeVoided':
        return [batchRef(event.data.batchId), { collection: 'items', id: event.data.code }];
      case 'BatchProduced':
      case 'BatchPurchasedFromHousehold':
      case 'BatchInputReserved':
      case 'BatchInputConsumed':
      case 'BatchReservationReleased':
      case 'FarmInputApplied':
      case 'BatchHarvested':
      case 'ComplianceCertificateIssued':
      case 'BatchCertificationRecorded':
      case 'BatchHeld':
      case 'BatchHoldLifted':
      case 'LotRecalled':
        return [batchRef(event.data.batchId)];
      // The holds projection keeps regulators' holds: the batch's document stays as it was.
      case 'UnitHeld':
      case 'UnitHoldReleased':
        return [];
      default: {
        const unknown: never = event;
        throw new Error(`Unknown batch event: ${JSON.stringify(unknown)}`);
      }
    }
  },
  apply(event, docs) {
    if (event.type === 'BatchRegistered') return [registered(event, docs)];
    if (event.type === 'UnitHeld' || event.type === 'UnitHoldReleased') return [];
    const batch = docs.get<BatchView>('batches', event.data.batchId);
    if (!batch) return [];
    const next = evolveBatch(batch, event, docs);
    return [{ collection: 'batches', id: next.id, doc: next }, ...besideBatch(next, event, docs)];
  },
};

function registered(event: StoredDomainEvent<BatchRegistered>, docs: DocReader): DocWrite {
  const d = event.data;
  const product = docs.get<ProductView>('products', d.productId);
  const coop = docs.get<OrganizationView>('organizations', d.cooperativeId);
  const plot = docs.get<FacilityView>('facilities', originFacilityId(d));
  const view: BatchView = {
    id: d.batchId,
    lotCode: d.lotCode,
    status: 'registered',
    registeredAt: event.metadata.occurredAt,
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
    farmPlot: { id: originFacilityId(d), name: plot?.name ?? '', region: plot?.region ?? { county: '' } },
    ...(d.origin && d.origin.kind !== 'farm_plot' && { origin: d.origin }),
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

function evolveBatch(batch: BatchView, event: BatchStep, docs: DocReader): BatchView {
  const facilityName = (id: string) => docs.get<FacilityView>('facilities', id)?.name ?? id;
  switch (event.type) {
    case 'FarmInputApplied': {
      const d = event.data;
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
      const d = event.data;
      const harvest = {
        harvestId: d.harvestId,
        harvestedAt: d.harvestedAt,
        quantity: d.quantity,
        ...(d.liveWeight && { liveWeight: d.liveWeight }),
      };
      return { ...supplied(batch, d.quantity, d.liveWeight), harvests: [...batch.harvests, harvest] };
    }
    case 'BatchProduced': {
      const { batchId: _batch, liveWeight, ...d } = event.data;
      return { ...supplied(batch, d.quantity, liveWeight), supplies: [...(batch.supplies ?? []), { kind: 'production', ...d }] };
    }
    case 'BatchPurchasedFromHousehold': {
      const { batchId: _batch, ...d } = event.data;
      return { ...supplied(batch, d.quantity), supplies: [...(batch.supplies ?? []), { kind: 'household_purchase', ...d }] };
    }
    case 'BatchPurchaseRecorded': {
      const { batchId: _batch, ...d } = event.data;
      const buyerName = docs.get<OrganizationView>('organizations', d.buyerOrganizationId)?.name ?? d.buyerOrganizationId;
      return { ...batch, quantities: soldAdded(batch.quantities, d.quantity), sales: [...(batch.sales ?? []), { ...d, buyerName }] };
    }
    case 'BatchInputReserved': {
      const { batchId: _batch, ...d } = event.data;
      const consumption: ConsumptionView = { ...d, status: 'reserved' };
      return {
        ...batch,
        quantities: reservationMoved(batch.quantities, consumption, undefined, 'reserved'),
        consumptions: [...(batch.consumptions ?? []), consumption],
      };
    }
    case 'BatchInputConsumed':
    case 'BatchReservationReleased': {
      const d = event.data;
      const before = batch.consumptions?.find((c) => c.transformationId === d.transformationId);
      if (!before) return batch;
      const after: ConsumptionView =
        event.type === 'BatchInputConsumed'
          ? { ...before, status: 'consumed', consumedAt: event.data.consumedAt }
          : { ...before, status: 'released', releasedAt: event.data.releasedAt, reason: event.data.reason };
      return {
        ...batch,
        quantities: reservationMoved(batch.quantities, before, before.status, after.status),
        consumptions: (batch.consumptions ?? []).map((c) => (c === before ? after : c)),
      };
    }
    case 'BatchPreCooled': {
      const step = { ...withoutBatchId(event.data), facilityName: facilityName(event.data.facilityId) };
      return { ...batch, preCooling: [...batch.preCooling, step] };
    }
    case 'QualityTestRecorded': {
      const d = event.data;
      const labName = docs.get<OrganizationView>('organizations', d.labId)?.name ?? d.labId;
      const { facilityId: _facility, ...test } = withoutBatchId(d);
      return { ...batch, tests: [...batch.tests, { ...test, labName }] };
    }
    case 'BatchGraded': {
      const grading = { ...withoutBatchId(event.data), facilityName: facilityName(event.data.facilityId) };
      return { ...batch, grading: [...batch.grading, grading] };
    }
    case 'BatchPacked': {
      const d = event.data;
      const packing = {
        packingId: d.packingId,
        facilityId: d.facilityId,
        facilityName: facilityName(d.facilityId),
        packedAt: d.packedAt,
        itemCount: d.items.length,
        cartonIds: d.cartons.map((c) => c.cartonId),
      };
      return {
        ...batch,
        status: 'packed',
        packings: [...batch.packings, packing],
        itemCount: batch.itemCount + d.items.length,
        quantities: packedAdded(batch.quantities, d.items),
      };
    }
    case 'ItemCodeVoided':
      return { ...batch, voided: [...(batch.voided ?? []), { code: event.data.code, ...voidingOf(event.data) }] };
    case 'ComplianceCertificateIssued': {
      const { issuerId: _issuer, ...certificate } = withoutBatchId(event.data);
      return { ...batch, certificate };
    }
    case 'BatchCertificationRecorded':
      return { ...batch, certifications: [...(batch.certifications ?? []), withoutBatchId(event.data)] };
    case 'BatchHandedOver':
    case 'BatchHandoverAccepted':
    case 'BatchHandoverEnded':
      return { ...batch, custody: evolveCustody(batch.custody ?? [], event, docs) };
    case 'BatchHeld': {
      const d = event.data;
      const holds = [...(batch.holds ?? []), { family: d.family, testId: d.testId, heldAt: d.heldAt }];
      return withHoldStatus(batch, holds, event.metadata.occurredAt);
    }
    case 'BatchHoldLifted': {
      const d = event.data;
      const holds = (batch.holds ?? []).map((h) =>
        h.family === d.family && h.liftedAt === undefined ? { ...h, liftedAt: d.liftedAt, liftedByTestId: d.testId } : h,
      );
      return withHoldStatus(batch, holds, event.metadata.occurredAt);
    }
    case 'LotRecalled': {
      const { recallId, class: level, reason, recalledAt } = event.data;
      if (batch.recalls?.some((r) => r.recallId === recallId)) return batch;
      return { ...batch, recalls: [...(batch.recalls ?? []), { recallId, class: level, reason, recalledAt }] };
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unknown batch event: ${JSON.stringify(unknown)}`);
    }
  }
}

/** The batch's hand-overs as they stand, each with the name of the organization holding the goods. */
function evolveCustody(
  custody: NonNullable<BatchView['custody']>,
  event: CustodyEvent,
  docs: DocReader,
): NonNullable<BatchView['custody']> {
  switch (event.type) {
    case 'BatchHandedOver': {
      const d = event.data;
      const name = docs.get<OrganizationView>('organizations', d.toOrganizationId)?.name ?? d.toOrganizationId;
      return [
        ...custody,
        {
          id: d.handoverId,
          toOrganizationId: d.toOrganizationId,
          toOrganizationName: name,
          status: 'offered',
          handedOverAt: d.handedOverAt,
          ...(d.note !== undefined && { note: d.note }),
        },
      ];
    }
    case 'BatchHandoverAccepted': {
      const d = event.data;
      return custody.map((h) => (h.id === d.handoverId ? { ...h, status: 'accepted', acceptedAt: d.acceptedAt } : h));
    }
    case 'BatchHandoverEnded': {
      const d = event.data;
      return custody.map((h) => (h.id === d.handoverId ? { ...h, status: 'ended', endedAt: d.endedAt, endedBy: d.endedBy } : h));
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unknown custody event: ${JSON.stringify(unknown)}`);
    }
  }
}

/** While a hold stands, the 承诺达标合格证 issued before it is withdrawn; once every hold is lifted it stands again. */
function withHoldStatus(batch: BatchView, holds: NonNullable<BatchView['holds']>, at: string): BatchView {
  const held = holds.some((h) => h.liftedAt === undefined);
  const certificate =
    batch.certificate &&
    (held ? { ...batch.certificate, withdrawnAt: batch.certificate.withdrawnAt ?? at } : withoutWithdrawal(batch.certificate));
  return { ...batch, holds, held, ...(certificate && { certificate }) };
}

function withoutWithdrawal(certificate: NonNullable<BatchView['certificate']>): NonNullable<BatchView['certificate']> {
  const { withdrawnAt: _withdrawn, ...rest } = certificate;
  return rest;
}

/**
 * The documents beside the batch's own: its items on packing, each hand-over's, and the
 * organizations that take part in the batch beyond its owner (offered its goods, or testing it as a lab).
 */
function besideBatch(batch: BatchView, event: BatchStep, docs: DocReader): DocWrite[] {
  switch (event.type) {
    case 'BatchPacked':
      return itemWrites(event.data);
    case 'ItemCodeVoided':
      return voidedItemWrites(event.data, docs);
    case 'BatchHandedOver':
      return [...handoverWrites(batch, event.data.handoverId, docs), ...grant(event.data.toOrganizationId, event.data.batchId)];
    case 'BatchHandoverAccepted':
    case 'BatchHandoverEnded':
      return handoverWrites(batch, event.data.handoverId, docs);
    case 'QualityTestRecorded':
      return event.data.selfTest ? [] : grant(event.data.labId, event.data.batchId);
    case 'BatchInputReserved':
      return grant(event.data.processorId, event.data.batchId);
    default:
      return [];
  }
}

/** The hand-over's own document, for the receiving organization's list of offers and holdings. */
function handoverWrites(batch: BatchView, handoverId: string, docs: DocReader): DocWrite[] {
  const entry = batch.custody?.find((h) => h.id === handoverId);
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

function grant(organizationId: string, batchId: string): DocWrite[] {
  const doc: BatchAccessView = { id: `${organizationId}|${batchId}`, organizationId, batchId };
  return [{ collection: 'batchAccess', id: doc.id, doc }];
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

function voidingOf(d: ItemCodeVoided['data']): ItemVoiding {
  return {
    at: d.voidedAt,
    reason: d.reason,
    ...(d.note !== undefined && { note: d.note }),
    ...(d.replacementCode !== undefined && { replacedBy: d.replacementCode }),
  };
}

/** The voided item marked so, and its replacement: the same item (carton, grade, weight, packing) under the new code. */
function voidedItemWrites(d: ItemCodeVoided['data'], docs: DocReader): DocWrite[] {
  const item = docs.get<ItemView>('items', d.code);
  if (!item) return [];
  const writes: DocWrite[] = [{ collection: 'items', id: item.code, doc: { ...item, voided: voidingOf(d) } }];
  if (d.replacementCode !== undefined) {
    const { voided: _voided, replaces: _replaces, ...same } = item;
    const replacement: ItemView = { ...same, code: d.replacementCode, replaces: item.code };
    writes.push({ collection: 'items', id: replacement.code, doc: replacement });
  }
  return writes;
}

function withoutBatchId<T extends { batchId: string }>(data: T): Omit<T, 'batchId'> {
  const { batchId: _batch, ...rest } = data;
  return rest;
}

/** A harvest, production or purchase: the lot has goods now. */
function supplied(batch: BatchView, quantity: Quantity, liveWeight?: Quantity): BatchView {
  return {
    ...batch,
    status: batch.status === 'packed' ? 'packed' : 'harvested',
    quantities: supplyAdded(batch.quantities, quantity, liveWeight),
  };
}
