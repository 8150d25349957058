import {
  ApiClient,
  FACILITIES,
  FacilityKey,
  ORGANIZATIONS,
  OrgKey,
  PRODUCTS,
  ProductKey,
  facilityBody,
  productBody,
  registerFacility,
  registerOrganization,
  registerProduct,
} from '../world';
import { WorldIds } from './production';

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

const entries = <K extends string, V>(record: Partial<Record<K, V>>) => Object.entries(record) as [K, V][];

/** The demo's processed products: finished tea from fresh leaves, chilled birds from live ones. */
const MADE_FROM: Partial<Record<ProductKey, ProductKey[]>> = { tea: ['teaLeaves'], chicken: ['liveChicken'] };

/**
 * The administrator registers the organizations and products and issues each organization a
 * key; each organization then registers its own facilities with that key, as it would in the field.
 */
export async function registerWorld(api: ApiClient, adminKey: string, runId: string): Promise<RegisteredWorld> {
  const organizations = await Promise.all(
    entries(ORGANIZATIONS).map(async ([key, def]): Promise<OrganizationOut> => {
      // A key is shown once and never replayed, so a re-run issues a fresh one.
      const org = await registerOrganization(api.call, adminKey, def, { label: `demo ${runId}`, idempotencyKey: `org-${key}` });
      return { key, id: org.id, name: org.name, role: org.role, creditCode: def.creditCode, apiKey: org.apiKey, keyId: org.keyId };
    }),
  );
  const orgs = Object.fromEntries(organizations.map((o) => [o.key, { id: o.id, apiKey: o.apiKey }])) as WorldIds['orgs'];

  const registerProducts = (keys: ProductKey[], madeFrom: Partial<Record<ProductKey, string[]>> = {}) =>
    Promise.all(
      keys.map(async (key): Promise<ProductOut> => {
        const body = productBody(PRODUCTS[key], { madeFrom: madeFrom[key] });
        const product = await registerProduct<Omit<ProductOut, 'key'>>(api.call, adminKey, body, `product-${key}`);
        const { id, nameZh, nameEn, gtin, grades, storageRange, transportRange } = product;
        return { key, id, nameZh, nameEn, gtin, grades, storageRange, transportRange };
      }),
    );
  const processed = entries(MADE_FROM).map(([key]) => key);
  const [products, facilities] = await Promise.all([
    // A processed product names the products it is made from, so those are registered first.
    registerProducts(
      entries(PRODUCTS)
        .map(([key]) => key)
        .filter((key) => !processed.includes(key)),
    ).then(async (raw) => {
      const idOf = (key: ProductKey) => raw.find((p) => p.key === key)!.id;
      const madeFrom = Object.fromEntries(entries(MADE_FROM).map(([key, from]) => [key, from.map(idOf)]));
      return [...raw, ...(await registerProducts(processed, madeFrom))];
    }),
    Promise.all(
      entries(FACILITIES).map(async ([key, def]): Promise<FacilityOut> => {
        const facility = await registerFacility<Omit<FacilityOut, 'key'>>(
          api.call,
          orgs[def.owner].apiKey,
          facilityBody(def),
          `facility-${key}`,
        );
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
