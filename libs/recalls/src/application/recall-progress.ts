import { cartonsOfLots, RecalledCarton } from '@suyuan/processing';
import { BatchView } from '@suyuan/production';
import { DocumentStore, docKey } from '@suyuan/readmodels';
import { RecallOutcome } from '../domain/events';
import { RecallView } from '../recall.views';

/** Where a recall's units are now, by place: the regulator's follow-up list. */
export interface RecallPlace {
  status: 'located' | 'inTransit' | 'delivered';
  facilityId?: string;
  placeName?: string;
  shipmentId?: string;
  recipient?: string;
  cartons: number;
  items: number;
}

export interface RecallProgress extends RecallOutcome {
  places: RecallPlace[];
}

/**
 * A recall's progress, read when asked: its lots' cartons where they are now (so it follows the
 * goods as they move), less what holders returned or destroyed. Loose units disposed of come out
 * of delivered units first (a shop's opened carton), then of located ones.
 */
export async function recallProgress(docs: DocumentStore, recall: RecallView): Promise<RecallProgress> {
  const cartons = await cartonsOfLots(docs, recall.lots);
  const batches = await docs.getMany<BatchView>(recall.lots.map((id) => ({ collection: 'batches', id })));
  const total = recall.lots.reduce((n, id) => n + (batches.get(docKey('batches', id))?.itemCount ?? 0), 0);
  const progress: RecallProgress = {
    total,
    returned: 0,
    destroyed: 0,
    located: 0,
    inTransit: 0,
    delivered: 0,
    processed: 0,
    unaccounted: 0,
    places: [],
  };
  // Keyed by where, the entry built the first time a place is met and summed by status at the
  // end: a recall's cartons are many and its places few, so a carton costs a key and a lookup.
  const disposed = new Map(Object.entries(recall.cartons));
  const places = new Map<string, RecallPlace>();
  for (const carton of cartons) {
    const disposition = disposed.get(carton.cartonId);
    if (disposition) {
      progress[disposition] += carton.items;
      continue;
    }
    const now = carton.now;
    if (now.status === 'consumed') {
      progress.processed += carton.items;
      continue;
    }
    const key = placeKey(now);
    let entry = places.get(key);
    if (!entry) {
      entry = placeOf(now, carton.placeName);
      places.set(key, entry);
    }
    entry.cartons++;
    entry.items += carton.items;
  }
  for (const entry of places.values()) progress[entry.status] += entry.items;
  for (const lot of Object.values(recall.loose)) {
    for (const disposition of ['returned', 'destroyed'] as const) {
      let left = lot[disposition] ?? 0;
      progress[disposition] += left;
      for (const from of ['delivered', 'located'] as const) {
        const taken = Math.min(left, progress[from]);
        progress[from] -= taken;
        left -= taken;
      }
    }
  }
  const counted = progress.returned + progress.destroyed + progress.located + progress.inTransit + progress.delivered + progress.processed;
  progress.unaccounted = Math.max(0, total - counted);
  progress.places = [...places.values()].sort((a, b) => b.items - a.items);
  return progress;
}

type LivePlace = Exclude<RecalledCarton['now'], { status: 'consumed' }>;

function placeKey(now: LivePlace): string {
  switch (now.status) {
    case 'not_shipped':
    case 'at_facility':
      return `l\u0000${now.facilityId}`;
    case 'in_transit':
      return `t\u0000${now.shipmentId}`;
    case 'delivered':
      return `d\u0000${now.facilityId ?? now.shipmentId}\u0000${now.recipient}`;
  }
}

function placeOf(now: LivePlace, placeName: string | undefined): RecallPlace {
  switch (now.status) {
    case 'not_shipped':
    case 'at_facility':
      return { status: 'located', facilityId: now.facilityId, ...(placeName && { placeName }), cartons: 0, items: 0 };
    case 'in_transit':
      return { status: 'inTransit', shipmentId: now.shipmentId, cartons: 0, items: 0 };
    case 'delivered':
      return {
        status: 'delivered',
        shipmentId: now.shipmentId,
        ...(now.facilityId && { facilityId: now.facilityId }),
        ...(placeName && { placeName }),
        recipient: now.recipient,
        cartons: 0,
        items: 0,
      };
  }
}

/** The outcome a closing records: the progress's figures without the places. */
export function outcomeOf({ places: _places, ...outcome }: RecallProgress): RecallOutcome {
  return outcome;
}
