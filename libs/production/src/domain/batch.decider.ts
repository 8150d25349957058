import { conflict, Decider, forbidden, invalid, notFound } from '../../../core/src';
import {
  comparableWithHarvest,
  requireBatchOwner,
  requireFacilityType,
  requireFinite,
  requireHarvested,
  requireNotPacked,
  requireOwnFacility,
  requireProductGrade,
  requireWithinHarvest,
  unitFamily,
} from './batch.guards';
import { BatchState, RegisteredBatchState } from './batch.state';
import {
  BatchCommand,
  IssueComplianceCertificate,
  RecordFarmInput,
  RecordGrading,
  RecordHarvest,
  RecordPreCooling,
  RecordQualityTest,
  RegisterBatch,
} from './commands';
import { BatchEvent, CERTIFICATE_BASES } from './events';
import { recordCertification } from './certification';
import { decidePacking } from './packing';
import { inBaseUnit, requirePositive, toBaseUnit } from './quantity';
import { parseTime } from '../../../core/src/time';

/** Roles that test a batch: a lab, or the producer or packhouse testing for itself (自行检测). */
const TESTER_ROLES = ['testing_lab', 'cooperative', 'packhouse'];

/** GS1 AI (10), the lot in GS1 Digital Link: up to 20 characters of GS1 character set 82. */
const LOT_CODE = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

const add = <T>(set: ReadonlySet<T>, ...values: T[]): ReadonlySet<T> => new Set([...set, ...values]);

/** One stream per batch (批次): from registration on the farm plot to packing and its certificate. */
export const batchDecider: Decider<BatchCommand, BatchEvent, BatchState> = {
  initialState: () => ({
    farmInputIds: new Set(),
    harvestIds: new Set(),
    testIds: new Set(),
    gradingIds: new Set(),
    graded: {},
    packingIds: new Set(),
    packedCodes: new Set(),
    packedCartonIds: new Set(),
    packedNetWeightKg: 0,
  }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'BatchRegistered': {
        const { batchId, lotCode, productId, cooperativeId, farmPlotId, grades = [] } = event.data;
        return { ...state, batch: { batchId, lotCode, productId, cooperativeId, farmPlotId, grades } };
      }
      case 'FarmInputApplied':
        return { ...state, farmInputIds: add(state.farmInputIds, event.data.inputId) };
      case 'BatchHarvested': {
        const quantity = toBaseUnit(event.data.quantity);
        const at = Date.parse(event.data.harvestedAt);
        return {
          ...state,
          harvestIds: add(state.harvestIds, event.data.harvestId),
          harvested: { value: (state.harvested?.value ?? 0) + quantity.value, unit: quantity.unit },
          firstHarvestAt: Math.min(state.firstHarvestAt ?? at, at),
          lastHarvestAt: Math.max(state.lastHarvestAt ?? at, at),
        };
      }
      case 'BatchPreCooled':
        // Kept in the stream for the passport and the cold-chain view; no rule here reads it.
        return state;
      case 'QualityTestRecorded':
        return { ...state, testIds: add(state.testIds, event.data.testId) };
      case 'BatchGraded': {
        const graded = { ...state.graded };
        for (const { grade, quantity } of event.data.classes) {
          graded[grade] = (graded[grade] ?? 0) + toBaseUnit(quantity).value;
        }
        return { ...state, gradingIds: add(state.gradingIds, event.data.gradingId), graded };
      }
      case 'BatchPacked':
        return {
          ...state,
          packingIds: add(state.packingIds, event.data.packingId),
          packedCodes: add(state.packedCodes, ...event.data.items.map((item) => item.code)),
          packedCartonIds: add(state.packedCartonIds, ...event.data.cartons.map((carton) => carton.cartonId)),
          packedNetWeightKg:
            state.packedNetWeightKg +
            event.data.items.reduce((sum, item) => sum + toBaseUnit(item.netWeight).value, 0),
        };
      case 'ComplianceCertificateIssued':
        return { ...state, certificateNo: event.data.certificateNo };
      case 'BatchCertificationRecorded':
        return { ...state, certifications: add(state.certifications ?? new Set(), event.data.kind) };
      default: {
        const unknown: never = event;
        throw new Error(`Unknown batch event: ${JSON.stringify(unknown)}`);
      }
    }
  },

  decide: (command, state) => {
    if (command.type === 'RegisterBatch') return registerBatch(command, state);
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
      case 'IssueComplianceCertificate':
        return issueCertificate(command, registered);
      case 'RecordCertification':
        return recordCertification(command, registered);
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
  if (typeof lotCode !== 'string' || !LOT_CODE.test(lotCode)) {
    throw invalid(
      'invalid_lot_code',
      `Lot code ${JSON.stringify(lotCode)} must be 1 to 20 letters, digits or !"%&'()*+,-./:;<=>?_ (GS1 AI 10)`,
    );
  }
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

function recordFarmInput(command: RecordFarmInput, state: RegisteredBatchState): BatchEvent[] {
  const { actor, inputId, inputName, activeIngredient, kind, dose, appliedAt, safetyIntervalDays } = command;
  requireBatchOwner(actor, state, 'record farm inputs');
  if (state.farmInputIds.has(inputId)) throw conflict('farm_input_exists', `Farm input ${inputId} is already recorded`);
  requireNotPacked(state, 'record a farm input');
  requirePositive('dose.value', dose?.value);
  if (!Number.isInteger(safetyIntervalDays) || safetyIntervalDays < 0) {
    throw invalid(
      'invalid_safety_interval',
      `The safety interval (安全间隔期) must be a whole number of days, 0 or more; got ${safetyIntervalDays}`,
    );
  }
  parseTime('appliedAt', appliedAt);
  const { batchId, farmPlotId } = state.batch;
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
  const { actor, harvestId, harvestedAt, quantity } = command;
  requireBatchOwner(actor, state, 'record harvests');
  if (state.harvestIds.has(harvestId)) throw conflict('harvest_exists', `Harvest ${harvestId} is already recorded`);
  requireNotPacked(state, 'record a harvest');
  parseTime('harvestedAt', harvestedAt);
  const base = inBaseUnit('quantity', quantity);
  if (state.harvested !== undefined && state.harvested.unit !== base.unit) {
    throw invalid(
      'unit_mismatch',
      `This batch is harvested in ${unitFamily(state.harvested.unit)}; a harvest in ${quantity.unit} cannot be added to it`,
    );
  }
  const { batchId, farmPlotId } = state.batch;
  return [{ type: 'BatchHarvested', data: { batchId, harvestId, harvestedAt, quantity, farmPlotId } }];
}

/** 预冷 */
function recordPreCooling(command: RecordPreCooling, state: RegisteredBatchState): BatchEvent[] {
  const { actor, facility, startedAt, endedAt, coreTemperatureC } = command;
  requireOwnFacility(actor, facility);
  requireFacilityType(facility, ['packhouse', 'cold_store'], 'Pre-cooling');
  const { firstHarvestAt } = requireHarvested(state, 'pre-cool');
  const started = parseTime('startedAt', startedAt);
  const ended = parseTime('endedAt', endedAt);
  if (ended < started) {
    throw invalid('ended_before_started', `Pre-cooling cannot end (${endedAt}) before it started (${startedAt})`);
  }
  if (started < firstHarvestAt) {
    throw invalid(
      'before_harvest',
      `Pre-cooling cannot start (${startedAt}) before the first harvest (${new Date(firstHarvestAt).toISOString()})`,
    );
  }
  requireFinite('coreTemperatureC', coreTemperatureC);
  return [
    {
      type: 'BatchPreCooled',
      data: { batchId: state.batch.batchId, facilityId: facility.id, startedAt, endedAt, coreTemperatureC },
    },
  ];
}

/** A test may come before harvest too: a field sample is a legitimate pre-harvest check. */
function recordQualityTest(command: RecordQualityTest, state: RegisteredBatchState): BatchEvent[] {
  const { actor, testId, facility, method, standardRef, analyte, sampleId, testedAt, value, unit, threshold, passed } =
    command;
  if (!TESTER_ROLES.includes(actor.role)) {
    throw forbidden('role_not_allowed', 'Only a testing lab, the producing cooperative or a packhouse records tests');
  }
  if (actor.role === 'cooperative') requireBatchOwner(actor, state, 'self-test it');
  if (facility !== undefined) requireOwnFacility(actor, facility);
  if (state.testIds.has(testId)) throw conflict('test_exists', `Test ${testId} is already recorded`);
  parseTime('testedAt', testedAt);
  requireFinite('value', value);
  requireFinite('threshold', threshold);
  return [
    {
      type: 'QualityTestRecorded',
      data: {
        batchId: state.batch.batchId,
        testId,
        labId: actor.organizationId,
        facilityId: facility?.id,
        method,
        standardRef,
        analyte,
        sampleId,
        testedAt,
        value,
        unit,
        threshold,
        passed,
      },
    },
  ];
}

/** 分级 */
function recordGrading(command: RecordGrading, state: RegisteredBatchState): BatchEvent[] {
  const { actor, gradingId, facility, gradedAt, classes } = command;
  requireOwnFacility(actor, facility);
  requireFacilityType(facility, ['packhouse'], 'Grading');
  if (state.gradingIds.has(gradingId)) throw conflict('grading_exists', `Grading ${gradingId} is already recorded`);
  const { harvested } = requireHarvested(state, 'grade');
  parseTime('gradedAt', gradedAt);
  if (!Array.isArray(classes) || classes.length === 0) {
    throw invalid('no_classes', 'A grading needs at least one grade class');
  }
  let graded = Object.values(state.graded).reduce((sum, value) => sum + value, 0);
  classes.forEach(({ grade, quantity }, i) => {
    requireProductGrade(state, grade);
    graded += comparableWithHarvest(`classes[${i}].quantity`, quantity, harvested).value;
  });
  requireWithinHarvest('Graded', graded, harvested);
  return [
    { type: 'BatchGraded', data: { batchId: state.batch.batchId, gradingId, facilityId: facility.id, gradedAt, classes } },
  ];
}

/** 承诺达标合格证: one per batch; a purchaser who splits or mixes batches issues its own on the new batch. */
function issueCertificate(command: IssueComplianceCertificate, state: RegisteredBatchState): BatchEvent[] {
  const { actor, certificateNo, productName, quantity, producerName, origin, contactPhone, issuedAt, promise, basis } =
    command;
  requireBatchOwner(actor, state, 'issue its compliance certificate');
  if (state.certificateNo !== undefined) {
    throw conflict(
      'certificate_exists',
      `Batch ${state.batch.batchId} already has compliance certificate ${state.certificateNo}`,
    );
  }
  const { harvested } = requireHarvested(state, 'certify');
  parseTime('issuedAt', issuedAt);
  if (!Array.isArray(basis) || basis.length === 0) {
    throw invalid('basis_required', 'A compliance certificate must state the basis of its promise');
  }
  const unknownBasis = basis.filter((b) => !CERTIFICATE_BASES.includes(b));
  if (unknownBasis.length > 0) {
    throw invalid('unknown_basis', `Unknown certificate basis: ${unknownBasis.join(', ')}`, {
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
