import { packed } from '@suyuan/production/domain/batch.fixtures';
import { projectionSpec } from '@suyuan/readmodels/testing';
import { cartonOwnersProjection } from './carton-owners.projection';

const given = projectionSpec(cartonOwnersProjection);

describe('carton owners projection', () => {
  it('writes, once per carton packed, the batch it holds', () => {
    given()
      .when(packed)
      .then([
        { collection: 'cartons', id: 'CTN-0618-001', doc: { id: 'CTN-0618-001', batchId: 'bat-jf-20250618' } },
        { collection: 'cartons', id: 'CTN-0618-002', doc: { id: 'CTN-0618-002', batchId: 'bat-jf-20250618' } },
      ]);
  });
});
