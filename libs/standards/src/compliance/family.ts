import { AncestorFacts, BatchFacts } from '../evaluation/batch-facts';
import { Changes } from './changes';
import { BatchComplianceView } from './compliance.views';

const complianceOf = (id: string, changes: Changes) => changes.get<BatchComplianceView>('compliance', id);

/** What a lot's own record gives the lots made from it. */
function ancestorOf(doc: BatchComplianceView): AncestorFacts {
  const f: BatchFacts = doc.facts;
  return {
    lotCode: doc.lotCode,
    inputs: f.inputs,
    harvests: f.harvests,
    tests: f.tests,
    ...(f.farmPlotId !== undefined && { farmPlotId: f.farmPlotId }),
    ...(f.held?.length && { held: f.held }),
    ...(f.households?.length && { households: f.households }),
    ...(f.inputIds?.length && { inputIds: f.inputIds }),
  };
}

/** Every lot these inputs are, or were made from, any generation back, as their records stand now. */
export function lineageOf(inputIds: readonly string[], changes: Changes): Record<string, AncestorFacts> {
  const lineage: Record<string, AncestorFacts> = {};
  for (const id of inputIds) {
    const doc = complianceOf(id, changes);
    if (!doc) continue;
    lineage[id] = ancestorOf(doc);
    Object.assign(lineage, doc.facts.lineage);
  }
  return lineage;
}

/**
 * The lots made from this one, any generation down, each after every lot it was made from
 * among them: judged in that order, each sees its inputs' lineage as this event left it.
 */
export function lotsMadeFrom(id: string, changes: Changes): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  // Depth first, each lot after all lots made from it: reversed, every lot comes after its inputs.
  const visit = (lot: string) => {
    if (seen.has(lot)) return;
    seen.add(lot);
    for (const child of complianceOf(lot, changes)?.madeInto ?? []) visit(child);
    order.push(lot);
  };
  visit(id);
  return order.reverse().slice(1);
}
