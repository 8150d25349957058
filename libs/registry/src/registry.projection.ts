import { eventTypes, StoredDomainEvent } from '@suyuan/core';
import { DocReader, DocWrite, Projection } from '@suyuan/readmodels';
import {
  ApiKeyIssued,
  FacilityEvent,
  FacilityRegistered,
  OrganizationEvent,
  OrganizationRegistered,
  ProductEvent,
  ProductRegistered,
} from './domain/events';
import { ApiKeyView, FacilityView, OrganizationView, ProductView } from './registry.views';

type RegistryEvent = OrganizationEvent | FacilityEvent | ProductEvent;

/** Organizations, their API keys, facilities and products: the reference data every other view names. */
export const registryProjection: Projection<RegistryEvent> = {
  name: 'registry',
  eventTypes: eventTypes<RegistryEvent>({
    OrganizationRegistered: true,
    ApiKeyIssued: true,
    ApiKeyRevoked: true,
    FacilityRegistered: true,
    ProductRegistered: true,
  }),
  reads(event) {
    switch (event.type) {
      case 'ApiKeyIssued':
        return [{ collection: 'organizations', id: event.data.organizationId }];
      case 'ApiKeyRevoked':
        return [{ collection: 'apiKeys', id: event.data.keyId }];
      case 'FacilityRegistered':
        return [{ collection: 'organizations', id: event.data.ownerId }];
      case 'OrganizationRegistered':
      case 'ProductRegistered':
        return [];
      default: {
        const unknown: never = event;
        throw new Error(`Unknown registry event: ${JSON.stringify(unknown)}`);
      }
    }
  },
  apply(event, docs) {
    switch (event.type) {
      case 'OrganizationRegistered':
        return organizationRegistered(event);
      case 'ApiKeyIssued':
        return apiKeyIssued(event, docs);
      case 'ApiKeyRevoked': {
        const key = docs.get<ApiKeyView>('apiKeys', event.data.keyId);
        return key ? [{ collection: 'apiKeys', id: key.id, doc: { ...key, revoked: true } }] : [];
      }
      case 'FacilityRegistered':
        return facilityRegistered(event, docs);
      case 'ProductRegistered':
        return productRegistered(event);
      default: {
        const unknown: never = event;
        throw new Error(`Unknown registry event: ${JSON.stringify(unknown)}`);
      }
    }
  },
};

function organizationRegistered({ data: d, metadata }: StoredDomainEvent<OrganizationRegistered>): DocWrite[] {
  const view: OrganizationView = {
    id: d.organizationId,
    name: d.name,
    role: d.role,
    creditCode: d.creditCode,
    region: d.region,
    contactPhone: d.contactPhone,
    registeredAt: metadata.occurredAt,
  };
  return [{ collection: 'organizations', id: view.id, doc: view }];
}

function apiKeyIssued({ data: d, metadata }: StoredDomainEvent<ApiKeyIssued>, docs: DocReader): DocWrite[] {
  const org = docs.get<OrganizationView>('organizations', d.organizationId);
  if (!org) return [];
  const view: ApiKeyView = {
    id: d.keyId,
    organizationId: d.organizationId,
    role: org.role,
    secretHash: d.secretHash,
    label: d.label,
    revoked: false,
    issuedAt: metadata.occurredAt,
  };
  return [{ collection: 'apiKeys', id: view.id, doc: view }];
}

function facilityRegistered({ data: d, metadata }: StoredDomainEvent<FacilityRegistered>, docs: DocReader): DocWrite[] {
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
    areaMu: d.areaMu,
    registeredAt: metadata.occurredAt,
  };
  return [{ collection: 'facilities', id: view.id, doc: view }];
}

function productRegistered({ data: d, metadata }: StoredDomainEvent<ProductRegistered>): DocWrite[] {
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
    madeFrom: d.madeFrom,
    yieldPerMu: d.yieldPerMu,
    registeredAt: metadata.occurredAt,
  };
  return [{ collection: 'products', id: view.id, doc: view }];
}
