import { BatchReadRight, inJurisdiction, Viewer } from '@suyuan/production';
import { Region } from '@suyuan/registry';

/** What the rule needs to know of a subject whose history is asked for. */
export interface SubjectParties {
  /** Organizations that recorded events on it, or own it. */
  handlers: ReadonlySet<string>;
  /** Where it is under a regulator: a batch's origin, a facility's place, a shipment's ends, an organization's seat. */
  regions: readonly (Region | undefined)[];
  /** How the batch read policy lets the viewer read the batch the subject belongs to, if at all. */
  batchRight?: BatchReadRight;
}

export type HistoryReadRight = 'admin' | 'handler' | 'batch_reader' | 'regulator';

/**
 * Who reads a history: the administrator; an organization that handled the subject (recorded
 * an event on it, or owns it); whoever the batch read policy lets read the batch it belongs
 * to; the regulator over a place it is in. A history is nobody else's business.
 */
export function historyReadRight(viewer: Viewer, parties: SubjectParties): HistoryReadRight | undefined {
  if (viewer.role === 'admin') return 'admin';
  if (parties.handlers.has(viewer.organizationId)) return 'handler';
  if (parties.batchRight) return 'batch_reader';
  if (viewer.role === 'regulator' && parties.regions.some((region) => inJurisdiction(viewer.jurisdiction, region))) return 'regulator';
  return undefined;
}
