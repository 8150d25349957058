import { Inject, Injectable } from '@nestjs/common';
import { Actor, forbidden, notFound } from '@suyuan/core';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { OrganizationView } from '@suyuan/registry';
import { BatchAccessView, BatchView } from '../batch.views';
import { BatchReadRight, Viewer, batchParties, batchReadRight } from './read-policy';

/** The standards a standards owner publishes, as far as the policy needs them. */
interface StandardOwnership {
  productId: string;
  ownerId: string;
}

/** Applies the read policy to batches: one lookup of who the reader is, then the pure rule. */
@Injectable()
export class BatchReaders {
  constructor(@Inject(DOCUMENT_STORE) private readonly docs: DocumentStore) {}

  async viewer(actor: Actor): Promise<Viewer> {
    const viewer: Viewer = { organizationId: actor.organizationId, role: actor.role };
    if (actor.role === 'regulator') {
      const region = (await this.docs.get<OrganizationView>('organizations', actor.organizationId))?.region;
      if (region)
        viewer.jurisdiction = { ...(region.province && { province: region.province }), ...(region.county && { county: region.county }) };
    }
    if (actor.role === 'standards_owner') {
      const standards = await this.docs.find<StandardOwnership>('standards');
      viewer.standardProducts = new Set(standards.filter((s) => s.ownerId === actor.organizationId).map((s) => s.productId));
    }
    return viewer;
  }

  /** The batch, for a reader the policy lets read it whole; 404 for no such batch, 403 naming the rule otherwise. */
  async readable(actor: Actor, batchId: string, viewer?: Viewer): Promise<BatchView> {
    const batch = await this.docs.get<BatchView>('batches', batchId);
    if (!batch) throw notFound('batch_not_found', `no batch ${batchId}`);
    requireRight(batchReadRight(viewer ?? (await this.viewer(actor)), batchParties(batch)), batchId);
    return batch;
  }

  /** Whether the reader may read the batch whole (the batch must exist). */
  async mayRead(viewer: Viewer, batchId: string): Promise<boolean> {
    const batch = await this.docs.get<BatchView>('batches', batchId);
    return !!batch && batchReadRight(viewer, batchParties(batch)) !== undefined;
  }

  /** Of the given batch ids, those the reader may read whole. */
  async readableIds(viewer: Viewer, batchIds: readonly string[]): Promise<Set<string>> {
    const ids = [...new Set(batchIds)];
    const found = await this.docs.getMany<BatchView>(ids.map((id) => ({ collection: 'batches', id })));
    return new Set(
      [...found.values()].filter((b): b is BatchView => !!b && batchReadRight(viewer, batchParties(b)) !== undefined).map((b) => b.id),
    );
  }

  /**
   * Every batch the reader may read, narrowed by the filters. Owners, holders and labs start from
   * their own and their part in others (no scan of every batch); the others from the filters.
   */
  async list(viewer: Viewer, filter: { cooperativeId?: string; productId?: string } = {}): Promise<BatchView[]> {
    const where = {
      ...(filter.cooperativeId && { 'cooperative.id': filter.cooperativeId }),
      ...(filter.productId && { 'product.id': filter.productId }),
    };
    let candidates: BatchView[];
    if (viewer.role === 'admin' || viewer.role === 'regulator' || viewer.role === 'standards_owner') {
      candidates = await this.docs.find<BatchView>('batches', where);
    } else {
      const own =
        viewer.role === 'cooperative' || viewer.role === 'processor'
          ? await this.docs.find<BatchView>('batches', { 'cooperative.id': viewer.organizationId })
          : [];
      const parts = await this.docs.find<BatchAccessView>('batchAccess', { organizationId: viewer.organizationId });
      const theirs = await this.docs.getMany<BatchView>(parts.map((p) => ({ collection: 'batches', id: p.batchId })));
      candidates = [...own, ...[...theirs.values()].filter((b): b is BatchView => !!b)].filter(
        (b) =>
          (!filter.cooperativeId || b.cooperative.id === filter.cooperativeId) && (!filter.productId || b.product.id === filter.productId),
      );
    }
    const seen = new Set<string>();
    return candidates.filter((b) => !seen.has(b.id) && seen.add(b.id) && batchReadRight(viewer, batchParties(b)) !== undefined);
  }
}

export function requireRight(right: BatchReadRight | undefined, batchId: string): BatchReadRight {
  if (right) return right;
  throw forbidden(
    'not_allowed_to_read',
    `batch ${batchId} is read by its cooperative, the organizations it handed the goods to, the labs that tested it, ` +
      'the standards owner judging it and the regulator over its origin; to everyone else only its items’ public scan pages show it',
  );
}
