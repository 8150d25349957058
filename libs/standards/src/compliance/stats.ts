import { Changes } from './changes';
import { BatchComplianceView, ComplianceCellView, StatusCounts, zeroCounts } from './compliance.views';

type Counted = NonNullable<BatchComplianceView['counted']>;

/** The cell a batch counts in: its product, cooperative, county, month and standard version. */
function cellOf(doc: BatchComplianceView): { id: string; keys: ComplianceCellView['keys'] } {
  const standard = doc.standard ? `${doc.standard.standardId}@${doc.standard.version}` : '';
  const keys: ComplianceCellView['keys'] = {
    product: { key: doc.productId, label: doc.productName },
    cooperative: { key: doc.cooperativeId, label: doc.cooperativeName },
    county: { key: doc.county, label: doc.county, ...(doc.province && { province: doc.province }) },
    month: { key: doc.month, label: doc.month },
    standard: { key: standard, label: doc.standard ? `${doc.standard.title} v${doc.standard.version}` : '' },
  };
  // Namesake counties of two provinces are two cells.
  const county = doc.province ? `${doc.province}/${doc.county}` : doc.county;
  return { id: [doc.productId, doc.cooperativeId, county, doc.month, standard].join('|'), keys };
}

/**
 * Moves the batch's contribution to the aggregates from what it counted before to what it is
 * now. One cell per batch, not one document per dimension: most verdict changes write a single
 * small document, and the regulator's summary adds up a county's cells when asked.
 * Batches with no standard in force are not counted.
 */
export function recount(doc: BatchComplianceView, changes: Changes): BatchComplianceView {
  const cell = doc.status ? cellOf(doc) : undefined;
  const now: Counted | undefined =
    doc.status && cell ? { cell: cell.id, status: doc.status, items: doc.items, violated: doc.violated } : undefined;
  const before = doc.counted;
  if (same(before, now)) return doc;
  if (before) apply(changes, before.cell, undefined, before, -1);
  if (now && cell) apply(changes, cell.id, cell.keys, now, 1);
  return { ...doc, counted: now };
}

function apply(changes: Changes, id: string, keys: ComplianceCellView['keys'] | undefined, c: Counted, sign: 1 | -1): void {
  const existing = changes.get<ComplianceCellView>('complianceStats', id);
  // A cell is created by the batch counted into it, so the one a batch leaves always exists.
  if (!existing && !keys) return;
  const base: ComplianceCellView = existing ?? { id, keys: keys!, batches: zeroCounts(), items: zeroCounts(), violations: {} };
  const batches = { ...base.batches, [c.status]: base.batches[c.status] + sign };
  const items = add(base.items, c.items, sign);
  const violations = { ...base.violations };
  for (const rule of c.violated) {
    violations[rule] = (violations[rule] ?? 0) + sign;
    if (violations[rule] <= 0) delete violations[rule];
  }
  changes.put('complianceStats', id, { ...base, ...(keys && { keys }), batches, items, violations });
}

function add(a: StatusCounts, b: StatusCounts, sign: number): StatusCounts {
  return {
    compliant: a.compliant + sign * b.compliant,
    non_compliant: a.non_compliant + sign * b.non_compliant,
    pending: a.pending + sign * b.pending,
  };
}

/** Most events leave a batch's contribution as it was: compared field by field, on every event. */
function same(a: Counted | undefined, b: Counted | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.cell === b.cell &&
    a.status === b.status &&
    a.items.compliant === b.items.compliant &&
    a.items.non_compliant === b.items.non_compliant &&
    a.items.pending === b.items.pending &&
    a.violated.length === b.violated.length &&
    a.violated.every((rule, i) => rule === b.violated[i])
  );
}
