import { conflict, Decider, FacilityRef, forbidden, invalid, notFound, parsePastTime, requireNotBefore } from '@suyuan/core';
import {
  afterHarvest,
  comparableWithHarvest,
  requireBatchOwner,
  requireFacilityType,
  requireFinite,
  requireHarvested,
  requireNotHeld,
  requireNotPacked,
  requireOwnFacility,
  requireProductGrade,
  requireWithinHarvest,
  unitFamily,
} from './batch.guards';
import { evolveBatch, initialBatchState } from './batch.evolve';
import { BatchState, RegisteredBatchState } from './batch.state';
import {
  BatchCommand,
  IssueComplianceCertificate,
  RecordFarmInput,
  RecordGrading,
  RecordHarvest,
  RecordPreCooling,
  RegisterBatch,
  RegisterOutputLot,
  RegisterPurchaseLot,
} from './commands';
import { acceptHandover, endHandover, handOver, requireCustodian } from './custody';
import { BatchEvent, CERTIFICATE_BASES, Quantity } from './events';
import {
  consumeInput,
  recordHouseholdPurchase,
  recordProduction,
  recordPurchase,
  releaseInput,
  requireProcessor,
  reserveInput,
} from './supply';
import { recordCertification } from './certification';
import { decidePacking } from './packing';
import { voidItemCode } from './void-code';
import { recordQualityTest } from './quality-test';
import { inBaseUnit, requireDose } from './quantity';
import { holdLotOrItem, releaseLotOrItem } from './lot-holds';
import { markRecalled } from './recall-mark';

/** GS1 AI (10), the lot in GS1 Digital Link: up to 20 characters of GS1 character set 82. */
const LOT_CODE = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

/** One stream per batch (批次): from registration on the farm plot to packing and its certificate. */
export const batchDecider: Decider<BatchCommand, BatchEvent, BatchState> = {
  initialState: initialBatchState,
  evolve: evolveBatch,
  decide: (command, state) => {
    if (command.type === 'RegisterBatch') return registerBatch(command, state);
    if (command.type === 'RegisterOutputLot') return registerOutputLot(command, state);
    if (command.type === 'RegisterPurchaseLot') return registerPurchaseLot(command, state);
    const { batch } = state;
    if (batch === undefined) throw notFound('batch_not_found', 'No such batch');
    const registered: RegisteredBatchState = { ...state, batch };
    switch (command.type) {
      case 'RecordFarmInput':
        return recordFarmInput(command, registered);
      case 'RecordHarvest':
        return recordHarvest(command, registered);
      case 'RecordPreCooling':
        return recordPreCooling(command, registered);
      case 'RecordQualityTest':
        return recordQualityTest(command, registered);
      case 'RecordGrading':
        return recordGrading(command, registered);
      case 'PackBatch':
        return decidePacking(command, registered);
      case 'VoidItemCode':
        return voidItemCode(command, registered);
      case 'IssueComplianceCertificate':
        return issueCertificate(command, registered);
      case 'RecordCertification':
        return recordCertification(command, registered);
      case 'HandOverBatch':
        return handOver(command, registered);
      case 'AcceptHandover':
        return acceptHandover(command, registered);
      case 'EndHandover':
        return endHandover(command, registered);
      case 'RecordProduction':
        return recordProduction(command, registered);
      case 'RecordHouseholdPurchase':
        return recordHouseholdPurchase(command, registered);
      case 'RecordPurchase':
        return recordPurchase(command, registered);
      case 'ReserveInput':
        return reserveInput(command, registered);
      case 'ConsumeInput':
        return consumeInput(command, registered);
      case 'ReleaseInput':
        return releaseInput(command, registered);
      case 'HoldUnit':
        return holdLotOrItem(command, registered);
      case 'ReleaseUnit':
        return releaseLotOrItem(command, registered);
      case 'MarkRecalled':
        return markRecalled(command, registered);
      default: {
        const unknown: never = command;
        throw new Error(`Unknown batch command: ${JSON.stringify(unknown)}`);
      }
    }
  },
};

function registerBatch(command: RegisterBatch, state: BatchState): BatchEvent[] {
  const { actor, batchId, lotCode, product, farmPlot, plannedQuantity } = command;
  if (actor.role !== 'cooperative') {
    throw forbidden('role_not_allowed', 'Only a cooperative or farm registers batches');
  }
  if (state.batch !== undefined) throw conflict('batch_exists', `Batch ${batchId} is already registered`);
  if (farmPlot.type !== 'farm_plot') {
    throw invalid('not_a_farm_plot', `A batch grows on a farm plot; facility ${farmPlot.id} is a ${farmPlot.type}`);
  }
  requireOwnFacility(actor, farmPlot);
  requireLotCode(lotCode);
  if (plannedQuantity !== undefined) inBaseUnit('plannedQuantity', plannedQuantity);
  return [
    {
      type: 'BatchRegistered',
      data: {
        batchId,
        lotCode,
        productId: product.id,
        cooperativeId: actor.organizationId,
        farmPlotId: farmPlot.id,
        plannedQuantity,
        grades: [...product.grades],
      },
    },
  ];
}

function requireLotCode(lotCode: string): void {
  if (typeof lotCode !== 'string' || !LOT_CODE.test(lotCode)) {
    throw invalid(
      'invalid_lot_code',
      `Lot code ${JSON.stringify(lotCode)} must be 1 to 20 letters, digits or !"%&'()*+,-./:;<=>?_ (GS1 AI 10)`,
      { field: 'lotCode' },
    );
  }
}

/** A processor's new lot: checked like a grown batch's registration, at its own plant. */
function requireNewProcessorLot(command: RegisterOutputLot | RegisterPurchaseLot, state: BatchState, plant: FacilityRef): void {
  requireProcessor(command.actor, 'register output and purchase lots');
  if (state.batch !== undefined) throw conflict('batch_exists', `Batch ${command.batchId} is already registered`);
  requireOwnFacility(command.actor, plant);
  requireFacilityType(plant, ['processing_plant'], 'Processing');
  requireLotCode(command.lotCode);
}

function registerOutputLot(command: RegisterOutputLot, state: BatchState): BatchEvent[] {
  const { actor, batchId, lotCode, product, plant, transformationId, quantity, producedAt, liveWeight, now } = command;
  requireNewProcessorLot(command, state, plant);
  parsePastTime('producedAt', producedAt, now);
  const base = inBaseUnit('quantity', quantity);
  if (liveWeight !== undefined) requireLiveWeight(base, liveWeight);
  return [
    {
      type: 'BatchRegistered',
      data: {
        batchId,
        lotCode,
        productId: product.id,
        cooperativeId: actor.organizationId,
        origin: { kind: 'transformation', transformationId, plantId: plant.id },
        grades: [...product.grades],
      },
    },
    { type: 'BatchProduced', data: { batchId, transformationId, quantity, producedAt, ...(liveWeight && { liveWeight }) } },
  ];
}

function registerPurchaseLot(command: RegisterPurchaseLot, state: BatchState): BatchEvent[] {
  const { actor, batchId, lotCode, product, plant } = command;
  requireNewProcessorLot(command, state, plant);
  return [
    {
      type: 'BatchRegistered',
      data: {
        batchId,
        lotCode,
        productId: product.id,
        cooperativeId: actor.organizationId,
        origin: { kind: 'purchase', plantId: plant.id },
        grades: [...product.grades],
      },
    },
  ];
}

/** Farm inputs and harvests belong to a batch grown on a plot, not to a lot made or bought. */
function requireGrown(state: RegisteredBatchState, action: string): string {
  const { farmPlotId, origin, lotCode } = state.batch;
  if (farmPlotId === undefined) {
    throw conflict('not_grown_here', `Cannot ${action}: lot ${lotCode} was not grown on a plot (it comes from a ${origin.kind})`);
  }
  return farmPlotId;
}

function recordFarmInput(command: RecordFarmInput, state: RegisteredBatchState): BatchEvent[] {
  const { actor, inputId, inputName, activeIngredient, kind, dose, appliedAt, safetyIntervalDays, now } = command;
  requireBatchOwner(actor, state, 'record farm inputs');
  const farmPlotId = requireGrown(state, 'record a farm input');
  if (state.farmInputIds.has(inputId)) throw conflict('farm_input_exists', `Farm input ${inputId} is already recorded`);
  requireNotPacked(state, 'record a farm input');
  requireDose('dose.value', dose?.value);
  if (!Number.isInteger(safetyIntervalDays) || safetyIntervalDays < 0) {
    throw invalid(
      'invalid_safety_interval',
      `The safety interval (安全间隔期) must be a whole number of days, 0 or more; got ${safetyIntervalDays}`,
      { field: 'safetyIntervalDays' },
    );
  }
  parsePastTime('appliedAt', appliedAt, now);
  const { batchId } = state.batch;
  return [
    {
      type: 'FarmInputApplied',
      data: { batchId, inputId, inputName, activeIngredient, kind, dose, appliedAt, safetyIntervalDays, farmPlotId },
    },
  ];
}

/**
 * A harvest inside a farm input's safety interval is accepted: it happened, and the violation
 * is a compliance finding that the passport and the regulator's view show, not a lost record.
 */
function recordHarvest(command: RecordHarvest, state: RegisteredBatchState): BatchEvent[] {
  const { actor, harvestId, harvestedAt, quantity, liveWeight, now } = command;
  requireBatchOwner(actor, state, 'record harvests');
  const farmPlotId = requireGrown(state, 'record a harvest');
  if (state.harvestIds.has(harvestId)) throw conflict('harvest_exists', `Harvest ${harvestId} is already recorded`);
  requireNotPacked(state, 'record a harvest');
  parsePastTime('harvestedAt', harvestedAt, now);
  const base = inBaseUnit('quantity', quantity);
  if (state.harvested !== undefined && state.harvested.unit !== base.unit) {
    throw invalid(
      'unit_mismatch',
      `This batch is harvested in ${unitFamily(state.harvested.unit)}; a harvest in ${quantity.unit} cannot be added to it`,
      { field: 'quantity.unit' },
    );
  }
  // The running total stays believable too: many bounded harvests must not add up to the absurd.
  inBaseUnit('quantity', { value: base.value + (state.harvested?.value ?? 0), unit: base.unit });
  if (liveWeight !== undefined) requireLiveWeight(base, liveWeight);
  const { batchId } = state.batch;
  return [{ type: 'BatchHarvested', data: { batchId, harvestId, harvestedAt, quantity, farmPlotId, ...(liveWeight && { liveWeight }) } }];
}

/** 预冷 */
function recordPreCooling(command: RecordPreCooling, state: RegisteredBatchState): BatchEvent[] {
  const { actor, facility, startedAt, endedAt, coreTemperatureC, now } = command;
  requireCustodian(actor, state, 'record its pre-cooling');
  requireOwnFacility(actor, facility);
  requireFacilityType(facility, ['packhouse', 'cold_store', 'processing_plant'], 'Pre-cooling');
  const { firstHarvestAt } = requireHarvested(state, 'pre-cool');
  const started = parsePastTime('startedAt', startedAt, now);
  const ended = parsePastTime('endedAt', endedAt, now);
  if (ended < started) {
    throw invalid('ended_before_started', `Pre-cooling cannot end (${endedAt}) before it started (${startedAt})`, { field: 'endedAt' });
  }
  requireNotBefore('startedAt', started, afterHarvest(firstHarvestAt));
  requireFinite('coreTemperatureC', coreTemperatureC);
  return [
    {
      type: 'BatchPreCooled',
      data: { batchId: state.batch.batchId, facilityId: facility.id, startedAt, endedAt, coreTemperatureC },
    },
  ];
}

/** 分级 */
function recordGrading(command: RecordGrading, state: RegisteredBatchState): BatchEvent[] {
  const { actor, gradingId, facility, gradedAt, classes, now } = command;
  requireCustodian(actor, state, 'record its grading');
  requireOwnFacility(actor, facility);
  requireFacilityType(facility, ['packhouse', 'processing_plant'], 'Grading');
  if (state.gradingIds.has(gradingId)) throw conflict('grading_exists', `Grading ${gradingId} is already recorded`);
  const { harvested, firstHarvestAt } = requireHarvested(state, 'grade');
  requireNotBefore('gradedAt', parsePastTime('gradedAt', gradedAt, now), afterHarvest(firstHarvestAt));
  if (!Array.isArray(classes) || classes.length === 0) {
    throw invalid('no_classes', 'A grading needs at least one grade class');
  }
  let graded = Object.values(state.graded).reduce((sum, value) => sum + value, 0);
  classes.forEach(({ grade, quantity }, i) => {
    requireProductGrade(state, grade);
    graded += comparableWithHarvest(`classes.${i}.quantity`, quantity, harvested).value;
  });
  requireWithinHarvest('Graded', graded, harvested);
  return [{ type: 'BatchGraded', data: { batchId: state.batch.batchId, gradingId, facilityId: facility.id, gradedAt, classes } }];
}

/** 承诺达标合格证: one per batch; a purchaser who splits or mixes batches issues its own on the new batch. */
function issueCertificate(command: IssueComplianceCertificate, state: RegisteredBatchState): BatchEvent[] {
  const { actor, certificateNo, productName, quantity, producerName, origin, contactPhone, issuedAt, promise, basis, now } = command;
  requireBatchOwner(actor, state, 'issue its compliance certificate');
  if (state.certificateNo !== undefined) {
    throw conflict('certificate_exists', `Batch ${state.batch.batchId} already has compliance certificate ${state.certificateNo}`);
  }
  requireNotHeld(state, 'issue its compliance certificate');
  const { harvested, firstHarvestAt } = requireHarvested(state, 'certify');
  requireNotBefore('issuedAt', parsePastTime('issuedAt', issuedAt, now), afterHarvest(firstHarvestAt));
  if (!Array.isArray(basis) || basis.length === 0) {
    throw invalid('basis_required', 'A compliance certificate must state the basis of its promise', { field: 'basis' });
  }
  const unknownBasis = basis.filter((b) => !CERTIFICATE_BASES.includes(b));
  if (unknownBasis.length > 0) {
    throw invalid('unknown_basis', `Unknown certificate basis: ${unknownBasis.join(', ')}`, {
      field: 'basis',
      allowed: CERTIFICATE_BASES,
    });
  }
  requireWithinHarvest('Certified', comparableWithHarvest('quantity', quantity, harvested).value, harvested);
  return [
    {
      type: 'ComplianceCertificateIssued',
      data: {
        batchId: state.batch.batchId,
        certificateNo,
        productName,
        quantity,
        producerName,
        origin,
        contactPhone,
        issuedAt,
        promise,
        basis,
        issuerId: actor.organizationId,
      },
    },
  ];
}

/** Live weight is the weight of animals counted in heads: what a slaughterhouse's yield is weighed by. */
function requireLiveWeight(counted: Quantity, liveWeight: Quantity): void {
  if (counted.unit !== 'head') {
    throw invalid('live_weight_not_applicable', `A live weight goes with animals counted in heads; this quantity is in ${counted.unit}`, {
      field: 'liveWeight',
    });
  }
  if (inBaseUnit('liveWeight', liveWeight).unit !== 'kg') {
    throw invalid('unit_mismatch', `liveWeight must be a weight in g, kg or t; got ${liveWeight.unit}`, { field: 'liveWeight.unit' });
  }
}
