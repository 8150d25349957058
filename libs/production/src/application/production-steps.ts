import { invalid } from '@suyuan/core';
import { utc } from '@suyuan/core';
import { newId } from '@suyuan/platform/nest';
import { HandleBatch } from './batch-context';

/*
 * The steps recorded on a batch from the farm to grading. Each happened at the time it names,
 * which becomes its events' `occurredAt`.
 */

export const recordFarmInput: HandleBatch<'RecordFarmInput'> = async (batches, ctx, { batchId, ...input }) => {
  const appliedAt = utc(input.appliedAt, 'appliedAt');
  await batches.run(
    batchId,
    {
      ...input,
      actor: ctx.actor,
      now: batches.now(),
      inputId: newId('IN', ctx, batchId),
      dose: { ...input.dose },
      appliedAt,
    },
    { ...ctx, occurredAt: appliedAt },
  );
  return batches.batch(batchId);
};

export const recordHarvest: HandleBatch<'RecordHarvest'> = async (batches, ctx, { batchId, ...input }) => {
  const harvestedAt = utc(input.harvestedAt, 'harvestedAt');
  await batches.run(
    batchId,
    {
      type: 'RecordHarvest',
      actor: ctx.actor,
      now: batches.now(),
      harvestId: newId('H', ctx, batchId),
      harvestedAt,
      quantity: { ...input.quantity },
      ...(input.liveWeight && { liveWeight: { ...input.liveWeight } }),
    },
    { ...ctx, occurredAt: harvestedAt },
  );
  return batches.batch(batchId);
};

export const recordPreCooling: HandleBatch<'RecordPreCooling'> = async (batches, ctx, { batchId, ...input }) => {
  const facility = await batches.facility(input.facilityId);
  const startedAt = utc(input.startedAt, 'startedAt');
  await batches.run(
    batchId,
    {
      type: 'RecordPreCooling',
      actor: ctx.actor,
      now: batches.now(),
      facility,
      startedAt,
      endedAt: utc(input.endedAt, 'endedAt'),
      coreTemperatureC: input.coreTemperatureC,
    },
    { ...ctx, facilityId: facility.id, occurredAt: startedAt },
  );
  return batches.batch(batchId);
};

export const recordQualityTest: HandleBatch<'RecordQualityTest'> = async (batches, ctx, { batchId, ...input }) => {
  const facility = input.facilityId ? await batches.facility(input.facilityId) : undefined;
  const testedAt = utc(input.testedAt, 'testedAt');
  await batches.run(
    batchId,
    {
      type: 'RecordQualityTest',
      actor: ctx.actor,
      now: batches.now(),
      testId: newId('QT', ctx, batchId),
      facility,
      method: input.method,
      standardRef: input.standardRef,
      analyte: input.analyte,
      sampleId: input.sampleId,
      testedAt,
      value: input.value,
      unit: input.unit,
      threshold: input.threshold,
      passed: input.passed,
    },
    { ...ctx, facilityId: facility?.id, occurredAt: testedAt },
  );
  return batches.batch(batchId);
};

export const recordGrading: HandleBatch<'RecordGrading'> = async (batches, ctx, { batchId, ...input }) => {
  const facility = await batches.facility(input.facilityId);
  const gradedAt = utc(input.gradedAt, 'gradedAt');
  await batches.run(
    batchId,
    {
      type: 'RecordGrading',
      actor: ctx.actor,
      now: batches.now(),
      gradingId: newId('GR', ctx, batchId),
      facility,
      gradedAt,
      classes: input.classes.map((c, i) => ({
        grade: c.grade,
        quantity: { ...c.quantity },
        attributes: measuredAttributes(c.attributes, `classes.${i}.attributes`),
        ...(c.belowGradePct !== undefined && { belowGradePct: c.belowGradePct }),
      })),
    },
    { ...ctx, facilityId: facility.id, occurredAt: gradedAt },
  );
  return batches.batch(batchId);
};

/** Only finite numbers under plain names are kept of a grade class's attributes. */
function measuredAttributes(attributes: Record<string, unknown>, field: string): Record<string, number> {
  const entries = Object.entries(attributes);
  if (entries.length > 20) throw invalid('too_many_attributes', `${field} has more than 20 attributes`);
  for (const [name, value] of entries) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(name)) throw invalid('invalid_attribute', `${field}.${name} is not a plain attribute name`);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid('invalid_attribute', `${field}.${name} must be a number`);
  }
  return attributes as Record<string, number>;
}
