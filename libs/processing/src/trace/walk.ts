import { DocumentStore, docKey } from '@suyuan/readmodels';
import { LineageEdge, LineageView } from '../lineage/lineage.views';

export type Direction = 'parents' | 'children';

export interface WalkedLot {
  batchId: string;
  generation: number;
  /** Absent for a lot that never took part in a transformation. */
  lineage?: LineageView;
}

/**
 * Every lot reachable from `starts` through the family tree in one direction, generation by
 * generation, each lot once (a malformed tree with a cycle ends where it closes), up to
 * `depth` generations; `truncated` when lots lie beyond.
 */
export async function walk(
  docs: DocumentStore,
  starts: readonly string[],
  direction: Direction,
  depth: number,
): Promise<{ lots: WalkedLot[]; truncated: boolean }> {
  const visited = new Set<string>();
  const lots: WalkedLot[] = [];
  let frontier = [...new Set(starts)];
  frontier.forEach((id) => visited.add(id));
  let truncated = false;
  for (let generation = 0; frontier.length > 0; generation++) {
    const found = await docs.getMany<LineageView>(frontier.map((id) => ({ collection: 'lineage', id })));
    const next: string[] = [];
    for (const batchId of frontier) {
      const lineage = found.get(docKey('lineage', batchId));
      lots.push({ batchId, generation, lineage });
      for (const edge of edgesOf(lineage, direction)) {
        if (visited.has(edge.batchId)) continue;
        if (generation === depth) {
          truncated = true;
          continue;
        }
        visited.add(edge.batchId);
        next.push(edge.batchId);
      }
    }
    frontier = next;
  }
  return { lots, truncated };
}

export function edgesOf(lineage: LineageView | undefined, direction: Direction): LineageEdge[] {
  return lineage?.[direction] ?? [];
}
