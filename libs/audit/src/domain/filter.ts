import { AuditEntry, familyOf } from './entry';

/** Which entries of a history a reader asks for: a range of when they happened, and kinds. */
export interface HistoryFilter {
  /** Inclusive, epoch ms of `occurredAt`. */
  fromMs?: number;
  /** Inclusive. */
  toMs?: number;
  /** Event types, e.g. BatchHarvested. */
  types?: ReadonlySet<string>;
  /** Stream families, e.g. batch, shipment. */
  families?: ReadonlySet<string>;
}

export function matches(filter: HistoryFilter, entry: AuditEntry): boolean {
  if (filter.types && !filter.types.has(entry.type)) return false;
  if (filter.families && !filter.families.has(familyOf(entry.streamId))) return false;
  if (filter.fromMs !== undefined || filter.toMs !== undefined) {
    const at = Date.parse(entry.occurredAt);
    if (filter.fromMs !== undefined && at < filter.fromMs) return false;
    if (filter.toMs !== undefined && at > filter.toMs) return false;
  }
  return true;
}
