import { projectionSpec } from '@suyuan/readmodels/testing';
import { UnitHeld, UnitHoldReleased } from '../domain/events';
import { saleHoldsProjection } from './holds.projection';
import { SaleHoldView } from './holds.views';

const given = projectionSpec(saleHoldsProjection);

const heldAt = '2026-07-16T02:00:00.000Z';
const lotHeld: UnitHeld = {
  type: 'UnitHeld',
  data: { holdId: 'HLD-1', batchId: 'B1', unit: { kind: 'lot' }, reason: '抽检不合格', regulatorId: 'ORG-SAMR', heldAt },
};
const cartonHeld: UnitHeld = {
  type: 'UnitHeld',
  data: { ...lotHeld.data, holdId: 'HLD-2', unit: { kind: 'carton', cartonId: 'C1' }, spotCheckId: 'SC-1' },
};
const lotReleased: UnitHoldReleased = {
  type: 'UnitHoldReleased',
  data: {
    holdId: 'HLD-1',
    batchId: 'B1',
    unit: { kind: 'lot' },
    reason: '复检合格',
    regulatorId: 'ORG-SAMR',
    releasedAt: '2026-07-18T02:00:00.000Z',
  },
};
const lotDoc: SaleHoldView = { id: 'lot:B1', ...lotHeld.data };

describe('sale holds projection', () => {
  it('keeps one document per held unit, keyed as a scan looks it up', () => {
    given()
      .when(lotHeld)
      .then([{ collection: 'saleHolds', id: 'lot:B1', doc: lotDoc }]);
    given()
      .when(cartonHeld)
      .then([{ collection: 'saleHolds', id: 'carton:C1', doc: { id: 'carton:C1', ...cartonHeld.data } }]);
  });

  it('marks the release on the unit’s document, with who and why', () => {
    given([lotHeld])
      .when(lotReleased)
      .then([
        {
          collection: 'saleHolds',
          id: 'lot:B1',
          doc: { ...lotDoc, releasedAt: '2026-07-18T02:00:00.000Z', releasedBy: 'ORG-SAMR', releaseReason: '复检合格' },
        },
      ]);
  });

  it('writes nothing for the release of a hold it does not know', () => {
    given().when(lotReleased).then([]);
  });
});
