import { coldChainProjection } from '../../../libs/logistics/src/cold-chain.projection';
import { logisticsProjection } from '../../../libs/logistics/src/cartons.projection';
import { ReadModelSchema } from '../../../libs/platform/src/storage/embedded-storage';
import { batchProjection } from '../../../libs/production/src/batch.projection';
import { registryProjection } from '../../../libs/registry/src/registry.projection';
import { complianceProjection } from '../../../libs/standards/src/compliance/compliance.projection';
import { standardsProjection } from '../../../libs/standards/src/compliance/standards.projection';

/** Every read model of the application, and the indexes its queries use. */
export const readModelSchema: ReadModelSchema = {
  version: 5,
  // Order matters: compliance reads the documents the projections before it wrote for the same event.
  projections: [registryProjection, batchProjection, logisticsProjection, coldChainProjection, standardsProjection, complianceProjection],
  indexes: [
    { field: 'batchId', collections: ['items'] },
    { field: 'ownerId', collections: ['facilities'] },
    { field: 'cooperative.id', collections: ['batches'] },
    { field: 'product.id', collections: ['batches'] },
    { field: 'from.id', collections: ['shipments'] },
    { field: 'to.id', collections: ['shipments'] },
    // Not the compliance records: written on every event, each index would parse them each time.
    { field: 'cooperativeId', collections: ['alerts'] },
  ],
};
