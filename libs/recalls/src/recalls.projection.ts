import { Projection } from '@suyuan/readmodels';
import { RECALL_EVENT_TYPES, RecallEvent } from './domain/events';
import { RecallLotView, RecallView } from './recall.views';

/** Recalls, one document each, and for each lot the recalls covering it. */
export const recallsProjection: Projection<RecallEvent> = {
  name: 'recalls',
  eventTypes: RECALL_EVENT_TYPES,
  reads: (event) => [
    { collection: 'recalls', id: event.data.recallId },
    ...(event.type === 'RecallOpened' ? event.data.lots.map((id) => ({ collection: 'recallLots', id })) : []),
  ],
  apply(event, read) {
    switch (event.type) {
      case 'RecallOpened': {
        const { recallId, ...d } = event.data;
        const view: RecallView = { id: recallId, ...d, status: 'open', cartons: {}, loose: {}, disposals: [] };
        const lots = d.lots.map((id) => {
          const known = read.get<RecallLotView>('recallLots', id);
          const recallIds = known?.recallIds.includes(recallId) ? known.recallIds : [...(known?.recallIds ?? []), recallId];
          return { collection: 'recallLots', id, doc: { id, recallIds } satisfies RecallLotView };
        });
        return [{ collection: 'recalls', id: recallId, doc: view }, ...lots];
      }
      case 'RecallUnitsDisposed': {
        const view = read.get<RecallView>('recalls', event.data.recallId);
        if (!view) return [];
        const d = event.data;
        const cartons = { ...view.cartons };
        for (const carton of d.cartons) cartons[carton.id] = d.disposition;
        const loose = { ...view.loose };
        if (d.loose) {
          const lot = { ...loose[d.loose.lotId] };
          lot[d.disposition] = (lot[d.disposition] ?? 0) + d.loose.items;
          loose[d.loose.lotId] = lot;
        }
        const disposal = {
          disposition: d.disposition,
          facilityId: d.facilityId,
          organizationId: d.organizationId,
          cartonIds: d.cartons.map((c) => c.id),
          ...(d.loose && { loose: d.loose }),
          items: d.items,
          ...(d.note !== undefined && { note: d.note }),
          at: d.disposedAt,
        };
        return [{ collection: 'recalls', id: view.id, doc: { ...view, cartons, loose, disposals: [...view.disposals, disposal] } }];
      }
      case 'RecallClosed': {
        const view = read.get<RecallView>('recalls', event.data.recallId);
        if (!view) return [];
        const { closedBy, report, outcome, closedAt } = event.data;
        return [
          {
            collection: 'recalls',
            id: view.id,
            doc: { ...view, status: 'closed', closed: { by: closedBy, report, outcome, at: closedAt } },
          },
        ];
      }
    }
  },
};
