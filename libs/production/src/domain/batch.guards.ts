import { Actor, conflict, FacilityRef, forbidden, invalid } from '@suyuan/core';
import { RegisteredBatchState, isHeld } from './batch.state';
import { Quantity } from './events';
import { exceeds, formatQuantity, inBaseUnit } from './quantity';
import { heldRefusal } from './regulator-hold';
import { requireNotRecalled } from './recall-mark';

export function requireBatchOwner(actor: Actor, state: RegisteredBatchState, action: string): void {
  if (actor.organizationId !== state.batch.cooperativeId) {
    throw forbidden('not_batch_owner', `Only the cooperative that registered the batch may ${action}`);
  }
}

export function requireOwnFacility(actor: Actor, facility: FacilityRef): void {
  if (facility.ownerId !== actor.organizationId) {
    throw forbidden('facility_not_owned', `Facility ${facility.id} does not belong to the acting organization`);
  }
}

export function requireFacilityType(facility: FacilityRef, types: string[], step: string): void {
  if (!types.includes(facility.type)) {
    throw invalid('wrong_facility_type', `${step} happens at a ${types.join(' or ')}; facility ${facility.id} is a ${facility.type}`);
  }
}

export function requireHarvested(state: RegisteredBatchState, action: string): { harvested: Quantity; firstHarvestAt: number } {
  const { harvested, firstHarvestAt } = state;
  if (harvested === undefined || firstHarvestAt === undefined) {
    throw conflict('not_harvested', `Cannot ${action} an unharvested batch`);
  }
  return { harvested, firstHarvestAt };
}

/** What a step that follows the harvest is compared with. */
export function afterHarvest(firstHarvestAt: number) {
  return { ms: firstHarvestAt, what: 'the first harvest', code: 'before_harvest' };
}

/** A lot recalled, held by a regulator or by a failed safety test is not certified, packed for sale, sold or taken for processing. */
export function requireNotHeld(state: RegisteredBatchState, action: string): void {
  requireNotRecalled(state, action);
  const { lot } = state.regulatorHolds;
  if (lot) throw heldRefusal(lot, action);
  if (!isHeld(state)) return;
  const holds = Object.entries(state.holds).map(([family, hold]) => `${family} (test ${hold!.testId})`);
  throw conflict(
    'batch_held',
    `Cannot ${action}: batch ${state.batch.batchId} is held after a failed safety test: ${holds.join(', ')}; ` +
      "a testing lab's passing confirmatory test lifts the hold",
    { holds: Object.keys(state.holds) },
  );
}

/** Packing started means items carry the batch's record: what came before must not change under them. */
export function requireNotPacked(state: RegisteredBatchState, action: string): void {
  if (state.packedCodes.size > 0) {
    throw conflict('batch_packed', `Cannot ${action}: packing of this batch has started`);
  }
}

export function requireProductGrade(state: RegisteredBatchState, grade: string): void {
  if (!state.batch.grades.includes(grade)) {
    throw invalid('unknown_grade', `"${grade}" is not a grade of this product; its grades are ${state.batch.grades.join(', ')}`, {
      grade,
      grades: state.batch.grades,
    });
  }
}

/** The quantity in the harvest's base unit, or `unit_mismatch` when it cannot be compared with the harvest. */
export function comparableWithHarvest(field: string, quantity: Quantity, harvested: Quantity): Quantity {
  const base = inBaseUnit(field, quantity);
  if (base.unit !== harvested.unit) {
    throw invalid('unit_mismatch', `${field} is in ${quantity.unit}, but this batch was harvested in ${unitFamily(harvested.unit)}`, {
      field,
    });
  }
  return base;
}

/** A batch cannot grade, pack or certify more than was picked. */
export function requireWithinHarvest(what: string, total: number, harvested: Quantity): void {
  if (exceeds(total, harvested.value)) {
    throw invalid(
      'quantities_do_not_add_up',
      `${what} ${formatQuantity({ value: total, unit: harvested.unit })} in total, ` +
        `but only ${formatQuantity(harvested)} was harvested`,
      { total, harvested: harvested.value, unit: harvested.unit },
    );
  }
}

export function unitFamily(baseUnit: string): string {
  return baseUnit === 'kg' ? 'weight (g, kg or t)' : baseUnit;
}

export function requireFinite(field: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalid('invalid_number', `${field} must be a finite number; got ${value}`, { field });
  }
}
