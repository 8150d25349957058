import { projectionSpec } from '@suyuan/readmodels/testing';
import { ApiKeyRevoked } from './domain/events';
import { cooperativeRegistered, jiufeng, keyIssued, plotRegistered, plumRegistered } from './domain/registry.fixtures';
import { registryProjection } from './registry.projection';
import { ApiKeyView, FacilityView, OrganizationView, ProductView } from './registry.views';

const given = projectionSpec(registryProjection);

const ON_1_MARCH = { occurredAt: '2025-03-01T02:00:00.000Z' };
const ON_2_MARCH = { occurredAt: '2025-03-02T02:00:00.000Z' };
const coopRegistered = { ...cooperativeRegistered, metadata: ON_1_MARCH };

const coop: OrganizationView = {
  id: 'org-jiufeng-coop',
  name: '乐昌市九峰镇黄金柰李专业合作社',
  role: 'cooperative',
  creditCode: '93440281MA4W5N1K3R',
  region: jiufeng,
  contactPhone: '0751-5551234',
  registeredAt: ON_1_MARCH.occurredAt,
};
const key: ApiKeyView = {
  id: 'key-jiufeng-1',
  organizationId: coop.id,
  role: 'cooperative',
  secretHash: keyIssued.data.secretHash,
  label: '合作社办公室',
  revoked: false,
  issuedAt: ON_2_MARCH.occurredAt,
};
const keyRevoked: ApiKeyRevoked = { type: 'ApiKeyRevoked', data: { organizationId: coop.id, keyId: key.id } };

describe('registry projection', () => {
  it('writes an organization as registered, dated when it happened', () => {
    given()
      .when(coopRegistered)
      .then([{ collection: 'organizations', id: coop.id, doc: coop }]);
  });

  it('writes an issued key with its organization’s role and the hash of its secret', () => {
    given([coopRegistered])
      .when({ ...keyIssued, metadata: ON_2_MARCH })
      .then([{ collection: 'apiKeys', id: key.id, doc: key }]);
  });

  it('writes no key for an organization it does not know', () => {
    given().when(keyIssued).then([]);
  });

  it('marks a revoked key, and ignores the revocation of a key it does not know', () => {
    given([coopRegistered, { ...keyIssued, metadata: ON_2_MARCH }])
      .when(keyRevoked)
      .then([{ collection: 'apiKeys', id: key.id, doc: { ...key, revoked: true } }]);
    given([coopRegistered]).when(keyRevoked).then([]);
  });

  it('writes a facility with its owner named, or unnamed when the owner is unknown', () => {
    const plot: FacilityView = {
      id: 'fac-langshi-plot-3',
      ownerId: coop.id,
      ownerName: coop.name,
      type: 'farm_plot',
      name: '浪石村 3 号柰李园',
      region: jiufeng,
      location: { lat: 25.2921, lng: 113.2236 },
      registeredAt: ON_2_MARCH.occurredAt,
    };
    given([coopRegistered])
      .when({ ...plotRegistered, metadata: ON_2_MARCH })
      .then([{ collection: 'facilities', id: plot.id, doc: plot }]);
    given()
      .when({ ...plotRegistered, metadata: ON_2_MARCH })
      .then([{ collection: 'facilities', id: plot.id, doc: { ...plot, ownerName: '' } }]);
  });

  it('writes a product as registered, under its id, dated when it happened', () => {
    const { productId, ...product } = plumRegistered.data;
    const plum: ProductView = { id: productId, ...product, registeredAt: ON_1_MARCH.occurredAt };
    given()
      .when({ ...plumRegistered, metadata: ON_1_MARCH })
      .then([{ collection: 'products', id: plum.id, doc: plum }]);
  });

  it('keeps the yield per 亩 a product was registered with', () => {
    const yieldPerMu = { kg: 1500, seasonStartMonth: 5 };
    const { productId, ...product } = plumRegistered.data;
    given()
      .when({ ...plumRegistered, data: { ...plumRegistered.data, yieldPerMu }, metadata: ON_1_MARCH })
      .then([
        { collection: 'products', id: productId, doc: { id: productId, ...product, yieldPerMu, registeredAt: ON_1_MARCH.occurredAt } },
      ]);
  });
});
