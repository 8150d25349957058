import { conflict, invalid, parsePastTime, requireNotBefore } from '@suyuan/core';
import {
  afterHarvest,
  requireFacilityType,
  requireHarvested,
  requireNotHeld,
  requireOwnFacility,
  requireProductGrade,
  requireWithinHarvest,
} from './batch.guards';
import { RegisteredBatchState, packedTotal, remaining, reservedLoose } from './batch.state';
import { PackBatch } from './commands';
import { requireCustodian } from './custody';
import { BatchEvent, PackedCarton, PackedItem, Quantity } from './events';
import { exceeds, formatQuantity, inBaseUnit } from './quantity';

/** One item is what one person carries off: a bag, a box, a bird. */
const MAX_ITEM_KG = 1000;

/**
 * Packing (包装), possibly over several sessions: every item gets its code (一物一码) and a
 * carton, and together the sessions cannot hold more than was harvested.
 */
export function decidePacking(command: PackBatch, state: RegisteredBatchState): BatchEvent[] {
  const { actor, packingId, facility, packedAt, items, cartons, now } = command;
  requireCustodian(actor, state, 'pack it');
  requireOwnFacility(actor, facility);
  requireFacilityType(facility, ['packhouse', 'processing_plant'], 'Packing');
  if (state.packingIds.has(packingId)) throw conflict('packing_exists', `Packing ${packingId} is already recorded`);
  requireNotHeld(state, 'pack it for sale');
  const { harvested, firstHarvestAt } = requireHarvested(state, 'pack');
  const packedMs = parsePastTime('packedAt', packedAt, now);
  requireNotBefore('packedAt', packedMs, afterHarvest(firstHarvestAt));
  if (!Array.isArray(items) || items.length === 0) throw invalid('no_items', 'A packing needs at least one item');
  checkCartons(items, Array.isArray(cartons) ? cartons : [], state);
  checkItems(items, state, packedMs);
  // The class first: its refusal names the grade, which says more than the harvest's total.
  checkGradedClasses(items, state, harvested);
  checkTotal(items, state, harvested);
  return [
    {
      type: 'BatchPacked',
      data: { batchId: state.batch.batchId, packingId, facilityId: facility.id, packedAt, items, cartons },
    },
  ];
}

function checkCartons(items: PackedItem[], cartons: PackedCarton[], state: RegisteredBatchState): void {
  const repeated = duplicates(cartons.map((carton) => carton.cartonId));
  if (repeated.length > 0) {
    throw invalid('duplicate_carton', `Cartons listed more than once: ${repeated.join(', ')}`, { cartonIds: repeated });
  }
  const reused = cartons.map((carton) => carton.cartonId).filter((id) => state.packedCartonIds.has(id));
  if (reused.length > 0) {
    throw conflict('carton_already_packed', `Cartons already packed for this batch: ${reused.join(', ')}`, {
      cartonIds: reused,
    });
  }
  const itemsPerCarton = new Map<string, number>();
  for (const item of items) itemsPerCarton.set(item.cartonId, (itemsPerCarton.get(item.cartonId) ?? 0) + 1);
  const listed = new Set(cartons.map((carton) => carton.cartonId));
  const unlisted = [...itemsPerCarton.keys()].filter((id) => !listed.has(id));
  if (unlisted.length > 0) {
    throw invalid('unknown_carton', `Items are put in cartons this packing does not list: ${unlisted.join(', ')}`, {
      cartonIds: unlisted,
    });
  }
  const empty = cartons.filter((carton) => !itemsPerCarton.has(carton.cartonId)).map((carton) => carton.cartonId);
  if (empty.length > 0) {
    throw invalid('empty_carton', `Cartons without items: ${empty.join(', ')}`, { cartonIds: empty });
  }
  for (const { cartonId, itemCount } of cartons) {
    const counted = itemsPerCarton.get(cartonId);
    if (itemCount !== counted) {
      throw invalid(
        'carton_count_mismatch',
        `Carton ${cartonId} says it holds ${itemCount} items, but ${counted} items are packed into it`,
        { cartonId, itemCount, items: counted },
      );
    }
  }
}

function checkItems(items: PackedItem[], state: RegisteredBatchState, packedMs: number): void {
  const repeated = duplicates(items.map((item) => item.code));
  if (repeated.length > 0) {
    throw invalid('duplicate_item_code', `Item codes listed more than once: ${repeated.join(', ')}`, { codes: repeated });
  }
  const packed = items.map((item) => item.code).filter((code) => state.packedCodes.has(code));
  if (packed.length > 0) {
    throw conflict('item_already_packed', `Items already packed: ${packed.join(', ')}`, { codes: packed });
  }
  const gradedClasses = Object.keys(state.graded).filter((grade) => state.graded[grade] > 0);
  items.forEach((item, i) => {
    requireProductGrade(state, item.grade);
    // Once graded, an item can only be packed in a class the grading produced.
    if (gradedClasses.length > 0 && !gradedClasses.includes(item.grade)) {
      throw invalid('grade_not_graded', `No ${item.grade} was graded in this batch; its graded classes are ${gradedClasses.join(', ')}`, {
        grade: item.grade,
        graded: gradedClasses,
      });
    }
    const gradedAt = state.firstGradedAt[item.grade];
    if (gradedAt !== undefined) {
      requireNotBefore('packedAt', packedMs, { ms: gradedAt, what: `the grading of ${item.grade}`, code: 'before_grading' });
    }
    netWeightKg(`items[${i}].netWeight`, item.netWeight);
  });
}

/**
 * Once graded, no class can be packed beyond what was graded in it: 1,000 kg of 特级 out of 25 kg
 * graded 特级 would sell 一级 fruit under the better grade.
 */
function checkGradedClasses(items: PackedItem[], state: RegisteredBatchState, harvested: Quantity): void {
  if (Object.keys(state.graded).length === 0) return;
  const byWeight = harvested.unit === 'kg';
  const packing: Record<string, number> = {};
  for (const item of items) packing[item.grade] = (packing[item.grade] ?? 0) + (byWeight ? netWeightKg('netWeight', item.netWeight) : 1);
  for (const [grade, amount] of Object.entries(packing)) {
    const before = state.packedByGrade[grade] ?? 0;
    const graded = state.graded[grade] ?? 0;
    if (exceeds(before + amount, graded)) {
      const unit = byWeight ? 'kg' : 'items';
      throw invalid(
        'exceeds_graded',
        `Packing ${formatQuantity({ value: amount, unit })} of ${grade}${before > 0 ? ` after ${formatQuantity({ value: before, unit })} packed` : ''}, ` +
          `but only ${formatQuantity({ value: graded, unit: harvested.unit })} was graded ${grade}`,
        { grade, packed: before + amount, graded },
      );
    }
  }
}

/**
 * By weight, the items' net weight cannot exceed the harvest; by count (piece, head), there
 * cannot be more items than pieces, since each item holds at least one.
 */
function checkTotal(items: PackedItem[], state: RegisteredBatchState, harvested: Quantity): void {
  const amount = harvested.unit === 'kg' ? items.reduce((sum, item) => sum + netWeightKg('netWeight', item.netWeight), 0) : items.length;
  requireWithinHarvest('Packed', packedTotal(state) + amount, harvested);
  const left = remaining(state);
  if (exceeds(amount, left)) {
    throw conflict(
      'insufficient_quantity',
      `Packing ${formatQuantity({ value: amount, unit: harvested.unit })}, but lot ${state.batch.lotCode} has ${formatQuantity({ value: left, unit: harvested.unit })} left after transformations took ${formatQuantity({ value: reservedLoose(state), unit: harvested.unit })}`,
      { batchId: state.batch.batchId, lotCode: state.batch.lotCode, remaining: { value: left, unit: harvested.unit } },
    );
  }
}

function netWeightKg(field: string, netWeight: Quantity): number {
  const base = inBaseUnit(field, netWeight);
  if (base.unit !== 'kg') {
    throw invalid('unit_mismatch', `${field} must be a weight in g, kg or t; got ${netWeight.unit}`, { field });
  }
  if (base.value > MAX_ITEM_KG) {
    throw invalid('implausible_quantity', `${field} of ${formatQuantity(netWeight)} is more than one item can weigh (${MAX_ITEM_KG} kg)`, {
      field: `${field}.value`,
    });
  }
  return base.value;
}

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((value, i) => values.indexOf(value) !== i))];
}
