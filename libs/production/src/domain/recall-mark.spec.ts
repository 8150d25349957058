import { deciderSpec } from '@suyuan/core/testing';
import { batchDecider } from './batch.decider';
import {
  batchRegistered,
  cooperative,
  graded,
  harvested,
  inPackhouseHands,
  issueCertificate,
  logistics,
  packBatch,
} from './batch.fixtures';
import { MarkRecalled } from './commands';
import { LotRecalled } from './events';

const given = deciderSpec(batchDecider);
const batchId = batchRegistered.data.batchId;
const markRecalled: MarkRecalled = {
  type: 'MarkRecalled',
  actor: cooperative,
  recallId: 'RC1',
  class: 'I',
  reason: '毒死蜱残留超标',
  recalledAt: '2026-07-16T02:00:00.000Z',
};
const recalled: LotRecalled = {
  type: 'LotRecalled',
  data: { batchId, recallId: 'RC1', class: 'I', reason: '毒死蜱残留超标', recalledAt: '2026-07-16T02:00:00.000Z' },
};
const recalledLot = [batchRegistered, harvested, ...inPackhouseHands, graded, recalled];

describe('a recalled lot', () => {
  it('is marked once per recall: marking again records nothing', () => {
    given([batchRegistered, harvested]).when(markRecalled).then([recalled]);
    given([batchRegistered, harvested, recalled]).when(markRecalled).then([]);
    given([batchRegistered, harvested, recalled])
      .when({ ...markRecalled, recallId: 'RC2' })
      .then([{ ...recalled, data: { ...recalled.data, recallId: 'RC2' } }]);
  });

  it('is marked by a recall’s opener only: a regulator or a cooperative', () => {
    given([batchRegistered])
      .when({ ...markRecalled, actor: logistics })
      .thenThrows({ kind: 'forbidden', code: 'not_allowed_to_recall' });
  });

  it('is neither packed nor certified again, the refusal naming the recall', () => {
    const error = given(recalledLot).when(packBatch).thenThrows({ kind: 'conflict', code: 'recalled' });
    expect(error.details).toEqual({ recallId: 'RC1', class: 'I', reason: '毒死蜱残留超标' });
    given(recalledLot).when(issueCertificate).thenThrows({ kind: 'conflict', code: 'recalled' });
  });
});
