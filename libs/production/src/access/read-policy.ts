import { inJurisdiction, Jurisdiction, Region } from '@suyuan/registry';
import { BatchView } from '../batch.views';

/**
 * Who may read what: the one policy every read route asks. A batch's record beyond its public
 * scan (failed tests, farm inputs, planned quantities, codes not yet on sale) is its owner's
 * business and that of the organizations that took part in it, of the standards owner judging
 * it and of the regulator over its place of origin — nobody else's.
 */

// The registry's, where persons are read by the same rule; re-exported for the libraries above.
export { inJurisdiction, type Jurisdiction };

/** The reader as the policy sees it. */
export interface Viewer {
  organizationId: string;
  /** 'admin' for the bootstrap administrator, else the organization's role. */
  role: string;
  /** Regulators only. */
  jurisdiction?: Jurisdiction;
  /** Standards owners only: products whose standard it publishes. */
  standardProducts?: ReadonlySet<string>;
}

/** What the policy needs to know of a batch. */
export interface BatchParties {
  cooperativeId: string;
  productId: string;
  /** The farm plot's region: the batch's place of origin. */
  region?: Region;
  /** Organizations the goods were handed to (offered now, or accepted at any time), labs that tested it, processors that took from it. */
  involved: ReadonlySet<string>;
}

export type BatchReadRight = 'admin' | 'owner' | 'involved' | 'standards_owner' | 'regulator';

export function batchParties(batch: BatchView): BatchParties {
  const involved = new Set<string>();
  for (const h of batch.custody ?? []) if (h.status !== 'ended' || h.acceptedAt !== undefined) involved.add(h.toOrganizationId);
  for (const t of batch.tests) if (!t.selfTest && t.labId !== batch.cooperative.id) involved.add(t.labId);
  for (const c of batch.consumptions ?? []) involved.add(c.processorId);
  for (const s of batch.sales ?? []) involved.add(s.buyerOrganizationId);
  return { cooperativeId: batch.cooperative.id, productId: batch.product.id, region: batch.farmPlot.region, involved };
}

/** Why the viewer may read the whole batch, or undefined: then only its public scan is theirs. */
export function batchReadRight(viewer: Viewer, batch: BatchParties): BatchReadRight | undefined {
  if (viewer.role === 'admin') return 'admin';
  if (viewer.organizationId === batch.cooperativeId) return 'owner';
  if (batch.involved.has(viewer.organizationId)) return 'involved';
  if (viewer.role === 'standards_owner' && viewer.standardProducts?.has(batch.productId)) return 'standards_owner';
  if (viewer.role === 'regulator' && inJurisdiction(viewer.jurisdiction, batch.region)) return 'regulator';
  return undefined;
}

/** A facility's records (its cold chain) are its owner's, and the regulator's over its place. */
export function mayReadFacility(viewer: Viewer, facility: { ownerId: string; region?: Region }): boolean {
  return (
    viewer.role === 'admin' ||
    viewer.organizationId === facility.ownerId ||
    (viewer.role === 'regulator' && inJurisdiction(viewer.jurisdiction, facility.region))
  );
}
