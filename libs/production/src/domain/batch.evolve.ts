import { BatchState } from './batch.state';
import { BatchEvent, Quantity } from './events';
import { toBaseUnit } from './quantity';
import { evolveHolds } from './regulator-hold';

const add = <T>(set: ReadonlySet<T>, ...values: T[]): ReadonlySet<T> => new Set([...set, ...values]);

export const initialBatchState = (): BatchState => ({
  farmInputIds: new Set(),
  harvestIds: new Set(),
  testIds: new Set(),
  gradingIds: new Set(),
  graded: {},
  firstGradedAt: {},
  packingIds: new Set(),
  packedCodes: new Set(),
  voidedCodes: {},
  packedCartonIds: new Set(),
  packedNetWeightKg: 0,
  packedByGrade: {},
  handovers: {},
  holds: {},
  regulatorHolds: {},
  recalls: {},
  cartonContents: {},
  reservations: {},
  supplyIds: new Set(),
  sold: 0,
});

/** A harvest, a production or a household purchase: adds to the lot's supply. */
function supplied(state: BatchState, id: string, quantity: Quantity, at: number, liveWeight?: Quantity): BatchState {
  const base = toBaseUnit(quantity);
  return {
    ...state,
    supplyIds: add(state.supplyIds, id),
    harvested: { value: (state.harvested?.value ?? 0) + base.value, unit: base.unit },
    ...(liveWeight && { liveWeightKg: (state.liveWeightKg ?? 0) + toBaseUnit(liveWeight).value }),
    firstHarvestAt: Math.min(state.firstHarvestAt ?? at, at),
    lastHarvestAt: Math.max(state.lastHarvestAt ?? at, at),
  };
}

/** Folds one batch event into the state its commands are decided on. */
export function evolveBatch(state: BatchState, event: BatchEvent): BatchState {
  switch (event.type) {
    case 'BatchRegistered': {
      const { batchId, lotCode, productId, cooperativeId, farmPlotId, grades = [], origin = { kind: 'farm_plot' } } = event.data;
      return { ...state, batch: { batchId, lotCode, productId, cooperativeId, farmPlotId, origin, grades } };
    }
    case 'FarmInputApplied':
      return { ...state, farmInputIds: add(state.farmInputIds, event.data.inputId) };
    case 'BatchHarvested': {
      const { harvestId, quantity, harvestedAt, liveWeight } = event.data;
      const next = supplied(state, harvestId, quantity, Date.parse(harvestedAt), liveWeight);
      return { ...next, harvestIds: add(state.harvestIds, harvestId) };
    }
    case 'BatchProduced':
      return supplied(state, event.data.transformationId, event.data.quantity, Date.parse(event.data.producedAt), event.data.liveWeight);
    case 'BatchPurchasedFromHousehold': {
      // The purchaser has the goods from the purchase on, whenever the household picked them.
      const { purchaseId, quantity, purchasedAt } = event.data;
      return supplied(state, purchaseId, quantity, Date.parse(purchasedAt));
    }
    case 'BatchPurchaseRecorded':
      return {
        ...state,
        supplyIds: add(state.supplyIds, event.data.purchaseId),
        sold: state.sold + toBaseUnit(event.data.quantity).value,
      };
    case 'BatchInputReserved': {
      const { transformationId, processorId, quantity, cartonIds = [] } = event.data;
      const reservation = { processorId, quantity: toBaseUnit(quantity).value, cartonIds, status: 'reserved' as const };
      return { ...state, reservations: { ...state.reservations, [transformationId]: reservation } };
    }
    case 'BatchInputConsumed':
    case 'BatchReservationReleased': {
      const reservation = state.reservations[event.data.transformationId];
      if (!reservation) return state;
      const status = event.type === 'BatchInputConsumed' ? 'consumed' : 'released';
      return { ...state, reservations: { ...state.reservations, [event.data.transformationId]: { ...reservation, status } } };
    }
    case 'BatchPreCooled':
      // Kept in the stream for the passport and the cold-chain view; no rule here reads it.
      return state;
    case 'QualityTestRecorded':
      return { ...state, testIds: add(state.testIds, event.data.testId) };
    case 'BatchGraded': {
      const graded = { ...state.graded };
      const firstGradedAt = { ...state.firstGradedAt };
      const at = Date.parse(event.data.gradedAt);
      for (const { grade, quantity } of event.data.classes) {
        graded[grade] = (graded[grade] ?? 0) + toBaseUnit(quantity).value;
        firstGradedAt[grade] = Math.min(firstGradedAt[grade] ?? at, at);
      }
      return { ...state, gradingIds: add(state.gradingIds, event.data.gradingId), graded, firstGradedAt };
    }
    case 'BatchPacked': {
      const byWeight = state.harvested?.unit !== undefined ? state.harvested.unit === 'kg' : true;
      const packedByGrade = { ...state.packedByGrade };
      const cartonContents = { ...state.cartonContents };
      let kg = 0;
      for (const item of event.data.items) {
        const itemKg = toBaseUnit(item.netWeight).value;
        kg += itemKg;
        packedByGrade[item.grade] = (packedByGrade[item.grade] ?? 0) + (byWeight ? itemKg : 1);
        cartonContents[item.cartonId] = (cartonContents[item.cartonId] ?? 0) + (byWeight ? itemKg : 1);
      }
      return {
        ...state,
        packingIds: add(state.packingIds, event.data.packingId),
        packedCodes: add(state.packedCodes, ...event.data.items.map((item) => item.code)),
        packedCartonIds: add(state.packedCartonIds, ...event.data.cartons.map((carton) => carton.cartonId)),
        packedNetWeightKg: state.packedNetWeightKg + kg,
        packedByGrade,
        cartonContents,
      };
    }
    case 'ItemCodeVoided': {
      const { code, voidedAt, replacementCode } = event.data;
      return {
        ...state,
        packedCodes: replacementCode ? add(state.packedCodes, replacementCode) : state.packedCodes,
        voidedCodes: { ...state.voidedCodes, [code]: { voidedAt, ...(replacementCode && { replacementCode }) } },
      };
    }
    case 'ComplianceCertificateIssued':
      return { ...state, certificateNo: event.data.certificateNo };
    case 'BatchCertificationRecorded':
      return { ...state, certifications: add(state.certifications ?? new Set(), event.data.kind) };
    case 'BatchHandedOver': {
      const { handoverId, toOrganizationId, handedOverAt } = event.data;
      return {
        ...state,
        handovers: { ...state.handovers, [handoverId]: { toOrganizationId, handedOverAt: Date.parse(handedOverAt), status: 'offered' } },
      };
    }
    case 'BatchHandoverAccepted':
    case 'BatchHandoverEnded': {
      const { handoverId } = event.data;
      const handover = state.handovers[handoverId];
      if (!handover) return state;
      const status = event.type === 'BatchHandoverAccepted' ? 'accepted' : 'ended';
      return { ...state, handovers: { ...state.handovers, [handoverId]: { ...handover, status } } };
    }
    case 'BatchHeld':
      return {
        ...state,
        holds: { ...state.holds, [event.data.family]: { testId: event.data.testId, testedAt: Date.parse(event.data.heldAt) } },
      };
    case 'BatchHoldLifted': {
      const holds = { ...state.holds };
      delete holds[event.data.family];
      return { ...state, holds };
    }
    case 'UnitHeld':
    case 'UnitHoldReleased':
      return { ...state, regulatorHolds: evolveHolds(state.regulatorHolds, event) };
    case 'LotRecalled':
      return { ...state, recalls: { ...state.recalls, [event.data.recallId]: { class: event.data.class, reason: event.data.reason } } };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown batch event: ${JSON.stringify(unknown)}`);
    }
  }
}
