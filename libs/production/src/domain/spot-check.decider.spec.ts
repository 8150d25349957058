import { Actor } from '@suyuan/core';
import { deciderSpec } from '@suyuan/core/testing';
import { NOW, cooperative, lab } from './batch.fixtures';
import { RecordSampling, RecordSpotCheckResult, SpotCheckResultRecorded, SpotCheckSampled, spotCheckDecider } from './spot-check.decider';

const given = deciderSpec(spotCheckDecider);
const regulator: Actor = { organizationId: 'org-lechang-samr', keyId: 'key-samr-1', role: 'regulator' };
const otherLab: Actor = { organizationId: 'org-shaoguan-qtc', keyId: 'key-sg-1', role: 'testing_lab' };

const sample: RecordSampling = {
  type: 'RecordSampling',
  actor: regulator,
  now: NOW,
  inJurisdiction: true,
  unknownUnits: [],
  spotCheckId: 'SC-1',
  batchId: 'bat-jf-20250618',
  units: { cartonIds: ['CTN-0618-001'] },
  place: '乐昌市农贸市场 12 号摊位',
  sampledBy: '李明、王芳',
  sampledAt: '2025-06-20T09:00:00+08:00',
  labId: lab.organizationId,
  sampleId: 'CJ-0620-01',
};
const { type: _t, actor: _a, now: _n, inJurisdiction: _j, unknownUnits: _u, ...sampledData } = sample;
const sampled: SpotCheckSampled = { type: 'SpotCheckSampled', data: { ...sampledData, regulatorId: regulator.organizationId } };
const result: RecordSpotCheckResult = {
  type: 'RecordSpotCheckResult',
  actor: lab,
  now: NOW,
  spotCheckId: 'SC-1',
  passed: false,
  testedAt: '2025-06-21T15:00:00+08:00',
  analyte: '吡虫啉',
  value: 1.2,
  unit: 'mg/kg',
  threshold: 0.5,
  standardRef: 'GB 2763-2021',
};
const recorded: SpotCheckResultRecorded = {
  type: 'SpotCheckResultRecorded',
  data: {
    spotCheckId: 'SC-1',
    batchId: 'bat-jf-20250618',
    labId: lab.organizationId,
    passed: false,
    testedAt: '2025-06-21T15:00:00+08:00',
    analyte: '吡虫啉',
    value: 1.2,
    unit: 'mg/kg',
    threshold: 0.5,
    standardRef: 'GB 2763-2021',
  },
};

describe('spot checks (抽检)', () => {
  it('a regulator records where, which units, by whom and when', () => {
    given([]).when(sample).then([sampled]);
  });

  it('refuses anyone else, a regulator outside its jurisdiction, units the lot never packed, a sampling without place or inspectors', () => {
    given([])
      .when({ ...sample, actor: cooperative })
      .thenThrows({ kind: 'forbidden', code: 'not_a_regulator' });
    given([])
      .when({ ...sample, inJurisdiction: false })
      .thenThrows({ kind: 'forbidden', code: 'outside_jurisdiction' });
    given([])
      .when({ ...sample, unknownUnits: ['CTN-X'] })
      .thenThrows({ kind: 'not_found', code: 'unit_not_found' });
    given([])
      .when({ ...sample, place: ' ' })
      .thenThrows({ kind: 'invalid', code: 'text_required', details: { field: 'place' } });
    given([])
      .when({ ...sample, sampledBy: '' })
      .thenThrows({ kind: 'invalid', code: 'text_required', details: { field: 'sampledBy' } });
    given([sampled]).when(sample).thenThrows({ kind: 'conflict', code: 'spot_check_exists' });
  });

  it('the lab the samples went to records the result, once, after the sampling', () => {
    given([sampled]).when(result).then([recorded]);
    given([]).when(result).thenThrows({ kind: 'not_found', code: 'spot_check_not_found' });
    given([sampled])
      .when({ ...result, actor: otherLab })
      .thenThrows({ kind: 'forbidden', code: 'not_the_sampling_lab' });
    given([sampled])
      .when({ ...result, actor: regulator })
      .thenThrows({ kind: 'forbidden', code: 'not_a_lab' });
    given([sampled, recorded]).when(result).thenThrows({ kind: 'conflict', code: 'result_exists' });
    given([sampled])
      .when({ ...result, testedAt: '2025-06-19T15:00:00+08:00' })
      .thenThrows({ kind: 'invalid', code: 'before_sampling', details: { field: 'testedAt' } });
  });
});
