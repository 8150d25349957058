import { conflict, forbidden, parsePastTime } from '@suyuan/core';
import { requireFinite, requireOwnFacility } from './batch.guards';
import { RegisteredBatchState } from './batch.state';
import { RecordQualityTest } from './commands';
import { BatchEvent } from './events';
import { checkVerdict, testMethod, verdictOfValue } from './test-methods';

/**
 * A test is recorded by any testing lab (shown as that lab's), or by the batch's own
 * cooperative as a self-test (自检). A test may come before harvest: a field sample is a
 * legitimate pre-harvest check. A failed safety test holds the batch; only a testing lab's
 * passing confirmatory test, made after the failure, lifts that hold.
 */
export function recordQualityTest(command: RecordQualityTest, state: RegisteredBatchState): BatchEvent[] {
  const { actor, testId, facility, method, standardRef, analyte, sampleId, testedAt, value, unit, threshold, now } = command;
  const selfTest = actor.role !== 'testing_lab';
  if (selfTest && actor.organizationId !== state.batch.cooperativeId) {
    throw forbidden(
      'not_allowed_to_test',
      `A test of batch ${state.batch.batchId} is recorded by a testing lab, or by the cooperative that owns it as a self-test`,
    );
  }
  if (facility !== undefined) requireOwnFacility(actor, facility);
  if (state.testIds.has(testId)) throw conflict('test_exists', `Test ${testId} is already recorded`);
  const testedMs = parsePastTime('testedAt', testedAt, now);
  requireFinite('value', value);
  requireFinite('threshold', threshold);
  const passed = command.passed ?? verdictOfValue(testMethod(method), value, threshold) ?? value < threshold;
  checkVerdict(method, value, threshold, passed);
  const { batchId } = state.batch;
  const recorded: BatchEvent = {
    type: 'QualityTestRecorded',
    data: {
      batchId,
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
      ...(selfTest && { selfTest: true }),
    },
  };
  return [recorded, ...holdChange(state, { testId, method, testedAt, testedMs, passed, selfTest })];
}

function holdChange(
  state: RegisteredBatchState,
  test: { testId: string; method: string; testedAt: string; testedMs: number; passed: boolean; selfTest: boolean },
): BatchEvent[] {
  const method = testMethod(test.method);
  if (!method) return [];
  const { batchId } = state.batch;
  const hold = state.holds[method.family];
  if (!test.passed) {
    if (hold) return [];
    return [
      {
        type: 'BatchHeld',
        data: { batchId, family: method.family, reason: 'failed_safety_test', testId: test.testId, heldAt: test.testedAt },
      },
    ];
  }
  // A rapid test passing after a failure does not clear it, nor does the producer's own check.
  if (!hold || !method.confirmatory || test.selfTest || test.testedMs < hold.testedAt) return [];
  return [{ type: 'BatchHoldLifted', data: { batchId, family: method.family, testId: test.testId, liftedAt: test.testedAt } }];
}
