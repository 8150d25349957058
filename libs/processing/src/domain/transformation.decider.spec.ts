import { deciderSpec } from '@suyuan/core/testing';
import { RecordTransformation, transformationDecider, yieldOf } from './transformation.decider';
import { TransformationRecorded } from './events';

const given = deciderSpec(transformationDecider);

const record: RecordTransformation = {
  type: 'RecordTransformation',
  actor: { organizationId: 'org-tea', keyId: 'key-tea', role: 'processor' },
  now: '2026-04-10T12:00:00.000Z',
  transformationId: 'TF-1',
  plant: { id: 'fac-plant', ownerId: 'org-tea', type: 'processing_plant' },
  process: 'tea_processing',
  startedAt: '2026-04-10T00:00:00.000Z',
  endedAt: '2026-04-10T08:00:00.000Z',
  steps: [{ name: '杀青', startedAt: '2026-04-10T00:30:00.000Z', parameters: { temperatureC: 260, minutes: 3 } }],
  inputs: [
    { batchId: 'B-1', lotCode: 'L1', productId: 'P-LEAVES', ownerId: 'org-coop', quantity: { value: 100, unit: 'kg' }, weightKg: 100 },
  ],
  outputs: [{ batchId: 'B-9', lotCode: 'L9', productId: 'P-TEA', quantity: { value: 20, unit: 'kg' }, weightKg: 20, newLot: true }],
};

const { type: _type, actor: _actor, now: _now, plant: _plant, ...rest } = record;
const recorded: TransformationRecorded = {
  type: 'TransformationRecorded',
  data: { ...rest, processorId: 'org-tea', plantId: 'fac-plant', yieldPct: 20 },
};

describe('transformation decider', () => {
  it('records what was made from what, with its yield by weight', () => {
    given([]).when(record).then([recorded]);
  });

  it('records no yield when an input is counted without a weight', () => {
    const counted = { ...record.inputs[0], quantity: { value: 10, unit: 'piece' }, weightKg: undefined };
    const [event] = transformationDecider.decide({ ...record, inputs: [counted] }, transformationDecider.initialState());
    expect(event.data.yieldPct).toBeUndefined();
    expect(yieldOf([{ ...counted }], record.outputs)).toBeUndefined();
  });

  it('is recorded once', () => {
    given([recorded]).when(record).thenThrows({ kind: 'conflict', code: 'transformation_exists' });
  });

  it.each([
    ['a role other than processor', { actor: { ...record.actor, role: 'cooperative' } }, 'forbidden', 'role_not_allowed'],
    ['another organization’s plant', { plant: { ...record.plant, ownerId: 'org-other' } }, 'forbidden', 'facility_not_owned'],
    ['a facility that is no plant', { plant: { ...record.plant, type: 'packhouse' } }, 'invalid', 'wrong_facility_type'],
    ['a blank process', { process: ' ' }, 'invalid', 'invalid_process'],
    ['an end before the start', { endedAt: '2026-04-09T23:00:00.000Z' }, 'invalid', 'ended_before_started'],
    ['an end in the future', { endedAt: '2026-04-11T00:00:00.000Z' }, 'invalid', 'time_in_future'],
    [
      'a step outside the transformation',
      { steps: [{ name: '烘干', endedAt: '2026-04-10T09:00:00.000Z', parameters: {} }] },
      'invalid',
      'step_outside_transformation',
    ],
    [
      'a step parameter that is neither number nor short text',
      { steps: [{ name: '烘干', parameters: { temperatureC: Number.NaN } }] },
      'invalid',
      'invalid_step',
    ],
    ['no inputs', { inputs: [] }, 'invalid', 'no_inputs'],
    ['no outputs', { outputs: [] }, 'invalid', 'no_outputs'],
    [
      'live animals without their quarantine certificate',
      { inputs: [{ ...record.inputs[0], quantity: { value: 200, unit: 'head' }, weightKg: 360 }] },
      'invalid',
      'quarantine_certificate_required',
    ],
  ] as const)('refuses %s', (_what, change, kind, code) => {
    given([])
      .when({ ...record, ...(change as Partial<RecordTransformation>) })
      .thenThrows({ kind, code });
  });
});
