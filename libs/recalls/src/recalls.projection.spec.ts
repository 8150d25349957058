import { projectionSpec } from '@suyuan/readmodels/testing';
import { closed, opened, outcome, returned } from './domain/recall.fixtures';
import { recallsProjection } from './recalls.projection';
import { RecallView } from './recall.views';

const given = projectionSpec(recallsProjection);
const { recallId: _id, ...openedData } = opened.data;
const view: RecallView = { id: 'RC1', ...openedData, status: 'open', cartons: {}, loose: {}, disposals: [] };

describe('recalls projection', () => {
  it('keeps an opened recall and, for each of its lots, the recalls covering it', () => {
    given([{ collection: 'recallLots', id: 'B2', doc: { id: 'B2', recallIds: ['RC0'] } }])
      .when(opened)
      .then([
        { collection: 'recalls', id: 'RC1', doc: view },
        { collection: 'recallLots', id: 'B1', doc: { id: 'B1', recallIds: ['RC1'] } },
        { collection: 'recallLots', id: 'B2', doc: { id: 'B2', recallIds: ['RC0', 'RC1'] } },
      ]);
  });

  it('marks each disposed carton and keeps the disposal with who, where and how many', () => {
    given([opened])
      .when(returned)
      .then([
        {
          collection: 'recalls',
          id: 'RC1',
          doc: {
            ...view,
            cartons: { C1: 'returned', C2: 'returned' },
            disposals: [
              {
                disposition: 'returned',
                facilityId: 'F-station',
                organizationId: 'org-station',
                cartonIds: ['C1', 'C2'],
                items: 30,
                at: '2026-07-16T05:00:00.000Z',
              },
            ],
          },
        },
      ]);
  });

  it('adds up loose units by lot and disposition', () => {
    const loose = {
      type: 'RecallUnitsDisposed' as const,
      data: { ...returned.data, cartons: [], loose: { lotId: 'B1', items: 3 }, items: 3 },
    };
    const destroyed = { ...loose, data: { ...loose.data, disposition: 'destroyed' as const } };
    given([opened, loose])
      .when(destroyed)
      .then([
        {
          collection: 'recalls',
          id: 'RC1',
          doc: expect.objectContaining({ loose: { B1: { returned: 3, destroyed: 3 } } }),
        },
      ]);
  });

  it('closes it with the report and the outcome', () => {
    given([opened])
      .when(closed)
      .then([
        {
          collection: 'recalls',
          id: 'RC1',
          doc: { ...view, status: 'closed', closed: { by: 'org-samr', report: '全部召回', outcome, at: '2026-07-20T02:00:00.000Z' } },
        },
      ]);
  });
});
