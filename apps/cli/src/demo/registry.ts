import { ApiClient } from './api-client';
import { WorldIds } from './production';
import { FACILITIES, FacilityKey, ORGS, OrgKey, PRODUCTS, ProductKey } from './world';

export interface OrganizationOut {
  key: OrgKey;
  id: string;
  name: string;
  role: string;
  creditCode: string;
  apiKey: string;
  keyId: string;
}

export interface FacilityOut {
  key: FacilityKey;
  id: string;
  name: string;
  type: string;
  ownerId: string;
  ownerName: string;
  region: { town?: string; village?: string };
  plate?: string;
}

export interface ProductOut {
  key: ProductKey;
  id: string;
  nameZh: string;
  nameEn: string;
  gtin?: string;
  grades: string[];
  storageRange: { minC: number; maxC: number };
  transportRange: { minC: number; maxC: number };
}

export interface RegisteredWorld {
  ids: WorldIds;
  organizations: OrganizationOut[];
  facilities: FacilityOut[];
  products: ProductOut[];
}

const entries = <K extends string, V>(record: Record<K, V>) => Object.entries(record) as [K, V][];

/**
 * The administrator registers the organizations and products and issues each organization a
 * key; each organization then registers its own facilities with that key, as it would in the field.
 */
export async function registerWorld(api: ApiClient, adminKey: string, runId: string): Promise<RegisteredWorld> {
  const organizations = await Promise.all(
    entries(ORGS).map(async ([key, def]): Promise<OrganizationOut> => {
      const org = await api.post<{ id: string; name: string; role: string }>('/api/organizations', adminKey, def, `org-${key}`);
      // A key is shown once and never replayed, so a re-run issues a fresh one.
      const issued = await api.post<{ keyId: string; apiKey: string }>(`/api/organizations/${org.id}/api-keys`, adminKey, { label: `demo ${runId}` });
      return { key, id: org.id, name: org.name, role: org.role, creditCode: def.creditCode, apiKey: issued.apiKey, keyId: issued.keyId };
    }),
  );
  const orgs = Object.fromEntries(organizations.map((o) => [o.key, { id: o.id, apiKey: o.apiKey }])) as WorldIds['orgs'];

  const [products, facilities] = await Promise.all([
    Promise.all(
      entries(PRODUCTS).map(async ([key, def]): Promise<ProductOut> => {
        const { humidityPct: _rh, lotPrefix: _lot, ...body } = def;
        const product = await api.post<Omit<ProductOut, 'key'>>('/api/products', adminKey, body, `product-${key}`);
        const { id, nameZh, nameEn, gtin, grades, storageRange, transportRange } = product;
        return { key, id, nameZh, nameEn, gtin, grades, storageRange, transportRange };
      }),
    ),
    Promise.all(
      entries(FACILITIES).map(async ([key, def]): Promise<FacilityOut> => {
        const { owner, logger: _logger, ...body } = def;
        const facility = await api.post<Omit<FacilityOut, 'key'>>('/api/facilities', orgs[owner].apiKey, body, `facility-${key}`);
        const { id, name, type, ownerId, ownerName, region, plate } = facility;
        return { key, id, name, type, ownerId, ownerName, region: { town: region.town, village: region.village }, plate };
      }),
    ),
  ]);

  return {
    ids: {
      orgs,
      facilities: Object.fromEntries(facilities.map((f) => [f.key, f.id])) as WorldIds['facilities'],
      products: Object.fromEntries(products.map((p) => [p.key, p.id])) as WorldIds['products'],
    },
    organizations,
    facilities,
    products,
  };
}
