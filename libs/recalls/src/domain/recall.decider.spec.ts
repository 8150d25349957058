import { Actor } from '@suyuan/core';
import { deciderSpec } from '@suyuan/core/testing';
import { RecallUnitsDisposed } from './events';
import { closed, opened, outcome, returned } from './recall.fixtures';
import { CloseRecall, DisposeUnits, OpenRecall, recallDecider } from './recall.decider';

const given = deciderSpec(recallDecider);
const regulator: Actor = { organizationId: 'org-samr', keyId: 'k-samr', role: 'regulator' };
const coop: Actor = { organizationId: 'org-coop', keyId: 'k-coop', role: 'cooperative' };
const station: Actor = { organizationId: 'org-station', keyId: 'k-station', role: 'logistics' };

const openCommand: OpenRecall = {
  type: 'OpenRecall',
  actor: regulator,
  recallId: 'RC1',
  class: 'I',
  reason: '毒死蜱残留超标',
  scope: { lots: ['B1'] },
  lots: ['B1', 'B2'],
  owners: ['org-coop', 'org-mill'],
  startOwners: ['org-coop'],
  riskKnownAt: '2026-07-16T01:00:00.000Z',
  openedAt: '2026-07-16T02:00:00.000Z',
};
const returnCartons: DisposeUnits = {
  type: 'DisposeUnits',
  actor: station,
  disposition: 'returned',
  facility: { id: 'F-station', ownerId: 'org-station' },
  cartons: [
    { id: 'C1', lotId: 'B1', itemCount: 20 },
    { id: 'C2', lotId: 'B2', itemCount: 10 },
  ],
  disposedAt: '2026-07-16T05:00:00.000Z',
};
const closeCommand: CloseRecall = {
  type: 'CloseRecall',
  actor: regulator,
  report: '全部召回',
  outcome,
  closedAt: '2026-07-20T02:00:00.000Z',
};
describe('recall decider', () => {
  it('opens a recall with its deadlines: level I starts within 24 h of the risk, completes in 10 working days', () => {
    given([]).when(openCommand).then([opened]);
  });

  it('lets a cooperative recall its own lots with what others made from them, never another’s lots', () => {
    given([])
      .when({ ...openCommand, actor: coop })
      .then([{ ...opened, data: { ...opened.data, openedBy: { organizationId: 'org-coop', role: 'cooperative' } } }]);
    given([])
      .when({ ...openCommand, actor: coop, startOwners: ['org-coop', 'org-other'] })
      .thenThrows({ kind: 'forbidden', code: 'not_your_lots' });
    given([])
      .when({ ...openCommand, actor: station })
      .thenThrows({ kind: 'forbidden', code: 'not_allowed_to_recall' });
  });

  it('refuses a second opening, an empty scope and a risk known after the opening', () => {
    given([opened]).when(openCommand).thenThrows({ kind: 'conflict', code: 'recall_exists' });
    given([])
      .when({ ...openCommand, lots: [] })
      .thenThrows({ kind: 'conflict', code: 'nothing_to_recall' });
    given([])
      .when({ ...openCommand, riskKnownAt: '2026-07-16T03:00:00.000Z' })
      .thenThrows({ kind: 'invalid', code: 'invalid_time' });
  });

  it('records the cartons a holder returned, each with its lot and units', () => {
    given([opened]).when(returnCartons).then([returned]);
  });

  it('takes a returned carton’s destruction later, but nothing after it was destroyed, nor the same twice', () => {
    const destroy = { ...returnCartons, disposition: 'destroyed' as const, cartons: [{ id: 'C1', lotId: 'B1', itemCount: 20 }] };
    given([opened, returned])
      .when(destroy)
      .then([
        {
          type: 'RecallUnitsDisposed',
          data: { ...returned.data, disposition: 'destroyed', cartons: [{ id: 'C1', lotId: 'B1', items: 20 }], items: 20 },
        },
      ]);
    given([opened, returned]).when(returnCartons).thenThrows({ kind: 'conflict', code: 'already_disposed' });
    const destroyed: RecallUnitsDisposed = { type: 'RecallUnitsDisposed', data: { ...returned.data, disposition: 'destroyed' } };
    given([opened, destroyed]).when(returnCartons).thenThrows({ kind: 'conflict', code: 'already_disposed' });
  });

  it('takes loose units of a lot up to what the lot has', () => {
    const loose = { ...returnCartons, cartons: [], loose: { lotId: 'B1', items: 3, lotItemCount: 5 } };
    const looseReturned: RecallUnitsDisposed = {
      type: 'RecallUnitsDisposed',
      data: { ...returned.data, cartons: [], loose: { lotId: 'B1', items: 3 }, items: 3 },
    };
    given([opened]).when(loose).then([looseReturned]);
    given([opened, looseReturned]).when(loose).thenThrows({ kind: 'conflict', code: 'more_than_the_lot' });
    given([opened])
      .when({ ...loose, loose: { lotId: 'B1', items: 0, lotItemCount: 5 } })
      .thenThrows({ kind: 'invalid', code: 'invalid_quantity' });
  });

  it('refuses units of lots outside the recall, another’s facility, nothing named, a carton twice, and a recall not open', () => {
    given([opened])
      .when({ ...returnCartons, cartons: [{ id: 'C9', lotId: 'B9', itemCount: 1 }] })
      .thenThrows({ kind: 'conflict', code: 'not_in_recall' });
    given([opened])
      .when({ ...returnCartons, actor: coop })
      .thenThrows({ kind: 'forbidden', code: 'not_your_facility' });
    given([opened])
      .when({ ...returnCartons, cartons: [] })
      .thenThrows({ kind: 'invalid', code: 'nothing_disposed' });
    given([opened])
      .when({ ...returnCartons, cartons: [returnCartons.cartons[0], returnCartons.cartons[0]] })
      .thenThrows({ kind: 'invalid', code: 'duplicate_carton' });
    given([]).when(returnCartons).thenThrows({ kind: 'conflict', code: 'recall_not_open' });
    given([opened, closed]).when(returnCartons).thenThrows({ kind: 'conflict', code: 'recall_closed' });
  });

  it('is closed by a regulator alone, with its report and outcome, once', () => {
    given([opened, returned]).when(closeCommand).then([closed]);
    given([opened])
      .when({ ...closeCommand, actor: coop })
      .thenThrows({ kind: 'forbidden', code: 'not_allowed_to_close' });
    given([opened, closed]).when(closeCommand).thenThrows({ kind: 'conflict', code: 'recall_closed' });
  });
});
