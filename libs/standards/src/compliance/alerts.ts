import { Changes } from './changes';
import { AlertEpisode, AlertView, BatchComplianceView } from './compliance.views';
import type { RuleResult } from '../evaluation/rule-result';
import type { Cause } from './cause';

export const alertId = (batchId: string, rule: string) => `${batchId}|${rule}`;

/**
 * A rule that turns violated raises an alert for the batch's cooperative and for regulators,
 * in the same write as the event that caused it; one that stops being violated (a revision
 * relaxed it) is resolved. A withdrawn brand label is an alert of its own.
 */
export function recordAlerts(
  before: BatchComplianceView,
  after: BatchComplianceView,
  rules: readonly RuleResult[],
  cause: Cause,
  changes: Changes,
): void {
  const was = new Set(before.violated);
  const now = new Set(after.violated);
  for (const r of rules) {
    if (r.status !== 'violated' || was.has(r.rule)) continue;
    raise(after, r.rule, r.reason, r.reasonEn, cause.eventId, cause, changes);
  }
  for (const rule of was) {
    if (now.has(rule)) continue;
    const alert = changes.get<AlertView>('alerts', alertId(after.batchId, rule));
    if (alert?.status === 'open') changes.put('alerts', alert.id, { ...alert, status: 'resolved', resolvedAt: cause.recordedAt });
  }
  if (before.brand?.status === 'withdrawn' && after.brand?.status === 'certified') {
    const alert = changes.get<AlertView>('alerts', alertId(after.batchId, 'brand'));
    if (alert?.status === 'open') changes.put('alerts', alert.id, { ...alert, status: 'resolved', resolvedAt: cause.recordedAt });
  }
  if (before.brand?.status === 'certified' && after.brand?.status === 'withdrawn') {
    const rules = after.brand.withdrawnBecause?.map((b) => b.rule).join(', ') ?? '';
    raise(
      after,
      'brand',
      `区域公用品牌标识已撤销：${rules}不符合标准`,
      `Regional brand label withdrawn: ${rules} violated`,
      cause.eventId,
      cause,
      changes,
    );
  }
}

/** A rule violated again after its alert was resolved opens a new episode; the earlier ones stay on the alert. */
function raise(
  doc: BatchComplianceView,
  rule: string,
  reason: string,
  reasonEn: string,
  eventId: string,
  cause: Cause,
  changes: Changes,
): void {
  const before = changes.get<AlertView>('alerts', alertId(doc.batchId, rule));
  const earlier = before ? [...(before.earlier ?? []), episodeOf(before)] : [];
  const alert: AlertView = {
    id: alertId(doc.batchId, rule),
    batchId: doc.batchId,
    lotCode: doc.lotCode,
    productId: doc.productId,
    productName: doc.productName,
    cooperativeId: doc.cooperativeId,
    cooperativeName: doc.cooperativeName,
    county: doc.county,
    rule,
    status: 'open',
    reason,
    reasonEn,
    eventId,
    occurredAt: cause.occurredAt,
    raisedAt: cause.recordedAt,
    ...(earlier.length > 0 && { earlier }),
  };
  changes.put('alerts', alert.id, alert);
}

function episodeOf(a: AlertView): AlertEpisode {
  const { reason, reasonEn, eventId, occurredAt, raisedAt, resolvedAt } = a;
  return { reason, reasonEn, eventId, occurredAt, raisedAt, ...(resolvedAt !== undefined && { resolvedAt }) };
}
