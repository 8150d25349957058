import { eventTypes } from '@suyuan/core';
import { Projection } from '@suyuan/readmodels';
import { OrganizationView, ProductView } from '@suyuan/registry';
import { ProductStandardPublished } from '../domain/events';
import { StandardView } from './compliance.views';

/** Every version of each product's standard, readable for ever (`standards`, id = product id). */
export const standardsProjection: Projection<ProductStandardPublished> = {
  name: 'standards',
  eventTypes: eventTypes<ProductStandardPublished>({ ProductStandardPublished: true }),
  reads({ data: d }) {
    return [
      { collection: 'standards', id: d.productId },
      { collection: 'products', id: d.productId },
      { collection: 'organizations', id: d.ownerId },
    ];
  },
  apply({ data: d, metadata }, docs) {
    const existing = docs.get<StandardView>('standards', d.productId);
    const version = { ...d, publishedAt: metadata.recordedAt };
    const view: StandardView = existing
      ? { ...existing, versions: [...existing.versions, version] }
      : {
          id: d.productId,
          standardId: d.standardId,
          productId: d.productId,
          productName: docs.get<ProductView>('products', d.productId)?.nameZh ?? d.productId,
          ownerId: d.ownerId,
          ownerName: docs.get<OrganizationView>('organizations', d.ownerId)?.name ?? d.ownerId,
          versions: [version],
        };
    return [{ collection: 'standards', id: view.id, doc: view }];
  },
};
