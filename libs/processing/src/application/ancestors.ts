import { DocumentStore } from '@suyuan/readmodels';
import { LineageView } from '../lineage/lineage.views';

/** Far more generations than any real product has: a bound against a malformed tree, not a limit users meet. */
const MAX_GENERATIONS = 50;

/** Every lot the given lots were made from, through every generation of the family tree. */
export async function ancestorsOf(docs: DocumentStore, batchIds: readonly string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  let frontier = [...batchIds];
  for (let generation = 0; generation < MAX_GENERATIONS && frontier.length > 0; generation++) {
    const lineage = await docs.getMany<LineageView>(frontier.map((id) => ({ collection: 'lineage', id })));
    const next: string[] = [];
    for (const view of lineage.values()) {
      for (const parent of view?.parents ?? []) {
        if (seen.has(parent.batchId)) continue;
        seen.add(parent.batchId);
        next.push(parent.batchId);
      }
    }
    frontier = next;
  }
  return seen;
}
