import { projectionSpec } from '@suyuan/readmodels/testing';
import { LabelsPrinted } from './domain/events';
import { labelJobsProjection } from './label-jobs.projection';

const given = projectionSpec(labelJobsProjection);

const printed: LabelsPrinted = {
  type: 'LabelsPrinted',
  data: {
    jobId: 'LJ1',
    batchId: 'B1',
    format: 'pdf',
    layout: 'roll-50x30',
    selection: { kind: 'cartons', cartonIds: ['CT1'] },
    codes: ['A', 'B'],
    labelCount: 2,
    reprintCount: 1,
    printedAt: '2026-07-15T04:00:00.000Z',
  },
};

describe('label jobs projection', () => {
  it('keeps each job with who printed it, its selection and counts, not its codes', () => {
    given([])
      .when({ ...printed, metadata: { organizationId: 'ORG-PACK', keyId: 'key-pack' } })
      .then([
        {
          collection: 'labelJobs',
          id: 'LJ1',
          doc: {
            id: 'LJ1',
            batchId: 'B1',
            format: 'pdf',
            layout: 'roll-50x30',
            selection: { kind: 'cartons', cartonIds: ['CT1'] },
            labelCount: 2,
            reprintCount: 1,
            printedAt: '2026-07-15T04:00:00.000Z',
            printedBy: { organizationId: 'ORG-PACK', keyId: 'key-pack' },
          },
        },
      ]);
  });
});
