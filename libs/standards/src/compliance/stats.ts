import { Changes } from './changes';
import { BatchComplianceView, ComplianceStatsView, StatDimension, StatusCounts, zeroCounts } from './compliance.views';

type Counted = NonNullable<BatchComplianceView['counted']>;

/** The aggregates a batch counts in: everything, its product, cooperative, county, month and standard version. */
function keysOf(doc: BatchComplianceView): { id: string; dimension: StatDimension; key: string; label: string }[] {
  const key = (dimension: StatDimension, k: string, label: string) => ({ id: `${dimension}|${k}`, dimension, key: k, label });
  return [
    key('all', 'all', '全部 all'),
    key('product', doc.productId, doc.productName),
    key('cooperative', doc.cooperativeId, doc.cooperativeName),
    key('county', doc.county, doc.county),
    key('month', doc.month, doc.month),
    ...(doc.standard ? [key('standard', `${doc.standard.standardId}@${doc.standard.version}`, `${doc.standard.title} v${doc.standard.version}`)] : []),
  ];
}

/**
 * Moves the batch's contribution to the aggregates from what it counted before to what it
 * is now: the regulator's view is then one read of precomputed counts, however many batches.
 * Batches with no standard in force are not counted.
 */
export function recount(doc: BatchComplianceView, changes: Changes): BatchComplianceView {
  const keys = doc.status ? keysOf(doc) : [];
  const now: Counted | undefined = doc.status ? { keys: keys.map((k) => k.id), status: doc.status, items: doc.items, violated: doc.violated } : undefined;
  const before = doc.counted;
  if (same(before, now)) return doc;
  if (before) for (const id of before.keys) apply(changes, id, undefined, before, -1);
  if (now) for (const k of keys) apply(changes, k.id, k, now, 1);
  return { ...doc, counted: now };
}

function apply(changes: Changes, id: string, fresh: { dimension: StatDimension; key: string; label: string } | undefined, c: Counted, sign: 1 | -1): void {
  const existing = changes.get<ComplianceStatsView>('complianceStats', id);
  const base: ComplianceStatsView = existing ?? {
    id,
    dimension: fresh?.dimension ?? (id.split('|')[0] as StatDimension),
    key: fresh?.key ?? id.slice(id.indexOf('|') + 1),
    label: fresh?.label ?? id,
    batches: zeroCounts(),
    items: zeroCounts(),
    violations: {},
  };
  const batches = { ...base.batches, [c.status]: base.batches[c.status] + sign };
  const items = add(base.items, c.items, sign);
  const violations = { ...base.violations };
  for (const rule of c.violated) {
    violations[rule] = (violations[rule] ?? 0) + sign;
    if (violations[rule] <= 0) delete violations[rule];
  }
  changes.put('complianceStats', id, { ...base, ...(fresh && { label: fresh.label }), batches, items, violations });
}

function add(a: StatusCounts, b: StatusCounts, sign: number): StatusCounts {
  return { compliant: a.compliant + sign * b.compliant, non_compliant: a.non_compliant + sign * b.non_compliant, pending: a.pending + sign * b.pending };
}

/** Most events leave a batch's contribution as it was: compared field by field, on every event. */
function same(a: Counted | undefined, b: Counted | undefined): boolean {
  if (!a || !b) return a === b;
  const sameList = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.status === b.status &&
    a.items.compliant === b.items.compliant &&
    a.items.non_compliant === b.items.non_compliant &&
    a.items.pending === b.items.pending &&
    sameList(a.keys, b.keys) &&
    sameList(a.violated, b.violated)
  );
}
