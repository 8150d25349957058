import { EventMetadata } from '@suyuan/core';
import { RecordedEvent } from '@suyuan/eventstore';
import { Projection } from '@suyuan/readmodels';
import {
  ApiKeyIssued,
  ApiKeyRevoked,
  FacilityRegistered,
  OrganizationRegistered,
  ProductRegistered,
} from './domain/events';
import { ApiKeyView, FacilityView, OrganizationView, ProductView } from './registry.views';

/** Organizations, their API keys, facilities and products: the reference data every other view names. */
export const registryProjection: Projection = {
  name: 'registry',
  eventTypes: ['OrganizationRegistered', 'ApiKeyIssued', 'ApiKeyRevoked', 'FacilityRegistered', 'ProductRegistered'],
  reads(event) {
    const data = event.data as { organizationId?: string; ownerId?: string; keyId?: string };
    switch (event.type) {
      case 'ApiKeyIssued':
        return [{ collection: 'organizations', id: data.organizationId! }];
      case 'ApiKeyRevoked':
        return [{ collection: 'apiKeys', id: data.keyId! }];
      case 'FacilityRegistered':
        return [{ collection: 'organizations', id: data.ownerId! }];
      default:
        return [];
    }
  },
  apply(event: RecordedEvent, docs) {
    const at = (event.metadata as EventMetadata).occurredAt;
    switch (event.type) {
      case 'OrganizationRegistered': {
        const d = event.data as OrganizationRegistered['data'];
        const view: OrganizationView = {
          id: d.organizationId,
          name: d.name,
          role: d.role,
          creditCode: d.creditCode,
          region: d.region,
          contactPhone: d.contactPhone,
          registeredAt: at,
        };
        return [{ collection: 'organizations', id: view.id, doc: view }];
      }
      case 'ApiKeyIssued': {
        const d = event.data as ApiKeyIssued['data'];
        const org = docs.get<OrganizationView>('organizations', d.organizationId);
        if (!org) return [];
        const view: ApiKeyView = {
          id: d.keyId,
          organizationId: d.organizationId,
          role: org.role,
          secretHash: d.secretHash,
          label: d.label,
          revoked: false,
          issuedAt: at,
        };
        return [{ collection: 'apiKeys', id: view.id, doc: view }];
      }
      case 'ApiKeyRevoked': {
        const d = event.data as ApiKeyRevoked['data'];
        const key = docs.get<ApiKeyView>('apiKeys', d.keyId);
        return key ? [{ collection: 'apiKeys', id: key.id, doc: { ...key, revoked: true } }] : [];
      }
      case 'FacilityRegistered': {
        const d = event.data as FacilityRegistered['data'];
        const owner = docs.get<OrganizationView>('organizations', d.ownerId);
        const view: FacilityView = {
          id: d.facilityId,
          ownerId: d.ownerId,
          ownerName: owner?.name ?? '',
          type: d.type,
          name: d.name,
          region: d.region,
          location: d.location,
          plate: d.plate,
          registeredAt: at,
        };
        return [{ collection: 'facilities', id: view.id, doc: view }];
      }
      case 'ProductRegistered': {
        const d = event.data as ProductRegistered['data'];
        const view: ProductView = {
          id: d.productId,
          nameZh: d.nameZh,
          nameEn: d.nameEn,
          category: d.category,
          storageClass: d.storageClass,
          storageRange: d.storageRange,
          transportRange: d.transportRange,
          gtin: d.gtin,
          grades: d.grades,
          registeredAt: at,
        };
        return [{ collection: 'products', id: view.id, doc: view }];
      }
      default:
        return [];
    }
  },
};
