import { coldChainProjection } from '../../../libs/logistics/src/cold-chain.projection';
import { logisticsProjection } from '../../../libs/logistics/src/cartons.projection';
import { ReadModelSchema } from '../../../libs/platform/src/storage/embedded-storage';
import { batchProjection } from '../../../libs/production/src/batch.projection';
import { registryProjection } from '../../../libs/registry/src/registry.projection';
import { complianceProjection } from '../../../libs/standards/src/compliance/compliance.projection';
import { standardsProjection } from '../../../libs/standards/src/compliance/standards.projection';

/** Every read model of the application, and the indexes its queries use. */
export const readModelSchema: ReadModelSchema = {
  version: 3,
  // Order matters: compliance reads the documents the projections before it wrote for the same event.
  projections: [registryProjection, batchProjection, logisticsProjection, coldChainProjection, standardsProjection, complianceProjection],
  indexes: [
    { field: 'batchId' },
    { field: 'ownerId' },
    { field: 'cooperative.id' },
    { field: 'product.id' },
    { field: 'from.id' },
    { field: 'to.id' },
    { field: 'cooperativeId' },
    { field: 'productId' },
    { field: 'dimension' },
  ],
};
