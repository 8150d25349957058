import { Actor, conflict, forbidden, invalid, notFound, parsePastTime, requireNotBefore } from '@suyuan/core';
import { comparableWithHarvest, requireBatchOwner, requireHarvested, requireNotHeld, requireNotPacked, unitFamily } from './batch.guards';
import { BatchState, RegisteredBatchState, holders, remaining, takenCartonIds } from './batch.state';
import { ConsumeInput, RecordHouseholdPurchase, RecordProduction, RecordPurchase, ReleaseInput, ReserveInput } from './commands';
import { BatchEvent, Quantity } from './events';
import { exceeds, formatQuantity, inBaseUnit } from './quantity';
import { heldRefusal, holdOnCarton } from './regulator-hold';

/*
 * A lot's supply (harvests, productions, household purchases) and what leaves it loose (packing,
 * transformations). Remaining quantity is state of the lot's own stream, so the checks here are
 * race-free: two transformations appending to the same lot meet at its expected revision.
 */

/** Only a processor records transformations and purchases. */
export function requireProcessor(actor: Actor, action: string): void {
  if (actor.role !== 'processor') throw forbidden('role_not_allowed', `Only a processor (加工企业 or purchaser) may ${action}`);
}

/** A supply added to a lot must be in the unit its earlier supply was. */
function requireSameUnit(state: BatchState, field: string, quantity: Quantity): Quantity {
  const base = inBaseUnit(field, quantity);
  if (state.harvested !== undefined && state.harvested.unit !== base.unit) {
    throw invalid(
      'unit_mismatch',
      `This lot is counted in ${unitFamily(state.harvested.unit)}; ${field} in ${quantity.unit} cannot be added`,
      {
        field: `${field}.unit`,
      },
    );
  }
  inBaseUnit(field, { value: base.value + (state.harvested?.value ?? 0), unit: base.unit });
  return base;
}

export function recordProduction(command: RecordProduction, state: RegisteredBatchState): BatchEvent[] {
  const { actor, transformationId, quantity, producedAt, now } = command;
  requireBatchOwner(actor, state, 'add a transformation’s output to it');
  if (state.batch.origin.kind !== 'transformation') {
    throw conflict(
      'not_an_output_lot',
      `Lot ${state.batch.lotCode} is not made by transformations; its goods come from a ${state.batch.origin.kind}`,
    );
  }
  if (state.supplyIds.has(transformationId)) return [];
  // Items already packed carry the lot's record: they cannot gain goods they do not contain.
  requireNotPacked(state, 'add to it');
  parsePastTime('producedAt', producedAt, now);
  requireSameUnit(state, 'quantity', quantity);
  return [{ type: 'BatchProduced', data: { batchId: state.batch.batchId, transformationId, quantity, producedAt } }];
}

export function recordHouseholdPurchase(command: RecordHouseholdPurchase, state: RegisteredBatchState): BatchEvent[] {
  const { actor, purchaseId, personId, quantity, purchasedAt, harvestedAt, certificateNo, now } = command;
  requireBatchOwner(actor, state, 'record purchases into it');
  if (state.batch.origin.kind !== 'purchase') {
    throw conflict('not_a_purchase_lot', `Lot ${state.batch.lotCode} is not a purchase lot; household purchases go into one`);
  }
  if (state.supplyIds.has(purchaseId)) throw conflict('purchase_exists', `Purchase ${purchaseId} is already recorded`);
  requireNotPacked(state, 'add purchases to it');
  const bought = parsePastTime('purchasedAt', purchasedAt, now);
  if (harvestedAt !== undefined) {
    const harvested = parsePastTime('harvestedAt', harvestedAt, now);
    requireNotBefore('purchasedAt', bought, { ms: harvested, what: 'the harvest', code: 'before_harvest' });
  }
  requireSameUnit(state, 'quantity', quantity);
  return [
    {
      type: 'BatchPurchasedFromHousehold',
      data: {
        batchId: state.batch.batchId,
        purchaseId,
        personId,
        quantity,
        purchasedAt,
        ...(harvestedAt !== undefined && { harvestedAt }),
        ...(certificateNo !== undefined && { certificateNo }),
      },
    },
  ];
}

/** 收购 from a batch: the buyer must hold the goods through a hand-over its owner made. */
export function recordPurchase(command: RecordPurchase, state: RegisteredBatchState): BatchEvent[] {
  const { actor, purchaseId, quantity, purchasedAt, certificateNo, now } = command;
  requireProcessor(actor, 'record a purchase');
  if (!holders(state).includes(actor.organizationId)) {
    throw forbidden(
      'not_batch_custodian',
      `Batch ${state.batch.batchId} was not handed to organization ${actor.organizationId}; its owner hands the goods over, the buyer accepts, then records the purchase`,
    );
  }
  requireNotHeld(state, 'sell it');
  if (state.supplyIds.has(purchaseId)) throw conflict('purchase_exists', `Purchase ${purchaseId} is already recorded`);
  const { harvested, firstHarvestAt } = requireHarvested(state, 'buy from');
  requireNotBefore('purchasedAt', parsePastTime('purchasedAt', purchasedAt, now), {
    ms: firstHarvestAt,
    what: 'the first harvest',
    code: 'before_harvest',
  });
  const base = comparableWithHarvest('quantity', quantity, harvested);
  if (exceeds(state.sold + base.value, harvested.value)) {
    throw conflict(
      'insufficient_quantity',
      `Lot ${state.batch.lotCode} supplied ${formatQuantity(harvested)} and ${formatQuantity({ value: state.sold, unit: harvested.unit })} of it is already sold`,
      {
        batchId: state.batch.batchId,
        lotCode: state.batch.lotCode,
        remaining: { value: harvested.value - state.sold, unit: harvested.unit },
      },
    );
  }
  return [
    {
      type: 'BatchPurchaseRecorded',
      data: {
        batchId: state.batch.batchId,
        purchaseId,
        buyerOrganizationId: actor.organizationId,
        quantity,
        purchasedAt,
        ...(certificateNo !== undefined && { certificateNo }),
      },
    },
  ];
}

/**
 * A transformation sets aside what it takes from this lot. Asking again for the same
 * transformation while the reservation stands changes nothing (a retried process manager).
 */
export function reserveInput(command: ReserveInput, state: RegisteredBatchState): BatchEvent[] {
  const { actor, transformationId, startedAt, take, acceptedProducts, cartonsInHand = [], now } = command;
  const { batchId, lotCode, productId } = state.batch;
  requireProcessor(actor, 'consume lots in a transformation');
  const existing = state.reservations[transformationId];
  if (existing?.status === 'reserved') return [];
  if (existing) {
    throw conflict(
      existing.status === 'consumed' ? 'input_already_consumed' : 'reservation_released',
      `Transformation ${transformationId} has already ${existing.status === 'consumed' ? 'consumed' : 'released'} lot ${lotCode}`,
      { batchId },
    );
  }
  requireInputCustody(actor, state, take, cartonsInHand);
  if (acceptedProducts !== undefined && !acceptedProducts.includes(productId)) {
    throw invalid(
      'wrong_input_product',
      `Lot ${lotCode} is product ${productId}; this transformation's output is made from ${acceptedProducts.join(', ')}`,
      {
        batchId,
        productId,
        accepted: acceptedProducts,
      },
    );
  }
  requireNotHeld(state, `consume lot ${lotCode}`);
  const { harvested, firstHarvestAt } = requireHarvested(state, 'consume');
  requireNotBefore('startedAt', parsePastTime('startedAt', startedAt, now), {
    ms: firstHarvestAt,
    what: `the harvest of lot ${lotCode}`,
    code: 'before_harvest',
  });
  const { quantity, cartonIds } = takenQuantity(state, take, harvested, command.cartonHolds);
  const weightKg = harvested.unit === 'kg' ? quantity : state.liveWeightKg && (quantity * state.liveWeightKg) / harvested.value;
  return [
    {
      type: 'BatchInputReserved',
      data: {
        batchId,
        transformationId,
        processorId: actor.organizationId,
        quantity: { value: quantity, unit: harvested.unit },
        ...(weightKg !== undefined && { weightKg }),
        ...(cartonIds.length > 0 && { cartonIds }),
        reservedAt: now,
      },
    },
  ];
}

/** The lot's owner or holder takes any of it; anyone else only cartons the logistics record put in its hands. */
function requireInputCustody(
  actor: Actor,
  state: RegisteredBatchState,
  take: ReserveInput['take'],
  cartonsInHand: readonly string[],
): void {
  if (actor.organizationId === state.batch.cooperativeId || holders(state).includes(actor.organizationId)) return;
  if (take.kind === 'cartons' && take.cartonIds.length > 0 && take.cartonIds.every((id) => cartonsInHand.includes(id))) return;
  throw forbidden(
    'not_batch_custodian',
    `Lot ${state.batch.lotCode} (batch ${state.batch.batchId}) belongs to another organization and was neither handed over to nor bought by organization ${actor.organizationId}`,
    { batchId: state.batch.batchId },
  );
}

function takenQuantity(
  state: RegisteredBatchState,
  take: ReserveInput['take'],
  harvested: Quantity,
  cartonHolds: ReserveInput['cartonHolds'] = {},
): { quantity: number; cartonIds: string[] } {
  const { batchId, lotCode } = state.batch;
  const left = remaining(state);
  const refuse = (requested: number) =>
    conflict(
      'insufficient_quantity',
      `Lot ${lotCode} has ${formatQuantity({ value: left, unit: harvested.unit })} left; ${formatQuantity({ value: requested, unit: harvested.unit })} was asked for`,
      { batchId, lotCode, remaining: { value: left, unit: harvested.unit }, requested: { value: requested, unit: harvested.unit } },
    );
  switch (take.kind) {
    case 'whole':
      if (left <= 0) throw refuse(0);
      return { quantity: left, cartonIds: [] };
    case 'quantity': {
      const asked = comparableWithHarvest('quantity', take.quantity, harvested).value;
      if (exceeds(asked, left)) throw refuse(asked);
      return { quantity: asked, cartonIds: [] };
    }
    case 'cartons': {
      const cartonIds = [...new Set(take.cartonIds)];
      if (cartonIds.length === 0) throw invalid('no_cartons', 'Name at least one carton to consume', { field: 'cartonIds' });
      const taken = takenCartonIds(state);
      let quantity = 0;
      for (const cartonId of cartonIds) {
        if (!state.packedCartonIds.has(cartonId))
          throw notFound('carton_not_found', `Lot ${lotCode} packed no carton ${cartonId}`, { batchId, cartonId });
        if (taken.has(cartonId))
          throw conflict('carton_consumed', `Carton ${cartonId} of lot ${lotCode} is already consumed`, { batchId, cartonId });
        const hold = cartonHolds[cartonId] ?? holdOnCarton(state.regulatorHolds, cartonId);
        if (hold) throw heldRefusal(hold, `consume carton ${cartonId}`);
        quantity += state.cartonContents[cartonId] ?? 0;
      }
      return { quantity, cartonIds };
    }
    default: {
      const unknown: never = take;
      throw invalid('unknown_take', `Unknown kind of input: ${JSON.stringify(unknown)}`);
    }
  }
}

export function consumeInput(command: ConsumeInput, state: RegisteredBatchState): BatchEvent[] {
  const { transformationId, now } = command;
  const reservation = findReservation(state, transformationId, command.actor);
  if (reservation.status === 'consumed') return [];
  if (reservation.status === 'released') {
    throw conflict('reservation_released', `Transformation ${transformationId} released lot ${state.batch.lotCode}; it cannot consume it`);
  }
  return [{ type: 'BatchInputConsumed', data: { batchId: state.batch.batchId, transformationId, consumedAt: now } }];
}

export function releaseInput(command: ReleaseInput, state: RegisteredBatchState): BatchEvent[] {
  const { transformationId, reason, now } = command;
  const reservation = findReservation(state, transformationId, command.actor);
  if (reservation.status === 'released') return [];
  if (reservation.status === 'consumed') {
    throw conflict(
      'input_already_consumed',
      `Transformation ${transformationId} has consumed lot ${state.batch.lotCode}; it cannot be released`,
    );
  }
  return [{ type: 'BatchReservationReleased', data: { batchId: state.batch.batchId, transformationId, reason, releasedAt: now } }];
}

/** A reservation is consumed or released only by the processor that made it (or its recovery, acting for it). */
function findReservation(state: RegisteredBatchState, transformationId: string, actor: Actor) {
  const reservation = state.reservations[transformationId];
  if (!reservation)
    throw notFound('reservation_not_found', `Lot ${state.batch.lotCode} has no reservation for transformation ${transformationId}`);
  if (reservation.processorId !== actor.organizationId) {
    throw forbidden(
      'not_reservation_holder',
      `Transformation ${transformationId}'s reservation of lot ${state.batch.lotCode} belongs to another processor`,
    );
  }
  return reservation;
}
