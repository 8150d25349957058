import { join } from 'node:path';
import { historyProjection } from '@suyuan/audit';
import { provenanceProjection } from '@suyuan/consumer';
import { labelJobsProjection } from '@suyuan/labels';
import { coldChainProjection, logisticsProjection } from '@suyuan/logistics';
import { ReadModelSchema } from '@suyuan/platform/nest';
import { lineageProjection, massBalanceProjection, traceIndexProjection, transformationsProjection } from '@suyuan/processing';
import { batchProjection, saleHoldsProjection, spotChecksProjection } from '@suyuan/production';
import { recallsProjection } from '@suyuan/recalls';
import { personsProjection, registryProjection } from '@suyuan/registry';
import { complianceProjection, standardsProjection } from '@suyuan/standards';

/** What the standards and compliance projections write: readers find it in the worker's file in worker mode. */
const COMPLIANCE_COLLECTIONS = [
  'standards',
  'compliance',
  'complianceStats',
  'complianceOpenBatches',
  'compliancePacked',
  'complianceTransformations',
  'coldWindows',
  'coldWindowsOpen',
  'coldWindowsClosed',
  'alerts',
];
// Not the compliance records: written on every event, each index would parse them each time.
const ALERTS_BY_COOPERATIVE = { field: 'cooperativeId', collections: ['alerts'] };

/**
 * Every read model of the application, and the indexes its queries use. With PROJECTOR=worker
 * the standards and compliance projections run on a worker thread instead (`offThread`).
 */
export const readModelSchema: ReadModelSchema = {
  version: 21,
  // Order matters: provenance and compliance read the documents the projections before them wrote for the same event.
  projections: [
    registryProjection,
    personsProjection,
    batchProjection,
    saleHoldsProjection,
    spotChecksProjection,
    logisticsProjection,
    coldChainProjection,
    transformationsProjection,
    lineageProjection,
    traceIndexProjection,
    massBalanceProjection,
    provenanceProjection,
    standardsProjection,
    complianceProjection,
    labelJobsProjection,
    recallsProjection,
    historyProjection,
  ],
  indexes: [
    { field: 'batchId', collections: ['items', 'labelJobs', 'saleHolds'] },
    { field: 'ownerId', collections: ['facilities'] },
    { field: 'registeredBy', collections: ['persons'] },
    { field: 'cooperative.id', collections: ['batches'] },
    { field: 'product.id', collections: ['batches'] },
    { field: 'from.id', collections: ['shipments'] },
    { field: 'to.id', collections: ['shipments'] },
    { field: 'toOrganizationId', collections: ['handovers'] },
    { field: 'organizationId', collections: ['batchAccess'] },
    { field: 'processorId', collections: ['transformations'] },
    { field: 'traceKey', collections: ['traceKeys'] },
    ALERTS_BY_COOPERATIVE,
  ],
  offThread: {
    module: join(__dirname, 'worker-read-models'),
    exportName: 'workerReadModels',
    runs: ['standards', 'compliance'],
    collections: COMPLIANCE_COLLECTIONS,
    indexes: [ALERTS_BY_COOPERATIVE],
  },
};
