import { projectionSpec } from '@suyuan/readmodels/testing';
import { UnitHeld } from '../domain/events';
import { SpotCheckResultRecorded, SpotCheckSampled } from '../domain/spot-check.decider';
import { spotChecksProjection } from './spot-checks.projection';
import { SpotCheckView } from './spot-checks.views';

const given = projectionSpec(spotChecksProjection);

const sampled: SpotCheckSampled = {
  type: 'SpotCheckSampled',
  data: {
    spotCheckId: 'SC-1',
    batchId: 'B1',
    regulatorId: 'ORG-SAMR',
    place: '乐昌市农贸市场',
    sampledBy: '李明',
    sampledAt: '2026-07-16T01:00:00.000Z',
    labId: 'ORG-LAB',
  },
};
const failed: SpotCheckResultRecorded = {
  type: 'SpotCheckResultRecorded',
  data: { spotCheckId: 'SC-1', batchId: 'B1', labId: 'ORG-LAB', passed: false, testedAt: '2026-07-17T01:00:00.000Z', analyte: '吡虫啉' },
};
const held: UnitHeld = {
  type: 'UnitHeld',
  data: {
    holdId: 'HLD-1',
    batchId: 'B1',
    unit: { kind: 'lot' },
    reason: '抽检不合格',
    regulatorId: 'ORG-SAMR',
    heldAt: '2026-07-17T01:00:00.000Z',
    spotCheckId: 'SC-1',
  },
};
const batch = { collection: 'batches', id: 'B1', doc: { id: 'B1', lotCode: 'L0715', product: { id: 'P1' } } };
const open: SpotCheckView = {
  id: 'SC-1',
  batchId: 'B1',
  lotCode: 'L0715',
  productId: 'P1',
  regulatorId: 'ORG-SAMR',
  place: '乐昌市农贸市场',
  sampledBy: '李明',
  sampledAt: '2026-07-16T01:00:00.000Z',
  labId: 'ORG-LAB',
  status: 'open',
};

describe('spot checks projection', () => {
  it('opens a sampling with its lot’s code', () => {
    given([batch])
      .when(sampled)
      .then([{ collection: 'spotChecks', id: 'SC-1', doc: open }]);
  });

  it('closes it with the lab’s result, then names the hold the failure put on the lot', () => {
    const { spotCheckId: _id, batchId: _b, ...result } = failed.data;
    given([batch, sampled])
      .when(failed)
      .then([{ collection: 'spotChecks', id: 'SC-1', doc: { ...open, status: 'failed', result } }]);
    given([batch, sampled, failed])
      .when(held)
      .then([{ collection: 'spotChecks', id: 'SC-1', doc: { ...open, status: 'failed', result, holdId: 'HLD-1' } }]);
  });

  it('writes nothing for a regulator’s own hold', () => {
    const { spotCheckId: _none, ...own } = held.data;
    given([batch, sampled])
      .when({ ...held, data: own })
      .then([]);
  });
});
