import { Viewer } from '@suyuan/production';
import { DocumentStore } from '@suyuan/readmodels';
import { forwardStartLots } from './forward-starts';
import { ForwardStart, UnitPlace } from './trace.views';
import { loadLots } from './traced-lots';
import { placeCartons } from './units';
import { walk } from './walk';

/** No family tree is this deep; a recall follows every generation, where a trace page stops at 20. */
const ALL_GENERATIONS = 1_000;

/**
 * The lots a recall starting from `starts` covers: the start lots the reader may read (404 or
 * 403 as for a trace forward) and every lot made from them, whoever made it.
 */
export async function recallReach(
  docs: DocumentStore,
  viewer: Viewer,
  starts: readonly ForwardStart[],
): Promise<{ startLots: string[]; lots: string[] }> {
  const startLots = [...new Set((await Promise.all(starts.map((start) => forwardStartLots(docs, viewer, start)))).flat())];
  const walked = await walk(docs, startLots, 'children', ALL_GENERATIONS);
  return { startLots, lots: walked.lots.map((l) => l.batchId) };
}

/** A carton of a recalled lot and where it is now. */
export interface RecalledCarton {
  cartonId: string;
  lotId: string;
  items: number;
  now: UnitPlace;
  placeName?: string;
}

/** Every carton the lots were packed into, with where it is now: read at the time asked, so a recall's progress follows the goods. */
export async function cartonsOfLots(docs: DocumentStore, lotIds: readonly string[]): Promise<RecalledCarton[]> {
  // The lots alone (no generation beyond), with their lineage: which of their cartons processing took whole.
  const walked = await walk(docs, lotIds, 'children', 0);
  const lots = await loadLots(docs, { organizationId: '', role: 'admin' }, walked.lots);
  const consumed = new Map<string, string>();
  for (const lot of lots) {
    for (const edge of lot.lineage?.children ?? []) for (const id of edge.cartonIds ?? []) consumed.set(id, edge.transformationId);
  }
  return (await placeCartons(docs, lots, consumed)).map(({ carton, lot, now, placeName }) => {
    const recalled: RecalledCarton = { cartonId: carton.id, lotId: lot.batchId, items: carton.itemCount, now };
    if (placeName !== undefined) recalled.placeName = placeName;
    return recalled;
  });
}
