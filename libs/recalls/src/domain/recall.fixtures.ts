import { RecallClosed, RecallOpened, RecallOutcome, RecallUnitsDisposed } from './events';

/** One level-I recall of lot B1 and the lot B2 made from it, as the decider and the projection see it. */
export const opened: RecallOpened = {
  type: 'RecallOpened',
  data: {
    recallId: 'RC1',
    class: 'I',
    reason: '毒死蜱残留超标',
    scope: { lots: ['B1'] },
    lots: ['B1', 'B2'],
    owners: ['org-coop', 'org-mill'],
    openedBy: { organizationId: 'org-samr', role: 'regulator' },
    riskKnownAt: '2026-07-16T01:00:00.000Z',
    openedAt: '2026-07-16T02:00:00.000Z',
    startBy: '2026-07-17T01:00:00.000Z',
    completeBy: '2026-07-30T16:00:00.000Z',
  },
};

/** A station returns two cartons, one of each lot. */
export const returned: RecallUnitsDisposed = {
  type: 'RecallUnitsDisposed',
  data: {
    recallId: 'RC1',
    disposition: 'returned',
    facilityId: 'F-station',
    organizationId: 'org-station',
    cartons: [
      { id: 'C1', lotId: 'B1', items: 20 },
      { id: 'C2', lotId: 'B2', items: 10 },
    ],
    items: 30,
    disposedAt: '2026-07-16T05:00:00.000Z',
  },
};

export const outcome: RecallOutcome = {
  total: 30,
  returned: 30,
  destroyed: 0,
  located: 0,
  inTransit: 0,
  delivered: 0,
  processed: 0,
  unaccounted: 0,
};

export const closed: RecallClosed = {
  type: 'RecallClosed',
  data: { recallId: 'RC1', closedBy: 'org-samr', report: '全部召回', outcome, closedAt: '2026-07-20T02:00:00.000Z' },
};
