import { deciderSpec } from '@suyuan/core/testing';
import { batchDecider } from './batch.decider';
import {
  batchRegistered,
  certificateIssued,
  cooperative,
  graded,
  harvested,
  held,
  inPackhouseHands,
  issueCertificate,
  packBatch,
  qualityTestRecorded,
  recordGrading,
  recordPreCooling,
  recordQualityTest,
} from './batch.fixtures';
import { BatchEvent, BatchHoldLifted } from './events';

const given = deciderSpec(batchDecider);

/** The rapid test that failed: 62 % inhibition against 50 %. */
const failed: BatchEvent = { ...qualityTestRecorded, data: { ...qualityTestRecorded.data, value: 62, passed: false } };
const heldBatch = [batchRegistered, harvested, ...inPackhouseHands, graded, failed, held];

/** The county centre's GC-MS/MS against the GB 2763 limit, the next day. */
const confirmatory = {
  ...recordQualityTest,
  testId: 'qt-20250619-02',
  method: 'pesticide_residue_chromatography',
  standardRef: 'GB 2763-2021',
  testedAt: '2025-06-19T14:00:00+08:00',
  value: 0.02,
  unit: 'mg/kg',
  threshold: 0.5,
  passed: undefined,
};
const confirmed: BatchEvent = {
  ...qualityTestRecorded,
  data: {
    ...qualityTestRecorded.data,
    testId: 'qt-20250619-02',
    method: 'pesticide_residue_chromatography',
    standardRef: 'GB 2763-2021',
    testedAt: '2025-06-19T14:00:00+08:00',
    value: 0.02,
    unit: 'mg/kg',
    threshold: 0.5,
    passed: true,
  },
};
const lifted: BatchHoldLifted = {
  type: 'BatchHoldLifted',
  data: { batchId: 'bat-jf-20250618', family: 'pesticide', testId: 'qt-20250619-02', liftedAt: '2025-06-19T14:00:00+08:00' },
};

describe('a failed safety test holds the batch', () => {
  it('refuses the 承诺达标合格证 while held', () => {
    given(heldBatch).when(issueCertificate).thenThrows({ kind: 'conflict', code: 'batch_held' });
  });

  it('refuses packing for sale while held', () => {
    given(heldBatch).when(packBatch).thenThrows({ kind: 'conflict', code: 'batch_held' });
  });

  it('still lets the goods be kept cold and graded', () => {
    given([batchRegistered, harvested, ...inPackhouseHands, failed, held])
      .when(recordPreCooling)
      .then([
        {
          type: 'BatchPreCooled',
          data: {
            batchId: 'bat-jf-20250618',
            facilityId: 'fac-jiufeng-packhouse',
            startedAt: recordPreCooling.startedAt,
            endedAt: recordPreCooling.endedAt,
            coreTemperatureC: 4.5,
          },
        },
      ]);
    given([batchRegistered, harvested, ...inPackhouseHands, failed, held])
      .when(recordGrading)
      .then([graded]);
  });

  it('holds a batch that was certified before the failure too', () => {
    given([batchRegistered, harvested, certificateIssued])
      .when({ ...recordQualityTest, value: 62, passed: false })
      .then([failed, held]);
  });

  it('holds once per residue family: a second failure adds the test, not a second hold', () => {
    given([...heldBatch])
      .when({ ...recordQualityTest, testId: 'qt-20250618-08', value: 70, passed: false })
      .then([{ ...failed, data: { ...failed.data, testId: 'qt-20250618-08', value: 70 } }]);
  });

  it('is lifted by a testing lab’s passing confirmatory test made after the failure', () => {
    given(heldBatch).when(confirmatory).then([confirmed, lifted]);
  });

  it('lets the batch be certified and packed again once lifted', () => {
    given([...heldBatch, confirmed, lifted])
      .when(packBatch)
      .then([
        {
          type: 'BatchPacked',
          data: {
            batchId: 'bat-jf-20250618',
            packingId: packBatch.packingId,
            facilityId: 'fac-jiufeng-packhouse',
            packedAt: packBatch.packedAt,
            items: packBatch.items,
            cartons: packBatch.cartons,
          },
        },
      ]);
  });

  it('is not lifted by another passing rapid test', () => {
    given(heldBatch)
      .when({ ...recordQualityTest, testId: 'qt-20250619-01', testedAt: '2025-06-19T09:00:00+08:00', value: 20 })
      .then([
        {
          ...qualityTestRecorded,
          data: { ...qualityTestRecorded.data, testId: 'qt-20250619-01', testedAt: '2025-06-19T09:00:00+08:00', value: 20 },
        },
      ]);
  });

  it('is not lifted by the cooperative’s own confirmatory test: a self-test never releases', () => {
    given(heldBatch)
      .when({ ...confirmatory, actor: cooperative, facility: undefined })
      .then([{ ...confirmed, data: { ...confirmed.data, labId: cooperative.organizationId, facilityId: undefined, selfTest: true } }]);
  });

  it('is not lifted by a confirmatory test made before the failure', () => {
    given(heldBatch)
      .when({ ...confirmatory, testedAt: '2025-06-18T09:00:00+08:00' })
      .then([{ ...confirmed, data: { ...confirmed.data, testedAt: '2025-06-18T09:00:00+08:00' } }]);
  });

  it('stays when the confirmatory test confirms the failure (above the limit)', () => {
    given(heldBatch)
      .when({ ...confirmatory, value: 0.9 })
      .then([{ ...confirmed, data: { ...confirmed.data, value: 0.9, passed: false } }]);
  });

  it('is not lifted by a confirmation of another residue family', () => {
    given(heldBatch)
      .when({ ...confirmatory, method: 'veterinary_drug_residue_chromatography' })
      .then([{ ...confirmed, data: { ...confirmed.data, method: 'veterinary_drug_residue_chromatography' } }]);
  });

  it('does not hold on a failed test the system knows no safety meaning of', () => {
    given([batchRegistered, harvested])
      .when({ ...recordQualityTest, method: 'brix', value: 9, threshold: 12, unit: '°Bx', passed: false })
      .then([
        {
          ...qualityTestRecorded,
          data: { ...qualityTestRecorded.data, method: 'brix', value: 9, threshold: 12, unit: '°Bx', passed: false },
        },
      ]);
  });
});
