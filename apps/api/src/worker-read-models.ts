import { coldChainProjection } from '@suyuan/logistics';
import { ReadModelSchema } from '@suyuan/platform/nest';
import { registryProjection } from '@suyuan/registry';
import { cartonOwnersProjection, complianceProjection, standardsProjection } from '@suyuan/standards';
import { readModelSchema } from './read-models';

/**
 * The projector worker's read models (loaded on its thread, by module path). Compliance reads
 * what the registry and cold-chain projections write, and each carton's batch: the worker
 * keeps its own copies of those, projected in the main schema's order, so that every document
 * of its own it writes is the one inline projection would have written.
 */
export const workerReadModels: ReadModelSchema = {
  version: readModelSchema.version,
  projections: [registryProjection, cartonOwnersProjection, coldChainProjection, standardsProjection, complianceProjection],
  indexes: readModelSchema.offThread!.indexes,
};
